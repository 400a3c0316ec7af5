import { renderRecord } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import { userRecord } from './shared.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { setActive } = await import('../../services/user-writes.js');
  const result = await ctx.withDb(async ({ db }) => setActive(db, await ctx.writeSession(db), { ref: args[0]!, active: false }));
  renderRecord(ctx, result.user, userRecord(result.user), { success: t(result.changed ? 'users.deactivated' : 'users.already_so') });
};
