import { ExitCode } from '../../errors.js';
import type { QueueName } from '../../services/moderation/index.js';
import type { CommandRun } from '../types.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { reopen } = await import('../../services/moderation/index.js');
  const queue = args[0] as QueueName;
  const result = await ctx.withDb(async ({ db }) => reopen(db, await ctx.writeSession(db), queue, args[1]!));
  if (ctx.out.json) ctx.out.writeJson(result);
  else if (result.status === 'reopened')
    ctx.out.success(`${queue} ${result.id} is back in its queue (${result.withdrawn.length} decision(s) withdrawn).`);
  else ctx.out.warn(result.message ?? result.status);
  return result.status === 'reopened' ? ExitCode.ok : ExitCode.rejected;
};
