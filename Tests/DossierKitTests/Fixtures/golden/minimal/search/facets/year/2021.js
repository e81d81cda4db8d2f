DOSSIER_SEARCH_SHARD("facets/year/2021","Ug");
