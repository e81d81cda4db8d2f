DOSSIER_SEARCH_SHARD("terms/15",{"t":{"phones":[[11],[11]],"pier":[[0]],"position":[[12]],"press":[[11]],"published":["AgB"]}});
