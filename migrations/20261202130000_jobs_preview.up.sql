-- `jobs run --dry-run` counts what a job would change with the job's own conditions: each
-- condition is one SQL predicate on the row, used by the job (redefined here to call it)
-- and by its preview, so the two cannot drift apart. The predicates are plain SQL
-- expressions, which PostgreSQL inlines: the jobs' plans (and indexes) stay as they were.

-- Active internships and jobs whose end date has passed; an offer ending today is still
-- open today.
CREATE FUNCTION alumni_stage_is_expired(s stage) RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT s.date_fin < CURRENT_DATE AND s.statut = 'active' $$;
CREATE FUNCTION alumni_emploi_is_expired(e emploi) RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT e.date_expiration < CURRENT_DATE AND e.statut = 'active' $$;
-- Messages past their automatic deletion time.
CREATE FUNCTION alumni_message_is_due(m message) RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT m.date_suppression_auto < CURRENT_TIMESTAMP $$;
-- Audit entries older than the retention period.
CREATE FUNCTION alumni_audit_is_past_retention(a audit_log, p_older_than interval) RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT a.created_at < now() - p_older_than $$;

CREATE OR REPLACE FUNCTION alumni_expire_offers() RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  stages integer;
  emplois integer;
BEGIN
  UPDATE stage SET statut = 'expiree' WHERE alumni_stage_is_expired(stage);
  GET DIAGNOSTICS stages = ROW_COUNT;
  UPDATE emploi SET statut = 'expiree' WHERE alumni_emploi_is_expired(emploi);
  GET DIAGNOSTICS emplois = ROW_COUNT;
  RETURN jsonb_build_object('stage', stages, 'emploi', emplois);
END
$$;

CREATE OR REPLACE FUNCTION alumni_purge_messages(p_limit integer DEFAULT 5000) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  messages integer;
BEGIN
  DELETE FROM message WHERE id IN (
    SELECT id FROM message
     WHERE alumni_message_is_due(message)
     ORDER BY date_suppression_auto
     LIMIT p_limit
       FOR UPDATE SKIP LOCKED);
  GET DIAGNOSTICS messages = ROW_COUNT;
  RETURN jsonb_build_object('message', messages);
END
$$;

CREATE OR REPLACE FUNCTION alumni_purge_audit(p_older_than interval, p_limit integer DEFAULT 5000) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  entries integer;
BEGIN
  DELETE FROM audit_log WHERE id IN (
    SELECT id FROM audit_log
     WHERE alumni_audit_is_past_retention(audit_log, p_older_than)
     ORDER BY created_at
     LIMIT p_limit);
  GET DIAGNOSTICS entries = ROW_COUNT;
  RETURN jsonb_build_object('audit_log', entries);
END
$$;

-- The previews: {"rows": {<table>: <count>}, "first": [<rows>]}, the counts being what the
-- job's run would report. STABLE, so they cannot write.
CREATE FUNCTION alumni_expire_offers_preview(p_first integer DEFAULT 10) RETURNS jsonb
  LANGUAGE sql STABLE AS $$
  WITH offers AS (
    SELECT 'stage' AS "table", id, titre, date_fin AS date_limite FROM stage WHERE alumni_stage_is_expired(stage)
    UNION ALL
    SELECT 'emploi', id, titre, date_expiration FROM emploi WHERE alumni_emploi_is_expired(emploi))
  SELECT jsonb_build_object(
    'rows', jsonb_build_object(
      'stage', (SELECT count(*) FROM offers WHERE "table" = 'stage'),
      'emploi', (SELECT count(*) FROM offers WHERE "table" = 'emploi')),
    'first', coalesce((
      SELECT jsonb_agg(to_jsonb(f) ORDER BY f.date_limite, f.titre)
        FROM (SELECT * FROM offers ORDER BY date_limite, titre LIMIT p_first) f), '[]'))
$$;

CREATE FUNCTION alumni_purge_messages_preview() RETURNS jsonb
  LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'rows', jsonb_build_object('message', count(*)),
    'first', CASE WHEN count(*) = 0 THEN '[]'::jsonb
                  ELSE jsonb_build_array(jsonb_build_object('oldest_date_suppression_auto', min(date_suppression_auto))) END)
    FROM message WHERE alumni_message_is_due(message)
$$;

CREATE FUNCTION alumni_purge_audit_preview(p_older_than interval) RETURNS jsonb
  LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'rows', jsonb_build_object('audit_log', count(*)),
    'first', CASE WHEN count(*) = 0 THEN '[]'::jsonb
                  ELSE jsonb_build_array(jsonb_build_object('oldest_created_at', min(created_at))) END)
    FROM audit_log WHERE alumni_audit_is_past_retention(audit_log, p_older_than)
$$;

-- A refresh reports the rows of the refreshed view: the view's own query, counted now.
CREATE FUNCTION alumni_refresh_stats_preview() RETURNS jsonb
  LANGUAGE plpgsql STABLE AS $$
DECLARE
  annees bigint;
BEGIN
  EXECUTE format('SELECT count(*) FROM (%s) v',
                 rtrim(pg_get_viewdef('stats_emploi_par_annee'::regclass), E'; \n'))
     INTO annees;
  RETURN jsonb_build_object('rows', jsonb_build_object('stats_emploi_par_annee', annees), 'first', '[]'::jsonb);
END
$$;

-- What alumni_admin.run_job(p_job, ..., p_options) would change, with the same options.
CREATE FUNCTION alumni_admin.preview_job(p_job text, p_options jsonb DEFAULT '{}') RETURNS jsonb
  LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF p_job NOT IN ('expire-offers', 'purge-messages', 'refresh-stats', 'purge-audit') THEN
    RAISE EXCEPTION 'unknown job "%"', p_job USING ERRCODE = 'invalid_parameter_value';
  END IF;
  RETURN CASE p_job
    WHEN 'expire-offers' THEN alumni_expire_offers_preview()
    WHEN 'refresh-stats' THEN alumni_refresh_stats_preview()
    WHEN 'purge-messages' THEN alumni_purge_messages_preview()
    WHEN 'purge-audit' THEN alumni_purge_audit_preview(coalesce((p_options->>'older_than')::interval, interval '365 days'))
  END;
END
$$;
