import { confirm } from '../../cli/prompts.js';
import type { ErasurePlan } from '../../services/erasure.js';
import type { CommandRun } from '../types.js';
import type { UsersEraseOpts } from './index.js';

export const run: CommandRun<UsersEraseOpts> = async (ctx, { args, opts }) => {
  const { planErasure, erase } = await import('../../services/erasure.js');
  const person = args[0]!;
  const dryRun = Boolean(opts.dryRun);
  // Both steps read every audit entry (the person's values may be anywhere in them).
  const plan = await ctx.withDb(async ({ db }) => planErasure(db, ctx.session(await ctx.actor(db)), person), { workload: 'bulk' });
  let result = { ...plan, dry_run: dryRun, erased: false };
  if (!dryRun && !plan.nothing_to_do) {
    // Asked with the database closed: the embedded one stays locked for as long as it is
    // open, and a prompt may wait for minutes. Reopened, the plan is made again (refusals
    // included) and the erasure measures once more inside its transaction.
    await confirm(
      ctx.io,
      `Erase ${person} for good (name, e-mail, matricule, phone, photo, contacts' details, messages, audit values)?`,
      opts.yes,
    );
    const done = await ctx.withDb(
      async ({ db }) => {
        const session = ctx.session(await ctx.actor(db));
        return erase(db, session, await planErasure(db, session, person));
      },
      { workload: 'bulk' },
    );
    result = { ...done, dry_run: false, erased: !done.nothing_to_do };
  }
  if (ctx.out.json) return ctx.out.writeJson(result);
  if (!result.nothing_to_do) ctx.out.writeFields(changes(result));
  if (result.nothing_to_do) ctx.out.success(`${person}: erased already, nothing to do.`);
  else if (dryRun) ctx.out.info('Dry run: nothing was changed.');
  else ctx.out.success(`Erased; the account ${result.id} stays, inactive, for the statistics and the audit.`);
};

function changes(plan: ErasurePlan): Array<[string, unknown]> {
  return [
    ['account', plan.account.join(', ') || '(unchanged)'],
    ...Object.entries(plan.rows).map(([table, n]): [string, unknown] => [table, `${n} row(s)`]),
  ];
}
