DOSSIER_SEARCH_SHARD("facets/actor/jose-nunez","Ci");
