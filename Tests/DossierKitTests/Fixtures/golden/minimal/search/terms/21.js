DOSSIER_SEARCH_SHARD("terms/21",{"t":{"xmp":[[12]]}});
