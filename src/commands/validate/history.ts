import type { Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { DecisionView } from '../../services/moderation/index.js';
import type { CommandRun } from '../types.js';
import type { ValidateHistoryOpts } from './index.js';

/** The CSV: machine values, the same in every language. */
const CSV_COLUMNS: Column<DecisionView>[] = [
  { header: 'date_validation', value: 'date_validation' },
  { header: 'queue', value: 'queue' },
  { header: 'item', value: 'item_id' },
  { header: 'title', value: 'title' },
  { header: 'outcome', value: (d) => (d.est_approuve ? 'approved' : 'rejected') + (d.annulee_le ? ' (withdrawn)' : '') },
  { header: 'moderator', value: 'validateur' },
  { header: 'comment', value: 'commentaire' },
];

/**
 * The table a person reads: when (local time), what, the outcome in words and who, so a
 * row fits 80 columns with the time whole. The comment and the item's id on demand
 * (`--columns comment,item`): a history is read more than acted on, and a 36-character
 * id would cut every other column (`validate list QUEUE` shows the ids to act on).
 */
const TABLE_COLUMNS: Column<DecisionView>[] = [
  { header: 'date_validation', label: 'validate.column.decided', value: 'date_validation' },
  { header: 'queue', label: 'validate.column.queue', value: 'queue' },
  { header: 'title', label: 'validate.column.title', value: 'title' },
  {
    header: 'outcome',
    label: 'validate.column.outcome',
    value: (d) =>
      t(d.est_approuve ? 'validate.outcome.approved' : 'validate.outcome.rejected') +
      (d.annulee_le ? t('validate.outcome.withdrawn_suffix') : ''),
  },
  { header: 'moderator', label: 'validate.column.moderator', value: 'validateur' },
  { header: 'comment', label: 'validate.column.comment', value: 'commentaire', hidden: true },
  { header: 'item', label: 'validate.column.item', value: 'item_id', hidden: true },
];

export const run: CommandRun<ValidateHistoryOpts> = async (ctx, { opts }) => {
  const { listDecisions } = await import('../../services/moderation/index.js');
  // --item is checked and lower-cased by its declaration's parser.
  const itemId = opts.item;
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
  await renderList(ctx, opts.csv ? CSV_COLUMNS : TABLE_COLUMNS, decisions, {
    csv: opts.csv,
    columns: opts.columns,
    empty: 'validate.history.empty',
  });
};
