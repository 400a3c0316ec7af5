import { renderRecord } from '../../cli/render.js';
import type { CommandRun } from '../types.js';
import { userRecord } from './shared.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { findUser } = await import('../../services/users.js');
  const user = await ctx.withDb(({ db }) => findUser(db, args[0]!));
  renderRecord(ctx, user, userRecord(user));
};
