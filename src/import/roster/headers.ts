import type { HeaderSpec } from '../headers.js';

/**
 * The utilisateur columns a roster can fill, and the two parts nom_complet can be given
 * in instead (prenom: given names, nom: family name), joined in --name-order.
 */
export const ROSTER_FIELDS = [
  'nom_complet',
  'prenom',
  'nom',
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

/** How names given in parts are joined: `Awa DIOP` (the order the platform shows names in) or `DIOP Awa`. */
export const NAME_ORDERS = ['given-first', 'family-first'] as const;
export type NameOrder = (typeof NAME_ORDERS)[number];

export const ROSTER_HEADERS: HeaderSpec<RosterField> = {
  fields: ROSTER_FIELDS,
  required: ['nom_complet', 'matricule'],
  // A lone `Nom` column has always been read as the full name; beside a given-name column it is the family name.
  composite: { whole: 'nom_complet', parts: ['prenom', 'nom'], wholeWhenAlone: ['nom', 'noms'] },
  aliases: {
    nom_complet: [
      'nom complet',
      'nom et prénom',
      'nom et prénoms',
      'noms et prénoms',
      'nom & prénoms',
      'prénom et nom',
      'prénoms et nom',
      'nom prénom',
      'name',
      'full name',
      'fullname',
      'student name',
      'étudiant',
      'diplômé',
    ],
    prenom: ['prénom', 'prénoms', 'prénom(s)', 'first name', 'firstname', 'given name', 'given names', 'forename'],
    nom: ['nom', 'noms', 'nom de famille', 'nom patronymique', 'last name', 'lastname', 'surname', 'family name'],
    matricule: [
      'numéro matricule',
      'n° matricule',
      'n° mle',
      'mle',
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
      "année d'obtention",
      "année d'obtention du diplôme",
    ],
    telephone: [
      'téléphone',
      'tél',
      'tel',
      'cel',
      'cellulaire',
      'portable',
      'mobile',
      'contact',
      'numéro de téléphone',
      'phone',
      'phone number',
      'cell',
    ],
    domaine: ['filière', 'spécialité', 'option', 'parcours', 'département', 'field', 'major', 'field of study', 'programme', 'program'],
    travailleur: [
      'en emploi',
      'en poste',
      'situation',
      'situation professionnelle',
      'employé',
      'emploi',
      'travaille',
      'a un emploi',
      'employed',
      'working',
      'has job',
      'employment status',
    ],
    titre: ['civilité', 'title'],
    statut: ['status', 'profil'],
    role: ['rôle'],
    pays: ['country', 'indicatif', 'code pays', 'country code', 'indicatif pays', 'dialling code', 'calling code'],
  },
};
