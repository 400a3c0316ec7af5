import type { CommandRun } from '../types.js';
import { userInput } from './fields.js';
import { showUser, type UserFieldFlags } from './shared.js';

export const run: CommandRun<UserFieldFlags> = async (ctx, { args, opts }) => {
  const { updateUser } = await import('../../services/users.js');
  const input = await userInput(ctx, opts, false);
  const result = await ctx.withDb(async ({ db }) => updateUser(db, await ctx.actor(db), ctx.userAgent, args[0]!, input));
  showUser(ctx, result.user);
  if (!ctx.out.json) ctx.out.success(result.changed ? 'Updated.' : 'Nothing changed: the values were already these.');
};
