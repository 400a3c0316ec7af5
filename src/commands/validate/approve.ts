import type { CommandRun } from '../types.js';
import { reportBatch } from './shared.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { decideMany, parseQueue } = await import('../../services/moderation.js');
  const queue = parseQueue(args[0]!);
  const result = await ctx.withDb(async ({ db }) => decideMany(db, ctx.session(await ctx.actor(db)), queue, args.slice(1), { approve: true }));
  return reportBatch(ctx, result);
};
