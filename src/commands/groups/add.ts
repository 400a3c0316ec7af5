import { renderRecord } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import type { GroupsAddOpts } from './index.js';
import { GROUP_FIELD_FLAGS, groupInput, humanFields } from './shared.js';

export const fieldFlags = GROUP_FIELD_FLAGS;

export const run: CommandRun<GroupsAddOpts> = async (ctx, { opts }) => {
  const { addGroup } = await import('../../services/group-writes.js');
  const group = await ctx.withDb(async ({ db }) => addGroup(db, await ctx.writeSession(db), groupInput(opts)));
  renderRecord(ctx, group, humanFields(group), { success: t('groups.added', { name: group.nom_groupe }) });
};
