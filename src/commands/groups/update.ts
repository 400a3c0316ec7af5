import { renderRecord } from '../../cli/render.js';
import type { CommandRun } from '../types.js';
import type { GroupsUpdateOpts } from './index.js';
import { groupInput } from './shared.js';

export const run: CommandRun<GroupsUpdateOpts> = async (ctx, { args, opts }) => {
  const { updateGroup } = await import('../../services/group-writes.js');
  const { group, changed } = await ctx.withDb(async ({ db }) => updateGroup(db, await ctx.writeSession(db), args[0]!, groupInput(opts)));
  renderRecord(ctx, group);
  if (!ctx.out.json) ctx.out.info(changed ? `Updated ${group.nom_groupe}.` : `${group.nom_groupe}: nothing changed.`);
};
