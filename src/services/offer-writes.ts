import { sql, type Kysely } from 'kysely';
import type { CountryCode } from 'libphonenumber-js';
import type { DB, StatutOffre, TypeEmploi, TypeFormation, TypeStage } from '../db/schema.js';
import { writeAs, type WriteSession } from '../db/session.js';
import { OFFER_KINDS, TYPES_EMPLOI, TYPES_FORMATION, TYPES_STAGE, type OfferKindName } from '../enums.js';
import { problem, UsageError } from '../errors.js';
import { phone } from '../phone.js';
import * as value from '../values.js';
import { loadOffers, locateOffer, locateOffers, OFFER_DATES, unknownOffers, type OfferView } from './offers.js';
import { resolveRef } from './refs.js';

/**
 * What `offers add` takes. Enums, dates (YYYY-MM-DD), the price and its currency come
 * parsed and checked where the command declares them (src/commands/offers/options.ts);
 * the other values as given, checked and normalised here (e-mail lower-case, phone
 * E.164, http(s) address, dates in order, a price with its currency). A refused value
 * is a UsageError (exit 2) naming the field, and nothing is written.
 */
export interface OfferInput {
  type: OfferKindName;
  titre?: string;
  /** ORG: an id or the exact name. */
  organisation?: string;
  nom_structure?: string;
  lieu?: string;
  description?: string;
  email_contact?: string;
  telephone_contact?: string;
  /** Default region of a national telephone_contact. */
  country?: CountryCode;
  /** lien_offre, or a formation's lien_formation. */
  lien?: string;
  /** date_debut, or an emploi's date_publication (today unless given): YYYY-MM-DD. */
  debut?: string;
  /** date_fin, or an emploi's date_expiration: YYYY-MM-DD. */
  fin?: string;
  type_stage?: TypeStage;
  type_formation?: TypeFormation;
  type_emploi?: TypeEmploi;
  /** A formation's price as numeric(12, 2) takes it: 0 or more, at most two decimals ("12.50"). */
  prix?: string;
  /** Its ISO 4217 currency, upper-case. */
  devise?: string;
  est_payante?: boolean;
}

/** The accepted values of each kind's type, named when the type is missing. */
const KIND_TYPES: Record<OfferKindName, readonly string[]> = { stage: TYPES_STAGE, formation: TYPES_FORMATION, emploi: TYPES_EMPLOI };

/** The refusals that depend only on which values go with which kind. */
function checkKindFields(input: OfferInput): void {
  const { type } = input;
  for (const kind of OFFER_KINDS) {
    const field = `type_${kind}` as const;
    const given = input[field] !== undefined;
    if (kind === type && !given)
      throw new UsageError(problem('offers.error.kind_type_missing', { kind, field, values: [...KIND_TYPES[kind]] }));
    if (kind !== type && given) throw new UsageError(problem('offers.error.kind_type_wrong', { field, fieldKind: kind, kind: type }));
  }
  if (type !== 'formation') {
    const priced = (['prix', 'devise', 'est_payante'] as const).filter((k) => input[k] !== undefined);
    if (priced.length > 0) throw new UsageError(problem('offers.error.price_not_for_kind', { fields: [...priced], kind: type }));
  }
}

interface Checked {
  values: Record<string, unknown>;
  start: string | null;
  end: string | null;
}

function checkValues(input: OfferInput): Checked {
  return value.checkedValues(() => {
    const titre = value.text(input.titre, 200, 'titre');
    if (titre === null) throw new UsageError(problem('offers.error.title_missing', { field: 'titre' }));
    const start = input.debut ?? null;
    const end = input.fin ?? null;
    if (start && end && end < start) throw new UsageError(problem('offers.error.end_before_start', { start, end }));
    const link = input.type === 'formation' ? 'lien_formation' : 'lien_offre';
    const values: Record<string, unknown> = {
      titre,
      nom_structure: value.text(input.nom_structure, 200, 'nom_structure'),
      lieu: value.text(input.lieu, 150, 'lieu'),
      description: value.text(input.description, 20_000, 'description'),
      email_contact: value.email(input.email_contact),
      telephone_contact: phone(input.telephone_contact, input.country),
      [link]: value.url(input.lien, link),
      [OFFER_DATES[input.type].end]: end,
    };
    if (start !== null) values[OFFER_DATES[input.type].start] = start;
    if (input.type === 'stage') values.type_stage = input.type_stage;
    if (input.type === 'emploi') values.type_emploi = input.type_emploi;
    if (input.type === 'formation') {
      values.type_formation = input.type_formation;
      const prix = input.prix ?? null;
      const devise = input.devise ?? null;
      // A price above 0 makes the training paid; a paid one states its price and currency.
      const payante = input.est_payante === true || (prix !== null && Number(prix) > 0);
      if (payante && prix === null) {
        throw new UsageError(problem('offers.error.paid_without_price', { priceField: 'prix', currencyField: 'devise' }));
      }
      if (payante && devise === null) throw new UsageError(problem('offers.error.price_without_currency', { field: 'devise' }));
      if (!payante && devise !== null && prix === null) {
        throw new UsageError(problem('offers.error.currency_without_price', { field: 'devise', priceField: 'prix' }));
      }
      Object.assign(values, { est_payante: payante, prix, devise });
    }
    return { values, start, end };
  });
}

/**
 * Adds an offer posted by the acting administrator. A stage or emploi starts active; a
 * formation waits for a moderator like every other (alumni validate approve formations
 * ID publishes it). Its end date may not be in the past: it would be expired at once.
 */
export async function addOffer(db: Kysely<DB>, session: WriteSession, input: OfferInput): Promise<OfferView> {
  checkKindFields(input);
  const { values, end } = checkValues(input);
  const { rows } = await sql<{ today: string }>`select current_date::text as today`.execute(db);
  const today = rows[0]!.today;
  if (end !== null && end < today) throw new UsageError(problem('offers.error.end_in_past', { end, today }));
  const organisation_id = input.organisation ? (await resolveRef(db, 'organisation', input.organisation)).id : null;
  const row = { ...values, organisation_id, createur_id: session.actorId };
  return writeAs(db, session, async (trx) => {
    const { id } = await trx
      .insertInto(input.type)
      .values(row as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    const [offer] = await loadOffers(trx, [{ type: input.type, id }]);
    return offer!;
  });
}

export interface CloseOutcome {
  type: 'stage' | 'emploi';
  id: string;
  titre: string;
  /** The statut before: pourvue when it was closed already. */
  previous_statut: StatutOffre;
  statut: StatutOffre;
  changed: boolean;
}

/**
 * `offers close ID...`: each stage or emploi named becomes pourvue. Every id is resolved
 * before anything is written: an unknown one (exit 4) or a formation (exit 2: a training
 * is not filled) changes nothing. One closed already is reported and not written again.
 */
export async function closeOffers(
  db: Kysely<DB>,
  session: WriteSession,
  refs: string[],
): Promise<{ outcomes: CloseOutcome[]; closed: number; skipped: number }> {
  if (refs.length === 0) throw new UsageError(problem('offers.error.close_nothing'));
  const { found, unknown } = await locateOffers(db, refs);
  if (unknown.length > 0) throw unknownOffers(unknown);
  const formations = found.filter((o) => o.type === 'formation');
  if (formations.length > 0) {
    throw new UsageError(problem('offers.error.close_formation', { ids: formations.map((f) => f.id) }));
  }
  const outcomes = await writeAs(db, session, async (trx) => {
    const done: CloseOutcome[] = [];
    for (const { type, id } of found as Array<{ type: 'stage' | 'emploi'; id: string }>) {
      const stored = await trx.selectFrom(type).select(['titre', 'statut']).where('id', '=', id).forUpdate().executeTakeFirst();
      // Deleted since it was resolved: as unknown as it was to begin with.
      if (!stored) throw unknownOffers([id]);
      const changed = stored.statut !== 'pourvue';
      if (changed) await trx.updateTable(type).set({ statut: 'pourvue' }).where('id', '=', id).execute();
      done.push({ type, id, titre: stored.titre, previous_statut: stored.statut, statut: 'pourvue', changed });
    }
    return done;
  });
  const closed = outcomes.filter((o) => o.changed).length;
  return { outcomes, closed, skipped: outcomes.length - closed };
}

export interface ExtendOutcome {
  offer: OfferView;
  previous: { statut: StatutOffre; end: string | null };
  changed: boolean;
}

/**
 * `offers extend ID --until DATE`: a stage's date_fin or an emploi's date_expiration
 * moves to DATE (YYYY-MM-DD, parsed by the command), today or later. An expired offer extended is active again: the job
 * expires an active offer whose end date has passed, and with the new date that is no
 * longer so. A filled (pourvue) offer stays closed, and a formation is not expired by
 * the job (its dates are the training's own): both refused, exit 2. An earlier date
 * would shorten the offer: refused too.
 */
export async function extendOffer(db: Kysely<DB>, session: WriteSession, ref: string, until: string): Promise<ExtendOutcome> {
  const located = await locateOffer(db, ref);
  if (located.type === 'formation') throw new UsageError(problem('offers.error.extend_formation', { id: located.id }));
  const type = located.type;
  const { start, end } = OFFER_DATES[type];
  return writeAs(db, session, async (trx) => {
    const stored = await trx
      .selectFrom(type)
      .select([sql<string | null>`${sql.ref(start)}::text`.as('start'), sql<string | null>`${sql.ref(end)}::text`.as('end'), 'statut'])
      .select(sql<string>`current_date::text`.as('today'))
      .where('id', '=', located.id)
      .forUpdate()
      .executeTakeFirst();
    if (!stored) throw unknownOffers([located.id]);
    // The field named is the end date the offer's kind stores (date_fin, date_expiration).
    if (until < stored.today) throw new UsageError(problem('offers.error.until_in_past', { field: end, until, today: stored.today }));
    if (stored.statut === 'pourvue') throw new UsageError(problem('offers.error.extend_filled', { kind: type }));
    if (stored.start !== null && until < stored.start) {
      throw new UsageError(problem('offers.error.until_before_start', { field: end, until, start: stored.start }));
    }
    if (stored.end !== null && until < stored.end) {
      throw new UsageError(problem('offers.error.until_shortens', { field: end, until, end: stored.end }));
    }
    const changed = until !== stored.end || stored.statut !== 'active';
    if (changed)
      await trx
        .updateTable(type)
        .set({ [end]: until, statut: 'active' })
        .where('id', '=', located.id)
        .execute();
    const [offer] = await loadOffers(trx, [located]);
    return { offer: offer!, previous: { statut: stored.statut, end: stored.end }, changed };
  });
}
