DOSSIER_SEARCH_SHARD("terms/9",{"t":{"id":[[3]],"image":[[12]],"in":["sC"],"inline":[[11]],"interior":[[8],[8]],"is":["HyB",[1]],"it":[[11]],"its":["RyB"],"ivoire":[[5],[5]]}});
