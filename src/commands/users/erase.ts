import { confirm } from '../../cli/prompts.js';
import { renderDone, renderRecord } from '../../cli/render.js';
import type { OpenDatabase } from '../../db/connect.js';
import { AlumniError, ExitCode, problem } from '../../errors.js';
import { t, type LabelKey } from '../../i18n/messages.js';
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
    await confirm(ctx.io, t('users.erase.question', { ref: person }), opts.yes);
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
  if (result.nothing_to_do) return renderDone(ctx, result, t('users.erase.nothing_to_do', { ref: person }));
  if (dryRun) return renderRecord(ctx, result, changes(result), { notes: [t('users.erase.dry_run')] });
  renderRecord(ctx, result, changes(result), { success: t('users.erase.done', { id: result.id }) });
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
    throw new AlumniError(problem('users.erase.old_copies_failed', { detail: (error as Error).message }), ExitCode.failure, {
      cause: error,
    });
  }
}

/** The label of each account column an erasure may change. */
const ACCOUNT_LABELS: Readonly<Record<string, LabelKey>> = {
  nom_complet: 'users.label.nom_complet',
  matricule: 'users.label.matricule',
  email: 'users.label.email',
  titre: 'users.label.titre',
  telephone: 'users.label.telephone',
  photo_profil_url: 'users.label.photo_profil_url',
  mot_de_passe_hash: 'users.label.mot_de_passe_hash',
  last_login: 'users.label.last_login',
  est_actif: 'users.label.est_actif',
  role: 'users.label.role',
  efface_le: 'users.label.efface_le',
};

/** What each table's changed rows are, to a person. */
const TABLE_LABELS: Readonly<Record<string, LabelKey>> = {
  contact_organisation: 'users.erase.table.contact_organisation',
  message: 'users.erase.table.message',
  stage: 'users.erase.table.stage',
  formation: 'users.erase.table.formation',
  emploi: 'users.erase.table.emploi',
  audit_log: 'users.erase.table.audit_log',
};

/** The plan in words: the account's changed fields, then the rows changed elsewhere (the JSON keeps the names). */
function changes(plan: ErasurePlan): Array<[string, unknown]> {
  const label = (labels: Readonly<Record<string, LabelKey>>, name: string) => (labels[name] ? t(labels[name]) : name);
  return [
    [t('users.erase.account'), plan.account.map((column) => label(ACCOUNT_LABELS, column)).join(', ') || t('users.erase.unchanged')],
    ...Object.entries(plan.rows).map(([table, count]): [string, unknown] => [label(TABLE_LABELS, table), t('users.erase.rows', { count })]),
  ];
}
