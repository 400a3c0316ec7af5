-- Issue 27: `orgs search telecom` finds "Télécommunications", `offers search dev` finds
-- "Développeur": a word of the query matches the start of a word, accents and case
-- ignored. The stored search_vector columns hold French stems ("télécommunications" →
-- "telecommun"), and a word typed in part does not always stem to a prefix of the whole
-- word's stem ("informatiq" stays "informatiq", "informatique" stems to "informat"). So
-- the prefix search reads the words themselves: unaccented, lower case, French stop
-- words left out, not stemmed (the fr_words configuration), and a query word matches a
-- word that starts with it or with its stem ("ingénieurs" → "ingenieur" finds
-- "Ingénieur"). The stemmed search stays as it was; src/services/search.ts asks both.

CREATE TEXT SEARCH DICTIONARY alumni_admin.fr_word (TEMPLATE = simple, STOPWORDS = french);
CREATE TEXT SEARCH CONFIGURATION alumni_admin.fr_words (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION alumni_admin.fr_words
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
  WITH unaccent, alumni_admin.fr_word;

-- The words of a text in three weights, as the stored search vectors weigh theirs (a
-- title or a name first). IMMUTABLE (to_tsvector with a named configuration is), so the
-- indexes below serve a query that calls it with the same arguments.
CREATE FUNCTION alumni_admin.words_vector(a text, b text, c text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN setweight(to_tsvector('alumni_admin.fr_words'::regconfig, coalesce(a, '')), 'A')
      || setweight(to_tsvector('alumni_admin.fr_words'::regconfig, coalesce(b, '')), 'B')
      || setweight(to_tsvector('alumni_admin.fr_words'::regconfig, coalesce(c, '')), 'C');

-- A query as `websearch_to_tsquery` reads it ("quoted phrase", -excluded, or), each word
-- turned into a prefix, or-ed with its French stem as a prefix when that differs:
-- 'ecole de "telecom dakar"' → ('ecole':* | 'ecol':*) & 'telecom':* <-> 'dakar':*.
-- The query's text form is cut into its quoted lexemes and the operators between them.
-- IMMUTABLE as websearch_to_tsquery and to_tsvector with a named configuration are: a
-- query is turned into its tsquery once, not once per row read.
CREATE FUNCTION alumni_admin.prefix_query(words text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
  SELECT coalesce(string_agg(
           CASE WHEN t.word IS NULL THEN t.part
                WHEN t.stem IS NULL OR t.stem = t.word THEN t.part || ':*'
                ELSE '(' || t.part || ':* | ''' || replace(replace(t.stem, '\', '\\'), '''', '''''') || ''':*)' END,
           '' ORDER BY t.n), '')::tsquery
    FROM (SELECT m.n, q.part, w.word, (ts_lexize('french_stem', w.word))[1] AS stem
            FROM regexp_matches(websearch_to_tsquery('alumni_admin.fr_words'::regconfig, words)::text,
                                '''(?:[^'']|'''')*''|[^'']+', 'g') WITH ORDINALITY AS m(parts, n)
                 CROSS JOIN LATERAL (SELECT m.parts[1] AS part) AS q
                 CROSS JOIN LATERAL (SELECT CASE WHEN q.part LIKE '''%'
                                            THEN replace(replace(substr(q.part, 2, length(q.part) - 2), '''''', ''''), '\\', '\')
                                            END AS word) AS w) AS t
$$;

-- The words of what `orgs search` and `offers search` read, weighted as their stored
-- search vectors are (the same expressions as src/services/search.ts).
CREATE INDEX idx_organisation_words ON organisation USING gin
  (alumni_admin.words_vector(nom_organisation, coalesce(secteur_activite, '') || ' ' || coalesce(ville, ''), description));
CREATE INDEX idx_stage_words ON stage USING gin (alumni_admin.words_vector(titre, description, lieu));
CREATE INDEX idx_formation_words ON formation USING gin (alumni_admin.words_vector(titre, description, lieu));
CREATE INDEX idx_emploi_words ON emploi USING gin (alumni_admin.words_vector(titre, description, lieu));
