DOSSIER_SEARCH_SHARD("terms/16",{"t":{"repeated":[[0]],"report":["1y","Rg"],"research":[[11]],"researchers":[[11],[11]]}});
