import type { HeaderSpec } from '../headers.js';

/** The utilisateur columns a roster can fill. */
export const ROSTER_FIELDS = [
  'nom_complet',
  'matricule',
  'email',
  'annee_sortie',
  'telephone',
  'domaine',
  'travailleur',
  'titre',
  'statut',
  'role',
  // The row's country: read for its national phone numbers only, never stored.
  'pays',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

export const ROSTER_HEADERS: HeaderSpec<RosterField> = {
  fields: ROSTER_FIELDS,
  required: ['nom_complet', 'matricule'],
  aliases: {
    nom_complet: [
      'nom complet',
      'nom',
      'nom et prénom',
      'nom et prénoms',
      'prénom et nom',
      'nom prénom',
      'name',
      'full name',
      'fullname',
      'student name',
      'étudiant',
      'diplômé',
    ],
    matricule: [
      'numéro matricule',
      'n° matricule',
      'no matricule',
      'numéro étudiant',
      'n° étudiant',
      'student id',
      'student number',
      'id étudiant',
      'identifiant',
    ],
    email: ['e-mail', 'mail', 'courriel', 'adresse e-mail', 'adresse email', 'adresse mail', 'email address'],
    annee_sortie: [
      'année de sortie',
      'année sortie',
      'promotion',
      'promo',
      'année de diplôme',
      'année diplôme',
      'année de diplomation',
      'graduation year',
      'year of graduation',
      'class of',
      'année',
    ],
    telephone: ['téléphone', 'tél', 'tel', 'portable', 'mobile', 'numéro de téléphone', 'phone', 'phone number', 'cell'],
    domaine: ['filière', 'spécialité', 'département', 'field', 'major', 'field of study', 'programme', 'program'],
    travailleur: ['en emploi', 'employé', 'emploi', 'travaille', 'a un emploi', 'employed', 'working', 'has job'],
    titre: ['civilité', 'title'],
    statut: ['status', 'profil'],
    role: ['rôle'],
    pays: ['country', 'indicatif', 'code pays', 'country code', 'indicatif pays', 'dialling code', 'calling code'],
  },
};
