DOSSIER_SEARCH_SHARD("facets/kind/source","QI");
