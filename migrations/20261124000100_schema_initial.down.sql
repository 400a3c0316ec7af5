-- Undoes 20261124000100_schema_initial: drops everything it created, dependants first.
DROP FUNCTION alumni_refresh_stats();
DROP FUNCTION alumni_purge_messages();
DROP FUNCTION alumni_expire_offers();
DROP TABLE alumni_admin.view_refresh;
DROP MATERIALIZED VIEW stats_emploi_par_annee;
DROP TABLE audit_log, validation_organisation, validation_groupe, validation_formation,
  message, membre_groupe, groupe, emploi, formation, stage, contact_organisation,
  organisation, utilisateur, domaine_reference, annee_reference;
DROP FUNCTION audit_changes();
DROP FUNCTION enforce_max_membres();
DROP FUNCTION touch_updated_at();
DROP TEXT SEARCH CONFIGURATION fr;
DROP FUNCTION immutable_unaccent(text);
DROP TYPE type_fichier, role_membre, type_groupe, type_emploi, type_formation, statut_offre,
  type_stage, role_contact, statut_organisation, type_organisation, role_utilisateur,
  statut_utilisateur;
-- The extension and the alumni_admin schema stay: the migrations table lives in
-- alumni_admin, and unaccent may serve other programs on the same database.
