import { problem, UsageError } from '../../errors.js';
import type { QueueName } from '../../services/moderation/index.js';
import type { CommandRun } from '../types.js';
import type { ValidateRejectOpts } from './index.js';
import { reportBatch } from './shared.js';

/** A rejection's comment is the service's `commentaire`: here, --reason. */
export const fieldFlags = { commentaire: '--reason' };

export const run: CommandRun<ValidateRejectOpts> = async (ctx, { args: [queue, ...ids], opts }) => {
  // --reason is mandatory (its declaration); given empty, it says nothing either.
  const reason = opts.reason;
  if (!reason) throw new UsageError(problem('validate.reject.reason_required'));
  const { decideMany } = await import('../../services/moderation/index.js');
  const result = await ctx.withDb(async ({ db }) =>
    decideMany(db, await ctx.writeSession(db), queue as QueueName, ids, { approve: false, reason }),
  );
  return reportBatch(ctx, result);
};
