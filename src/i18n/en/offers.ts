import { formatsFor } from '../format.js';

/** English messages of the offers area: keys start with "offers.". */

/** A day (YYYY-MM-DD) as people write it: the day the database calls today. */
const day = (iso: string) => {
  const [year, month, date] = iso.split('-').map(Number) as [number, number, number];
  return formatsFor('en').date(new Date(year, month - 1, date));
};

/** "a stage", "an emploi": the kinds are data values, named as stored. */
const aKind = (kind: string) => `${kind === 'emploi' ? 'an' : 'a'} ${kind}`;
const capitalised = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;
const quotedList = (items: string[]) => items.map((item) => `"${item}"`).join(', ');

export default {
  // ---- help ----
  'offers.help.description': 'offers: internships (stage), trainings (formation) and jobs (emploi)',
  'offers.help.org_ref': 'id or exact name (case and accents ignored)',
  'offers.help.id': "the offer's id (as offers list prints it)",
  'offers.help.list': 'stages, formations and emplois, newest first, every state unless filtered, a page at a time',
  'offers.help.list.type': 'only this kind',
  'offers.help.list.statut': "only this state (a formation's is derived: en_attente, refusee, active, expiree)",
  'offers.help.list.org': (p: { ref: string }) => `only this organisation's: ${p.ref}`,
  'offers.help.list.lieu': 'the place contains this (case and accents ignored)',
  'offers.help.list.from': 'open on or after this day (not ended before it)',
  'offers.help.list.to': 'open on or before this day (not started after it)',
  'offers.help.list.search': 'the title contains this (case and accents ignored)',
  'offers.help.list.limit': 'offers per page',
  'offers.help.search': 'French full-text search over title, description and place of every kind, best first',
  'offers.help.search.text':
    'words to look for, each also as the start of a word (dev finds Développeur; stemmed, accents ignored; "quoted phrase", -excluded)',
  'offers.help.search.limit': 'results per page',
  'offers.help.show': 'every field, the organisation, the creator and a formation’s moderation decisions',
  'offers.help.add': 'post an offer as the acting administrator (a formation then waits for a moderator)',
  'offers.help.add.type': 'the kind',
  'offers.help.add.titre': 'the title',
  'offers.help.add.type_stage': "a stage's type",
  'offers.help.add.type_formation': "a formation's type",
  'offers.help.add.type_emploi': "an emploi's type",
  'offers.help.add.org': (p: { ref: string }) => `the organisation: ${p.ref}`,
  'offers.help.add.structure': 'the name of the hosting structure',
  'offers.help.add.lieu': 'the place',
  'offers.help.add.description': 'the description',
  'offers.help.add.email': 'the contact e-mail',
  'offers.help.add.telephone': 'the contact phone, stored as E.164',
  'offers.help.add.lien': 'the link to the offer (or to the formation), http:// or https://',
  'offers.help.add.debut': "the start date (an emploi's publication date, today unless given)",
  'offers.help.add.fin': "the end date (an emploi's expiry date), today or later",
  'offers.help.add.expiration': 'the same as --fin',
  'offers.help.add.prix': "a formation's price, 0 or more (12.50)",
  'offers.help.add.devise': "the price's ISO 4217 currency (XOF, EUR)",
  'offers.help.add.payante': 'a paid formation (implied by a price above 0)',
  'offers.help.close': 'stages and emplois filled: they become pourvue',
  'offers.help.expiring': 'what the expire-offers job will expire within a while, with creator and contact, so they can be told',
  'offers.help.expiring.within': 'how far ahead',
  'offers.help.extend': "move a stage's or emploi's end date later (an expired one becomes active again)",
  'offers.help.extend.until': 'the new end date, today or later',

  // ---- flag values (refused as the flag is parsed) ----
  'offers.flag.invalid_id': (p: { flag: string; value: string }) =>
    `${p.flag} "${p.value}" is not an offer's id (give the id offers list prints, such as 5f0c…-…).`,
  'offers.flag.price_negative': (p: { flag: string; value: string }) => `${p.flag} "${p.value}" is negative; a price is 0 or more.`,
  'offers.flag.price_invalid': (p: { flag: string; value: string }) =>
    `${p.flag} "${p.value}" is not an amount (write 1500 or 12.50, at most two decimals).`,
  'offers.flag.currency_invalid': (p: { flag: string; value: string }) =>
    `${p.flag} "${p.value}" is not an ISO 4217 currency code (such as XOF, EUR or USD).`,

  // ---- refusals (services: fields, never flags) ----
  'offers.error.kind_type_missing': (p: { kind: string; field: string; values: string[] }) =>
    `${capitalised(aKind(p.kind))} needs its type: give ${p.field} (one of: ${p.values.join(', ')}).`,
  'offers.error.kind_type_wrong': (p: { field: string; fieldKind: string; kind: string }) =>
    `${p.field} is for ${aKind(p.fieldKind)}; this offer is ${aKind(p.kind)}.`,
  'offers.error.price_not_for_kind': (p: { fields: string[]; kind: string }) =>
    `${p.fields.join(', ')}: only a formation has a price; this offer is ${aKind(p.kind)}.`,
  'offers.error.title_missing': (p: { field: string }) => `An offer needs a title: give ${p.field}; nothing was written.`,
  'offers.error.end_before_start': (p: { start: string; end: string }) =>
    `The end date ${p.end} is before the start date ${p.start}; nothing was written.`,
  'offers.error.paid_without_price': (p: { priceField: string; currencyField: string }) =>
    `A paid formation needs its price: give ${p.priceField} and ${p.currencyField}; nothing was written.`,
  'offers.error.price_without_currency': (p: { field: string }) =>
    `A price needs its currency: give ${p.field} (such as XOF or EUR); nothing was written.`,
  'offers.error.currency_without_price': (p: { field: string; priceField: string }) =>
    `${p.field} is the currency of a price: give ${p.priceField} too; nothing was written.`,
  'offers.error.end_in_past': (p: { end: string; today: string }) =>
    `The end date ${p.end} is in the past (today is ${day(p.today)}); nothing was written.`,
  'offers.error.close_nothing': 'Give the id of at least one offer to close.',
  'offers.error.close_formation': (p: { ids: string[] }) =>
    `${p.ids.join(', ')} ${p.ids.length > 1 ? 'are formations' : 'is a formation'}: a training is not filled, so it cannot be closed (only a stage or an emploi becomes pourvue); nothing was changed.`,
  'offers.error.extend_formation': (p: { id: string }) =>
    `${p.id} is a formation: only a stage or an emploi expires (the expire-offers job), so only they are extended; nothing was written.`,
  'offers.error.until_in_past': (p: { field: string; until: string; today: string }) =>
    `${p.field} ${p.until} is in the past (today is ${day(p.today)}); nothing was written.`,
  'offers.error.extend_filled': (p: { kind: string }) =>
    `This ${p.kind} is pourvue (filled): it is closed, there is nothing to extend; nothing was written.`,
  'offers.error.until_before_start': (p: { field: string; until: string; start: string }) =>
    `${p.field} ${p.until} is before the offer's start date ${p.start}; nothing was written.`,
  'offers.error.until_shortens': (p: { field: string; until: string; end: string }) =>
    `${p.field} ${p.until} is before the offer's end date ${p.end}: that would shorten it, not extend it; nothing was written.`,
  'offers.error.empty_period': (p: { fromField: string; toField: string; from: string; to: string }) =>
    `${p.fromField} ${p.from} is after ${p.toField} ${p.to}; give a ${p.fromField} on or before ${p.toField}.`,
  'offers.error.not_found': (p: { ref: string }) => `No offer "${p.ref}" (give an offer's id, as alumni offers list prints it).`,
  'offers.error.not_found_many': (p: { refs: string[] }) =>
    `No offer ${quotedList(p.refs)} (give an offer's id, as alumni offers list prints it); nothing was changed.`,

  // ---- what the commands say ----
  'offers.added': (p: { kind: string; title: string; state: string }) => `Added ${p.kind} ${p.title} (${p.state}).`,
  'offers.added_waiting': (p: { kind: string; title: string; state: string; id: string }) =>
    `Added ${p.kind} ${p.title} (${p.state}). It waits for a moderator: alumni validate approve formations ${p.id}`,
  'offers.closed': (p: { kind: string; title: string; id: string }) => `${p.kind} ${p.title} (${p.id}) is now pourvue.`,
  'offers.closed_already': (p: { kind: string; title: string; id: string }) =>
    `${p.kind} ${p.title} (${p.id}) was pourvue already: not written again.`,
  'offers.close_summary': (p: { closed: number; skipped: number }) => `${p.closed} closed, ${p.skipped} skipped.`,
  'offers.expiring_summary': (p: { count: number; day: string }) =>
    `${p.count} offer(s) the expire-offers job will expire by ${p.day} (active, ending before that day); alumni offers extend ID --until DATE keeps one open.`,
  'offers.extend_unchanged': (p: { kind: string; title: string; end: string; state: string }) =>
    `${p.kind} ${p.title} already ends on ${p.end} and is ${p.state}: nothing written.`,
  'offers.extended': (p: { kind: string; title: string; end: string; previousEnd: string | null; previousState: string; state: string }) =>
    `${p.kind} ${p.title} now ends on ${p.end} (was ${p.previousEnd ?? 'no end date'}, ${p.previousState}; now ${p.state}).`,
  'offers.search_none': (p: { text: string }) => `No offer matches "${p.text}".`,
  'offers.next_list': (p: { cursor: string }) => `alumni offers list --after ${p.cursor} (same filters)`,
  'offers.none': '(none)',
  'offers.none_yet': '(none yet)',
  'offers.yes': 'yes',
  'offers.no': 'no',

  // ---- what a person reads above a column or beside a value ----
  'offers.field.id': 'ID',
  'offers.field.type': 'Kind',
  'offers.field.titre': 'Title',
  'offers.field.type_stage': 'Internship type',
  'offers.field.type_formation': 'Training type',
  'offers.field.type_emploi': 'Job type',
  'offers.field.statut': 'Status',
  'offers.field.est_valide': 'Approved',
  'offers.field.organisation_id': 'Organisation ID',
  'offers.field.nom_organisation': 'Organisation',
  'offers.field.nom_structure': 'Hosting structure',
  'offers.field.lieu': 'Place',
  'offers.field.description': 'Description',
  'offers.field.email_contact': 'Contact e-mail',
  'offers.field.telephone_contact': 'Contact phone',
  'offers.field.lien_offre': 'Link',
  'offers.field.lien_formation': 'Link',
  'offers.field.date_debut': 'Starts',
  'offers.field.date_fin': 'Ends',
  'offers.field.date_publication': 'Published',
  'offers.field.date_expiration': 'Expires',
  'offers.field.est_payante': 'Paid',
  'offers.field.prix': 'Price',
  'offers.field.devise': 'Currency',
  'offers.field.createur_id': 'Creator ID',
  'offers.field.createur': 'Posted by',
  'offers.field.createur_email': "Poster's e-mail",
  'offers.field.created_at': 'Created',
  'offers.field.updated_at': 'Updated',
  'offers.field.decisions': 'Moderation',
  'offers.field.excerpt': 'Excerpt',
  'offers.field.rank': 'Rank',
  'offers.field.changed': 'Changed',
  'offers.list.empty': 'No offer matches these filters.',
  'offers.expiring.none': (p: { day: string }) => `No active offer ends before ${p.day}: the expire-offers job has nothing to expire.`,
} satisfies Record<`offers.${string}`, string | ((params: never) => string)>;
