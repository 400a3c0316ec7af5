-- Issue 27: a group, an organisation or a person not found is answered with up to three
-- close names ("Did you mean: Promo 2024, Promo 2023?"), by trigram similarity (pg_trgm,
-- installed by 20261202000100_org_duplicates). These GIN trigram indexes serve the `%`
-- operator of src/services/name-suggestions.ts, so a long list is not read whole for a
-- typo. Names are compared without accents, as every look-up by name is.
CREATE INDEX idx_groupe_nom_trgm ON groupe USING gin (immutable_unaccent(nom_groupe) gin_trgm_ops);
CREATE INDEX idx_organisation_nom_trgm ON organisation USING gin (immutable_unaccent(nom_organisation) gin_trgm_ops);
CREATE INDEX idx_utilisateur_nom_trgm ON utilisateur USING gin (immutable_unaccent(nom_complet) gin_trgm_ops);
CREATE INDEX idx_utilisateur_email_trgm ON utilisateur USING gin (lower(email) gin_trgm_ops);
