import { sql, type Kysely } from 'kysely';
import type { CountryCode } from 'libphonenumber-js';
import type { DB, StatutOffre, TypeEmploi, TypeFormation, TypeStage } from '../db/schema.js';
import { writeAs, type WriteSession } from '../db/session.js';
import type { OfferKindName } from '../enums.js';
import { UsageError } from '../errors.js';
import { phone } from '../phone.js';
import * as value from '../values.js';
import { loadOffers, locateOffer, locateOffers, OFFER_DATES, unknownOffers, type OfferView } from './offers.js';
import { resolveRef } from './refs.js';

/**
 * What `offers add` takes. Enums come typed; the other values as given, checked and
 * normalised here (e-mail lower-case, phone E.164, http(s) address, real dates in order,
 * a price with its ISO 4217 currency). A refused value is a UsageError (exit 2) and
 * nothing is written.
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
  /** date_debut, or an emploi's date_publication (today unless given). */
  debut?: string;
  /** date_fin, or an emploi's date_expiration. */
  fin?: string;
  type_stage?: TypeStage;
  type_formation?: TypeFormation;
  type_emploi?: TypeEmploi;
  /** A formation's price, as typed: 1500, 12.50 or 12,50. */
  prix?: string;
  devise?: string;
  est_payante?: boolean;
}

const KIND_TYPE_FLAG = { stage: '--type-stage', formation: '--type-formation', emploi: '--type-emploi' } as const;

function capitalised(text: string): string {
  return `${text[0]!.toUpperCase()}${text.slice(1)}`;
}

/** "a stage", "an emploi". */
function aKind(kind: OfferKindName): string {
  return `${kind === 'emploi' ? 'an' : 'a'} ${kind}`;
}

/** ISO 4217 codes as the runtime's ICU knows them (XOF, EUR, ...). */
function currency(raw: string): string {
  const code = value.nfc(raw).trim().toUpperCase();
  if (!Intl.supportedValuesOf('currency').includes(code)) {
    throw new value.CellError(`devise "${raw.trim()}" is not an ISO 4217 currency code (such as XOF, EUR or USD)`);
  }
  return code;
}

/** A price of numeric(12, 2): 0 or more, at most two decimals; "12,50" is 12.50. */
function price(raw: string): string {
  const text = raw.trim().replace(/\s/g, '');
  if (/^-/.test(text)) throw new value.CellError(`prix "${raw.trim()}" is negative; a price is 0 or more`);
  const match = /^(\d{1,10})(?:[.,](\d{1,2}))?$/.exec(text);
  if (!match) throw new value.CellError(`prix "${raw.trim()}" is not an amount (write 1500 or 12.50, at most two decimals)`);
  return match[2] === undefined ? String(Number(match[1])) : `${Number(match[1])}.${match[2].padEnd(2, '0')}`;
}

/** The refusals that depend only on which flags go with which kind. */
function checkKindFlags(input: OfferInput): void {
  const { type } = input;
  for (const kind of ['stage', 'formation', 'emploi'] as const) {
    const given = input[`type_${kind}`] !== undefined;
    if (kind === type && !given) throw new UsageError(`${capitalised(aKind(type))} needs its type: give ${KIND_TYPE_FLAG[kind]}.`);
    if (kind !== type && given) throw new UsageError(`${KIND_TYPE_FLAG[kind]} is for ${aKind(kind)}; this offer is ${aKind(type)}.`);
  }
  if (type !== 'formation') {
    const priced = (['prix', 'devise', 'est_payante'] as const).filter((k) => input[k] !== undefined);
    if (priced.length > 0) {
      const flags = priced.map((k) => (k === 'est_payante' ? '--payante' : `--${k}`)).join(', ');
      throw new UsageError(`${flags}: only a formation has a price; this offer is ${aKind(type)}.`);
    }
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
    if (titre === null) throw new value.CellError('an offer needs a title: give --titre');
    const start = value.date(input.debut, '--debut');
    const end = value.date(input.fin, input.type === 'emploi' ? '--expiration' : '--fin');
    if (start && end && end < start) throw new value.CellError(`the end date ${end} is before the start date ${start}`);
    const values: Record<string, unknown> = {
      titre,
      nom_structure: value.text(input.nom_structure, 200, 'nom_structure'),
      lieu: value.text(input.lieu, 150, 'lieu'),
      description: value.text(input.description, 20_000, 'description'),
      email_contact: value.email(input.email_contact),
      telephone_contact: phone(input.telephone_contact, input.country),
      [input.type === 'formation' ? 'lien_formation' : 'lien_offre']: value.url(input.lien, '--lien'),
      [OFFER_DATES[input.type].end]: end,
    };
    if (start !== null) values[OFFER_DATES[input.type].start] = start;
    if (input.type === 'stage') values.type_stage = input.type_stage;
    if (input.type === 'emploi') values.type_emploi = input.type_emploi;
    if (input.type === 'formation') {
      values.type_formation = input.type_formation;
      const prix = input.prix === undefined ? null : price(input.prix);
      const devise = input.devise === undefined ? null : currency(input.devise);
      // A price above 0 makes the training paid; a paid one states its price and currency.
      const payante = input.est_payante === true || (prix !== null && Number(prix) > 0);
      if (payante && prix === null) throw new value.CellError('a paid formation needs its price: give --prix and --devise');
      if (payante && devise === null) throw new value.CellError(`a price needs its currency: give --devise (such as XOF or EUR)`);
      if (!payante && devise !== null && prix === null) throw new value.CellError('--devise is the currency of a price: give --prix too');
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
  checkKindFlags(input);
  const { values, end } = checkValues(input);
  const { rows } = await sql<{ today: string }>`select current_date::text as today`.execute(db);
  const today = rows[0]!.today;
  if (end !== null && end < today) throw new UsageError(`The end date ${end} is in the past (today is ${today}); nothing was written.`);
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
  if (refs.length === 0) throw new UsageError('Give the id of at least one offer to close.');
  const { found, unknown } = await locateOffers(db, refs);
  if (unknown.length > 0) throw unknownOffers(unknown);
  const formations = found.filter((o) => o.type === 'formation');
  if (formations.length > 0) {
    throw new UsageError(
      `${formations.map((f) => f.id).join(', ')} ${formations.length > 1 ? 'are formations' : 'is a formation'}: a training is not filled, so it cannot be closed (only a stage or an emploi becomes pourvue); nothing was changed.`,
    );
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
 * moves to DATE, today or later. An expired offer extended is active again: the job
 * expires an active offer whose end date has passed, and with the new date that is no
 * longer so. A filled (pourvue) offer stays closed, and a formation is not expired by
 * the job (its dates are the training's own): both refused, exit 2. An earlier date
 * would shorten the offer: refused too.
 */
export async function extendOffer(db: Kysely<DB>, session: WriteSession, ref: string, untilText: string): Promise<ExtendOutcome> {
  const until = value.checkedValues(() => value.date(untilText, '--until'));
  if (until === null) throw new UsageError('Give the new end date: --until YYYY-MM-DD.');
  const located = await locateOffer(db, ref);
  if (located.type === 'formation') {
    throw new UsageError(
      `${located.id} is a formation: only a stage or an emploi expires (the expire-offers job), so only they are extended; nothing was written.`,
    );
  }
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
    if (until < stored.today) throw new UsageError(`--until ${until} is in the past (today is ${stored.today}); nothing was written.`);
    if (stored.statut === 'pourvue')
      throw new UsageError(`This ${type} is pourvue (filled): it is closed, there is nothing to extend; nothing was written.`);
    if (stored.start !== null && until < stored.start) {
      throw new UsageError(`--until ${until} is before the offer's ${start} ${stored.start}; nothing was written.`);
    }
    if (stored.end !== null && until < stored.end) {
      throw new UsageError(
        `--until ${until} is before the offer's end date ${stored.end}: that would shorten it, not extend it; nothing was written.`,
      );
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
