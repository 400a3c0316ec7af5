-- Maintenance jobs (`alumni jobs`). One procedure, alumni_admin.run_job, runs a job for
-- both the CLI (`jobs run`) and pg_cron (`jobs schedule` registers `CALL run_job(...)`),
-- so the logic, the lock and the run record are written once.

-- Run history: tool bookkeeping, so in alumni_admin and not audited. A run is recorded
-- as 'running' (committed at once, so it shows while it runs), then 'ok' or 'failed'; a
-- run that found the job's lock held is recorded as 'locked'.
CREATE TABLE alumni_admin.job_run (
  id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  job         text        NOT NULL CHECK (job IN ('expire-offers', 'purge-messages', 'refresh-stats', 'purge-audit')),
  status      text        NOT NULL CHECK (status IN ('running', 'ok', 'failed', 'locked')),
  started_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  finished_at timestamptz,
  -- Rows affected per table, e.g. {"stage": 3, "emploi": 1}.
  rows        jsonb       NOT NULL DEFAULT '{}',
  error       text,
  -- Who ran it: `alumni/<version> jobs run <job>`, or `pg_cron <job>`.
  user_agent  text        NOT NULL,
  CHECK ((status = 'running') = (finished_at IS NULL))
);
CREATE INDEX idx_job_run_job ON alumni_admin.job_run (job, started_at DESC);
CREATE INDEX idx_job_run_started ON alumni_admin.job_run (started_at DESC);

-- Messages are purged in bounded batches (each its own transaction in run_job), so a
-- large purge never holds its locks for long. Replaces the one-statement version.
DROP FUNCTION alumni_purge_messages();
CREATE FUNCTION alumni_purge_messages(p_limit integer DEFAULT 5000) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  messages integer;
BEGIN
  DELETE FROM message WHERE id IN (
    SELECT id FROM message
     WHERE date_suppression_auto < CURRENT_TIMESTAMP
     ORDER BY date_suppression_auto
     LIMIT p_limit
       FOR UPDATE SKIP LOCKED);
  GET DIAGNOSTICS messages = ROW_COUNT;
  RETURN jsonb_build_object('message', messages);
END
$$;

-- Audit entries older than the retention period, one batch.
CREATE FUNCTION alumni_purge_audit(p_older_than interval, p_limit integer DEFAULT 5000) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  entries integer;
BEGIN
  DELETE FROM audit_log WHERE id IN (
    SELECT id FROM audit_log
     WHERE created_at < now() - p_older_than
     ORDER BY created_at
     LIMIT p_limit);
  GET DIAGNOSTICS entries = ROW_COUNT;
  RETURN jsonb_build_object('audit_log', entries);
END
$$;

-- Runs one job under its lock and records the run. p_options: {"batch_size": 5000,
-- "older_than": "365 days"}. When the lock is held by another run, nothing runs: the
-- result has status 'locked', and is recorded when p_record_locked (a caller that will
-- try again, `jobs run --wait`, records only its last try). The lock is a session-level
-- advisory lock, so a run whose session dies lets go of it; the next run then marks the
-- dead run's record as failed.
-- Changes are audited with no acting user and p_user_agent naming the job.
-- The whole CALL is one statement for statement_timeout: callers running long purges
-- switch it off for their session (the CLI does).
CREATE PROCEDURE alumni_admin.run_job(
  p_job text,
  p_user_agent text,
  p_options jsonb DEFAULT '{}',
  p_record_locked boolean DEFAULT true,
  INOUT p_run jsonb DEFAULT NULL)
  LANGUAGE plpgsql AS $$
DECLARE
  v_id bigint;
  v_rows jsonb := '{}';
  v_batch jsonb;
  v_affected bigint;
  v_error text;
  v_limit integer := coalesce((p_options->>'batch_size')::integer, 5000);
  v_older_than interval := coalesce((p_options->>'older_than')::interval, interval '365 days');
BEGIN
  IF p_job NOT IN ('expire-offers', 'purge-messages', 'refresh-stats', 'purge-audit') THEN
    RAISE EXCEPTION 'unknown job "%"', p_job USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF v_limit < 1 THEN
    RAISE EXCEPTION 'batch_size must be at least 1' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF NOT pg_try_advisory_lock(hashtext('alumni job'), hashtext(p_job)) THEN
    IF p_record_locked THEN
      INSERT INTO alumni_admin.job_run (job, status, finished_at, user_agent)
      VALUES (p_job, 'locked', clock_timestamp(), p_user_agent) RETURNING id INTO v_id;
      SELECT to_jsonb(r) INTO p_run FROM alumni_admin.job_run r WHERE r.id = v_id;
    ELSE
      p_run := jsonb_build_object('job', p_job, 'status', 'locked', 'rows', '{}'::jsonb,
                                  'started_at', clock_timestamp(), 'finished_at', clock_timestamp());
    END IF;
    RETURN;
  END IF;

  UPDATE alumni_admin.job_run
     SET status = 'failed', finished_at = clock_timestamp(),
         error = 'interrupted: the session running it ended before it finished'
   WHERE job = p_job AND status = 'running';
  INSERT INTO alumni_admin.job_run (job, status, user_agent)
  VALUES (p_job, 'running', p_user_agent) RETURNING id INTO v_id;
  COMMIT;

  LOOP
    BEGIN
      PERFORM set_config('alumni.actor_id', '', true), set_config('alumni.user_agent', p_user_agent, true);
      v_batch := CASE p_job
        WHEN 'expire-offers' THEN alumni_expire_offers()
        WHEN 'refresh-stats' THEN alumni_refresh_stats()
        WHEN 'purge-messages' THEN alumni_purge_messages(v_limit)
        WHEN 'purge-audit' THEN alumni_purge_audit(v_older_than, v_limit)
      END;
    EXCEPTION WHEN OTHERS THEN
      v_error := SQLERRM;
    END;
    EXIT WHEN v_error IS NOT NULL;
    SELECT coalesce(jsonb_object_agg(key, coalesce((v_rows->>key)::bigint, 0) + value::bigint), '{}'),
           coalesce(sum(value::bigint), 0)
      INTO v_rows, v_affected
      FROM jsonb_each_text(v_batch);
    -- The batch is committed with its audit entries and its count, so a run cut short
    -- (cancelled, or its session killed) still says what it did.
    UPDATE alumni_admin.job_run SET rows = v_rows WHERE id = v_id;
    COMMIT;
    -- expire-offers (both tables at once) and refresh-stats are one transaction; the
    -- purges go on while full batches come back.
    EXIT WHEN p_job IN ('expire-offers', 'refresh-stats') OR v_affected < v_limit;
  END LOOP;

  UPDATE alumni_admin.job_run
     SET status = CASE WHEN v_error IS NULL THEN 'ok' ELSE 'failed' END,
         finished_at = clock_timestamp(), rows = v_rows, error = v_error
   WHERE id = v_id;
  PERFORM pg_advisory_unlock(hashtext('alumni job'), hashtext(p_job));
  SELECT to_jsonb(r) INTO p_run FROM alumni_admin.job_run r WHERE r.id = v_id;
END
$$;
