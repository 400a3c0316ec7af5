import { renderList } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import type { UsersListOpts } from './index.js';
import { filtersOf } from '../../cli/user-filters.js';
import { USER_TABLE, USER_TABLE_READ } from './shared.js';

export const run: CommandRun<UsersListOpts> = async (ctx, { opts }) => {
  const { listUsers } = await import('../../services/users.js');
  const page = await ctx.withDb(({ db }) => listUsers(db, filtersOf(opts), { limit: opts.limit, after: opts.after }));
  // CSV is machine output (true/false); a table is read by a person (yes/no in their language).
  await renderList(ctx, opts.csv ? USER_TABLE : USER_TABLE_READ, page.items, {
    csv: opts.csv,
    columns: opts.columns,
    empty: 'users.list.empty',
    page: { nextAfter: page.next_after, nextCommand: (cursor) => t('users.list.next', { cursor }) },
  });
};
