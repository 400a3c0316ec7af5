-- Undoes 20261202140000_import_kinds. Partner-list runs leave the ledger with their kind.
DROP INDEX idx_organisation_name_text;
DROP INDEX idx_organisation_email_general;
DROP INDEX idx_organisation_web_domain;
DELETE FROM alumni_admin.import_run WHERE kind <> 'users';
DROP INDEX alumni_admin.idx_import_run_kind_started;
CREATE INDEX idx_import_run_started ON alumni_admin.import_run (started_at DESC);
ALTER TABLE alumni_admin.import_run DROP COLUMN kind;
