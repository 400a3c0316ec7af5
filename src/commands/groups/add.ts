import { renderRecord } from '../../cli/render.js';
import type { CommandRun } from '../types.js';
import type { GroupsAddOpts } from './index.js';
import { groupInput } from './shared.js';

export const run: CommandRun<GroupsAddOpts> = async (ctx, { opts }) => {
  const { addGroup } = await import('../../services/group-writes.js');
  const group = await ctx.withDb(async ({ db }) => addGroup(db, await ctx.writeSession(db), groupInput(opts)));
  renderRecord(ctx, group);
  if (!ctx.out.json) ctx.out.success(`Added the group ${group.nom_groupe} (valid).`);
};
