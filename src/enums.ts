import type {
  RoleContact,
  RoleMembre,
  RoleUtilisateur,
  StatutOffre,
  StatutOrganisation,
  StatutUtilisateur,
  TypeEmploi,
  TypeFormation,
  TypeGroupe,
  TypeOrganisation,
  TypeStage,
} from './db/schema.js';

/**
 * The values of the schema's enums, for the options that take them. Apart from the
 * services on purpose: the nouns' declarations import these, and `alumni --help` must
 * load no database code (tested).
 */
export const STATUTS_UTILISATEUR: readonly StatutUtilisateur[] = [
  'etudiant',
  'enseignant',
  'directeur',
  'personnel_admin',
  'personnel_technique',
];
export const ROLES_UTILISATEUR: readonly RoleUtilisateur[] = ['user', 'admin', 'super_admin'];
export const TYPES_ORGANISATION: readonly TypeOrganisation[] = ['entreprise', 'ONG', 'institution_publique', 'startup', 'association'];
export const STATUTS_ORGANISATION: readonly StatutOrganisation[] = ['active', 'inactive', 'en_attente'];
export const ROLES_CONTACT: readonly RoleContact[] = [
  'representant_legal',
  'contact_rh',
  'contact_stage',
  'alumni_fondateur',
  'employe',
  'stagiaire',
];
export const STATUTS_OFFRE: readonly StatutOffre[] = ['active', 'expiree', 'pourvue'];

/** audit_log.action, as `audit list --action` takes it. */
export const AUDIT_ACTIONS = ['insert', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What `orgs import --match` matches a partner-list row to a stored organisation by. */
export const ORG_MATCH_KEYS = ['site-web', 'email', 'nom'] as const;
export type OrgMatchKey = (typeof ORG_MATCH_KEYS)[number];

/** The three kinds of offer, each its own table. */
export const OFFER_KINDS = ['stage', 'formation', 'emploi'] as const;
export type OfferKindName = (typeof OFFER_KINDS)[number];
export const TYPES_STAGE: readonly TypeStage[] = ['ouvrier', 'academique', 'professionnel'];
export const TYPES_FORMATION: readonly TypeFormation[] = ['en_ligne', 'presentiel', 'hybride'];
export const TYPES_EMPLOI: readonly TypeEmploi[] = [
  'temps_plein_terrain',
  'temps_partiel_terrain',
  'temps_plein_ligne',
  'temps_partiel_ligne',
  'hybride',
];
/**
 * An offer's state as `offers` shows and filters it: a stage's or emploi's statut, and a
 * formation's derived one (it has no statut column): en_attente (waiting for a
 * moderator), refusee (rejected), active (approved, not past), expiree (approved, past).
 */
export const OFFER_STATES = ['active', 'expiree', 'pourvue', 'en_attente', 'refusee'] as const;
export type OfferState = (typeof OFFER_STATES)[number];
export const TYPES_GROUPE: readonly TypeGroupe[] = ['public', 'prive', 'administratif'];
export const ROLES_MEMBRE: readonly RoleMembre[] = ['membre', 'moderateur', 'admin'];
