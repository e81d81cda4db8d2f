DOSSIER_SEARCH_SHARD("options/country",[{"l":"Côte d'Ivoire","v":"cote-d-ivoire"},{"l":"Norway","v":"norway"}]);
