import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { WriteSession } from '../../db/session.js';
import { decide, type DecisionOutcome, type Verdict } from './decide.js';
import type { QueueName } from './names.js';
import { loadCard, type ItemCard } from './pending.js';
import { countPending, lockKeys, pendingCondition, QUEUE_SPECS } from './queues.js';

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
    const q = QUEUE_SPECS[queue];
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
