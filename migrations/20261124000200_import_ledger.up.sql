-- The roster import ledger (`alumni users imports`): one row per import that wrote (a
-- dry run records nothing). Bookkeeping of the tool, so in alumni_admin and not audited;
-- the rows an import changed are in audit_log, whose user agent names the import
-- (`alumni/<version> users import <id>`).
CREATE TABLE alumni_admin.import_run (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  file_name     text        NOT NULL,
  checksum      text,
  acteur_id     uuid        REFERENCES public.utilisateur (id) ON DELETE SET NULL,
  mode          text        NOT NULL CHECK (mode IN ('upsert', 'insert', 'update')),
  all_or_nothing boolean    NOT NULL DEFAULT false,
  -- running: batches are being written (a run killed midway stays so: its committed
  -- batches are counted below); completed; failed (with error); rolled_back
  -- (--all-or-nothing with rejects: nothing written).
  status        text        NOT NULL DEFAULT 'running'
                CHECK (status IN ('running', 'completed', 'failed', 'rolled_back')),
  read          integer     NOT NULL DEFAULT 0,
  inserted      integer     NOT NULL DEFAULT 0,
  updated       integer     NOT NULL DEFAULT 0,
  unchanged     integer     NOT NULL DEFAULT 0,
  skipped       integer     NOT NULL DEFAULT 0,
  rejected      integer     NOT NULL DEFAULT 0,
  rejects_file  text,
  error         text,
  started_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);
CREATE INDEX idx_import_run_started ON alumni_admin.import_run (started_at DESC);
