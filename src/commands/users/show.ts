import { renderRecord } from '../../cli/render.js';
import type { CommandRun } from '../types.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { findUser } = await import('../../services/users.js');
  renderRecord(ctx, await ctx.withDb(({ db }) => findUser(db, args[0]!)));
};
