import type { CommandRun } from '../types.js';
import { showUser } from './shared.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { setActive } = await import('../../services/users.js');
  const result = await ctx.withDb(async ({ db }) => setActive(db, await ctx.actor(db), ctx.userAgent, args[0]!, false));
  showUser(ctx, result.user);
  if (!ctx.out.json) ctx.out.success(result.changed ? 'Deactivated.' : 'Already so: nothing changed.');
};
