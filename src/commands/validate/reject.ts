import { UsageError } from '../../errors.js';
import type { QueueName } from '../../services/moderation/index.js';
import type { CommandRun } from '../types.js';
import type { ValidateRejectOpts } from './index.js';
import { reportBatch } from './shared.js';

export const run: CommandRun<ValidateRejectOpts> = async (ctx, { args: [queue, ...ids], opts }) => {
  const reason = opts.reason;
  if (!reason) throw new UsageError('A rejection needs a reason: --reason TEXT (the author reads it).');
  const { decideMany } = await import('../../services/moderation/index.js');
  const result = await ctx.withDb(async ({ db }) =>
    decideMany(db, await ctx.writeSession(db), queue as QueueName, ids, { approve: false, reason }),
  );
  return reportBatch(ctx, result);
};
