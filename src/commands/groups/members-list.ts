import { renderList } from '../../cli/render.js';
import type { CommandRun } from '../types.js';
import type { MembersListOpts } from './index.js';
import { memberTable } from './shared.js';

export const run: CommandRun<MembersListOpts> = async (ctx, { args, opts }) => {
  const { membersOf } = await import('../../services/groups.js');
  const all = Boolean(opts.all);
  const { members } = await ctx.withDb(({ db }) => membersOf(db, args[0]!, all));
  await renderList(ctx, memberTable(all), members, {
    csv: opts.csv,
    columns: opts.columns,
    empty: all ? 'groups.members.empty_all' : 'groups.members.empty',
  });
};
