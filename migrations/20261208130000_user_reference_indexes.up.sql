-- The columns pointing to utilisateur that had no index. Deleting a user runs each
-- foreign key's ON DELETE SET NULL as one query per deleted row: without an index, one
-- sequential scan of the table per user and column. `users imports undo` deletes every
-- user an import added: with 10,000 rows in validation_organisation, undoing a
-- 100,000-row load took 177 s instead of 16 s (README, "Benchmark").
CREATE INDEX idx_validation_formation_validateur ON validation_formation (validateur_id);
CREATE INDEX idx_validation_formation_annulee_par ON validation_formation (annulee_par);
CREATE INDEX idx_validation_groupe_validateur ON validation_groupe (validateur_id);
CREATE INDEX idx_validation_groupe_annulee_par ON validation_groupe (annulee_par);
CREATE INDEX idx_validation_organisation_validateur ON validation_organisation (validateur_id);
CREATE INDEX idx_validation_organisation_annulee_par ON validation_organisation (annulee_par);
CREATE INDEX idx_parametre_modifie_par ON parametre (modifie_par);
