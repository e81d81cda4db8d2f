DOSSIER_SEARCH_SHARD("facets/kind/event","Gg");
