DOSSIER_SEARCH_SHARD("facets/kind/actor","IG");
