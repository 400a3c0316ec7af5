DROP PROCEDURE alumni_admin.run_job(text, text, jsonb, boolean, jsonb);
DROP FUNCTION alumni_purge_audit(interval, integer);
DROP FUNCTION alumni_purge_messages(integer);
CREATE FUNCTION alumni_purge_messages() RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  messages integer;
BEGIN
  DELETE FROM message WHERE date_suppression_auto < CURRENT_TIMESTAMP;
  GET DIAGNOSTICS messages = ROW_COUNT;
  RETURN jsonb_build_object('message', messages);
END
$$;
DROP TABLE alumni_admin.job_run;
