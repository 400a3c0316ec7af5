import { renderList } from '../../cli/render.js';
import type { CommandRun } from '../types.js';
import type { UsersListOpts } from './index.js';
import { filtersOf } from '../../cli/user-filters.js';
import { USER_TABLE } from './shared.js';

export const run: CommandRun<UsersListOpts> = async (ctx, { opts }) => {
  const { listUsers } = await import('../../services/users.js');
  const page = await ctx.withDb(({ db }) => listUsers(db, filtersOf(opts), { limit: opts.limit, after: opts.after }));
  await renderList(ctx, USER_TABLE, page.items, {
    csv: opts.csv,
    page: { nextAfter: page.next_after, nextCommand: (cursor) => `alumni users list --after ${cursor} (same filters)` },
  });
};
