import { confirm } from '../../cli/prompts.js';
import { ExitCode } from '../../errors.js';
import type { CommandRun } from '../types.js';
import type { MessagesDeleteOpts } from './index.js';

export const run: CommandRun<MessagesDeleteOpts> = async (ctx, { args, opts }) => {
  const { deleteMessages } = await import('../../services/group-messages.js');
  await confirm(ctx.io, `Delete ${args.length === 1 ? 'this message' : `these ${args.length} messages`}?`, opts.yes);
  const report = await ctx.withDb(async ({ db }) => deleteMessages(db, await ctx.writeSession(db), args));
  if (ctx.out.json) ctx.out.writeJson(report);
  else {
    for (const id of report.already_deleted) ctx.out.warn(`Message ${id} was deleted already: not written again.`);
    ctx.out.success(`${report.deleted.length} message(s) deleted; purge-messages removes them for good after 30 days.`);
  }
  // As members remove and offers close: something named was skipped.
  return report.already_deleted.length > 0 ? ExitCode.rejected : ExitCode.ok;
};
