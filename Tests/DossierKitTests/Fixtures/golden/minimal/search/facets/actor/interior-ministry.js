DOSSIER_SEARCH_SHARD("facets/actor/interior-ministry","EE");
