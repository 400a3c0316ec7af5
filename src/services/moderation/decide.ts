import { sql, type Kysely, type Transaction } from 'kysely';
import { NotFoundError, problem, UsageError } from '../../errors.js';
import type { DB } from '../../db/schema.js';
import { writeAs, type WriteSession } from '../../db/session.js';
import { normaliseId } from '../refs.js';
import type { QueueName } from './names.js';
import { holdForDecision, pendingCondition, publishedSet, QUEUE_SPECS } from './queues.js';

export type Verdict = { approve: true } | { approve: false; reason: string };

export type DecisionStatus = 'approved' | 'rejected' | 'already_decided' | 'changed' | 'held' | 'not_found';

/** The decision that keeps an item from waiting: what it was, by whom (e-mail or name), when. */
export interface LastDecision {
  approved: boolean;
  by: string | null;
  at: Date;
}

/**
 * What became of one item. The command layer says it in the run's language from
 * `status` (and `last`, for an item decided already: null when no decision keeps it
 * from waiting any more).
 */
export interface DecisionOutcome {
  queue: QueueName;
  id: string;
  status: DecisionStatus;
  last?: LastDecision | null;
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
  const q = QUEUE_SPECS[queue];
  const id = normaliseId(ref);
  if (!id) return { queue, id: ref, status: 'not_found' };
  const outcome = (status: DecisionStatus): DecisionOutcome => ({ queue, id, status });
  if (!verdict.approve && !verdict.reason.trim()) throw new UsageError(problem('validate.reason_required', { field: 'commentaire' }));
  return writeAs(db, session, async (trx) => {
    if (!(await holdForDecision(trx, queue, id))) return outcome('held');
    // Lock the row first, then read its state with a fresh snapshot (READ COMMITTED):
    // a decision committed while we waited is then seen.
    const { rows: locked } = await sql`select 1 from ${sql.table(q.table)} where id = ${id} for update`.execute(trx);
    if (locked.length === 0) return outcome('not_found');
    const state = await itemState(trx, queue, id);
    if (!state.pending) return { ...outcome('already_decided'), last: state.last };
    if (shownVersion !== undefined && state.version !== shownVersion) return outcome('changed');
    // Timed now, after the row lock, not at the start of the transaction: an edit
    // committed while we waited for the lock is then older than the decision.
    await sql`insert into ${sql.table(q.decisions)} (${sql.ref(q.itemKey)}, validateur_id, est_approuve, commentaire, date_validation)
              values (${id}, ${session.actorId}, ${verdict.approve}, ${verdict.approve ? null : verdict.reason.trim()}, clock_timestamp())`.execute(
      trx,
    );
    if (verdict.approve) await sql`update ${sql.table(q.table)} set ${publishedSet(q, true)} where id = ${id}`.execute(trx);
    return outcome(verdict.approve ? 'approved' : 'rejected');
  });
}

async function itemState(trx: Transaction<DB> | Kysely<DB>, queue: QueueName, id: string) {
  const q = QUEUE_SPECS[queue];
  const { rows } = await sql<{ version: string; pending: boolean; last: { approved: boolean; by: string | null; at: string } | null }>`
    select i.updated_at::text as version, ${pendingCondition(q)} as pending,
           (select jsonb_build_object('approved', d.est_approuve, 'by', coalesce(u.email, u.nom_complet), 'at', d.date_validation)
              from ${sql.table(q.decisions)} d left join utilisateur u on u.id = d.validateur_id
             where ${sql.ref(`d.${q.itemKey}`)} = i.id and d.annulee_le is null
             order by d.date_validation desc limit 1) as last
      from ${sql.table(q.table)} i where i.id = ${id}`.execute(trx);
  const row = rows[0]!;
  const last: LastDecision | null = row.last ? { ...row.last, at: new Date(row.last.at) } : null;
  return { version: row.version, pending: row.pending, last };
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
export async function decideMany(
  db: Kysely<DB>,
  session: WriteSession,
  queue: QueueName,
  ids: string[],
  verdict: Verdict,
): Promise<BatchDecision> {
  const unknown = await unknownIds(db, queue, ids);
  if (unknown.length > 0) {
    throw new NotFoundError(problem('validate.unknown_ids', { queue, ids: unknown }));
  }
  const outcomes: DecisionOutcome[] = [];
  for (const id of new Set(ids.map((ref) => normaliseId(ref)!))) outcomes.push(await decide(db, session, queue, id, verdict));
  const decided = outcomes.filter((o) => o.status === 'approved' || o.status === 'rejected').length;
  return { outcomes, decided, skipped: outcomes.length - decided };
}

/** The refs among `ids` that name no item of the queue (malformed ones included), as given. */
async function unknownIds(db: Kysely<DB>, queue: QueueName, ids: string[]): Promise<string[]> {
  const wellFormed = ids.map(normaliseId).filter((id): id is string => id !== undefined);
  const { rows } = wellFormed.length
    ? await sql<{ id: string }>`select id from ${sql.table(QUEUE_SPECS[queue].table)} where id = any(${wellFormed}::uuid[])`.execute(db)
    : { rows: [] };
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((ref) => !found.has(normaliseId(ref) ?? ''));
}

export interface ReopenOutcome {
  queue: QueueName;
  id: string;
  status: 'reopened' | 'not_decided' | 'not_reopenable' | 'held';
  /** The decisions withdrawn. */
  withdrawn: Array<{ id: string; est_approuve: boolean }>;
}

/**
 * Undoes the decisions that keep an item out of its queue: they are marked withdrawn
 * (kept as history) and an approved item is made to wait again.
 */
export async function reopen(db: Kysely<DB>, session: WriteSession, queue: QueueName, ref: string): Promise<ReopenOutcome> {
  const q = QUEUE_SPECS[queue];
  const id = normaliseId(ref);
  if (!id) throw new NotFoundError(problem('validate.no_item', { queue, id: ref.trim() }));
  return writeAs(db, session, async (trx) => {
    if (!(await holdForDecision(trx, queue, id))) return { queue, id, status: 'held', withdrawn: [] };
    const { rows: locked } = await sql<{ reopenable: boolean }>`
      select ${q.reopenable} as reopenable from ${sql.table(q.table)} i where id = ${id} for update of i`.execute(trx);
    if (locked.length === 0) throw new NotFoundError(problem('validate.no_item', { queue, id }));
    if (!locked[0]!.reopenable) return { queue, id, status: 'not_reopenable', withdrawn: [] };
    const { rows: withdrawn } = await sql<{ id: string; est_approuve: boolean }>`
      update ${sql.table(q.decisions)} d set annulee_le = now(), annulee_par = ${session.actorId}
        from ${sql.table(q.table)} i
       where i.id = ${id} and ${sql.ref(`d.${q.itemKey}`)} = i.id and d.annulee_le is null
         and (d.est_approuve or d.date_validation >= i.updated_at)
      returning d.id, d.est_approuve`.execute(trx);
    if (withdrawn.length === 0) return { queue, id, status: 'not_decided', withdrawn };
    if (withdrawn.some((d) => d.est_approuve))
      await sql`update ${sql.table(q.table)} set ${publishedSet(q, false)} where id = ${id}`.execute(trx);
    return { queue, id, status: 'reopened', withdrawn };
  });
}
