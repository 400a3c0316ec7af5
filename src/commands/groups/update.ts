import { renderRecord } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import type { GroupsUpdateOpts } from './index.js';
import { GROUP_FIELD_FLAGS, groupInput, humanFields } from './shared.js';

export const fieldFlags = GROUP_FIELD_FLAGS;

export const run: CommandRun<GroupsUpdateOpts> = async (ctx, { args, opts }) => {
  const { updateGroup } = await import('../../services/group-writes.js');
  const { group, changed } = await ctx.withDb(async ({ db }) => updateGroup(db, await ctx.writeSession(db), args[0]!, groupInput(opts)));
  renderRecord(ctx, group, humanFields(group), { success: t(changed ? 'groups.updated' : 'groups.unchanged', { name: group.nom_groupe }) });
};
