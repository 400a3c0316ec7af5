-- The ledger records partner-list imports (`alumni orgs import`) beside rosters: each run
-- says what it imported, and `users imports` / `orgs imports` list their own.
ALTER TABLE alumni_admin.import_run
  ADD COLUMN kind text NOT NULL DEFAULT 'users' CHECK (kind IN ('users', 'orgs'));
DROP INDEX alumni_admin.idx_import_run_started;
CREATE INDEX idx_import_run_kind_started ON alumni_admin.import_run (kind, started_at DESC);

-- `orgs import` finds stored organisations by website domain, general e-mail or name;
-- these make each probe an index look-up.
CREATE INDEX idx_organisation_web_domain ON organisation (alumni_admin.web_domain(site_web));
CREATE INDEX idx_organisation_email_general ON organisation (lower(email_general));
CREATE INDEX idx_organisation_name_text ON organisation (lower(immutable_unaccent(nom_organisation)));
