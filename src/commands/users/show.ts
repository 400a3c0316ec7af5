import type { CommandRun } from '../types.js';
import { showUser } from './shared.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { findUser } = await import('../../services/users.js');
  showUser(ctx, await ctx.withDb(({ db }) => findUser(db, args[0]!)));
};
