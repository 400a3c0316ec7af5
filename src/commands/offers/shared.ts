import type { Column } from '../../cli/output.js';
import { offerDates, type OfferView } from '../../services/offers.js';

/** One line per offer, whatever its kind: its start and end whatever the kind calls them. */
export const OFFER_TABLE: Column<OfferView>[] = [
  { header: 'type', value: 'type' },
  { header: 'titre', value: 'titre' },
  { header: 'nom_organisation', value: 'nom_organisation' },
  { header: 'lieu', value: 'lieu' },
  { header: 'statut', value: 'statut' },
  { header: 'debut', value: (o) => offerDates(o).debut },
  { header: 'fin', value: (o) => offerDates(o).fin },
  { header: 'id', value: 'id' },
];
