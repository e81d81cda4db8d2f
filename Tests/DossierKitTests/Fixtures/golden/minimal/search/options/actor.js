DOSSIER_SEARCH_SHARD("options/actor",[{"l":"Acme Surveillance","v":"acme-surveillance"},{"l":"José Núñez","v":"jose-nunez"},{"l":"Ministry of the Interior","v":"interior-ministry"}]);
