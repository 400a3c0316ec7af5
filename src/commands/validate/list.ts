import type { Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import type { PendingItem, QueueCount, QueueName } from '../../services/moderation/index.js';
import type { CommandRun } from '../types.js';
import type { ValidateListOpts } from './index.js';
import { age } from '../../cli/decisions.js';

/** Without a queue: how many wait in each; with one: its items, oldest first. */
export const run: CommandRun<ValidateListOpts> = async (ctx, { args, opts }) => {
  const { listPending, pendingCounts } = await import('../../services/moderation/index.js');
  // Checked by the declaration's argument parser.
  const queue = args[0] as QueueName | undefined;
  const now = new Date();
  if (!queue) {
    const counts = await ctx.withDb(({ db }) => pendingCounts(db));
    const columns: Column<QueueCount>[] = [
      { header: 'queue', value: 'queue' },
      { header: 'pending', value: 'pending' },
      { header: 'oldest waiting', value: (c) => (c.oldest_created_at ? age(c.oldest_created_at, now) : '') },
    ];
    return renderList(ctx, columns, counts, { csv: opts.csv });
  }
  const items = await ctx.withDb(({ db }) => listPending(db, queue, opts.limit));
  const columns: Column<PendingItem>[] = [
    { header: 'id', value: 'id' },
    { header: 'waiting', value: (i) => age(i.created_at, now) },
    { header: 'title', value: 'title' },
    { header: 'created by', value: 'createur' },
    { header: 'organisation', value: 'nom_organisation' },
  ];
  await renderList(ctx, columns, items, { csv: opts.csv });
  if (items.length === 0 && !ctx.out.json && !opts.csv) ctx.out.info(`Nothing waits in ${queue}.`);
};
