import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, ValidationFormation } from '../../db/schema.js';
import { resolveRef } from '../refs.js';
import { QUEUES, type DecisionOutcomeName, type QueueName } from './names.js';
import { QUEUE_SPECS } from './queues.js';

/** A decision on an item of any queue (the three decision tables have the same columns). */
export interface DecisionView extends Pick<
  Selectable<ValidationFormation>,
  'id' | 'est_approuve' | 'commentaire' | 'date_validation' | 'validateur_id' | 'annulee_le' | 'annulee_par'
> {
  queue: QueueName;
  item_id: string;
  title: string;
  /** e-mail (or name) of validateur_id */
  validateur: string | null;
  /** e-mail (or name) of annulee_par */
  annulateur: string | null;
}

export interface HistoryFilters {
  queue?: QueueName;
  /** An item id as normaliseId gives it. */
  itemId?: string;
  /** id, e-mail or matricule of the moderator */
  moderator?: string;
  outcome?: DecisionOutcomeName;
  since?: Date;
  until?: Date;
  limit?: number;
}

/** Decisions, newest first, across the queues. */
export async function listDecisions(db: Kysely<DB>, filters: HistoryFilters = {}): Promise<DecisionView[]> {
  const moderatorId = filters.moderator ? (await resolveRef(db, 'user', filters.moderator)).id : undefined;
  const { itemId, outcome, since, until } = filters;
  const parts = (filters.queue ? [filters.queue] : QUEUES).map((queue) => {
    const q = QUEUE_SPECS[queue];
    return sql`
      select d.id, ${queue} as queue, i.id as item_id, ${q.title} as title, d.est_approuve, d.commentaire,
             d.date_validation, d.validateur_id, coalesce(u.email, u.nom_complet) as validateur,
             d.annulee_le, d.annulee_par, coalesce(w.email, w.nom_complet) as annulateur
        from ${sql.table(q.decisions)} d
        join ${sql.table(q.table)} i on i.id = ${sql.ref(`d.${q.itemKey}`)}
        left join utilisateur u on u.id = d.validateur_id
        left join utilisateur w on w.id = d.annulee_par
       where true
         ${itemId ? sql`and i.id = ${itemId}` : sql``}
         ${moderatorId ? sql`and (d.validateur_id = ${moderatorId} or d.annulee_par = ${moderatorId})` : sql``}
         ${outcome === 'approved' ? sql`and d.est_approuve and d.annulee_le is null` : sql``}
         ${outcome === 'rejected' ? sql`and not d.est_approuve and d.annulee_le is null` : sql``}
         ${outcome === 'withdrawn' ? sql`and d.annulee_le is not null` : sql``}
         ${since ? sql`and d.date_validation >= ${since}` : sql``}
         ${until ? sql`and d.date_validation < ${until}` : sql``}`;
  });
  const { rows } = await sql<DecisionView>`
    ${sql.join(parts, sql` union all `)}
    order by date_validation desc, id
    limit ${filters.limit ?? 100}`.execute(db);
  return rows;
}
