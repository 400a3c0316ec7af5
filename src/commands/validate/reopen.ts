import { renderDone } from '../../cli/render.js';
import { ExitCode } from '../../errors.js';
import { currentLanguage, t } from '../../i18n/messages.js';
import type { QueueName } from '../../services/moderation/index.js';
import type { CommandRun } from '../types.js';
import { reopenJson, reopenMessage } from './shared.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { reopen } = await import('../../services/moderation/index.js');
  const queue = args[0] as QueueName;
  const result = await ctx.withDb(async ({ db }) => reopen(db, await ctx.writeSession(db), queue, args[1]!));
  const reopened = result.status === 'reopened';
  const why = reopenMessage(result, currentLanguage());
  renderDone(
    ctx,
    reopenJson(result),
    reopened ? t('validate.reopen.done', { queue, id: result.id, withdrawn: result.withdrawn.length }) : t('validate.reopen.nothing'),
    why ? [why] : [],
  );
  return reopened ? ExitCode.ok : ExitCode.rejected;
};
