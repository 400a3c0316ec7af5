import { importProgress } from '../cli/progress.js';
import type { Column } from '../cli/output.js';
import { renderList, renderRecord } from '../cli/render.js';
import type { Kysely } from 'kysely';
import type { Context } from '../context.js';
import type { DB } from '../db/schema.js';
import type { WriteSession } from '../db/session.js';
import { ExitCode } from '../errors.js';
import { overLimit, type ChangeFigure } from '../import/changes.js';
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
  maxChanges?: number;
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
    maxChanges: opts.maxChanges,
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

  // One summary, a record: its JSON is the object of the machine-readable contract; a
  // person reads "label: value" lines (numbers as the language writes them on a terminal).
  const human = ctx.out.stdoutIsTTY;
  const { integer, decimal } = formats();
  const count = (n: number) => (human ? integer(n) : n);
  const notes: string[] = [];
  const created = summary.references_created;
  if (created && created.fields.length + created.years.length > 0) {
    const fields = shownList(created.fields);
    const years = shownList(created.years.map(String));
    notes.push(
      t('import.references_created', {
        dryRun: summary.dry_run,
        fields: { ...fields, count: created.fields.length },
        years: { ...years, count: created.years.length },
      }),
    );
  }
  if (summary.dry_run) notes.push(t('import.dry_run_done'));
  const changes = summary.changes;
  // A dry run ends as the import would: over the limit, exit 2 with the import's sentence.
  const kind = label === 'progress.importing_users' ? 'users' : 'orgs';
  const overLimitWarning = changes?.over_limit ? [t('import.changes.over_limit', overLimit(kind, summary, changes, true))] : [];
  renderRecord(
    ctx,
    summary,
    [
      [t('import.summary.read'), count(summary.read)],
      [t('import.summary.inserted'), count(summary.inserted)],
      [t('import.summary.updated'), count(summary.updated)],
      [t('import.summary.unchanged'), count(summary.unchanged)],
      [t('import.summary.skipped'), count(summary.skipped)],
      [t('import.summary.rejected'), count(summary.rejected)],
      [t('import.summary.matched'), count(summary.matched)],
      ...(changes ? [[t('import.summary.changes'), changesValue(changes)] as [string, string]] : []),
      [t('import.summary.time'), human ? `${decimal(summary.seconds, 2)} s` : summary.seconds],
      [t('import.summary.rows_per_second'), count(summary.rows_per_second)],
    ],
    {
      notes,
      warnings: [
        ...(summary.rejects_file ? [t('import.rejected_rows', { count: summary.rejected, path: summary.rejects_file })] : []),
        ...overLimitWarning,
      ],
    },
  );
  if (changes?.over_limit) return ExitCode.usage;
  return summary.rejected > 0 ? ExitCode.rejected : ExitCode.ok;
}

/** The summary's line on changes: the percentage, the limit, the most changed columns. */
function changesValue(changes: ChangeFigure): string {
  const columns = Object.entries(changes.columns).map(([name, count]) => ({ name, count }));
  const shown = columns.slice(0, SHOWN_ITEMS);
  return t('import.summary.changes_value', {
    percent: changes.percent,
    limit: changes.max_changes,
    columns: shown,
    columnsMore: columns.length - shown.length,
  });
}

/** A list's items, the first SHOWN_ITEMS of them shortened, and how many more there are. */
function shownList(items: readonly string[]): { items: string[]; more: number } {
  const shown = items.slice(0, SHOWN_ITEMS).map((item) => shortened(item));
  return { items: shown, more: items.length - shown.length };
}

/**
 * The ledger's columns: `header` is the CSV's (machine output, unchanged), `label` what
 * a person reads above the table. The CSV keeps the stored values; a person's view says
 * statuses in words, and on a terminal (`tty`) numbers as the language writes them (the
 * view writes times: local on a terminal, ISO 8601 with the offset off one, UTC in CSV).
 */
function ledgerColumns(csv: boolean, tty = false): Column<ImportRunView>[] {
  const { integer } = formats();
  const human = !csv;
  const count = (key: 'read' | 'inserted' | 'updated' | 'unchanged' | 'skipped' | 'rejected') =>
    tty ? (run: ImportRunView) => integer(run[key]) : key;
  return [
    { header: 'started_at', label: 'import.ledger.started_at', value: 'started_at' },
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

/**
 * What a registrar reads first, to fit 80 columns: when, which file, how it ended, and
 * the counts that matter (read, added, updated, rejected). Who ran it, its mode, the
 * unchanged and skipped counts and the import's id on demand (`--columns`, e.g.
 * `--columns started_at,file,id` for `audit list --import ID`): at 80 columns a uuid
 * beside the rest is cut to a stub no command takes, and it would cut the time too.
 */
const LEDGER_SHOWN = ['started_at', 'file', 'status', 'read', 'ins.', 'upd.', 'rej.'];
function ledgerTable(tty: boolean): Column<ImportRunView>[] {
  const columns = ledgerColumns(false, tty);
  const shown = LEDGER_SHOWN.map((header) => columns.find((column) => column.header === header)!);
  return [...shown, ...columns.filter((column) => !LEDGER_SHOWN.includes(column.header)).map((column) => ({ ...column, hidden: true }))];
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
export function listLedger(kind: LedgerKind): CommandRun<{ limit: number; csv?: true; columns?: string[] }> {
  return async (ctx, { opts }) => {
    const { listImports } = await import('../services/imports.js');
    const runs = await ctx.withDb(({ db }) => listImports(db, kind, opts.limit));
    // CSV keeps its own order of columns; a table, the registrar's.
    const columns = opts.csv ? ledgerColumns(true) : ledgerTable(ctx.out.stdoutIsTTY);
    await renderList(ctx, columns, runs, { csv: opts.csv, columns: opts.columns, empty: 'import.ledger.empty' });
  };
}
