-- `users erase` (issue 16): a person's values leave the audit entries of other rows as
-- whole JSON strings, never as pieces of the entries' serialised text, where a matricule
-- such as 12500 also matched inside numbers ("prix": 12500.00), uuids and timestamps,
-- rewrote them, or made the entry invalid JSON. A string matches a needle when both,
-- trimmed, are equal ignoring case.

-- Whether a string anywhere in `data` (at any depth) is one of `needles`.
CREATE FUNCTION alumni_jsonb_holds_string(data jsonb, needles text[]) RETURNS boolean
  LANGUAGE sql IMMUTABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM jsonb_path_query(data, 'strict $.**') v
     WHERE jsonb_typeof(v) = 'string'
       AND lower(btrim(v #>> '{}')) IN (SELECT lower(btrim(n)) FROM unnest(needles) n))
$$;

-- `data` with every string that is one of `needles` replaced by `replacement`; numbers,
-- keys and other strings are left as they are.
CREATE FUNCTION alumni_jsonb_replace_strings(data jsonb, needles text[], replacement text) RETURNS jsonb
  LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  CASE jsonb_typeof(data)
    WHEN 'object' THEN
      RETURN (SELECT coalesce(jsonb_object_agg(key, alumni_jsonb_replace_strings(value, needles, replacement)), '{}'::jsonb)
                FROM jsonb_each(data));
    WHEN 'array' THEN
      RETURN (SELECT coalesce(jsonb_agg(alumni_jsonb_replace_strings(value, needles, replacement) ORDER BY n), '[]'::jsonb)
                FROM jsonb_array_elements(data) WITH ORDINALITY e(value, n));
    WHEN 'string' THEN
      RETURN CASE WHEN lower(btrim(data #>> '{}')) IN (SELECT lower(btrim(x)) FROM unnest(needles) x)
                  THEN to_jsonb(replacement) ELSE data END;
    ELSE
      RETURN data;
  END CASE;
END
$$;
