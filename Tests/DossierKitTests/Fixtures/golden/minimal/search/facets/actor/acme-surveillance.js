DOSSIER_SEARCH_SHARD("facets/actor/acme-surveillance","Mg");
