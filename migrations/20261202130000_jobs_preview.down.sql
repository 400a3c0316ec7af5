DROP FUNCTION alumni_admin.preview_job(text, jsonb);
DROP FUNCTION alumni_refresh_stats_preview();
DROP FUNCTION alumni_purge_audit_preview(interval);
DROP FUNCTION alumni_purge_messages_preview();
DROP FUNCTION alumni_expire_offers_preview(integer);

-- The jobs as they were, with their conditions written inline.
CREATE OR REPLACE FUNCTION alumni_expire_offers() RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  stages integer;
  emplois integer;
BEGIN
  UPDATE stage SET statut = 'expiree' WHERE date_fin < CURRENT_DATE AND statut = 'active';
  GET DIAGNOSTICS stages = ROW_COUNT;
  UPDATE emploi SET statut = 'expiree' WHERE date_expiration < CURRENT_DATE AND statut = 'active';
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
     WHERE date_suppression_auto < CURRENT_TIMESTAMP
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
     WHERE created_at < now() - p_older_than
     ORDER BY created_at
     LIMIT p_limit);
  GET DIAGNOSTICS entries = ROW_COUNT;
  RETURN jsonb_build_object('audit_log', entries);
END
$$;

DROP FUNCTION alumni_audit_is_past_retention(audit_log, interval);
DROP FUNCTION alumni_message_is_due(message);
DROP FUNCTION alumni_emploi_is_expired(emploi);
DROP FUNCTION alumni_stage_is_expired(stage);
