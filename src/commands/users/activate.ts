import { renderRecord } from '../../cli/render.js';
import type { CommandRun } from '../types.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { setActive } = await import('../../services/user-writes.js');
  const result = await ctx.withDb(async ({ db }) => setActive(db, await ctx.writeSession(db), { ref: args[0]!, active: true }));
  renderRecord(ctx, result.user);
  if (!ctx.out.json) ctx.out.success(result.changed ? 'Activated.' : 'Already so: nothing changed.');
};
