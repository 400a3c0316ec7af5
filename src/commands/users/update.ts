import { renderRecord } from '../../cli/render.js';
import type { CommandRun } from '../types.js';
import { userInput } from './fields.js';
import type { UsersUpdateOpts } from './index.js';

export const run: CommandRun<UsersUpdateOpts> = async (ctx, { args, opts }) => {
  const { updateUser } = await import('../../services/user-writes.js');
  const fields = await userInput(ctx, opts, false);
  const result = await ctx.withDb(async ({ db }) => updateUser(db, ctx.session(await ctx.actor(db)), { ref: args[0]!, fields }));
  renderRecord(ctx, result.user);
  if (!ctx.out.json) ctx.out.success(result.changed ? 'Updated.' : 'Nothing changed: the values were already these.');
};
