DOSSIER_SEARCH_SHARD("terms/4",{"t":{"d":[[5],[5]],"denied":[[11]],"described":[[2]],"disputed":[[4]],"dropped":[[11]]}});
