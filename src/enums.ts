import type {
  RoleContact,
  RoleMembre,
  RoleUtilisateur,
  StatutOffre,
  StatutOrganisation,
  StatutUtilisateur,
  TypeGroupe,
  TypeOrganisation,
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

export const TYPES_GROUPE: readonly TypeGroupe[] = ['public', 'prive', 'administratif'];
export const ROLES_MEMBRE: readonly RoleMembre[] = ['membre', 'moderateur', 'admin'];
