-- Undoes 20261208110000_name_suggestions.
DROP INDEX idx_utilisateur_email_trgm;
DROP INDEX idx_utilisateur_nom_trgm;
DROP INDEX idx_organisation_nom_trgm;
DROP INDEX idx_groupe_nom_trgm;
