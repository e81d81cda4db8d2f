DOSSIER_SEARCH_SHARD("terms/2",{"t":{"background":[[11]],"based":[[10]],"below":[[0]],"bold":[[11]],"bought":[[2]],"bracket":[[11]],"by":["aB",[6]]}});
