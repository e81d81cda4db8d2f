DOSSIER_SEARCH_SHARD("terms/22",{"t":{"year":["QB",[6]]}});
