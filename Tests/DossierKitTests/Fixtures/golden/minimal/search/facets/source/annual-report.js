DOSSIER_SEARCH_SHARD("facets/source/annual-report","VwB");
