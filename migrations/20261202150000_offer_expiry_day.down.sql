-- The job's predicates as they were, with the rule written inline.
CREATE OR REPLACE FUNCTION alumni_stage_is_expired(s stage) RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT s.date_fin < CURRENT_DATE AND s.statut = 'active' $$;
CREATE OR REPLACE FUNCTION alumni_emploi_is_expired(e emploi) RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT e.date_expiration < CURRENT_DATE AND e.statut = 'active' $$;

DROP FUNCTION alumni_emploi_expires_by(emploi, date);
DROP FUNCTION alumni_stage_expires_by(stage, date);
