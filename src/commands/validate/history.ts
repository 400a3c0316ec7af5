import type { Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import { UsageError } from '../../errors.js';
import type { DecisionView } from '../../services/moderation/index.js';
import type { CommandRun } from '../types.js';
import type { ValidateHistoryOpts } from './index.js';

const COLUMNS: Column<DecisionView>[] = [
  { header: 'date_validation', value: 'date_validation' },
  { header: 'queue', value: 'queue' },
  { header: 'item', value: 'item_id' },
  { header: 'title', value: 'title' },
  { header: 'outcome', value: (d) => (d.est_approuve ? 'approved' : 'rejected') + (d.annulee_le ? ' (withdrawn)' : '') },
  { header: 'moderator', value: 'validateur' },
  { header: 'comment', value: 'commentaire' },
];

export const run: CommandRun<ValidateHistoryOpts> = async (ctx, { opts }) => {
  const { normaliseId } = await import('../../services/refs.js');
  const { listDecisions } = await import('../../services/moderation/index.js');
  const itemId = opts.item === undefined ? undefined : normaliseId(opts.item);
  if (opts.item !== undefined && !itemId) throw new UsageError(`--item ${opts.item}: give an item id (a UUID).`);
  const filters = {
    queue: opts.queue,
    itemId,
    moderator: opts.moderator,
    outcome: opts.outcome,
    since: opts.since,
    until: opts.until,
    limit: opts.limit,
  };
  const decisions = await ctx.withDb(({ db }) => listDecisions(db, filters));
  await renderList(ctx, COLUMNS, decisions, { csv: opts.csv });
};
