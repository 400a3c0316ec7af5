-- Undoes 20261208100000_parametres (its audit entries stay in audit_log).
DROP TABLE parametre;
