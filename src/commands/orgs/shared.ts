import type { Column } from '../../cli/output.js';
import type { ContactView, OrgView } from '../../services/orgs.js';
import type { OrgInput } from '../../services/org-writes.js';
import type { OrgsAddOpts } from './index.js';

export const ORG_TABLE: Column<OrgView>[] = [
  { header: 'nom_organisation', value: 'nom_organisation' },
  { header: 'type_organisation', value: 'type_organisation' },
  { header: 'secteur_activite', value: 'secteur_activite' },
  { header: 'ville', value: 'ville' },
  { header: 'pays', value: 'pays' },
  { header: 'statut', value: 'statut' },
  { header: 'id', value: 'id' },
];

export const CONTACT_TABLE: Column<ContactView>[] = [
  { header: 'nom_complet', value: 'nom_complet' },
  { header: 'email', value: (c) => c.email ?? c.matricule },
  { header: 'role_contact', value: 'role_contact' },
  { header: 'principal', value: (c) => (c.est_contact_principal ? 'yes' : '') },
  { header: 'poste', value: 'poste' },
  { header: 'date_debut', value: 'date_debut' },
  { header: 'date_fin', value: 'date_fin' },
];

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
