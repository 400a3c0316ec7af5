import type { CommandRun } from '../types.js';
import { parseFilters, parseLimit, USER_TABLE, type FilterFlags } from './shared.js';

export const run: CommandRun<FilterFlags & { limit?: string; after?: string; csv?: boolean }> = async (ctx, { opts }) => {
  const filters = parseFilters(opts);
  const limit = parseLimit(opts.limit, 50);
  const { listUsers } = await import('../../services/users.js');
  const page = await ctx.withDb(({ db }) => listUsers(db, filters, { limit, after: opts.after }));
  if (ctx.out.json) return ctx.out.writeJson(page);
  if (opts.csv) await ctx.out.writeCsv(USER_TABLE, page.users);
  else await ctx.out.writeTable(USER_TABLE, page.users);
  if (page.next_after) ctx.out.info(`More: alumni users list --after ${page.next_after} (same filters).`);
};
