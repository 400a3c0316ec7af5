import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { NotFoundError, UsageError } from '../errors.js';
import type { DB } from '../db/schema.js';
import { writeAs, type WriteSession } from '../db/session.js';
import { isUuid } from '../values.js';
import { enumFlag, pointInTimeFlag } from './flags.js';
import { findUser } from './users.js';

/**
 * Moderation queues. An item waits when its own columns say so (a formation or a group
 * not yet valid, an organisation 'en_attente') and no decision on it counts. A decision
 * counts unless it was withdrawn (`validate reopen`); a rejection counts only until the
 * item is modified after it, so a rejected item comes back once its author changes it,
 * while an approved item never comes back by itself.
 *
 * Holding: a moderator's review holds the card it shows with a session-level advisory
 * lock on its own connection. Another moderator's review skips held cards, and a
 * decision anywhere first takes the same lock, so no item is decided twice; the lock
 * goes with the connection, so a review killed or interrupted holds nothing.
 */
export const QUEUES = ['formations', 'groups', 'orgs'] as const;
export type QueueName = (typeof QUEUES)[number];

interface QueueTable {
  table: 'formation' | 'groupe' | 'organisation';
  decisions: 'validation_formation' | 'validation_groupe' | 'validation_organisation';
  itemKey: 'formation_id' | 'groupe_id' | 'organisation_id';
  /** On alias i: the item's own columns say it waits for a moderator. */
  waiting: string;
  approve: string;
  /** Undoes `approve` when an approval is withdrawn. */
  unapprove: string;
  /** On alias i: the item may wait again (an organisation made inactive since may not). */
  reopenable: string;
  title: string;
  /** In messages: "formation 1234…". */
  noun: string;
}

const TABLES: Record<QueueName, QueueTable> = {
  formations: {
    table: 'formation', decisions: 'validation_formation', itemKey: 'formation_id',
    waiting: 'not i.est_valide', approve: 'est_valide = true', unapprove: 'est_valide = false', reopenable: 'true', title: 'i.titre', noun: 'formation',
  },
  groups: {
    table: 'groupe', decisions: 'validation_groupe', itemKey: 'groupe_id',
    waiting: 'not i.est_valide', approve: 'est_valide = true', unapprove: 'est_valide = false', reopenable: 'true', title: 'i.nom_groupe', noun: 'group',
  },
  orgs: {
    table: 'organisation', decisions: 'validation_organisation', itemKey: 'organisation_id',
    waiting: "i.statut = 'en_attente'", approve: "statut = 'active'", unapprove: "statut = 'en_attente'", reopenable: "i.statut <> 'inactive'",
    title: 'i.nom_organisation', noun: 'organisation',
  },
};

/** An item id as the lock keys and lookups want it (lower case), or undefined if malformed. */
function itemId(text: string): string | undefined {
  return isUuid(text) ? text.toLowerCase() : undefined;
}

const QUEUE_ALIASES: Record<string, QueueName> = {
  formation: 'formations', trainings: 'formations',
  group: 'groups', groupes: 'groups', groupe: 'groups',
  org: 'orgs', organisations: 'orgs', organisation: 'orgs',
};

/** `flag` names the value in a refusal: --queue, or "Unknown queue" for an argument. */
export function parseQueue(name: string, flag = 'Unknown queue'): QueueName {
  return enumFlag(flag, name, QUEUES, QUEUE_ALIASES);
}

/** The SQL condition "item i of this queue is waiting for a moderator". */
function pendingCondition(q: QueueTable): RawBuilder<boolean> {
  return sql<boolean>`(${sql.raw(q.waiting)} and not exists (
    select 1 from ${sql.table(q.decisions)} d
     where d.${sql.ref(q.itemKey)} = i.id and d.annulee_le is null
       and (d.est_approuve or d.date_validation >= i.updated_at)))`;
}

/** Advisory lock keys of one item: a class per queue, the item's id hashed. */
function lockKeys(queue: QueueName, id: string) {
  return sql`hashtext(${`alumni validate ${queue}`}), hashtext(${id})`;
}

/** Takes the item's lock for this transaction; false when a review or decision holds it. */
async function holdForDecision(trx: Transaction<DB>, queue: QueueName, id: string): Promise<boolean> {
  const { rows } = await sql<{ free: boolean }>`select pg_try_advisory_xact_lock(${lockKeys(queue, id)}) as free`.execute(trx);
  return rows[0]!.free;
}

/** How many items of a queue wait, and since when. */
async function countPending(db: Kysely<DB>, queue: QueueName): Promise<Omit<QueueCount, 'queue'>> {
  const q = TABLES[queue];
  const { rows } = await sql<{ pending: number; oldest_created_at: Date | null }>`
    select count(*)::int as pending, min(i.created_at) as oldest_created_at
      from ${sql.table(q.table)} i where ${pendingCondition(q)}`.execute(db);
  return rows[0]!;
}

// ---- queues --------------------------------------------------------------------------

export interface QueueCount {
  queue: QueueName;
  pending: number;
  oldest_created_at: Date | null;
}

export async function pendingCounts(db: Kysely<DB>): Promise<QueueCount[]> {
  const counts: QueueCount[] = [];
  for (const queue of QUEUES) counts.push({ queue, ...(await countPending(db, queue)) });
  return counts;
}

export interface PendingItem {
  queue: QueueName;
  id: string;
  title: string;
  created_at: Date;
  createur_id: string | null;
  createur: string | null;
  organisation_id: string | null;
  nom_organisation: string | null;
}

/** The PendingItem columns of a queue's items (alias i), and `more` columns. */
function itemSelect(queue: QueueName, more = sql``) {
  const q = TABLES[queue];
  // A formation names its organisation; a group has none, an organisation is one.
  const organisation = queue === 'formations' ? sql`i.organisation_id` : sql`null::uuid`;
  const createur = queue === 'orgs' ? sql`null::uuid` : sql`i.createur_id`;
  return sql`
    select ${queue} as queue, i.id, ${sql.raw(q.title)} as title, i.created_at,
           ${createur} as createur_id, coalesce(u.email, u.nom_complet) as createur,
           o.id as organisation_id, o.nom_organisation ${more}
      from ${sql.table(q.table)} i
      left join utilisateur u on u.id = ${createur}
      left join organisation o on o.id = ${organisation}`;
}

/** The waiting items of a queue, oldest first. */
export async function listPending(db: Kysely<DB>, queue: QueueName, limit = 1000): Promise<PendingItem[]> {
  const { rows } = await sql<PendingItem>`
    ${itemSelect(queue)}
     where ${pendingCondition(TABLES[queue])}
     order by i.created_at, i.id
     limit ${limit}`.execute(db);
  return rows;
}

// ---- one item, as a card -------------------------------------------------------------

export interface DecisionView {
  id: string;
  queue: QueueName;
  item_id: string;
  title: string;
  est_approuve: boolean;
  commentaire: string | null;
  date_validation: Date;
  validateur_id: string | null;
  validateur: string | null;
  annulee_le: Date | null;
  annulee_par: string | null;
  /** e-mail (or name) of annulee_par */
  annulateur: string | null;
}

export interface ItemCard extends PendingItem {
  /** updated_at to the microsecond: a decision is refused when it changed since. */
  version: string;
  pending: boolean;
  updated_at: Date;
  description: string | null;
  /** What it is, queue by queue: label and value, in display order. */
  facts: Array<{ label: string; value: string }>;
  decisions: DecisionView[];
}

const FACTS: Record<QueueName, string> = {
  formations: `jsonb_build_array(
      jsonb_build_array('Type', i.type_formation),
      jsonb_build_array('Place', i.lieu),
      jsonb_build_array('Organiser', i.nom_structure),
      jsonb_build_array('Dates', nullif(concat_ws(' → ', i.date_debut, i.date_fin), '')),
      jsonb_build_array('Price', case when i.est_payante then concat(i.prix, ' ', i.devise) else 'free' end),
      jsonb_build_array('Link', i.lien_formation),
      jsonb_build_array('Contact', nullif(concat_ws(' · ', i.email_contact, i.telephone_contact), '')))`,
  groups: `jsonb_build_array(
      jsonb_build_array('Type', i.type_groupe),
      jsonb_build_array('Max members', coalesce(i.max_membres::text, 'no limit')))`,
  orgs: `jsonb_build_array(
      jsonb_build_array('Type', i.type_organisation),
      jsonb_build_array('Sector', i.secteur_activite),
      jsonb_build_array('Place', nullif(concat_ws(', ', i.ville, i.pays), '')),
      jsonb_build_array('Website', i.site_web),
      jsonb_build_array('Contact', nullif(concat_ws(' · ', i.email_general, i.telephone_general), '')))`,
};

/** One item with everything a moderator needs to decide; undefined when there is none. */
export async function loadCard(db: Kysely<DB>, queue: QueueName, ref: string): Promise<ItemCard | undefined> {
  const id = itemId(ref);
  if (!id) return undefined;
  const q = TABLES[queue];
  const { rows } = await sql<Omit<ItemCard, 'facts' | 'decisions'> & { facts: Array<[string, string | null]> }>`
    ${itemSelect(queue, sql`, i.updated_at::text as version, i.updated_at, i.description,
                             ${pendingCondition(q)} as pending, ${sql.raw(FACTS[queue])} as facts`)}
     where i.id = ${id}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  return {
    ...row,
    facts: row.facts.filter((fact) => fact[1] !== null && fact[1] !== '').map(([label, value]) => ({ label, value: String(value) })),
    decisions: await listDecisions(db, { queue, itemId: id, limit: 20 }),
  };
}

// ---- decisions -----------------------------------------------------------------------

export type Verdict = { approve: true } | { approve: false; reason: string };

export type DecisionStatus = 'approved' | 'rejected' | 'already_decided' | 'changed' | 'held' | 'not_found';

export interface DecisionOutcome {
  queue: QueueName;
  id: string;
  status: DecisionStatus;
  /** Why it was not decided, in one sentence. */
  message: string | null;
}

/**
 * Decides one item in its own transaction. Not decided, and said why, when someone else
 * is deciding or reviewing it (held), when it is no longer waiting (already decided), or
 * when it changed since the moderator saw it (`shownVersion`).
 */
export async function decide(
  db: Kysely<DB>,
  session: WriteSession,
  queue: QueueName,
  ref: string,
  verdict: Verdict,
  shownVersion?: string,
): Promise<DecisionOutcome> {
  const q = TABLES[queue];
  const id = itemId(ref);
  if (!id) return { queue, id: ref, status: 'not_found', message: `No ${q.noun} has id ${ref}.` };
  const outcome = (status: DecisionStatus, message: string | null = null): DecisionOutcome => ({ queue, id, status, message });
  if (!verdict.approve && !verdict.reason.trim()) throw new UsageError('A rejection needs a reason (--reason TEXT).');
  return writeAs(db, session, async (trx) => {
    if (!(await holdForDecision(trx, queue, id))) return outcome('held', `${q.noun} ${id} is being reviewed by another moderator right now; skipped.`);
    // Lock the row first, then read its state with a fresh snapshot (READ COMMITTED):
    // a decision committed while we waited is then seen.
    const { rows: locked } = await sql`select 1 from ${sql.table(q.table)} where id = ${id} for update`.execute(trx);
    if (locked.length === 0) return outcome('not_found', `No ${q.noun} has id ${id}.`);
    const state = await itemState(trx, queue, id);
    if (!state.pending) return outcome('already_decided', `${q.noun} ${id} is not waiting any more (${state.why}); skipped.`);
    if (shownVersion !== undefined && state.version !== shownVersion) {
      return outcome('changed', `${q.noun} ${id} was modified since it was shown; not decided, look at it again.`);
    }
    // Timed now, after the row lock, not at the start of the transaction: an edit
    // committed while we waited for the lock is then older than the decision.
    await sql`insert into ${sql.table(q.decisions)} (${sql.ref(q.itemKey)}, validateur_id, est_approuve, commentaire, date_validation)
              values (${id}, ${session.actorId}, ${verdict.approve}, ${verdict.approve ? null : verdict.reason.trim()}, clock_timestamp())`.execute(trx);
    if (verdict.approve) await sql`update ${sql.table(q.table)} set ${sql.raw(q.approve)} where id = ${id}`.execute(trx);
    return outcome(verdict.approve ? 'approved' : 'rejected');
  });
}

async function itemState(trx: Transaction<DB> | Kysely<DB>, queue: QueueName, id: string) {
  const q = TABLES[queue];
  const { rows } = await sql<{ version: string; pending: boolean; last: string | null }>`
    select i.updated_at::text as version, ${pendingCondition(q)} as pending,
           (select concat(case when d.est_approuve then 'approved' else 'rejected' end,
                          ' by ', coalesce(u.email, u.nom_complet, 'a deleted user'),
                          ' on ', to_char(d.date_validation, 'YYYY-MM-DD HH24:MI'))
              from ${sql.table(q.decisions)} d left join utilisateur u on u.id = d.validateur_id
             where d.${sql.ref(q.itemKey)} = i.id and d.annulee_le is null
             order by d.date_validation desc limit 1) as last
      from ${sql.table(q.table)} i where i.id = ${id}`.execute(trx);
  const row = rows[0]!;
  return { version: row.version, pending: row.pending, why: row.last ?? 'no longer waiting for moderation' };
}

export interface BatchDecision {
  outcomes: DecisionOutcome[];
  decided: number;
  skipped: number;
}

/**
 * approve/reject for scripts: every id must exist (else nothing is decided and the
 * unknown ones are named, exit 4); each is then decided in its own transaction, so two
 * scripts working through the same ids in different orders never deadlock.
 */
export async function decideMany(db: Kysely<DB>, session: WriteSession, queue: QueueName, ids: string[], verdict: Verdict): Promise<BatchDecision> {
  const unknown = await unknownIds(db, queue, ids);
  if (unknown.length > 0) {
    throw new NotFoundError(`No ${TABLES[queue].noun} with id ${unknown.join(', ')}; nothing was decided.`);
  }
  const outcomes: DecisionOutcome[] = [];
  for (const id of new Set(ids.map((ref) => itemId(ref)!))) outcomes.push(await decide(db, session, queue, id, verdict));
  const decided = outcomes.filter((o) => o.status === 'approved' || o.status === 'rejected').length;
  return { outcomes, decided, skipped: outcomes.length - decided };
}

async function unknownIds(db: Kysely<DB>, queue: QueueName, ids: string[]): Promise<string[]> {
  const wellFormed = ids.filter(isUuid);
  const { rows } = wellFormed.length
    ? await sql<{ id: string }>`select id from ${sql.table(TABLES[queue].table)} where id = any(${wellFormed}::uuid[])`.execute(db)
    : { rows: [] };
  const found = new Set(rows.map((r) => r.id.toLowerCase()));
  return ids.filter((id) => !found.has(id.toLowerCase()));
}

export interface ReopenOutcome {
  queue: QueueName;
  id: string;
  status: 'reopened' | 'not_decided' | 'not_reopenable' | 'held';
  /** The decisions withdrawn. */
  withdrawn: Array<{ id: string; est_approuve: boolean }>;
  message: string | null;
}

/**
 * Undoes the decisions that keep an item out of its queue: they are marked withdrawn
 * (kept as history) and an approved item is made to wait again.
 */
export async function reopen(db: Kysely<DB>, session: WriteSession, queue: QueueName, ref: string): Promise<ReopenOutcome> {
  const q = TABLES[queue];
  const id = itemId(ref);
  if (!id) throw new NotFoundError(`No ${q.noun} has id ${ref}.`);
  return writeAs(db, session, async (trx) => {
    if (!(await holdForDecision(trx, queue, id))) return { queue, id, status: 'held', withdrawn: [], message: `${q.noun} ${id} is being reviewed by another moderator right now.` };
    const { rows: locked } = await sql<{ reopenable: boolean }>`
      select ${sql.raw(q.reopenable)} as reopenable from ${sql.table(q.table)} i where id = ${id} for update of i`.execute(trx);
    if (locked.length === 0) throw new NotFoundError(`No ${q.noun} has id ${id}.`);
    if (!locked[0]!.reopenable) {
      return { queue, id, status: 'not_reopenable', withdrawn: [], message: `${q.noun} ${id} was made inactive since; reactivate it rather than reopen it.` };
    }
    const { rows: withdrawn } = await sql<{ id: string; est_approuve: boolean }>`
      update ${sql.table(q.decisions)} d set annulee_le = now(), annulee_par = ${session.actorId}
        from ${sql.table(q.table)} i
       where i.id = ${id} and d.${sql.ref(q.itemKey)} = i.id and d.annulee_le is null
         and (d.est_approuve or d.date_validation >= i.updated_at)
      returning d.id, d.est_approuve`.execute(trx);
    if (withdrawn.length === 0) {
      return { queue, id, status: 'not_decided', withdrawn, message: `${q.noun} ${id} has no decision to undo.` };
    }
    if (withdrawn.some((d) => d.est_approuve)) await sql`update ${sql.table(q.table)} set ${sql.raw(q.unapprove)} where id = ${id}`.execute(trx);
    return { queue, id, status: 'reopened', withdrawn, message: null };
  });
}

// ---- history -------------------------------------------------------------------------

export interface HistoryFilters {
  queue?: QueueName;
  itemId?: string;
  /** id, e-mail or matricule of the moderator */
  moderator?: string;
  outcome?: 'approved' | 'rejected' | 'withdrawn';
  since?: string;
  until?: string;
  limit?: number;
}

const OUTCOMES = ['approved', 'rejected', 'withdrawn'] as const;

export function parseOutcome(value: string): NonNullable<HistoryFilters['outcome']> {
  return enumFlag('--outcome', value, OUTCOMES);
}

/** Decisions, newest first, across the queues. */
export async function listDecisions(db: Kysely<DB>, filters: HistoryFilters = {}): Promise<DecisionView[]> {
  if (filters.itemId !== undefined && !isUuid(filters.itemId)) throw new UsageError(`--item ${filters.itemId}: give an item id (a UUID).`);
  const moderatorId = filters.moderator ? (await findUser(db, filters.moderator)).id : undefined;
  const now = new Date();
  const since = filters.since === undefined ? undefined : pointInTimeFlag('--since', filters.since, now);
  const until = filters.until === undefined ? undefined : pointInTimeFlag('--until', filters.until, now);
  const parts = (filters.queue ? [filters.queue] : QUEUES).map((queue) => {
    const q = TABLES[queue];
    return sql`
      select d.id, ${queue} as queue, i.id as item_id, ${sql.raw(q.title)} as title, d.est_approuve, d.commentaire,
             d.date_validation, d.validateur_id, coalesce(u.email, u.nom_complet) as validateur,
             d.annulee_le, d.annulee_par, coalesce(w.email, w.nom_complet) as annulateur
        from ${sql.table(q.decisions)} d
        join ${sql.table(q.table)} i on i.id = d.${sql.ref(q.itemKey)}
        left join utilisateur u on u.id = d.validateur_id
        left join utilisateur w on w.id = d.annulee_par
       where true
         ${filters.itemId ? sql`and i.id = ${filters.itemId}` : sql``}
         ${moderatorId ? sql`and (d.validateur_id = ${moderatorId} or d.annulee_par = ${moderatorId})` : sql``}
         ${filters.outcome === 'approved' ? sql`and d.est_approuve and d.annulee_le is null` : sql``}
         ${filters.outcome === 'rejected' ? sql`and not d.est_approuve and d.annulee_le is null` : sql``}
         ${filters.outcome === 'withdrawn' ? sql`and d.annulee_le is not null` : sql``}
         ${since ? sql`and d.date_validation >= ${since}` : sql``}
         ${until ? sql`and d.date_validation < ${until}` : sql``}`;
  });
  const { rows } = await sql<DecisionView>`
    ${sql.join(parts, sql` union all `)}
    order by date_validation desc, id
    limit ${filters.limit ?? 100}`.execute(db);
  return rows;
}

// ---- the interactive review ----------------------------------------------------------

/**
 * A moderator's review: one connection for its whole length, holding at most one card.
 * `claimNext` skips the cards other reviews hold; closing the connection (quit,
 * Ctrl-C, a crash) lets go of the card.
 */
export class Review {
  private held: { queue: QueueName; id: string } | undefined;

  private constructor(
    private readonly db: Kysely<DB>,
    private readonly session: WriteSession,
  ) {}

  static run<T>(db: Kysely<DB>, session: WriteSession, work: (review: Review) => Promise<T>): Promise<T> {
    return db.connection().execute(async (connection) => {
      const review = new Review(connection, session);
      try {
        return await work(review);
      } finally {
        await review.release().catch(() => {});
      }
    });
  }

  async waiting(queue: QueueName): Promise<number> {
    return (await countPending(this.db, queue)).pending;
  }

  /** The oldest waiting card nobody else holds, and not in `passed`; held until released. */
  async claimNext(queue: QueueName, passed: ReadonlySet<string>): Promise<ItemCard | undefined> {
    await this.release();
    const q = TABLES[queue];
    // Candidates a page at a time: the try-lock runs in the application, never inside
    // a query that could evaluate it for more rows than it returns.
    // Keyset paging: items decided meanwhile by others do not shift the window.
    let after: { created_at: string; id: string } | undefined;
    for (;;) {
      const { rows } = await sql<{ id: string; created_at: string }>`
        select i.id, i.created_at::text as created_at from ${sql.table(q.table)} i
         where ${pendingCondition(q)} and not (i.id = any(${[...passed]}::uuid[]))
           ${after ? sql`and (i.created_at, i.id) > (${after.created_at}::timestamptz, ${after.id}::uuid)` : sql``}
         order by i.created_at, i.id limit 50`.execute(this.db);
      if (rows.length === 0) return undefined;
      after = rows.at(-1);
      for (const { id } of rows) {
        const { rows: got } = await sql<{ got: boolean }>`select pg_try_advisory_lock(${lockKeys(queue, id)}) as got`.execute(this.db);
        if (!got[0]!.got) continue;
        this.held = { queue, id };
        const card = await loadCard(this.db, queue, id);
        if (card?.pending) return card;
        await this.release(); // decided between the listing and the lock
      }
    }
  }

  /** Decides the held card, refused if it changed since it was shown. */
  async decide(card: ItemCard, verdict: Verdict): Promise<DecisionOutcome> {
    const outcome = await decide(this.db, this.session, card.queue, card.id, verdict, card.version);
    await this.release();
    return outcome;
  }

  async release(): Promise<void> {
    if (!this.held) return;
    const { queue, id } = this.held;
    this.held = undefined;
    await sql`select pg_advisory_unlock(${lockKeys(queue, id)})`.execute(this.db);
  }
}

export type PendingCounts = Record<QueueName, number>;

/** Counts for doctor and stats overview. */
export async function pendingModerationCounts(db: Kysely<DB>): Promise<PendingCounts> {
  const counts = await pendingCounts(db);
  return Object.fromEntries(counts.map((c) => [c.queue, c.pending])) as PendingCounts;
}
