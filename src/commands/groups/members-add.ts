import { ExitCode, problem, UsageError } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import { filtersOf } from '../../cli/user-filters.js';
import type { MembersAddOpts } from './index.js';
import { reportJson, sayWhy } from './shared.js';

export const run: CommandRun<MembersAddOpts> = async (ctx, { args, opts }) => {
  const { addMembers } = await import('../../services/group-members.js');
  const [group, ...refs] = args as [string, ...string[]];
  const fromUsers = filtersOf({ ...opts, role: opts.userRole });
  const filtering = Object.values(fromUsers).some((v) => v !== undefined);
  if (filtering && !opts.fromUsers) throw new UsageError(problem('groups.members.filters_need_from_users'));
  if (opts.fromUsers && !filtering) throw new UsageError(problem('groups.members.from_users_needs_filter'));
  if (refs.length === 0 && !opts.fromUsers) throw new UsageError(problem('groups.members.name_people'));
  const report = await ctx.withDb(async ({ db }) =>
    addMembers(db, await ctx.writeSession(db), group, { refs, fromUsers: opts.fromUsers ? fromUsers : undefined }, opts.role),
  );
  if (ctx.out.json) ctx.out.writeJson(reportJson(report));
  else {
    const { added, rejoined, unchanged, refused } = report;
    for (const person of refused) ctx.out.warn(t('groups.members.not_added', { person: person.label, reason: sayWhy(person.reason) }));
    ctx.out.success(
      t('groups.members.added', {
        group: report.groupe.label,
        added: added.length,
        rejoined: rejoined.length,
        unchanged: unchanged.length,
        refused: refused.length,
      }),
    );
  }
  return report.refused.length > 0 ? ExitCode.rejected : ExitCode.ok;
};
