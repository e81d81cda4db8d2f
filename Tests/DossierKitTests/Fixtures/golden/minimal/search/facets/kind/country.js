DOSSIER_SEARCH_SHARD("facets/kind/country","gQ");
