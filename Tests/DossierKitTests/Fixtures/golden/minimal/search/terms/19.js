DOSSIER_SEARCH_SHARD("terms/19",{"t":{"vendor":[[3]]}});
