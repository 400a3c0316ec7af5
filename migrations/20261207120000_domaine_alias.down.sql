-- Undoes 20261207120000_domaine_alias.
DROP TABLE domaine_alias;
