DOSSIER_SEARCH_SHARD("terms/0",{"t":{"2021":["Y",[4]]}});
