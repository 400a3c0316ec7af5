import type { Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import type { PendingItem, QueueCount, QueueName } from '../../services/moderation/index.js';
import type { CommandRun } from '../types.js';
import type { ValidateListOpts } from './index.js';
import { age } from '../../cli/decisions.js';

/**
 * Without a queue: how many wait in each; with one: its items, oldest first, the title
 * first and the id last (approve, reject and reopen take it). A table says it in the
 * run's language; CSV keeps its machine values (ages as `3d`).
 */
export const run: CommandRun<ValidateListOpts> = async (ctx, { args, opts }) => {
  const { listPending, pendingCounts } = await import('../../services/moderation/index.js');
  // Checked by the declaration's argument parser.
  const queue = args[0] as QueueName | undefined;
  const now = new Date();
  const csv = Boolean(opts.csv);
  const waited = (since: Date) => (csv ? age(since, now, 'en') : age(since, now));
  if (!queue) {
    const counts = await ctx.withDb(({ db }) => pendingCounts(db));
    const columns: Column<QueueCount>[] = [
      { header: 'queue', label: 'validate.column.queue', value: 'queue' },
      { header: 'pending', label: 'validate.column.pending', value: 'pending' },
      { header: 'oldest waiting', label: 'validate.column.oldest', value: (c) => (c.oldest_created_at ? waited(c.oldest_created_at) : '') },
    ];
    return renderList(ctx, columns, counts, { csv, columns: opts.columns });
  }
  const items = await ctx.withDb(({ db }) => listPending(db, queue, opts.limit));
  const columns: Column<PendingItem>[] = [
    { header: 'title', label: 'validate.column.title', value: 'title' },
    { header: 'waiting', label: 'validate.column.waiting', value: (i) => waited(i.created_at) },
    { header: 'created by', label: 'validate.column.created_by', value: 'createur' },
    { header: 'organisation', label: 'validate.column.organisation', value: 'nom_organisation' },
    { header: 'id', label: 'validate.column.id', value: 'id' },
  ];
  // CSV keeps its columns in the order scripts read them.
  const csvOrder = ['id', 'waiting', 'title', 'created by', 'organisation'].map((header) => columns.find((c) => c.header === header)!);
  await renderList(ctx, csv ? csvOrder : columns, items, { csv, columns: opts.columns, empty: 'validate.list.empty' });
};
