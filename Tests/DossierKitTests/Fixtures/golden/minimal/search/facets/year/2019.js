DOSSIER_SEARCH_SHARD("facets/year/2019",[1]);
