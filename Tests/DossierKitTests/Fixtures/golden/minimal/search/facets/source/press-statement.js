DOSSIER_SEARCH_SHARD("facets/source/press-statement","Gq");
