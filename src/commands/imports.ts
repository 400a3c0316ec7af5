import { importProgress } from '../cli/progress.js';
import type { Column } from '../cli/output.js';
import { renderList } from '../cli/render.js';
import type { Kysely } from 'kysely';
import type { Context } from '../context.js';
import type { DB } from '../db/schema.js';
import type { WriteSession } from '../db/session.js';
import { ExitCode } from '../errors.js';
import { formats, t } from '../i18n/messages.js';
import { shortened, SHOWN_ITEMS } from '../text.js';
import type { ImportHooks, ImportSummary, PipelineOptions } from '../import/pipeline.js';
import type { LedgerKind } from '../import/ledger.js';
import type { ImportRunView } from '../services/imports.js';
import type { CommandRun } from './types.js';

/** What withImportOptions declares, as Commander hands it over. */
interface ImportOpts {
  mode: PipelineOptions['mode'];
  dryRun?: true;
  allOrNothing?: true;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  map?: Record<string, string>;
  ignoreColumn?: string[];
  rejects?: string;
  batchSize: number;
}

/** The pipeline's options from the command line: the file (or - for stdin) and withImportOptions'. */
export function pipelineOptions(ctx: Context, file: string, opts: ImportOpts): PipelineOptions {
  return {
    file,
    mode: opts.mode,
    dryRun: Boolean(opts.dryRun),
    allOrNothing: Boolean(opts.allOrNothing),
    encoding: opts.encoding,
    delimiter: opts.delimiter,
    sheet: opts.sheet,
    map: opts.map ?? {},
    ignoreColumns: opts.ignoreColumn ?? [],
    rejectsPath: opts.rejects,
    batchSize: opts.batchSize,
    stdin: ctx.io.stdin,
    signal: ctx.signal,
  };
}

/**
 * What every CSV import shares (`users import`, `orgs import`): the database opened as a
 * bulk command (src/db/pglite.ts) with the acting administrator's session, a progress
 * bar on a terminal, the warnings, then one summary whose JSON is the machine-readable
 * contract. Exit 3 when rows were rejected.
 */
export async function presentImport(
  ctx: Context,
  /** What the progress bar says the import does. */
  label: 'progress.importing_users' | 'progress.importing_orgs',
  runImport: (db: Kysely<DB>, session: WriteSession, hooks: ImportHooks) => Promise<ImportSummary>,
): Promise<number> {
  const progress = await importProgress(ctx.out, ctx.io.env, (file) => t(label, { file }), {
    onStart: ({ encoding, delimiter, unknownColumns }) => {
      if (ctx.options.verbose) ctx.out.info(t('import.reading_as', { encoding, delimiter: JSON.stringify(delimiter) }));
      if (unknownColumns.length > 0) ctx.out.warn(t('import.unknown_columns', shownList(unknownColumns)));
    },
    onRepeats: (repeats) => {
      const pairs = repeats.slice(0, 5).map((r) => ({ line: r.line, sameAs: r.sameAs }));
      ctx.out.warn(t('import.repeated_lines', { count: repeats.length, pairs, more: repeats.length - pairs.length }));
    },
  });
  const summary = await ctx
    .withDb(async ({ db }) => runImport(db, await ctx.writeSession(db), progress.hooks), { workload: 'bulk' })
    .finally(() => progress.stop());

  // One summary, not a list: its JSON is the object of the machine-readable contract.
  if (ctx.out.json) {
    ctx.out.writeJson(summary);
  } else {
    const { integer, decimal } = formats();
    const count = (key: keyof ImportSummary) => (s: ImportSummary) => integer(s[key] as number);
    await ctx.out.writeTable<ImportSummary>(
      [
        { header: 'read', label: 'import.summary.read', value: count('read') },
        { header: 'inserted', label: 'import.summary.inserted', value: count('inserted') },
        { header: 'updated', label: 'import.summary.updated', value: count('updated') },
        { header: 'unchanged', label: 'import.summary.unchanged', value: count('unchanged') },
        { header: 'skipped', label: 'import.summary.skipped', value: count('skipped') },
        { header: 'rejected', label: 'import.summary.rejected', value: count('rejected') },
        { header: 'time', label: 'import.summary.time', value: (s) => `${decimal(s.seconds, 2)} s` },
        { header: 'rows/s', label: 'import.summary.rows_per_second', value: count('rows_per_second') },
      ],
      [summary],
    );
    const created = summary.references_created;
    if (created && created.fields.length + created.years.length > 0) {
      const fields = shownList(created.fields);
      const years = shownList(created.years.map(String));
      ctx.out.info(
        t('import.references_created', {
          dryRun: summary.dry_run,
          fields: { ...fields, count: created.fields.length },
          years: { ...years, count: created.years.length },
        }),
      );
    }
    if (summary.dry_run) ctx.out.info(t('import.dry_run_done'));
    if (summary.rejects_file) ctx.out.warn(t('import.rejected_rows', { count: summary.rejected, path: summary.rejects_file }));
  }
  return summary.rejected > 0 ? ExitCode.rejected : ExitCode.ok;
}

/** A list's items, the first SHOWN_ITEMS of them shortened, and how many more there are. */
function shownList(items: readonly string[]): { items: string[]; more: number } {
  const shown = items.slice(0, SHOWN_ITEMS).map((item) => shortened(item));
  return { items: shown, more: items.length - shown.length };
}

/**
 * The ledger's columns: `header` is the CSV's (machine output, unchanged), `label` what
 * a person reads above the table. `human` gives the table's cells (dates and numbers as
 * the language writes them, statuses in words); the CSV keeps the stored values.
 */
function ledgerColumns(human: boolean): Column<ImportRunView>[] {
  const { integer, dateTime } = formats();
  const count = (key: 'read' | 'inserted' | 'updated' | 'unchanged' | 'skipped' | 'rejected') =>
    human ? (run: ImportRunView) => integer(run[key]) : key;
  return [
    { header: 'started_at', label: 'import.ledger.started_at', value: human ? (run) => dateTime(run.started_at) : 'started_at' },
    { header: 'file', label: 'import.ledger.file', value: 'file_name' },
    { header: 'by', label: 'import.ledger.by', value: 'acteur' },
    { header: 'mode', label: 'import.ledger.mode', value: 'mode' },
    { header: 'status', label: 'import.ledger.status', value: human ? (run) => ledgerStatus(run.status) : 'status' },
    { header: 'read', label: 'import.ledger.read', value: count('read') },
    { header: 'ins.', label: 'import.ledger.inserted', value: count('inserted') },
    { header: 'upd.', label: 'import.ledger.updated', value: count('updated') },
    { header: 'same', label: 'import.ledger.unchanged', value: count('unchanged') },
    { header: 'skip', label: 'import.ledger.skipped', value: count('skipped') },
    { header: 'rej.', label: 'import.ledger.rejected', value: count('rejected') },
    { header: 'id', label: 'import.ledger.id', value: 'id' },
  ];
}

/** A run's status in words; an unknown one as stored. */
function ledgerStatus(status: string): string {
  const statuses: Record<string, string> = {
    running: t('import.ledger.status_running'),
    completed: t('import.ledger.status_completed'),
    rolled_back: t('import.ledger.status_rolled_back'),
    failed: t('import.ledger.status_failed'),
  };
  return statuses[status] ?? status;
}

/** `users imports`, `orgs imports`: the ledger of one kind of import, newest first. */
export function listLedger(kind: LedgerKind): CommandRun<{ limit: number; csv?: true }> {
  return async (ctx, { opts }) => {
    const { listImports } = await import('../services/imports.js');
    const runs = await ctx.withDb(({ db }) => listImports(db, kind, opts.limit));
    await renderList(ctx, ledgerColumns(!opts.csv), runs, { csv: opts.csv });
  };
}
