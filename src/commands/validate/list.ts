import type { CommandRun } from '../types.js';
import { parseLimit } from '../users/shared.js';
import { age } from './shared.js';

/** Without a queue: how many wait in each; with one: its items, oldest first. */
export const run: CommandRun<{ csv?: boolean; limit?: string }> = async (ctx, { args, opts }) => {
  const { listPending, parseQueue, pendingCounts } = await import('../../services/moderation.js');
  const queue = args[0] ? parseQueue(args[0]) : undefined;
  const now = new Date();
  if (!queue) {
    const counts = await ctx.withDb(({ db }) => pendingCounts(db));
    if (ctx.out.json) return ctx.out.writeJson(counts);
    const columns = [
      { header: 'queue', value: 'queue' as const },
      { header: 'pending', value: 'pending' as const },
      { header: 'oldest waiting', value: (c: (typeof counts)[number]) => (c.oldest_created_at ? age(c.oldest_created_at, now) : '') },
    ];
    return opts.csv ? ctx.out.writeCsv(columns, counts) : ctx.out.writeTable(columns, counts);
  }
  const items = await ctx.withDb(({ db }) => listPending(db, queue, parseLimit(opts.limit, 1000)));
  if (ctx.out.json) return ctx.out.writeJson(items);
  const columns = [
    { header: 'id', value: 'id' as const },
    { header: 'waiting', value: (i: (typeof items)[number]) => age(i.created_at, now) },
    { header: 'title', value: 'title' as const },
    { header: 'created by', value: 'createur' as const },
    { header: 'organisation', value: 'nom_organisation' as const },
  ];
  if (opts.csv) return ctx.out.writeCsv(columns, items);
  await ctx.out.writeTable(columns, items);
  if (items.length === 0) ctx.out.info(`Nothing waits in ${queue}.`);
};
