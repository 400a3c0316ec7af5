import { ExitCode, problem, UsageError } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import type { Context } from '../../context.js';
import type { AddMembersReport } from '../../services/group-members.js';
import type { Resolved } from '../../services/refs.js';
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
    addMembers(db, await ctx.writeSession(db), group, { refs, fromUsers: opts.fromUsers ? fromUsers : undefined }, opts.role, {
      fill: opts.fill,
    }),
  );
  if (ctx.out.json) ctx.out.writeJson({ ...reportJson(report), counts: counts(report) });
  else {
    const { added, rejoined, unchanged, refused } = report;
    ctx.out.success(
      t('groups.members.added', {
        group: report.groupe.label,
        added: added.length,
        rejoined: rejoined.length,
        unchanged: unchanged.length,
        refused: refused.length,
      }),
    );
    summarise(ctx, report);
  }
  // People left out by --fill were asked for; a refusal was not.
  return report.refused.length > 0 ? ExitCode.rejected : ExitCode.ok;
};

/** How many of each, for scripts (the lists are in the report itself). */
function counts(report: AddMembersReport) {
  return {
    chosen: report.chosen,
    room: report.room,
    added: report.added.length,
    rejoined: report.rejoined.length,
    unchanged: report.unchanged.length,
    refused: report.refused.length,
    left_out: report.left_out.length,
  };
}

/**
 * One line per reason with its count (not one line per person: a promotion of 97 would
 * print 97 lines); --verbose lists the people under each line.
 */
function summarise(ctx: Context, report: AddMembersReport): void {
  const verbose = Boolean(ctx.options.verbose);
  const list = (people: Resolved[]) => {
    if (verbose) for (const person of people) ctx.out.info(t('groups.members.listed', { person: person.label }));
  };
  if (report.unchanged.length > 0) {
    ctx.out.info(t('groups.members.summary.unchanged', { count: report.unchanged.length }));
    list(report.unchanged);
  }
  const byReason = new Map<string, Resolved[]>();
  for (const person of report.refused) {
    const reason = sayWhy(person.reason);
    byReason.set(reason, [...(byReason.get(reason) ?? []), person]);
  }
  for (const [reason, people] of byReason) {
    ctx.out.warn(t('groups.members.summary.refused', { count: people.length, reason }));
    list(people);
  }
  if (report.left_out.length > 0) {
    ctx.out.warn(t('groups.members.summary.left_out', { count: report.left_out.length, room: report.room ?? 0 }));
    list(report.left_out);
  }
  const listed = report.unchanged.length + report.refused.length + report.left_out.length;
  if (!verbose && listed > 0) ctx.out.info(t('groups.members.summary.verbose_hint'));
}
