import type { QueueName } from '../../services/moderation/index.js';
import type { CommandRun } from '../types.js';
import { reportBatch } from './shared.js';

export const run: CommandRun = async (ctx, { args: [queue, ...ids] }) => {
  const { decideMany } = await import('../../services/moderation/index.js');
  const result = await ctx.withDb(async ({ db }) => decideMany(db, await ctx.writeSession(db), queue as QueueName, ids, { approve: true }));
  return reportBatch(ctx, result);
};
