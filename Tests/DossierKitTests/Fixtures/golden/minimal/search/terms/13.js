DOSSIER_SEARCH_SHARD("terms/13",{"t":{"named":["pC"],"names":[[10]],"next":[[3]],"none":[[12]],"norway":["IQ",[10]],"number":[[12]],"nunez":["KC",[7]]}});
