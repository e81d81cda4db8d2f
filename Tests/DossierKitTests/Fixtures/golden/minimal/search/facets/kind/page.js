DOSSIER_SEARCH_SHARD("facets/kind/page",[0]);
