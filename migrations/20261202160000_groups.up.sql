-- `alumni groups` (issue 14): what the database itself holds about groups and members.

-- A GROUP on the command line is its exact name without regard to case or accents, so
-- two names that only differ that way ("Génie civil", "genie civil") would name the same
-- group: refused, as for domaine_reference. The index also serves that lookup.
CREATE UNIQUE INDEX idx_groupe_nom_normalise ON groupe (lower(immutable_unaccent(nom_groupe)));

-- max_membres under concurrency. enforce_max_membres (initial migration) locks the
-- group's row before it counts the active members; under READ COMMITTED (every program's
-- default) the count then runs on a snapshot taken after the lock, so it sees every
-- member committed by the transaction that held the lock before, and under SERIALIZABLE
-- two additions that counted the same members fail one of them. Under REPEATABLE READ
-- the count keeps the transaction's first snapshot and would miss a member added since:
-- refused there, rather than letting a group grow past its limit.
CREATE OR REPLACE FUNCTION enforce_max_membres() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  limite integer;
  actifs integer;
BEGIN
  IF NOT NEW.est_actif THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.est_actif AND OLD.groupe_id = NEW.groupe_id THEN
    RETURN NEW;
  END IF;
  SELECT max_membres INTO limite FROM groupe WHERE id = NEW.groupe_id FOR UPDATE;
  IF limite IS NULL THEN
    RETURN NEW;
  END IF;
  IF current_setting('transaction_isolation') = 'repeatable read' THEN
    RAISE EXCEPTION 'members of a group with max_membres cannot be added under REPEATABLE READ (the count could miss concurrent additions); use READ COMMITTED or SERIALIZABLE'
      USING ERRCODE = 'feature_not_supported';
  END IF;
  SELECT count(*) INTO actifs FROM membre_groupe
   WHERE groupe_id = NEW.groupe_id AND est_actif AND id <> NEW.id;
  IF actifs >= limite THEN
    RAISE EXCEPTION 'group % is full (max_membres = %)', NEW.groupe_id, limite
      USING ERRCODE = 'check_violation', CONSTRAINT = 'max_membres';
  END IF;
  RETURN NEW;
END
$$;

-- max_membres cannot be lowered below the active members. The row trigger runs with the
-- group's row locked by this UPDATE, which additions lock first too: the count sees
-- every addition committed before, and none can commit in between.
CREATE FUNCTION enforce_max_membres_above_members() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  actifs integer;
BEGIN
  -- No limit, or a limit raised: nothing to check (a limit set where there was none is checked).
  IF NEW.max_membres IS NULL OR NEW.max_membres >= OLD.max_membres THEN
    RETURN NEW;
  END IF;
  SELECT count(*) INTO actifs FROM membre_groupe WHERE groupe_id = NEW.id AND est_actif;
  IF actifs > NEW.max_membres THEN
    RAISE EXCEPTION 'group % has % active members, more than max_membres = %', NEW.id, actifs, NEW.max_membres
      USING ERRCODE = 'check_violation', CONSTRAINT = 'max_membres_below_members';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER groupe_max_membres
  BEFORE UPDATE OF max_membres ON groupe
  FOR EACH ROW EXECUTE FUNCTION enforce_max_membres_above_members();
