-- Issue 27: the platform's settings, one row each (`alumni settings`): the school's name
-- first, printed on the outcome report. A setting is a key and a text; who changed it
-- last and when. Audited like every platform table.
CREATE TABLE parametre (
  cle         varchar(100) NOT NULL,
  valeur      text         NOT NULL,
  modifie_le  timestamptz  NOT NULL DEFAULT now(),
  modifie_par uuid         REFERENCES utilisateur (id) ON DELETE SET NULL,
  CONSTRAINT parametre_pkey PRIMARY KEY (cle),
  CONSTRAINT parametre_valeur_check CHECK (btrim(valeur) <> '')
);

CREATE TRIGGER parametre_audit_insert AFTER INSERT ON parametre REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION audit_changes('cle');
CREATE TRIGGER parametre_audit_update AFTER UPDATE ON parametre REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION audit_changes('cle');
CREATE TRIGGER parametre_audit_delete AFTER DELETE ON parametre REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION audit_changes('cle');
