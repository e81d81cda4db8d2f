DOSSIER_SEARCH_SHARD("options/source",[{"l":"Acme Surveillance annual report 2021","v":"annual-report"},{"l":"Ministry statement on the Snoop contract","v":"press-statement"}]);
