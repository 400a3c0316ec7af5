import type { CommandRun } from '../types.js';
import { parseLimit } from '../users/shared.js';

interface HistoryFlags {
  queue?: string;
  item?: string;
  moderator?: string;
  outcome?: string;
  since?: string;
  until?: string;
  limit?: string;
  csv?: boolean;
}

export const run: CommandRun<HistoryFlags> = async (ctx, { opts }) => {
  const { listDecisions, parseOutcome, parseQueue } = await import('../../services/moderation.js');
  const filters = {
    queue: opts.queue === undefined ? undefined : parseQueue(opts.queue, '--queue'),
    itemId: opts.item,
    moderator: opts.moderator,
    outcome: opts.outcome === undefined ? undefined : parseOutcome(opts.outcome),
    since: opts.since,
    until: opts.until,
    limit: parseLimit(opts.limit, 100),
  };
  const decisions = await ctx.withDb(({ db }) => listDecisions(db, filters));
  if (ctx.out.json) return ctx.out.writeJson(decisions);
  const columns = [
    { header: 'date_validation', value: 'date_validation' as const },
    { header: 'queue', value: 'queue' as const },
    { header: 'item', value: 'item_id' as const },
    { header: 'title', value: 'title' as const },
    { header: 'outcome', value: (d: (typeof decisions)[number]) => (d.est_approuve ? 'approved' : 'rejected') + (d.annulee_le ? ' (withdrawn)' : '') },
    { header: 'moderator', value: 'validateur' as const },
    { header: 'comment', value: 'commentaire' as const },
  ];
  if (opts.csv) await ctx.out.writeCsv(columns, decisions);
  else await ctx.out.writeTable(columns, decisions);
};
