-- Issue 26: lists and the report in French alphabetical order (`École` between `E` and
-- `F`, not after `Z` as in the C order of the test clusters). An ICU collation for French
-- exists on both back ends: the server's ICU has the French data; PGlite's ICU has only
-- the root data and falls back to it, which orders French text the same way (CLDR's
-- French has no tailoring of its own). The paged lists' indexes follow it, so a page
-- still reads a few index pages (20261202200000_user_list_order).
CREATE COLLATION ordre_francais (provider = icu, locale = 'fr');
DROP INDEX idx_utilisateur_nom_complet_id;
CREATE INDEX idx_utilisateur_nom_complet_id ON utilisateur (nom_complet COLLATE ordre_francais, id);
CREATE INDEX idx_organisation_nom_ordre ON organisation (nom_organisation COLLATE ordre_francais, id);
CREATE INDEX idx_groupe_nom_ordre ON groupe (nom_groupe COLLATE ordre_francais, id);
