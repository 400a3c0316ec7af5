import { sql, type Expression, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import { keysetPage, type Page } from '../db/keyset.js';
import type { DB, Emploi, Formation, Stage, StatutOffre } from '../db/schema.js';
import { containsText } from '../db/text-match.js';
import { OFFER_KINDS, type OfferKindName, type OfferState } from '../enums.js';
import { NotFoundError, problem, UsageError } from '../errors.js';
import { listDecisions, type DecisionView } from './moderation/history.js';
import { pendingCondition, QUEUE_SPECS } from './moderation/queues.js';
import { normaliseIds, resolveRef } from './refs.js';
import { searchExcerpt, searchMatches, searchRank, wordSearch, wordsVector } from './search.js';

/**
 * Reading offers: internships (stage), trainings (formation) and jobs (emploi), three
 * tables read as one list. Writes are in offer-writes.ts.
 */

export const STAGE_COLUMNS = [
  'id',
  'titre',
  'type_stage',
  'statut',
  'organisation_id',
  'nom_structure',
  'lieu',
  'description',
  'email_contact',
  'telephone_contact',
  'lien_offre',
  'date_debut',
  'date_fin',
  'createur_id',
  'created_at',
  'updated_at',
] as const;

export const FORMATION_COLUMNS = [
  'id',
  'titre',
  'type_formation',
  'est_valide',
  'organisation_id',
  'nom_structure',
  'lieu',
  'description',
  'email_contact',
  'telephone_contact',
  'lien_formation',
  'date_debut',
  'date_fin',
  'est_payante',
  'prix',
  'devise',
  'createur_id',
  'created_at',
  'updated_at',
] as const;

export const EMPLOI_COLUMNS = [
  'id',
  'titre',
  'type_emploi',
  'statut',
  'organisation_id',
  'nom_structure',
  'lieu',
  'description',
  'email_contact',
  'telephone_contact',
  'lien_offre',
  'date_publication',
  'date_expiration',
  'createur_id',
  'created_at',
  'updated_at',
] as const;

/** Each kind's start and end columns: an emploi is published and expires. */
export const OFFER_DATES = {
  stage: { start: 'date_debut', end: 'date_fin' },
  formation: { start: 'date_debut', end: 'date_fin' },
  emploi: { start: 'date_publication', end: 'date_expiration' },
} as const;

interface Shown {
  /** The organisation's name (organisation_id's). */
  nom_organisation: string | null;
}
export type StageView = { type: 'stage' } & Omit<Selectable<Stage>, 'search_vector'> & Shown;
/** A formation has no statut column: `statut` is its derived state (see formationState). */
export type FormationView = { type: 'formation' } & Omit<Selectable<Formation>, 'search_vector'> & { statut: OfferState } & Shown;
export type EmploiView = { type: 'emploi' } & Omit<Selectable<Emploi>, 'search_vector'> & Shown;
/** An offer as shown: its table's columns (but the search vector), its kind, its organisation's name. */
export type OfferView = StageView | FormationView | EmploiView;

/** Its start and end day, whatever its kind calls them. */
export function offerDates(offer: OfferView): { debut: string | null; fin: string | null } {
  return offer.type === 'emploi'
    ? { debut: offer.date_publication, fin: offer.date_expiration }
    : { debut: offer.date_debut, fin: offer.date_fin };
}

/**
 * A formation's state, on alias i: waiting for a moderator (en_attente, the moderation
 * queue's own condition), rejected (refusee), else approved: active until its end date
 * has passed, then expiree (a training ending today is still open today, as an offer is).
 */
function formationState(): RawBuilder<OfferState> {
  return sql<OfferState>`(case
    when i.est_valide then case when i.date_fin < current_date then 'expiree' else 'active' end
    when ${pendingCondition(QUEUE_SPECS.formations)} then 'en_attente'
    else 'refusee' end)`;
}

function stateOf(kind: OfferKindName): RawBuilder<OfferState> {
  return kind === 'formation' ? formationState() : sql<OfferState>`i.statut::text`;
}

/** The columns the three kinds share, one row per offer, for filtering, sorting and searching. */
interface OfferSummary {
  type: OfferKindName;
  id: string;
  titre: string;
  lieu: string | null;
  description: string | null;
  organisation_id: string | null;
  statut: OfferState;
  debut: string | null;
  fin: string | null;
  created_at: Date;
  search_vector: string | null;
  /** The words of title, description and place, for a search by word prefix (src/services/search.ts). */
  words_vector: string | null;
}

function summaries(kinds: readonly OfferKindName[]): RawBuilder<OfferSummary> {
  const parts = kinds.map(
    (kind) => sql`
      select ${sql.lit(kind)}::text as type, i.id, i.titre, i.lieu, i.description, i.organisation_id,
             ${stateOf(kind)} as statut, ${sql.ref(`i.${OFFER_DATES[kind].start}`)} as debut,
             ${sql.ref(`i.${OFFER_DATES[kind].end}`)} as fin, i.created_at, i.search_vector,
             ${wordsVector(sql`i.titre`, sql`i.description`, sql`i.lieu`)} as words_vector
        from ${sql.table(kind)} i`,
  );
  return sql<OfferSummary>`(${sql.join(parts, sql` union all `)})`;
}

/** The full rows of these offers, in the order given. */
export async function loadOffers(db: Kysely<DB>, refs: Array<{ type: OfferKindName; id: string }>): Promise<OfferView[]> {
  const ids = (kind: OfferKindName) => refs.filter((r) => r.type === kind).map((r) => r.id);
  const found = new Map<string, OfferView>();
  const stageIds = ids('stage');
  if (stageIds.length > 0) {
    const rows = await db
      .selectFrom('stage as i')
      .leftJoin('organisation as org', 'org.id', 'i.organisation_id')
      .select([...STAGE_COLUMNS.map((c) => `i.${c}` as const), 'org.nom_organisation'])
      .where('i.id', 'in', stageIds)
      .execute();
    for (const row of rows) found.set(row.id, { type: 'stage', ...row });
  }
  const formationIds = ids('formation');
  if (formationIds.length > 0) {
    const rows = await db
      .selectFrom('formation as i')
      .leftJoin('organisation as org', 'org.id', 'i.organisation_id')
      .select([...FORMATION_COLUMNS.map((c) => `i.${c}` as const), formationState().as('statut'), 'org.nom_organisation'])
      .where('i.id', 'in', formationIds)
      .execute();
    for (const row of rows) found.set(row.id, { type: 'formation', ...row });
  }
  const emploiIds = ids('emploi');
  if (emploiIds.length > 0) {
    const rows = await db
      .selectFrom('emploi as i')
      .leftJoin('organisation as org', 'org.id', 'i.organisation_id')
      .select([...EMPLOI_COLUMNS.map((c) => `i.${c}` as const), 'org.nom_organisation'])
      .where('i.id', 'in', emploiIds)
      .execute();
    for (const row of rows) found.set(row.id, { type: 'emploi', ...row });
  }
  return refs.flatMap((r) => found.get(r.id) ?? []);
}

export interface OfferFilters {
  type?: OfferKindName;
  /** A stage's or emploi's statut, a formation's derived state. */
  statut?: OfferState;
  /** ORG: an id or the exact name. */
  organisation?: string;
  /** The place contains this, case and accents ignored. */
  lieu?: string;
  /** Open at some point from this day (YYYY-MM-DD): not ended before it. */
  from?: string;
  /** Open at some point up to this day: not started after it. */
  to?: string;
  /** The title contains this, case and accents ignored. */
  search?: string;
}

/**
 * Offers of every kind (or one), newest first, every state unless filtered, a page at a
 * time: one keyset over the three tables, on (created_at, id).
 */
export async function listOffers(db: Kysely<DB>, filters: OfferFilters, page: { limit: number; after?: string }): Promise<Page<OfferView>> {
  // An empty period would list nothing, silently: refuse it (dates as YYYY-MM-DD compare as text).
  if (filters.from && filters.to && filters.from > filters.to) {
    throw new UsageError(problem('offers.error.empty_period', { fromField: 'from', toField: 'to', from: filters.from, to: filters.to }));
  }
  const organisationId = filters.organisation ? (await resolveRef(db, 'organisation', filters.organisation)).id : undefined;
  const query = db
    .selectFrom(summaries(filters.type ? [filters.type] : OFFER_KINDS).as('o'))
    // The cursor holds created_at as PostgreSQL prints it: a Date would drop its microseconds.
    .select(['o.type', 'o.id', sql<string>`o.created_at::text`.as('created_key')])
    .where((eb) => {
      const conditions: Expression<SqlBool>[] = [];
      if (filters.statut) conditions.push(eb('o.statut', '=', filters.statut));
      if (organisationId) conditions.push(eb('o.organisation_id', '=', organisationId));
      if (filters.lieu) conditions.push(containsText('o.lieu', filters.lieu));
      if (filters.search) conditions.push(containsText('o.titre', filters.search));
      if (filters.from) conditions.push(eb.or([eb('o.fin', 'is', null), eb('o.fin', '>=', filters.from)]));
      if (filters.to) conditions.push(eb.or([eb('o.debut', 'is', null), eb('o.debut', '<=', filters.to)]));
      return eb.and(conditions);
    });
  const found = await keysetPage(query, {
    keys: [
      { key: 'o.created_at', value: (o) => o.created_key },
      { key: 'o.id', value: (o) => o.id },
    ],
    direction: 'desc',
    limit: page.limit,
    after: page.after,
  });
  return { items: await loadOffers(db, found.items), next_after: found.next_after };
}

export interface OfferHit {
  type: OfferKindName;
  id: string;
  titre: string;
  nom_organisation: string | null;
  lieu: string | null;
  statut: OfferState;
  rank: number;
  /** A few words of the title, description and place around what matched, marked «like this». */
  excerpt: string;
}

/**
 * One French full-text search over the three kinds (stemmed, a word also as the start of
 * a word, accents ignored: src/services/search.ts; the title weighs most, then the
 * description, then the place), ranked
 * together, best first; pages by keyset on (rank, id).
 */
export function searchOffers(
  db: Kysely<DB>,
  text: string,
  options: { type?: OfferKindName; limit: number; after?: string },
): Promise<Page<OfferHit>> {
  const search = wordSearch(text);
  const stored = sql`o.search_vector`;
  const words = sql`o.words_vector`;
  const rank = searchRank(search, stored, words);
  const select = db
    .selectFrom(summaries(options.type ? [options.type] : OFFER_KINDS).as('o'))
    .leftJoin('organisation as org', 'org.id', 'o.organisation_id')
    .select([
      'o.type',
      'o.id',
      'o.titre',
      'org.nom_organisation',
      'o.lieu',
      'o.statut',
      rank.as('rank'),
      searchExcerpt(search, sql`concat_ws(' — ', o.titre, o.description, o.lieu)`, words).as('excerpt'),
    ])
    .where(searchMatches(search, stored, words));
  return keysetPage(select, {
    keys: [
      { key: rank, value: (o) => o.rank },
      { key: 'o.id', value: (o) => o.id },
    ],
    direction: 'desc',
    limit: options.limit,
    after: options.after,
  });
}

/** Which kind of offer an id names; NotFoundError (4) when none. */
export async function locateOffers(
  db: Kysely<DB>,
  refs: string[],
): Promise<{ found: Array<{ type: OfferKindName; id: string }>; unknown: string[] }> {
  const { ids, wellFormed } = normaliseIds(refs);
  const kinds = new Map<string, OfferKindName>();
  if (wellFormed.length > 0) {
    const parts = OFFER_KINDS.map(
      (kind) => sql`select ${sql.lit(kind)}::text as type, id from ${sql.table(kind)} where id = any(${wellFormed}::uuid[])`,
    );
    const { rows } = await sql<{ type: OfferKindName; id: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
    for (const row of rows) kinds.set(row.id, row.type);
  }
  return {
    found: ids.flatMap((id) => (kinds.has(id) ? [{ type: kinds.get(id)!, id }] : [])),
    unknown: ids.filter((id) => !kinds.has(id)),
  };
}

export function unknownOffers(unknown: string[]): NotFoundError {
  return new NotFoundError(problem('offers.error.not_found_many', { refs: unknown }));
}

export async function locateOffer(db: Kysely<DB>, ref: string): Promise<{ type: OfferKindName; id: string }> {
  const { found, unknown } = await locateOffers(db, [ref]);
  if (unknown.length > 0) throw new NotFoundError(problem('offers.error.not_found', { ref: ref.trim() }));
  return found[0]!;
}

export type OfferDetails = OfferView & {
  /** Who posted it (createur_id), if the account still exists. */
  createur: { id: string; nom_complet: string; email: string | null } | null;
  /** A formation's moderation decisions, newest first (withdrawn ones included, marked). */
  decisions?: DecisionView[];
};

/** One offer of any kind, its organisation, its creator and, for a formation, its moderation decisions. */
export async function showOffer(db: Kysely<DB>, ref: string): Promise<OfferDetails> {
  const [offer] = await loadOffers(db, [await locateOffer(db, ref)]);
  if (!offer) throw new NotFoundError(problem('offers.error.not_found', { ref: ref.trim() }));
  const createur = offer.createur_id
    ? ((await db.selectFrom('utilisateur').select(['id', 'nom_complet', 'email']).where('id', '=', offer.createur_id).executeTakeFirst()) ??
      null)
    : null;
  if (offer.type !== 'formation') return { ...offer, createur };
  return { ...offer, createur, decisions: await listDecisions(db, { queue: 'formations', itemId: offer.id, limit: 1000 }) };
}

export interface ExpiringOffer {
  type: 'stage' | 'emploi';
  id: string;
  titre: string;
  nom_organisation: string | null;
  /** date_fin of a stage, date_expiration of an emploi. */
  date_fin?: string;
  date_expiration?: string;
  statut: StatutOffre;
  email_contact: string | null;
  createur: { id: string; nom_complet: string; email: string | null } | null;
}

/**
 * What `jobs run expire-offers` expires when it runs at `by`: the job's own rule
 * (alumni_<kind>_expires_by, migrations/*_offer_expiry_day.up.sql) on that day, taken in
 * the database's time zone as the job takes CURRENT_DATE. Offers already past their end
 * date, which the next run expires, are among them. Soonest end first.
 */
export async function expiringOffers(db: Kysely<DB>, by: Date): Promise<{ day: string; offers: ExpiringOffer[] }> {
  const { rows: days } = await sql<{ day: string }>`select ((${by.toISOString()}::timestamptz)::date)::text as day`.execute(db);
  const day = days[0]!.day;
  const part = (kind: 'stage' | 'emploi') => sql`
    select ${sql.lit(kind)}::text as type, i.id, i.titre, org.nom_organisation,
           ${sql.ref(`i.${OFFER_DATES[kind].end}`)}::text as date_limite, i.statut, i.email_contact,
           case when u.id is null then null else jsonb_build_object('id', u.id, 'nom_complet', u.nom_complet, 'email', u.email) end as createur
      from ${sql.table(kind)} i
      left join organisation org on org.id = i.organisation_id
      left join utilisateur u on u.id = i.createur_id
     where ${sql.raw(`alumni_${kind}_expires_by`)}(i, ${day}::date)`;
  const { rows } = await sql<Omit<ExpiringOffer, 'date_fin' | 'date_expiration'> & { date_limite: string }>`
    select e.* from (${part('stage')} union all ${part('emploi')}) e
     order by e.date_limite, e.titre, e.id`.execute(db);
  const offers = rows.map(({ date_limite, ...row }) => {
    const { type, id, titre, nom_organisation, statut, email_contact, createur } = row;
    const end = type === 'stage' ? { date_fin: date_limite } : { date_expiration: date_limite };
    return { type, id, titre, nom_organisation, ...end, statut, email_contact, createur };
  });
  return { day, offers };
}
