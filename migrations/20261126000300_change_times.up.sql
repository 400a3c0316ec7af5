-- updated_at takes the time of the change itself (clock_timestamp), no longer the start
-- of its transaction (now()). Moderation compares it with the time of a rejection: an
-- edit that waited on the moderator's row lock, in a transaction begun before the
-- rejection, must still count as made after it (the item comes back to its queue), and
-- a rejection recorded after an edit must count as made after it.
CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF to_jsonb(NEW) - 'updated_at' - 'search_vector'
     IS DISTINCT FROM to_jsonb(OLD) - 'updated_at' - 'search_vector' THEN
    NEW.updated_at := clock_timestamp();
  END IF;
  RETURN NEW;
END
$$;
