-- Undoes 20261207190000_french_order.
DROP INDEX idx_groupe_nom_ordre;
DROP INDEX idx_organisation_nom_ordre;
DROP INDEX idx_utilisateur_nom_complet_id;
CREATE INDEX idx_utilisateur_nom_complet_id ON utilisateur (nom_complet, id);
DROP COLLATION ordre_francais;
