DOSSIER_SEARCH_SHARD("terms/20",{"t":{"was":[[3]],"what":[[0]],"where":[[10]],"which":[[3,9]],"with":["MAB",[2]],"written":["Qg"]}});
