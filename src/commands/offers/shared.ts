import { humanDay } from '../../cli/days.js';
import type { Column } from '../../cli/output.js';
import { formats, t, type LabelKey } from '../../i18n/messages.js';
import { offerDates, type OfferView } from '../../services/offers.js';

/**
 * One line per offer, whatever its kind: its start and end whatever the kind calls them.
 * A table on a terminal (`human`) shows the days as people write them; CSV and the lines
 * off a terminal keep their machine forms (YYYY-MM-DD). The place and the start on demand
 * (`--columns`), so that a row fits 80 columns; the id last, as `offers show|close|extend`
 * take it (cut first when short of room).
 */
export function offerColumns(human: boolean): Column<OfferView>[] {
  const day = (text: string | null) => (human ? humanDay(text) : text);
  return [
    { header: 'type', label: 'offers.field.type', value: 'type' },
    { header: 'titre', label: 'offers.field.titre', value: 'titre' },
    { header: 'nom_organisation', label: 'offers.field.nom_organisation', value: 'nom_organisation' },
    { header: 'lieu', label: 'offers.field.lieu', value: 'lieu', hidden: true },
    { header: 'statut', label: 'offers.field.statut', value: 'statut' },
    { header: 'debut', label: 'offers.field.date_debut', value: (o) => day(offerDates(o).debut), hidden: true },
    { header: 'fin', label: 'offers.field.date_fin', value: (o) => day(offerDates(o).fin) },
    { header: 'id', label: 'offers.field.id', value: 'id' },
  ];
}

const DAYS = new Set(['date_debut', 'date_fin', 'date_publication', 'date_expiration']);

/** What a person reads beside each field of an offer (a field not listed shows its name). */
const LABELS: Record<string, LabelKey> = {
  id: 'offers.field.id',
  type: 'offers.field.type',
  titre: 'offers.field.titre',
  type_stage: 'offers.field.type_stage',
  type_formation: 'offers.field.type_formation',
  type_emploi: 'offers.field.type_emploi',
  statut: 'offers.field.statut',
  est_valide: 'offers.field.est_valide',
  organisation_id: 'offers.field.organisation_id',
  nom_organisation: 'offers.field.nom_organisation',
  nom_structure: 'offers.field.nom_structure',
  lieu: 'offers.field.lieu',
  description: 'offers.field.description',
  email_contact: 'offers.field.email_contact',
  telephone_contact: 'offers.field.telephone_contact',
  lien_offre: 'offers.field.lien_offre',
  lien_formation: 'offers.field.lien_formation',
  date_debut: 'offers.field.date_debut',
  date_fin: 'offers.field.date_fin',
  date_publication: 'offers.field.date_publication',
  date_expiration: 'offers.field.date_expiration',
  est_payante: 'offers.field.est_payante',
  prix: 'offers.field.prix',
  devise: 'offers.field.devise',
  createur_id: 'offers.field.createur_id',
  created_at: 'offers.field.created_at',
  updated_at: 'offers.field.updated_at',
  createur: 'offers.field.createur',
  decisions: 'offers.field.decisions',
};

export function offerLabel(field: string): string {
  const key = LABELS[field];
  return key ? t(key) : field;
}

/**
 * A value as a person reads it on a terminal: days in the run's language, yes/no, a price
 * in its currency. Off a terminal the stored value (a day YYYY-MM-DD); times are the
 * view's (local on a terminal, ISO 8601 with the offset off one).
 */
function humanValue(field: string, value: unknown, offer: Partial<OfferView>, human: boolean): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date || !human) return value;
  if (typeof value === 'boolean') return t(value ? 'offers.yes' : 'offers.no');
  if (DAYS.has(field) && typeof value === 'string') return humanDay(value);
  if (field === 'prix' && 'devise' in offer) {
    const amount = Number(value);
    return offer.devise ? formats().money(amount, offer.devise) : formats().decimal(amount);
  }
  return value;
}

/** An offer's fields as labelled lines (a `show`, an `add`): human labels, and values for a person on a terminal (`human`). */
export function offerFields(offer: OfferView, human: boolean): Array<[label: string, value: unknown]> {
  return Object.entries(offer).map(([field, value]) => [offerLabel(field), humanValue(field, value, offer, human)]);
}
