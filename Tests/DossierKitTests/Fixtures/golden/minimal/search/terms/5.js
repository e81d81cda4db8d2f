DOSSIER_SEARCH_SHARD("terms/5",{"t":{"embedded":[[12]],"event":[[0]],"events":["IC"],"every":[[0]],"example":[[11]],"exif":[[12]],"exports":[[6],[6]]}});
