DOSSIER_SEARCH_SHARD("terms/3",{"t":{"camera":[[12]],"carries":[[12]],"code":[[11]],"contract":["NI","EI"],"cote":[[5],[5]],"covers":[[0]]}});
