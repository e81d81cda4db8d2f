DOSSIER_SEARCH_SHARD("terms/7",{"t":{"gets":[[3]],"gps":[[12]],"group":[[11]]}});
