import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * What `orgs search` and `offers search` ask of a text: French full-text search in which
 * a query word also matches the start of a word, accents and case ignored (`telecom`
 * finds "Télécommunications"). Two readings of the query, either may match:
 * - stemmed: `websearch_to_tsquery('fr', …)` against the stored `search_vector` (French
 *   stems: `developpeurs` finds "Développeur");
 * - prefixed: `alumni_admin.prefix_query(…)` (each word, or its stem, as a prefix)
 *   against the words themselves, `alumni_admin.words_vector(…)`, which the migration
 *   20261208110100_word_prefix_search indexes with these same arguments.
 * Both keep the websearch syntax ("quoted phrase", -excluded, or).
 */
export interface WordSearch {
  stemmed: RawBuilder<unknown>;
  prefixed: RawBuilder<unknown>;
}

export function wordSearch(text: string): WordSearch {
  return {
    stemmed: sql`websearch_to_tsquery('fr', ${text})`,
    prefixed: sql`alumni_admin.prefix_query(${text})`,
  };
}

/** The words of a searched thing in three weights (a name or a title first): the indexed expression. */
export function wordsVector(a: RawBuilder<unknown>, b: RawBuilder<unknown>, c: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`alumni_admin.words_vector(${a}, ${b}, ${c})`;
}

/** The thing matches the query, read either way. */
export function searchMatches(search: WordSearch, stored: RawBuilder<unknown>, words: RawBuilder<unknown>): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${stored} @@ ${search.stemmed} or ${words} @@ ${search.prefixed})`;
}

/** Best first: what matches both ways, or in a heavier part (the name, the title), ranks higher. */
export function searchRank(search: WordSearch, stored: RawBuilder<unknown>, words: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`(ts_rank(${stored}, ${search.stemmed}) + ts_rank(${words}, ${search.prefixed}))`;
}

const EXCERPT = 'StartSel=«, StopSel=», MaxWords=18, MinWords=6, ShortWord=2';

/**
 * A few words of `document` around what matched, marked «like this»: the words that
 * start with a query word when there are some, else the stemmed matches.
 */
export function searchExcerpt(search: WordSearch, document: RawBuilder<unknown>, words: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`case when ${words} @@ ${search.prefixed}
    then ts_headline('alumni_admin.fr_words', ${document}, ${search.prefixed}, ${EXCERPT})
    else ts_headline('fr', ${document}, ${search.stemmed}, ${EXCERPT}) end`;
}
