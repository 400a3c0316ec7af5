import { confirm } from '../../cli/prompts.js';
import { renderDone } from '../../cli/render.js';
import { ExitCode } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import type { MessagesDeleteOpts } from './index.js';

export const run: CommandRun<MessagesDeleteOpts> = async (ctx, { args, opts }) => {
  const { deleteMessages } = await import('../../services/group-messages.js');
  await confirm(ctx.io, t('groups.messages.confirm_delete', { count: args.length }), opts.yes);
  const report = await ctx.withDb(async ({ db }) => deleteMessages(db, await ctx.writeSession(db), args));
  renderDone(
    ctx,
    report,
    t('groups.messages.deleted', { count: report.deleted.length }),
    report.already_deleted.map((id) => t('groups.messages.already_deleted', { id })),
  );
  // As members remove and offers close: something named was skipped.
  return report.already_deleted.length > 0 ? ExitCode.rejected : ExitCode.ok;
};
