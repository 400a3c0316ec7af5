import { UsageError } from '../../errors.js';
import type { CommandRun } from '../types.js';
import { reportBatch } from './shared.js';

export const run: CommandRun<{ reason?: string }> = async (ctx, { args, opts }) => {
  const reason = opts.reason?.trim();
  if (!reason) throw new UsageError('A rejection needs a reason: --reason TEXT (the author reads it).');
  const { decideMany, parseQueue } = await import('../../services/moderation.js');
  const queue = parseQueue(args[0]!);
  const result = await ctx.withDb(async ({ db }) => decideMany(db, ctx.session(await ctx.actor(db)), queue, args.slice(1), { approve: false, reason }));
  return reportBatch(ctx, result);
};
