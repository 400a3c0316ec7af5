-- Personal data (issue 16): `users export-data` and `users erase`, and an audit trail
-- that keeps its actors.

-- The actor of an audit entry, and of an import, is kept as an id whatever becomes of
-- the account: with the foreign keys (ON DELETE SET NULL) deleting an account emptied
-- utilisateur_id on every entry it made, and the trail lost who did what. The CLI never
-- deletes an account (`users erase` anonymises it); another program that does leaves an
-- id that `audit list` shows as it is.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_utilisateur_id_fkey;
ALTER TABLE alumni_admin.import_run DROP CONSTRAINT import_run_acteur_id_fkey;

-- When the account was erased (`users erase`): its personal values are gone, what the
-- statistics count (statut, annee_sortie, domaine, travailleur) is kept. An erased
-- account has neither matricule nor e-mail, so it is identified by its id alone.
ALTER TABLE utilisateur ADD COLUMN efface_le timestamptz;
ALTER TABLE utilisateur DROP CONSTRAINT utilisateur_identifiable;
ALTER TABLE utilisateur ADD CONSTRAINT utilisateur_identifiable
  CHECK (matricule IS NOT NULL OR email IS NOT NULL OR efface_le IS NOT NULL);
