-- Likely duplicate organisations (`alumni orgs duplicates`): names compared after
-- normalisation, and by trigram similarity (pg_trgm, a contrib extension on the server
-- and in PGlite). Like unaccent, the extension is left in place by down: it may serve
-- others, or have been installed before.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- "ORANGE BENIN S.A." → "orange benin": lower case, no accents, no punctuation, no legal
-- form. IMMUTABLE like immutable_unaccent, so it could be indexed.
-- A name made of legal forms only gives NULL (it matches nothing). The look-ahead leaves
-- the space for the next form: "acme group sa" → "acme".
CREATE FUNCTION alumni_admin.org_name_key(name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN nullif(btrim(regexp_replace(
    regexp_replace(regexp_replace(lower(immutable_unaccent(name)), '[^a-z0-9]+', ' ', 'g'),
                   '(^| )(s a|sa|sarl|sas|sasu|suarl|ltd|inc|plc|gmbh|group|groupe)(?= |$)', ' ', 'g'),
    ' +', ' ', 'g')), '');

-- The domain of a web address or of an e-mail: "https://www.orange.bj/fr" → "orange.bj".
CREATE FUNCTION alumni_admin.web_domain(address text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN nullif(regexp_replace(lower(substring(address from '^[a-zA-Z]+://([^/:?#]+)')), '^www\.', ''), '');
