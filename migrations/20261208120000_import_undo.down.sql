-- Undoes 20261208120000_import_undo: an undone run reads as completed again (the rows it
-- wrote stay removed or restored; the audit log says so).
ALTER TABLE alumni_admin.import_run DROP CONSTRAINT import_run_undone;
UPDATE alumni_admin.import_run SET status = 'completed' WHERE status = 'undone';
ALTER TABLE alumni_admin.import_run DROP COLUMN undone_at, DROP COLUMN undone_by, DROP COLUMN undo;
ALTER TABLE alumni_admin.import_run DROP CONSTRAINT import_run_status_check;
ALTER TABLE alumni_admin.import_run ADD CONSTRAINT import_run_status_check
  CHECK (status IN ('running', 'completed', 'failed', 'rolled_back'));
