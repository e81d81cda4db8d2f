DOSSIER_SEARCH_SHARD("terms/11",{"t":{"lazily":[[0]],"licences":[[2]],"like":["J"],"link":[[11]],"loads":[[0]],"ltd":[[3],[3]]}});
