-- `offers expiring --within 7d` lists what expire-offers will expire by a later day. The
-- job's rule gets that day as a parameter: alumni_<kind>_expires_by(row, day) is "a run
-- of the job on `day` expires this offer", and the job's own predicate is that rule on
-- CURRENT_DATE. One rule, so the list and the job cannot drift apart; both stay plain
-- SQL expressions, which PostgreSQL inlines (the jobs' plans and indexes are unchanged).
CREATE FUNCTION alumni_stage_expires_by(s stage, p_day date) RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT s.date_fin < p_day AND s.statut = 'active' $$;
CREATE FUNCTION alumni_emploi_expires_by(e emploi, p_day date) RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT e.date_expiration < p_day AND e.statut = 'active' $$;

-- Active internships and jobs whose end date has passed; an offer ending today is still
-- open today.
CREATE OR REPLACE FUNCTION alumni_stage_is_expired(s stage) RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT alumni_stage_expires_by(s, CURRENT_DATE) $$;
CREATE OR REPLACE FUNCTION alumni_emploi_is_expired(e emploi) RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT alumni_emploi_expires_by(e, CURRENT_DATE) $$;
