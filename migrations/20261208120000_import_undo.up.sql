-- Undoing an import (`alumni users imports undo`, `alumni orgs imports undo`): the ledger
-- says a run was undone, when, by whom and what the undo did. The undo itself is audited
-- row by row like any write (its user agent names the undone import).
ALTER TABLE alumni_admin.import_run DROP CONSTRAINT import_run_status_check;
ALTER TABLE alumni_admin.import_run ADD CONSTRAINT import_run_status_check
  CHECK (status IN ('running', 'completed', 'failed', 'rolled_back', 'undone'));
-- undone_by: an id, not a foreign key, like the import's acteur_id (the actor is kept
-- whatever becomes of the account). undo: the undo's counts, as `--json` gives them.
ALTER TABLE alumni_admin.import_run
  ADD COLUMN undone_at timestamptz,
  ADD COLUMN undone_by uuid,
  ADD COLUMN undo      jsonb,
  ADD CONSTRAINT import_run_undone CHECK ((status = 'undone') = (undone_at IS NOT NULL));
