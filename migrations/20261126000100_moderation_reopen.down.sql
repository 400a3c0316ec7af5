DROP INDEX idx_validation_organisation_date;
DROP INDEX idx_validation_groupe_date;
DROP INDEX idx_validation_formation_date;
ALTER TABLE validation_organisation DROP COLUMN annulee_par, DROP COLUMN annulee_le;
ALTER TABLE validation_groupe DROP COLUMN annulee_par, DROP COLUMN annulee_le;
ALTER TABLE validation_formation DROP COLUMN annulee_par, DROP COLUMN annulee_le;
