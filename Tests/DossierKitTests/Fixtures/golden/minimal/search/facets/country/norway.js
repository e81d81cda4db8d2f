DOSSIER_SEARCH_SHARD("facets/country/norway","M0");
