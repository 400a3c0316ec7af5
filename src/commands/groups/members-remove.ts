import { confirm } from '../../cli/prompts.js';
import { ExitCode } from '../../errors.js';
import type { CommandRun } from '../types.js';
import type { MembersRemoveOpts } from './index.js';

export const run: CommandRun<MembersRemoveOpts> = async (ctx, { args, opts }) => {
  const { removeMembers } = await import('../../services/group-members.js');
  const [group, ...refs] = args as [string, ...string[]];
  await confirm(ctx.io, `Remove ${refs.join(', ')} from ${group}?`, opts.yes);
  const report = await ctx.withDb(async ({ db }) => removeMembers(db, await ctx.writeSession(db), group, refs));
  if (ctx.out.json) ctx.out.writeJson(report);
  else {
    for (const person of report.skipped) ctx.out.warn(`${person.label} ${person.reason}: nothing to remove.`);
    ctx.out.success(`${report.groupe.label}: ${report.removed.length} removed (kept as former members).`);
  }
  return report.skipped.length > 0 ? ExitCode.rejected : ExitCode.ok;
};
