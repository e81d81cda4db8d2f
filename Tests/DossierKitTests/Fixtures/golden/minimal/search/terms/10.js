DOSSIER_SEARCH_SHARD("terms/10",{"t":{"jose":["KC",[7]],"journalists":[[11],[11]],"july":["gC"]}});
