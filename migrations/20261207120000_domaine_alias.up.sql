-- Issue 25: other spellings of a field (domaine_alias: "Génie Info" → "Génie informatique"),
-- stored in the database so that every import from then on maps them (`alumni refs fields
-- alias`). An alias is matched as a roster's headers are: without regard to case, accents,
-- spaces or punctuation; so it is unique in that form. ON UPDATE CASCADE: a renamed field
-- keeps its aliases.
CREATE TABLE domaine_alias (
  id          uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  alias       varchar(100) NOT NULL CHECK (btrim(alias) <> ''),
  nom_domaine varchar(100) NOT NULL REFERENCES domaine_reference (nom_domaine) ON UPDATE CASCADE ON DELETE CASCADE,
  created_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX idx_domaine_alias_normalise
  ON domaine_alias (regexp_replace(lower(immutable_unaccent(alias)), '[^a-z0-9]+', '', 'g'));
CREATE INDEX idx_domaine_alias_nom_domaine ON domaine_alias (nom_domaine);

CREATE TRIGGER domaine_alias_audit_insert AFTER INSERT ON domaine_alias REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION audit_changes('id');
CREATE TRIGGER domaine_alias_audit_update AFTER UPDATE ON domaine_alias REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION audit_changes('id');
CREATE TRIGGER domaine_alias_audit_delete AFTER DELETE ON domaine_alias REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION audit_changes('id');
