import { confirm } from '../../cli/prompts.js';
import { ExitCode } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import type { MessagesDeleteOpts } from './index.js';

export const run: CommandRun<MessagesDeleteOpts> = async (ctx, { args, opts }) => {
  const { deleteMessages } = await import('../../services/group-messages.js');
  await confirm(ctx.io, t('groups.messages.confirm_delete', { count: args.length }), opts.yes);
  const report = await ctx.withDb(async ({ db }) => deleteMessages(db, await ctx.writeSession(db), args));
  if (ctx.out.json) ctx.out.writeJson(report);
  else {
    for (const id of report.already_deleted) ctx.out.warn(t('groups.messages.already_deleted', { id }));
    ctx.out.success(t('groups.messages.deleted', { count: report.deleted.length }));
  }
  // As members remove and offers close: something named was skipped.
  return report.already_deleted.length > 0 ? ExitCode.rejected : ExitCode.ok;
};
