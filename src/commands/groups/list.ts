import { renderList } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import type { GroupsListOpts } from './index.js';
import { GROUP_TABLE } from './shared.js';

export const run: CommandRun<GroupsListOpts> = async (ctx, { opts }) => {
  const { listGroups } = await import('../../services/groups.js');
  const filters = { type: opts.type, valide: opts.valide, search: opts.search };
  const page = await ctx.withDb(({ db }) => listGroups(db, filters, { limit: opts.limit, after: opts.after }));
  await renderList(ctx, GROUP_TABLE, page.items, {
    csv: opts.csv,
    columns: opts.columns,
    empty: 'groups.list.empty',
    page: {
      nextAfter: page.next_after,
      nextCommand: (cursor) => t('groups.same_filters', { command: `alumni groups list --after ${cursor}` }),
    },
  });
};
