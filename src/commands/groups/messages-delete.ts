import { confirm } from '../../cli/prompts.js';
import type { CommandRun } from '../types.js';
import type { MessagesDeleteOpts } from './index.js';

export const run: CommandRun<MessagesDeleteOpts> = async (ctx, { args, opts }) => {
  const { deleteMessages } = await import('../../services/group-messages.js');
  await confirm(ctx.io, `Delete ${args.length === 1 ? 'this message' : `these ${args.length} messages`}?`, opts.yes);
  const report = await ctx.withDb(async ({ db }) => deleteMessages(db, ctx.session(await ctx.actor(db)), args));
  if (ctx.out.json) return ctx.out.writeJson(report);
  if (report.already_deleted.length > 0) ctx.out.info(`Deleted already: ${report.already_deleted.join(', ')}.`);
  ctx.out.success(`${report.deleted.length} message(s) deleted; purge-messages removes them for good after 30 days.`);
};
