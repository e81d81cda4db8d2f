DOSSIER_SEARCH_SHARD("facets/country/cote-d-ivoire","gg");
