DOSSIER_SEARCH_SHARD("terms/12",{"t":{"mailto":[[11]],"method":[[0]],"ministry":["ee","EM"]}});
