import { confirm } from '../../cli/prompts.js';
import type { OpenDatabase } from '../../db/connect.js';
import { AlumniError, ExitCode } from '../../errors.js';
import type { ErasurePlan } from '../../services/erasure.js';
import type { CommandRun } from '../types.js';
import type { UsersEraseOpts } from './index.js';

export const run: CommandRun<UsersEraseOpts> = async (ctx, { args, opts }) => {
  const { planErasure, erase } = await import('../../services/erasure.js');
  const person = args[0]!;
  const dryRun = Boolean(opts.dryRun);
  // Both steps read every audit entry (the person's values may be anywhere in them).
  const plan = await ctx.withDb(
    async (handle) => {
      const plan = await planErasure(handle.db, ctx.session(await ctx.actor(handle.db)), person);
      // Erased already, but the files may still hold the values: an erasure cut short
      // after its commit, or made by an earlier version. Removing them changes no row.
      if (plan.nothing_to_do && !dryRun) await removeOldCopies(handle);
      return plan;
    },
    { workload: 'bulk' },
  );
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
      async (handle) => {
        const session = ctx.session(await ctx.actor(handle.db));
        const done = await erase(handle.db, session, await planErasure(handle.db, session, person));
        await removeOldCopies(handle);
        return done;
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

/**
 * On the embedded database, the erased values are also removed from the files (old row
 * versions, indexes, statistics, WAL: src/db/old-copies.ts). Not on a server, where that
 * rewrite would lock the tables for everyone and the WAL's copies (archives, standbys,
 * backups) are out of reach anyway: README, "Personal data".
 */
async function removeOldCopies({ db, target }: OpenDatabase): Promise<void> {
  if (target.backend !== 'embedded') return;
  const [{ removeOldCopies: remove }, { ERASURE_TABLES }] = await Promise.all([
    import('../../db/old-copies.js'),
    import('../../services/erasure.js'),
  ]);
  try {
    await remove(db, ERASURE_TABLES);
  } catch (error) {
    throw new AlumniError(
      `The erasure is saved, but its old values could not be removed from the embedded database's files (${(error as Error).message}); run the same command again.`,
      ExitCode.failure,
      { cause: error },
    );
  }
}

function changes(plan: ErasurePlan): Array<[string, unknown]> {
  return [
    ['account', plan.account.join(', ') || '(unchanged)'],
    ...Object.entries(plan.rows).map(([table, n]): [string, unknown] => [table, `${n} row(s)`]),
  ];
}
