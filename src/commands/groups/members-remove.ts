import { confirm } from '../../cli/prompts.js';
import { renderDone } from '../../cli/render.js';
import { ExitCode } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import type { MembersRemoveOpts } from './index.js';
import { reportJson, sayWhy } from './shared.js';

export const run: CommandRun<MembersRemoveOpts> = async (ctx, { args, opts }) => {
  const { removeMembers } = await import('../../services/group-members.js');
  const [group, ...refs] = args as [string, ...string[]];
  await confirm(ctx.io, t('groups.members.confirm_remove', { people: refs.join(', '), group }), opts.yes);
  const report = await ctx.withDb(async ({ db }) => removeMembers(db, await ctx.writeSession(db), group, refs));
  renderDone(
    ctx,
    reportJson(report),
    t('groups.members.removed', { group: report.groupe.label, removed: report.removed.length }),
    report.skipped.map((person) => t('groups.members.nothing_to_remove', { person: person.label, reason: sayWhy(person.reason) })),
  );
  return report.skipped.length > 0 ? ExitCode.rejected : ExitCode.ok;
};
