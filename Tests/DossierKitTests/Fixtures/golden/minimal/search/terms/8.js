DOSSIER_SEARCH_SHARD("terms/8",{"t":{"harbour":["BAB",[12]],"heading":["J"],"him":[[7]],"history":[[3]],"home":[[10]],"how":[[0]],"html":[[11]],"https":[[11]]}});
