DOSSIER_SEARCH_SHARD("facets/kind/media",[6,6]);
