DOSSIER_SEARCH_SHARD("terms/14",{"t":{"of":["QUB",[8]],"on":["Ao","Ao"],"org":[[11]],"original":[[12]],"oslo":[[10]],"own":[[4]]}});
