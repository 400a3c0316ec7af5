import { ExitCode, UsageError } from '../../errors.js';
import type { CommandRun } from '../types.js';
import { filtersOf } from '../../cli/user-filters.js';
import type { MembersAddOpts } from './index.js';

export const run: CommandRun<MembersAddOpts> = async (ctx, { args, opts }) => {
  const { addMembers } = await import('../../services/group-members.js');
  const [group, ...refs] = args as [string, ...string[]];
  const fromUsers = filtersOf({ ...opts, role: opts.userRole });
  const filtering = Object.values(fromUsers).some((v) => v !== undefined);
  if (filtering && !opts.fromUsers) throw new UsageError('The users filters (--annee, --domaine...) choose people only with --from-users.');
  if (refs.length === 0 && !opts.fromUsers)
    throw new UsageError('Name the people to add (id, e-mail or matricule), or give --from-users with filters.');
  const report = await ctx.withDb(async ({ db }) =>
    addMembers(db, await ctx.writeSession(db), group, { refs, fromUsers: opts.fromUsers ? fromUsers : undefined }, opts.role),
  );
  if (ctx.out.json) ctx.out.writeJson(report);
  else {
    const { added, rejoined, unchanged, refused } = report;
    for (const person of refused) ctx.out.warn(`${person.label} not added: ${person.reason}`);
    ctx.out.success(
      `${report.groupe.label}: ${added.length} added, ${rejoined.length} back after leaving, ${unchanged.length} already members, ${refused.length} refused.`,
    );
  }
  return report.refused.length > 0 ? ExitCode.rejected : ExitCode.ok;
};
