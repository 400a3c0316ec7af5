import { humanDay } from '../../cli/days.js';
import type { Column } from '../../cli/output.js';
import { t, type LabelKey } from '../../i18n/messages.js';
import type { ContactView, OrgView } from '../../services/orgs.js';
import type { OrgInput } from '../../services/org-writes.js';
import type { OrgsAddOpts } from './index.js';

/** The flag of each field of an organisation the services may name in a refusal (add, update). */
export const ORG_FIELD_FLAGS = {
  nom_organisation: '--nom',
  type_organisation: '--type',
  statut: '--statut',
  secteur_activite: '--secteur',
  adresse: '--adresse',
  ville: '--ville',
  pays: '--pays',
  site_web: '--site-web',
  email_general: '--email',
  telephone_general: '--telephone',
  description: '--description',
  date_creation: '--date-creation',
};

/**
 * The list: what tells organisations apart first; the id on demand (`--columns`), as a
 * person names an organisation by its name in every command.
 */
export const ORG_TABLE: Column<OrgView>[] = [
  { header: 'nom_organisation', label: 'orgs.field.nom_organisation', value: 'nom_organisation' },
  { header: 'type_organisation', label: 'orgs.field.type_organisation', value: 'type_organisation' },
  { header: 'secteur_activite', label: 'orgs.field.secteur_activite', value: 'secteur_activite' },
  { header: 'ville', label: 'orgs.field.ville', value: 'ville' },
  { header: 'pays', label: 'orgs.field.pays', value: 'pays' },
  { header: 'statut', label: 'orgs.field.statut', value: 'statut' },
  { header: 'id', label: 'orgs.field.id', value: 'id', hidden: true },
];

/**
 * A table on a terminal (`human`) says days and yes as people do; CSV and the lines off a
 * terminal keep their machine forms (yes, YYYY-MM-DD). The start day on demand (`--columns`),
 * so that a contact fits 80 columns.
 */
export function contactColumns(human: boolean): Column<ContactView>[] {
  const day = (text: string | null) => (human ? humanDay(text) : text);
  return [
    { header: 'nom_complet', label: 'orgs.contact.nom_complet', value: 'nom_complet' },
    { header: 'email', label: 'orgs.contact.email', value: (c) => c.email ?? c.matricule },
    { header: 'role_contact', label: 'orgs.contact.role_contact', value: 'role_contact' },
    {
      header: 'principal',
      label: 'orgs.contact.principal',
      value: (c) => (c.est_contact_principal ? (human ? t('orgs.yes') : 'yes') : ''),
    },
    { header: 'poste', label: 'orgs.contact.poste', value: 'poste' },
    { header: 'date_debut', label: 'orgs.contact.date_debut', value: (c) => day(c.date_debut), hidden: true },
    { header: 'date_fin', label: 'orgs.contact.date_fin', value: (c) => day(c.date_fin) },
  ];
}

/** What a person reads beside each field of an organisation (a field not listed shows its name). */
const LABELS: Record<string, LabelKey> = {
  id: 'orgs.field.id',
  nom_organisation: 'orgs.field.nom_organisation',
  type_organisation: 'orgs.field.type_organisation',
  secteur_activite: 'orgs.field.secteur_activite',
  adresse: 'orgs.field.adresse',
  ville: 'orgs.field.ville',
  pays: 'orgs.field.pays',
  site_web: 'orgs.field.site_web',
  email_general: 'orgs.field.email_general',
  telephone_general: 'orgs.field.telephone_general',
  logo_url: 'orgs.field.logo_url',
  description: 'orgs.field.description',
  date_creation: 'orgs.field.date_creation',
  statut: 'orgs.field.statut',
  created_at: 'orgs.field.created_at',
  updated_at: 'orgs.field.updated_at',
  contacts: 'orgs.field.contacts',
  offers: 'orgs.field.offers',
};

export function orgLabel(field: string): string {
  const key = LABELS[field];
  return key ? t(key) : field;
}

/**
 * An organisation's fields as labelled lines (show, add, update): human labels; its day of
 * creation as people write it on a terminal (`human`), YYYY-MM-DD off one. Times are the
 * view's: local on a terminal, ISO 8601 with the offset off one.
 */
export function orgFields(org: OrgView, human: boolean): Array<[label: string, value: unknown]> {
  return Object.entries(org).map(([field, value]) => {
    if (field === 'date_creation' && typeof value === 'string' && human) return [orgLabel(field), humanDay(value)];
    return [orgLabel(field), value];
  });
}

/** The flags of `orgs add|update` as service input (the same options on both). */
export function orgInput(opts: OrgsAddOpts): OrgInput {
  return {
    nom_organisation: opts.nom,
    type_organisation: opts.type,
    statut: opts.statut,
    secteur_activite: opts.secteur,
    adresse: opts.adresse,
    ville: opts.ville,
    pays: opts.pays,
    site_web: opts.siteWeb,
    email_general: opts.email,
    telephone_general: opts.telephone,
    country: opts.country as OrgInput['country'],
    description: opts.description,
    date_creation: opts.dateCreation,
  };
}
