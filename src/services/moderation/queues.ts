import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { QUEUES, type QueueName } from './names.js';

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
export interface QueueSpec {
  table: 'formation' | 'groupe' | 'organisation';
  decisions: 'validation_formation' | 'validation_groupe' | 'validation_organisation';
  itemKey: 'formation_id' | 'groupe_id' | 'organisation_id';
  /** The item's column that says it is published, with its value when approved and while it waits. */
  published: { column: 'est_valide'; approved: true; waiting: false } | { column: 'statut'; approved: 'active'; waiting: 'en_attente' };
  /** On alias i: the item may wait again (an organisation made inactive since may not). */
  reopenable: RawBuilder<boolean>;
  /** On alias i. */
  title: RawBuilder<string>;
}

export const QUEUE_SPECS: Record<QueueName, QueueSpec> = {
  formations: {
    table: 'formation',
    decisions: 'validation_formation',
    itemKey: 'formation_id',
    published: { column: 'est_valide', approved: true, waiting: false },
    reopenable: sql<boolean>`true`,
    title: sql<string>`${sql.ref('i.titre')}`,
  },
  groups: {
    table: 'groupe',
    decisions: 'validation_groupe',
    itemKey: 'groupe_id',
    published: { column: 'est_valide', approved: true, waiting: false },
    reopenable: sql<boolean>`true`,
    title: sql<string>`${sql.ref('i.nom_groupe')}`,
  },
  orgs: {
    table: 'organisation',
    decisions: 'validation_organisation',
    itemKey: 'organisation_id',
    published: { column: 'statut', approved: 'active', waiting: 'en_attente' },
    reopenable: sql<boolean>`${sql.ref('i.statut')} <> 'inactive'`,
    title: sql<string>`${sql.ref('i.nom_organisation')}`,
  },
};

/** `set <column> = <value>`: publishes an approved item, or makes it wait again. */
export function publishedSet(q: QueueSpec, approved: boolean): RawBuilder<unknown> {
  return sql`${sql.ref(q.published.column)} = ${sql.lit(approved ? q.published.approved : q.published.waiting)}`;
}

/** The SQL condition "item i of this queue is waiting for a moderator". */
export function pendingCondition(q: QueueSpec): RawBuilder<boolean> {
  // A literal, not a parameter, so the planner sees the same condition on every run.
  return sql<boolean>`(${sql.ref(`i.${q.published.column}`)} = ${sql.lit(q.published.waiting)} and not exists (
    select 1 from ${sql.table(q.decisions)} d
     where ${sql.ref(`d.${q.itemKey}`)} = i.id and d.annulee_le is null
       and (d.est_approuve or d.date_validation >= i.updated_at)))`;
}

/** Advisory lock keys of one item: a class per queue, the item's id hashed. */
export function lockKeys(queue: QueueName, id: string) {
  return sql`hashtext(${`alumni validate ${queue}`}), hashtext(${id})`;
}

/** Takes the item's lock for this transaction; false when a review or decision holds it. */
export async function holdForDecision(trx: Transaction<DB>, queue: QueueName, id: string): Promise<boolean> {
  const { rows } = await sql<{ free: boolean }>`select pg_try_advisory_xact_lock(${lockKeys(queue, id)}) as free`.execute(trx);
  return rows[0]!.free;
}

export interface QueueCount {
  queue: QueueName;
  pending: number;
  oldest_created_at: Date | null;
}

/** How many items of a queue wait, and since when. */
export async function countPending(db: Kysely<DB>, queue: QueueName): Promise<QueueCount> {
  const { rows } = await sql<QueueCount>`${pendingCountQuery(queue)}`.execute(db);
  return rows[0]!;
}

function pendingCountQuery(queue: QueueName): RawBuilder<QueueCount> {
  const q = QUEUE_SPECS[queue];
  return sql<QueueCount>`
    select ${sql.lit(queue)} as queue, count(*)::int as pending, min(i.created_at) as oldest_created_at
      from ${sql.table(q.table)} i where ${pendingCondition(q)}`;
}

export async function pendingCounts(db: Kysely<DB>): Promise<QueueCount[]> {
  // One statement for the three queues: one round trip instead of three.
  const { rows } = await sql<QueueCount>`${sql.join(
    QUEUES.map((queue) => sql`(${pendingCountQuery(queue)})`),
    sql` union all `,
  )}`.execute(db);
  return QUEUES.map((queue) => rows.find((row) => row.queue === queue)!);
}

export type PendingCounts = Record<QueueName, number>;

/** Counts for doctor and stats overview. */
export async function pendingModerationCounts(db: Kysely<DB>): Promise<PendingCounts> {
  const counts = await pendingCounts(db);
  return Object.fromEntries(counts.map((c) => [c.queue, c.pending])) as PendingCounts;
}
