-- Undoes 20261202180000_personal_data. Erased accounts get a matricule made of their id
-- (the old rule wants a matricule or an e-mail); actors whose account is gone become
-- NULL, as the foreign keys would have made them.
UPDATE utilisateur SET matricule = 'efface-' || id WHERE matricule IS NULL AND email IS NULL;
ALTER TABLE utilisateur DROP CONSTRAINT utilisateur_identifiable;
ALTER TABLE utilisateur ADD CONSTRAINT utilisateur_identifiable CHECK (matricule IS NOT NULL OR email IS NOT NULL);
ALTER TABLE utilisateur DROP COLUMN efface_le;

UPDATE alumni_admin.import_run r SET acteur_id = NULL
 WHERE acteur_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM utilisateur u WHERE u.id = r.acteur_id);
ALTER TABLE alumni_admin.import_run ADD CONSTRAINT import_run_acteur_id_fkey
  FOREIGN KEY (acteur_id) REFERENCES public.utilisateur (id) ON DELETE SET NULL;
UPDATE audit_log a SET utilisateur_id = NULL
 WHERE utilisateur_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM utilisateur u WHERE u.id = a.utilisateur_id);
ALTER TABLE audit_log ADD CONSTRAINT audit_log_utilisateur_id_fkey
  FOREIGN KEY (utilisateur_id) REFERENCES utilisateur (id) ON DELETE SET NULL;
