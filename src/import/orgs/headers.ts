import type { HeaderSpec } from '../headers.js';

/** The organisation columns a partner list can fill. */
export const ORG_FIELDS = [
  'nom_organisation',
  'type_organisation',
  'secteur_activite',
  'adresse',
  'ville',
  'pays',
  'site_web',
  'email_general',
  'telephone_general',
  'description',
  'date_creation',
  'statut',
] as const;
export type OrgField = (typeof ORG_FIELDS)[number];

export const ORG_HEADERS: HeaderSpec<OrgField> = {
  fields: ORG_FIELDS,
  required: ['nom_organisation'],
  aliases: {
    nom_organisation: [
      'nom',
      'nom organisation',
      "nom de l'organisation",
      "nom de l'entreprise",
      'organisation',
      'raison sociale',
      'entreprise',
      'société',
      'structure',
      'partenaire',
      'employeur',
      'name',
      'company',
      'company name',
      'organization',
      'organization name',
      'employer',
    ],
    type_organisation: ['type', "type d'organisation", 'type organisation', 'catégorie', 'category', 'organization type'],
    secteur_activite: [
      'secteur',
      "secteur d'activité",
      'secteur activité',
      'activité',
      "domaine d'activité",
      'branche',
      'sector',
      'industry',
    ],
    adresse: ['adresse postale', 'siège', 'address'],
    ville: ['localité', 'commune', 'city', 'town'],
    pays: ['country'],
    site_web: ['site web', 'site', 'site internet', 'web', 'url', 'website', 'web site'],
    email_general: ['email', 'e-mail', 'mail', 'courriel', 'adresse e-mail', 'email général', 'e-mail général', 'email address'],
    telephone_general: ['téléphone', 'tél', 'tel', 'standard', 'phone', 'phone number', 'téléphone général'],
    description: ['présentation', 'about'],
    date_creation: ['date de création', 'date création', 'création', 'creation date', 'founded', 'date founded'],
    statut: ['status'],
  },
};
