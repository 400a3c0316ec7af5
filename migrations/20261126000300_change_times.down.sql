CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF to_jsonb(NEW) - 'updated_at' - 'search_vector'
     IS DISTINCT FROM to_jsonb(OLD) - 'updated_at' - 'search_vector' THEN
    NEW.updated_at := now();
  END IF;
  RETURN NEW;
END
$$;
