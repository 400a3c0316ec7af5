-- Undoes 20261208110100_word_prefix_search.
DROP INDEX idx_emploi_words;
DROP INDEX idx_formation_words;
DROP INDEX idx_stage_words;
DROP INDEX idx_organisation_words;
DROP FUNCTION alumni_admin.prefix_query(text);
DROP FUNCTION alumni_admin.words_vector(text, text, text);
DROP TEXT SEARCH CONFIGURATION alumni_admin.fr_words;
DROP TEXT SEARCH DICTIONARY alumni_admin.fr_word;
