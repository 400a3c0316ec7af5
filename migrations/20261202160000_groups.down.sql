DROP TRIGGER groupe_max_membres ON groupe;
DROP FUNCTION enforce_max_membres_above_members();

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
  SELECT count(*) INTO actifs FROM membre_groupe
   WHERE groupe_id = NEW.groupe_id AND est_actif AND id <> NEW.id;
  IF actifs >= limite THEN
    RAISE EXCEPTION 'group % is full (max_membres = %)', NEW.groupe_id, limite
      USING ERRCODE = 'check_violation', CONSTRAINT = 'max_membres';
  END IF;
  RETURN NEW;
END
$$;

DROP INDEX idx_groupe_nom_normalise;
