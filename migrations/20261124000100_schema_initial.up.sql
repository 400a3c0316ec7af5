-- The platform's schema, made from seed/alumni-schema.md.
--
-- The sketch is a design note, not runnable SQL. Where a statement of it was not valid
-- PostgreSQL, or would not do what its comment says, the fix is marked "SKETCH FIX" with
-- the reason. Names (tables, columns, enum values) are the sketch's: the platform's other
-- programs use them. Decisions the sketch leaves open are marked "DECISION".
--
-- Written for PostgreSQL 15 (the server) and accepted as well by PGlite's PostgreSQL 18.

-- unaccent lets searches and reference look-ups ignore accents ("ecole" finds "école").
CREATE EXTENSION IF NOT EXISTS unaccent;

-- The tool's own bookkeeping (migrations, statistics refresh times, later the import
-- ledger and job runs) lives in this schema, apart from the platform's tables, and is
-- never audited.
CREATE SCHEMA IF NOT EXISTS alumni_admin;

-- ---------------------------------------------------------------------------------------
-- Enumerations
-- ---------------------------------------------------------------------------------------
CREATE TYPE statut_utilisateur AS ENUM
  ('etudiant', 'enseignant', 'directeur', 'personnel_admin', 'personnel_technique');
CREATE TYPE role_utilisateur AS ENUM ('user', 'admin', 'super_admin');
CREATE TYPE type_organisation AS ENUM
  ('entreprise', 'ONG', 'institution_publique', 'startup', 'association');
CREATE TYPE statut_organisation AS ENUM ('active', 'inactive', 'en_attente');
CREATE TYPE role_contact AS ENUM
  ('representant_legal', 'contact_rh', 'contact_stage', 'alumni_fondateur', 'employe', 'stagiaire');
CREATE TYPE type_stage AS ENUM ('ouvrier', 'academique', 'professionnel');
CREATE TYPE statut_offre AS ENUM ('active', 'expiree', 'pourvue');
CREATE TYPE type_formation AS ENUM ('en_ligne', 'presentiel', 'hybride');
CREATE TYPE type_emploi AS ENUM
  ('temps_plein_terrain', 'temps_partiel_terrain', 'temps_plein_ligne', 'temps_partiel_ligne', 'hybride');
CREATE TYPE type_groupe AS ENUM ('public', 'prive', 'administratif');
CREATE TYPE role_membre AS ENUM ('membre', 'moderateur', 'admin');
CREATE TYPE type_fichier AS ENUM ('image', 'pdf', 'word', 'excel', 'powerpoint', 'video');

-- ---------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------

-- unaccent() is only STABLE (its dictionary could change), so it cannot be used in an
-- index. Naming the dictionary explicitly makes the result depend on its arguments only,
-- which is what IMMUTABLE promises; this is the usual way to index unaccented text.
CREATE FUNCTION immutable_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN public.unaccent('public.unaccent'::regdictionary, value);

-- SKETCH FIX: "CREATE TEXT SEARCH CONFIGURATION fr (COPY = french)" alone is a plain copy
-- of 'french': it stems, but "developpeur" typed without accents would not find
-- "développeur". Mapping words through unaccent before the French stemmer makes both
-- spellings meet.
CREATE TEXT SEARCH CONFIGURATION fr (COPY = french);
ALTER TEXT SEARCH CONFIGURATION fr
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

-- updated_at is kept by the database, for every program that writes these tables. An
-- UPDATE that changes nothing keeps the old time (and, below, writes no audit row).
-- Generated columns (search_vector) are not computed yet in a BEFORE trigger, so they
-- are left out of the comparison, as is updated_at itself.
CREATE FUNCTION touch_updated_at() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF to_jsonb(NEW) - 'updated_at' - 'search_vector'
     IS DISTINCT FROM to_jsonb(OLD) - 'updated_at' - 'search_vector' THEN
    NEW.updated_at := now();
  END IF;
  RETURN NEW;
END
$$;

-- ---------------------------------------------------------------------------------------
-- Reference data
-- ---------------------------------------------------------------------------------------
CREATE TABLE annee_reference (
  annee          smallint PRIMARY KEY CHECK (annee BETWEEN 1900 AND 2200),
  est_disponible boolean  NOT NULL DEFAULT true
);

CREATE TABLE domaine_reference (
  id          uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  nom_domaine varchar(100) NOT NULL UNIQUE CHECK (btrim(nom_domaine) <> ''),
  description text,
  est_actif   boolean      NOT NULL DEFAULT true
);
-- DECISION: fields are matched without regard to case or accents, so two names that only
-- differ that way ("Génie civil", "genie civil") would be the same field: refused.
CREATE UNIQUE INDEX idx_domaine_reference_nom_normalise
  ON domaine_reference (lower(immutable_unaccent(nom_domaine)));

-- ---------------------------------------------------------------------------------------
-- utilisateur
-- ---------------------------------------------------------------------------------------
CREATE TABLE utilisateur (
  id                uuid               PRIMARY KEY DEFAULT gen_random_uuid(),
  nom_complet       varchar(200)       NOT NULL CHECK (btrim(nom_complet) <> ''),
  matricule         varchar(50),
  email             varchar(254)       CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
  titre             varchar(100),
  mot_de_passe_hash varchar(255),
  statut            statut_utilisateur NOT NULL DEFAULT 'etudiant',
  -- DECISION: NULL means "not known"; the statistics count only known answers.
  travailleur       boolean,
  annee_sortie      smallint           REFERENCES annee_reference (annee) ON UPDATE CASCADE ON DELETE RESTRICT,
  telephone         varchar(20),
  photo_profil_url  text,
  domaine           varchar(100)       REFERENCES domaine_reference (nom_domaine) ON UPDATE CASCADE ON DELETE RESTRICT,
  role              role_utilisateur   NOT NULL DEFAULT 'user',
  created_at        timestamptz        NOT NULL DEFAULT now(),
  updated_at        timestamptz        NOT NULL DEFAULT now(),
  last_login        timestamptz,
  est_actif         boolean            NOT NULL DEFAULT true,
  -- DECISION: staff may have no matricule and imported students no e-mail, but an account
  -- with neither could never be found again.
  CONSTRAINT utilisateur_identifiable CHECK (matricule IS NOT NULL OR email IS NOT NULL)
);
-- SKETCH FIX: the sketch declares email and matricule UNIQUE *and* indexes them again
-- (idx_utilisateur_email, idx_utilisateur_matricule): two identical indexes, each write
-- paying twice. Here each unique constraint is that index, under the sketch's name.
-- E-mail uniqueness ignores case, as mail addresses do.
CREATE UNIQUE INDEX idx_utilisateur_email ON utilisateur (lower(email));
CREATE UNIQUE INDEX idx_utilisateur_matricule ON utilisateur (matricule);
CREATE INDEX idx_utilisateur_statut ON utilisateur (statut);
CREATE INDEX idx_utilisateur_annee_sortie ON utilisateur (annee_sortie) WHERE annee_sortie IS NOT NULL;
CREATE INDEX idx_utilisateur_travailleur ON utilisateur (travailleur);
CREATE INDEX idx_utilisateur_domaine ON utilisateur (domaine);

-- ---------------------------------------------------------------------------------------
-- organisation and its contacts
-- ---------------------------------------------------------------------------------------
CREATE TABLE organisation (
  id                uuid                PRIMARY KEY DEFAULT gen_random_uuid(),
  nom_organisation  varchar(200)        NOT NULL CHECK (btrim(nom_organisation) <> ''),
  type_organisation type_organisation   NOT NULL,
  secteur_activite  varchar(100),
  adresse           text,
  ville             varchar(100),
  pays              varchar(100),
  site_web          varchar(255),
  email_general     varchar(254),
  telephone_general varchar(20),
  logo_url          text,
  description       text,
  date_creation     date,
  -- DECISION: an organisation created by a member waits for moderation.
  statut            statut_organisation NOT NULL DEFAULT 'en_attente',
  created_at        timestamptz         NOT NULL DEFAULT now(),
  updated_at        timestamptz         NOT NULL DEFAULT now(),
  -- SKETCH FIX: the sketch indexes to_tsvector('french', nom_organisation || ' ' ||
  -- description) with "CREATE FULLTEXT INDEX" (MySQL, not PostgreSQL). Besides, "||" with
  -- a NULL description gives NULL, so an organisation without a description could never
  -- be found by its name. A stored vector with coalesce, accent-insensitive 'fr', and the
  -- name weighted above the rest for ranking.
  search_vector     tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('fr', coalesce(nom_organisation, '')), 'A')
   || setweight(to_tsvector('fr', coalesce(secteur_activite, '') || ' ' || coalesce(ville, '')), 'B')
   || setweight(to_tsvector('fr', coalesce(description, '')), 'C')
  ) STORED
);
CREATE INDEX idx_organisation_statut ON organisation (statut);
CREATE INDEX idx_organisation_secteur ON organisation (secteur_activite);
CREATE INDEX idx_organisation_ville ON organisation (ville);
CREATE INDEX idx_organisation_search ON organisation USING gin (search_vector);

CREATE TABLE contact_organisation (
  id                      uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  utilisateur_id          uuid         NOT NULL REFERENCES utilisateur (id) ON DELETE CASCADE,
  organisation_id         uuid         NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  role_contact            role_contact NOT NULL,
  email_professionnel     varchar(254),
  telephone_professionnel varchar(20),
  poste                   varchar(100),
  est_contact_principal   boolean      NOT NULL DEFAULT false,
  date_debut              date,
  date_fin                date,
  created_at              timestamptz  NOT NULL DEFAULT now(),
  updated_at              timestamptz  NOT NULL DEFAULT now(),
  CHECK (date_fin IS NULL OR date_debut IS NULL OR date_fin >= date_debut)
);
-- SKETCH FIX: "CONSTRAINT unique_contact_principal UNIQUE (organisation_id,
-- est_contact_principal) WHERE est_contact_principal = TRUE" is not valid (a UNIQUE
-- constraint takes no WHERE); without the WHERE it would also allow only one
-- *non*-principal contact per organisation. A partial unique index says exactly "at most
-- one principal contact per organisation". The sketch's idx_contact_principal is the
-- same index on the same rows, so it is not created a second time.
CREATE UNIQUE INDEX unique_contact_principal
  ON contact_organisation (organisation_id) WHERE est_contact_principal;
CREATE INDEX idx_contact_utilisateur ON contact_organisation (utilisateur_id);
CREATE INDEX idx_contact_organisation ON contact_organisation (organisation_id);

-- ---------------------------------------------------------------------------------------
-- Offers: stage, formation, emploi
-- DECISION: an offer outlives the account or the organisation that posted it (ON DELETE
-- SET NULL); nom_structure keeps the organisation's name as text.
-- ---------------------------------------------------------------------------------------
CREATE TABLE stage (
  id                uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  createur_id       uuid         REFERENCES utilisateur (id) ON DELETE SET NULL,
  organisation_id   uuid         REFERENCES organisation (id) ON DELETE SET NULL,
  titre             varchar(200) NOT NULL CHECK (btrim(titre) <> ''),
  lieu              varchar(150),
  nom_structure     varchar(200),
  description       text,
  type_stage        type_stage   NOT NULL,
  email_contact     varchar(254),
  telephone_contact varchar(20),
  lien_offre        text,
  date_debut        date,
  date_fin          date,
  statut            statut_offre NOT NULL DEFAULT 'active',
  created_at        timestamptz  NOT NULL DEFAULT now(),
  updated_at        timestamptz  NOT NULL DEFAULT now(),
  -- SKETCH FIX: the sketch creates idx_stage_search twice (once with the invalid
  -- "CREATE FULLTEXT INDEX", once on this column). The generated column wins: it also
  -- covers lieu and uses the accent-insensitive 'fr' configuration.
  search_vector     tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('fr', coalesce(titre, '')), 'A')
   || setweight(to_tsvector('fr', coalesce(description, '')), 'B')
   || setweight(to_tsvector('fr', coalesce(lieu, '')), 'C')
  ) STORED,
  CHECK (date_fin IS NULL OR date_debut IS NULL OR date_fin >= date_debut)
);
CREATE INDEX idx_stage_createur ON stage (createur_id);
CREATE INDEX idx_stage_organisation ON stage (organisation_id);
CREATE INDEX idx_stage_statut ON stage (statut);
CREATE INDEX idx_stage_lieu ON stage (lieu);
CREATE INDEX idx_stage_search ON stage USING gin (search_vector);
-- The nightly expiry looks up active offers by end date.
CREATE INDEX idx_stage_expiration ON stage (date_fin) WHERE statut = 'active';

CREATE TABLE formation (
  id                uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
  createur_id       uuid           REFERENCES utilisateur (id) ON DELETE SET NULL,
  organisation_id   uuid           REFERENCES organisation (id) ON DELETE SET NULL,
  titre             varchar(200)   NOT NULL CHECK (btrim(titre) <> ''),
  lieu              varchar(150),
  nom_structure     varchar(200),
  description       text,
  type_formation    type_formation NOT NULL,
  est_payante       boolean        NOT NULL DEFAULT false,
  email_contact     varchar(254),
  telephone_contact varchar(20),
  lien_formation    text,
  date_debut        date,
  date_fin          date,
  prix              numeric(12, 2) CHECK (prix >= 0),
  devise            char(3)        CHECK (devise ~ '^[A-Z]{3}$'),
  -- Trainings wait for a moderator before they are shown.
  est_valide        boolean        NOT NULL DEFAULT false,
  created_at        timestamptz    NOT NULL DEFAULT now(),
  updated_at        timestamptz    NOT NULL DEFAULT now(),
  search_vector     tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('fr', coalesce(titre, '')), 'A')
   || setweight(to_tsvector('fr', coalesce(description, '')), 'B')
   || setweight(to_tsvector('fr', coalesce(lieu, '')), 'C')
  ) STORED,
  CHECK (date_fin IS NULL OR date_debut IS NULL OR date_fin >= date_debut),
  -- DECISION: a paid training states its price and currency; a free one has no price.
  CONSTRAINT formation_prix_coherent CHECK (
    CASE WHEN est_payante THEN prix IS NOT NULL AND devise IS NOT NULL
         ELSE prix IS NULL OR prix = 0 END)
);
CREATE INDEX idx_formation_createur ON formation (createur_id);
CREATE INDEX idx_formation_organisation ON formation (organisation_id);
CREATE INDEX idx_formation_valide ON formation (est_valide);
CREATE INDEX idx_formation_search ON formation USING gin (search_vector);

CREATE TABLE emploi (
  id                uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  createur_id       uuid         REFERENCES utilisateur (id) ON DELETE SET NULL,
  organisation_id   uuid         REFERENCES organisation (id) ON DELETE SET NULL,
  titre             varchar(200) NOT NULL CHECK (btrim(titre) <> ''),
  lieu              varchar(150),
  nom_structure     varchar(200),
  description       text,
  type_emploi       type_emploi  NOT NULL,
  email_contact     varchar(254),
  telephone_contact varchar(20),
  lien_offre        text,
  date_publication  date         NOT NULL DEFAULT CURRENT_DATE,
  date_expiration   date,
  statut            statut_offre NOT NULL DEFAULT 'active',
  created_at        timestamptz  NOT NULL DEFAULT now(),
  updated_at        timestamptz  NOT NULL DEFAULT now(),
  search_vector     tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('fr', coalesce(titre, '')), 'A')
   || setweight(to_tsvector('fr', coalesce(description, '')), 'B')
   || setweight(to_tsvector('fr', coalesce(lieu, '')), 'C')
  ) STORED,
  CHECK (date_expiration IS NULL OR date_expiration >= date_publication)
);
CREATE INDEX idx_emploi_createur ON emploi (createur_id);
CREATE INDEX idx_emploi_organisation ON emploi (organisation_id);
CREATE INDEX idx_emploi_statut ON emploi (statut);
CREATE INDEX idx_emploi_lieu ON emploi (lieu);
CREATE INDEX idx_emploi_search ON emploi USING gin (search_vector);
CREATE INDEX idx_emploi_expiration ON emploi (date_expiration) WHERE statut = 'active';

-- ---------------------------------------------------------------------------------------
-- Groups, members, messages
-- ---------------------------------------------------------------------------------------
CREATE TABLE groupe (
  id               uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  createur_id      uuid         REFERENCES utilisateur (id) ON DELETE SET NULL,
  -- SKETCH FIX: "nom_groupe VARCHAR(100) UNIQUE NOT NULL;" stood alone outside any
  -- CREATE TABLE; it is this column's definition.
  nom_groupe       varchar(100) NOT NULL UNIQUE CHECK (btrim(nom_groupe) <> ''),
  photo_groupe_url text,
  description      text,
  -- Groups wait for a moderator before they are shown.
  est_valide       boolean      NOT NULL DEFAULT false,
  type_groupe      type_groupe  NOT NULL DEFAULT 'public',
  -- DECISION: NULL means no limit.
  max_membres      integer      CHECK (max_membres > 0),
  created_at       timestamptz  NOT NULL DEFAULT now(),
  updated_at       timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX idx_groupe_createur ON groupe (createur_id);
CREATE INDEX idx_groupe_type ON groupe (type_groupe);
CREATE INDEX idx_groupe_valide ON groupe (est_valide);

CREATE TABLE membre_groupe (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  utilisateur_id uuid        NOT NULL REFERENCES utilisateur (id) ON DELETE CASCADE,
  groupe_id      uuid        NOT NULL REFERENCES groupe (id) ON DELETE CASCADE,
  role_membre    role_membre NOT NULL DEFAULT 'membre',
  date_adhesion  timestamptz NOT NULL DEFAULT now(),
  date_sortie    timestamptz,
  est_actif      boolean     NOT NULL DEFAULT true,
  -- DECISION: one membership row per person and group; leaving and coming back reuses it.
  CONSTRAINT membre_groupe_unique UNIQUE (utilisateur_id, groupe_id),
  CHECK (date_sortie IS NULL OR date_sortie >= date_adhesion)
);
CREATE INDEX idx_membre_utilisateur ON membre_groupe (utilisateur_id);
CREATE INDEX idx_membre_groupe ON membre_groupe (groupe_id);
CREATE INDEX idx_membre_actif ON membre_groupe (groupe_id, est_actif) WHERE est_actif = TRUE;

-- max_membres holds even when members are added concurrently: each addition locks the
-- group's row first, so two transactions cannot both see the last free place.
CREATE FUNCTION enforce_max_membres() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  limite integer;
  actifs integer;
BEGIN
  IF NOT NEW.est_actif THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.est_actif AND OLD.groupe_id = NEW.groupe_id THEN
    RETURN NEW;
  END IF;
  SELECT max_membres INTO limite FROM groupe WHERE id = NEW.groupe_id FOR UPDATE;
  IF limite IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT count(*) INTO actifs FROM membre_groupe
   WHERE groupe_id = NEW.groupe_id AND est_actif AND id <> NEW.id;
  IF actifs >= limite THEN
    RAISE EXCEPTION 'group % is full (max_membres = %)', NEW.groupe_id, limite
      USING ERRCODE = 'check_violation', CONSTRAINT = 'max_membres';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER membre_groupe_max_membres
  BEFORE INSERT OR UPDATE OF est_actif, groupe_id ON membre_groupe
  FOR EACH ROW EXECUTE FUNCTION enforce_max_membres();

CREATE TABLE message (
  id                    uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  groupe_id             uuid         NOT NULL REFERENCES groupe (id) ON DELETE CASCADE,
  -- A message stays in its group when its author's account is deleted.
  utilisateur_id        uuid         REFERENCES utilisateur (id) ON DELETE SET NULL,
  texte                 text,
  fichier_url           text,
  type_fichier          type_fichier,
  est_supprime          boolean      NOT NULL DEFAULT false,
  created_at            timestamptz  NOT NULL DEFAULT now(),
  updated_at            timestamptz  NOT NULL DEFAULT now(),
  -- NULL: kept until deleted by hand.
  date_suppression_auto timestamptz,
  CHECK (texte IS NOT NULL OR fichier_url IS NOT NULL),
  CHECK (type_fichier IS NULL OR fichier_url IS NOT NULL)
);
CREATE INDEX idx_message_groupe ON message (groupe_id, created_at DESC);
CREATE INDEX idx_message_utilisateur ON message (utilisateur_id);
-- SKETCH FIX: the sketch's index is partial "WHERE est_supprime = FALSE", but the purge
-- it serves deletes every message past date_suppression_auto, soft-deleted or not, so
-- the planner could not use it for the purge. Indexed on the rows that have a date.
CREATE INDEX idx_message_suppression ON message (date_suppression_auto)
  WHERE date_suppression_auto IS NOT NULL;

-- ---------------------------------------------------------------------------------------
-- Moderation decisions
-- DECISION: a decision is history: it stays when the moderator's account is deleted
-- (validateur_id becomes NULL) and goes with the item it is about.
-- ---------------------------------------------------------------------------------------
CREATE TABLE validation_formation (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  formation_id    uuid        NOT NULL REFERENCES formation (id) ON DELETE CASCADE,
  validateur_id   uuid        REFERENCES utilisateur (id) ON DELETE SET NULL,
  est_approuve    boolean     NOT NULL,
  commentaire     text,
  date_validation timestamptz NOT NULL DEFAULT now(),
  -- A rejection always says why.
  CHECK (est_approuve OR btrim(coalesce(commentaire, '')) <> '')
);
CREATE INDEX idx_validation_formation ON validation_formation (formation_id, date_validation DESC);

CREATE TABLE validation_groupe (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  groupe_id       uuid        NOT NULL REFERENCES groupe (id) ON DELETE CASCADE,
  validateur_id   uuid        REFERENCES utilisateur (id) ON DELETE SET NULL,
  est_approuve    boolean     NOT NULL,
  commentaire     text,
  date_validation timestamptz NOT NULL DEFAULT now(),
  CHECK (est_approuve OR btrim(coalesce(commentaire, '')) <> '')
);
CREATE INDEX idx_validation_groupe ON validation_groupe (groupe_id, date_validation DESC);

-- DECISION: the SPEC moderates organisations 'en_attente' too and records those decisions
-- "the same" way; the sketch has no table for them, so this one mirrors the other two.
CREATE TABLE validation_organisation (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid        NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  validateur_id   uuid        REFERENCES utilisateur (id) ON DELETE SET NULL,
  est_approuve    boolean     NOT NULL,
  commentaire     text,
  date_validation timestamptz NOT NULL DEFAULT now(),
  CHECK (est_approuve OR btrim(coalesce(commentaire, '')) <> '')
);
CREATE INDEX idx_validation_organisation ON validation_organisation (organisation_id, date_validation DESC);

-- ---------------------------------------------------------------------------------------
-- Audit
-- ---------------------------------------------------------------------------------------
CREATE TABLE audit_log (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The acting user; kept as NULL when that account is later deleted, and NULL for jobs.
  utilisateur_id uuid        REFERENCES utilisateur (id) ON DELETE SET NULL,
  table_name     varchar(50) NOT NULL,
  action         varchar(10) NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
  ancien_data    jsonb,
  nouveau_data   jsonb,
  ip_address     inet,
  user_agent     text,
  -- SKETCH FIX: TIMESTAMP (without time zone) would record the session's local clock
  -- without saying which; timestamptz records the instant.
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_audit_utilisateur ON audit_log (utilisateur_id);
CREATE INDEX idx_audit_table ON audit_log (table_name);
CREATE INDEX idx_audit_date ON audit_log (created_at DESC);
CREATE INDEX idx_audit_action ON audit_log (action);

-- Every insert, update and delete on the platform's tables is written to audit_log by
-- the database, whoever the writer is. The acting user and the user agent come from
-- transaction-local settings that the CLI sets (alumni.actor_id, alumni.user_agent);
-- nullif() because a setting once set in a session reads back as '' afterwards.
-- Statement-level triggers with transition tables keep bulk writes cheap: one INSERT ...
-- SELECT per statement instead of one trigger call per row. Password hashes never reach
-- the log. An UPDATE that leaves a row as it was writes no audit row.
-- TG_ARGV[0] names the table's primary key, to pair old and new rows of an UPDATE.
CREATE FUNCTION audit_changes() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  actor uuid := nullif(current_setting('alumni.actor_id', true), '')::uuid;
  agent text := nullif(current_setting('alumni.user_agent', true), '');
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_log (utilisateur_id, table_name, action, ancien_data, nouveau_data, ip_address, user_agent)
    SELECT actor, TG_TABLE_NAME, 'INSERT', NULL,
           to_jsonb(n) - 'mot_de_passe_hash' - 'search_vector', inet_client_addr(), agent
      FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO audit_log (utilisateur_id, table_name, action, ancien_data, nouveau_data, ip_address, user_agent)
    SELECT actor, TG_TABLE_NAME, 'DELETE', to_jsonb(o) - 'mot_de_passe_hash' - 'search_vector',
           NULL, inet_client_addr(), agent
      FROM old_rows o;
  ELSE
    EXECUTE format(
      'INSERT INTO audit_log (utilisateur_id, table_name, action, ancien_data, nouveau_data, ip_address, user_agent)
       SELECT $1, $2, ''UPDATE'',
              to_jsonb(o) - ''mot_de_passe_hash'' - ''search_vector'',
              to_jsonb(n) - ''mot_de_passe_hash'' - ''search_vector'',
              inet_client_addr(), $3
         FROM old_rows o JOIN new_rows n ON o.%1$I = n.%1$I
        WHERE to_jsonb(o) IS DISTINCT FROM to_jsonb(n)', TG_ARGV[0])
      USING actor, TG_TABLE_NAME, agent;
  END IF;
  RETURN NULL;
END
$$;

-- Triggers on every platform table: updated_at where the table has one, audit on all.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
      ('annee_reference', 'annee', false), ('domaine_reference', 'id', false),
      ('utilisateur', 'id', true), ('organisation', 'id', true),
      ('contact_organisation', 'id', true), ('stage', 'id', true),
      ('formation', 'id', true), ('emploi', 'id', true), ('groupe', 'id', true),
      ('membre_groupe', 'id', false), ('message', 'id', true),
      ('validation_formation', 'id', false), ('validation_groupe', 'id', false),
      ('validation_organisation', 'id', false)) AS v(tbl, pk, has_updated_at)
  LOOP
    IF t.has_updated_at THEN
      EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION touch_updated_at()',
                     t.tbl || '_updated_at', t.tbl);
    END IF;
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_changes(%L)', t.tbl || '_audit_insert', t.tbl, t.pk);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_changes(%L)', t.tbl || '_audit_update', t.tbl, t.pk);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_changes(%L)', t.tbl || '_audit_delete', t.tbl, t.pk);
  END LOOP;
END
$$;

-- ---------------------------------------------------------------------------------------
-- Employment statistics
-- ---------------------------------------------------------------------------------------
-- SKETCH FIX, three of them:
-- * "REFRESH MATERIALIZED VIEW CONCURRENTLY" needs a UNIQUE index on the view; the
--   sketch's plain index would make every nightly refresh fail.
-- * ORDER BY inside a materialized view orders nothing that readers can rely on; readers
--   order their own queries.
-- * The rate divides by the graduates whose situation is known (working or searching),
--   with NULLIF so a year where nobody answered gives NULL instead of an error.
CREATE MATERIALIZED VIEW stats_emploi_par_annee AS
SELECT
  annee_sortie,
  count(*)                                      AS total_diplomes,
  count(*) FILTER (WHERE travailleur = TRUE)    AS nb_travaillent,
  count(*) FILTER (WHERE travailleur = FALSE)   AS nb_recherche,
  round(100.0 * count(*) FILTER (WHERE travailleur = TRUE)
        / NULLIF(count(*) FILTER (WHERE travailleur IS NOT NULL), 0), 2) AS taux_emploi
FROM utilisateur
WHERE statut = 'etudiant' AND annee_sortie IS NOT NULL
GROUP BY annee_sortie;

CREATE UNIQUE INDEX idx_stats_emploi_par_annee ON stats_emploi_par_annee (annee_sortie);

-- When each statistics view was last refreshed, for `stats` and `doctor`.
CREATE TABLE alumni_admin.view_refresh (
  view_name    text        PRIMARY KEY,
  refreshed_at timestamptz NOT NULL
);
INSERT INTO alumni_admin.view_refresh VALUES ('stats_emploi_par_annee', now());

-- ---------------------------------------------------------------------------------------
-- Maintenance logic
-- SKETCH FIX: the sketch puts this SQL inside "CREATE EXTENSION pg_cron; SELECT
-- cron.schedule(...)", which fails on every server without pg_cron (and on the embedded
-- database) and leaves the logic nowhere else. The logic lives in these functions; the
-- CLI's `jobs run` calls them, and pg_cron, where it exists, is pointed at the same
-- functions by `jobs schedule` (schedules: 02:00 daily, Sundays 03:00, 01:00 daily).
-- Each returns the rows it changed per table, as JSON.
-- ---------------------------------------------------------------------------------------

-- Active internships and jobs whose end date has passed become 'expiree'. An offer
-- ending today is still open today.
CREATE FUNCTION alumni_expire_offers() RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  stages integer;
  emplois integer;
BEGIN
  UPDATE stage SET statut = 'expiree' WHERE date_fin < CURRENT_DATE AND statut = 'active';
  GET DIAGNOSTICS stages = ROW_COUNT;
  UPDATE emploi SET statut = 'expiree' WHERE date_expiration < CURRENT_DATE AND statut = 'active';
  GET DIAGNOSTICS emplois = ROW_COUNT;
  RETURN jsonb_build_object('stage', stages, 'emploi', emplois);
END
$$;

-- Messages past their automatic deletion time are deleted.
CREATE FUNCTION alumni_purge_messages() RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  messages integer;
BEGIN
  DELETE FROM message WHERE date_suppression_auto < CURRENT_TIMESTAMP;
  GET DIAGNOSTICS messages = ROW_COUNT;
  RETURN jsonb_build_object('message', messages);
END
$$;

-- The statistics are refreshed without blocking their readers, and the time recorded.
CREATE FUNCTION alumni_refresh_stats() RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  annees integer;
BEGIN
  REFRESH MATERIALIZED VIEW CONCURRENTLY stats_emploi_par_annee;
  INSERT INTO alumni_admin.view_refresh (view_name, refreshed_at)
  VALUES ('stats_emploi_par_annee', now())
  ON CONFLICT (view_name) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at;
  SELECT count(*) INTO annees FROM stats_emploi_par_annee;
  RETURN jsonb_build_object('stats_emploi_par_annee', annees);
END
$$;
