import { importProgress } from '../cli/progress.js';
import type { Column } from '../cli/output.js';
import { renderDone, renderList, renderRecord } from '../cli/render.js';
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
import type { KeptReason, UndoResult } from '../services/import-undo.js';
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
    undone: t('import.ledger.status_undone'),
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

/** What `users imports undo` and `orgs imports undo` declare, as Commander hands it over. */
interface UndoOpts {
  dryRun?: true;
  yes?: true;
  deactivateKept?: true;
}

/**
 * `users imports undo`, `orgs imports undo`: the plan first (an undo done and rolled
 * back, so exact), then on a terminal a question (off one --yes), then the undo; with
 * --yes, the undo straight away (the plan would be the undo done twice). Asked with the
 * database closed, as `users erase` asks: the embedded one stays locked while open.
 */
export function undoLedgerImport(kind: LedgerKind): CommandRun<UndoOpts> {
  return async (ctx, { args, opts }) => {
    const [{ undoImport }, { parseLockWait }, { confirm }] = await Promise.all([
      import('../services/import-undo.js'),
      import('../db/datadir-lock.js'),
      import('../cli/prompts.js'),
    ]);
    const undo = (dryRun: boolean) =>
      ctx.withDb(
        async ({ db }) =>
          undoImport(db, await ctx.writeSession(db), {
            kind,
            ref: args[0]!,
            dryRun,
            deactivateKept: Boolean(opts.deactivateKept),
            lockWaitMs: parseLockWait(ctx.io.env.ALUMNI_LOCK_WAIT_MS),
          }),
        // Deletes and rewrites as many rows as the import wrote (README, "Benchmark").
        { workload: 'bulk' },
      );
    if (opts.yes && !opts.dryRun) {
      // Nothing to ask: said as when the plan and the undo agree.
      const done = await undo(false);
      if (!ctx.out.json) renderRecord(ctx, done, undoFields(ctx, done), { notes: keptLines(done) });
      return renderDone(ctx, done, t('undo.done', { id: done.import_id }));
    }
    const plan = await undo(true);
    if (opts.dryRun) return renderRecord(ctx, plan, undoFields(ctx, plan), { notes: [...keptLines(plan), t('undo.dry_run')] });
    if (!ctx.out.json) renderRecord(ctx, plan, undoFields(ctx, plan), { notes: keptLines(plan) });
    await confirm(
      ctx.io,
      t('undo.question', { id: plan.import_id, file: plan.file, removed: plan.removed, restored: plan.restored }),
      opts.yes,
    );
    const done = await undo(false);
    const success = t('undo.done', { id: done.import_id });
    // Said again only when something changed between the plan and the undo.
    if (ctx.out.json || JSON.stringify(undoCounts(done)) !== JSON.stringify(undoCounts(plan))) {
      return renderRecord(ctx, done, undoFields(ctx, done), { success, notes: keptLines(done) });
    }
    renderDone(ctx, done, success);
  };
}

function undoCounts(result: UndoResult): number[] {
  return [
    result.removed,
    result.restored,
    result.restored_fields,
    result.kept,
    result.kept_changes,
    result.erased,
    result.gone,
    result.deactivated,
  ];
}

/** An undo's plan or report as a person reads it; counts written as the language writes them on a terminal. */
function undoFields(ctx: Context, result: UndoResult): Array<[string, unknown]> {
  const { integer } = formats();
  const count = (n: number) => (ctx.out.stdoutIsTTY ? integer(n) : n);
  const fields: Array<[string, unknown]> = [
    [t('undo.label.import'), t('undo.value.import', { id: result.import_id, file: result.file })],
    [t('undo.label.started'), result.started_at],
    [t('undo.label.removed'), count(result.removed)],
    [t('undo.label.restored'), t('undo.value.restored', { rows: result.restored, fields: result.restored_fields })],
    [t('undo.label.kept'), count(result.kept)],
    [t('undo.label.kept_changes'), t('undo.value.fields', { count: result.kept_changes })],
    [t('undo.label.erased'), count(result.erased)],
    [t('undo.label.gone'), count(result.gone)],
  ];
  if (result.deactivated > 0) fields.push([t('undo.label.deactivated'), count(result.deactivated)]);
  const references = result.references_removed;
  if (references.fields.length + references.years.length > 0) {
    fields.push([t('undo.label.references_removed'), t('undo.value.references', references)]);
  }
  return fields;
}

/** The rows kept and why, the first few of each kind (the JSON has them all). */
function keptLines(result: UndoResult): string[] {
  const SHOWN = 10;
  const lines = [
    ...result.kept_rows.slice(0, SHOWN).map((row) => t('undo.kept_row', { key: row.key ?? row.id, reasons: row.reasons.map(reasonText) })),
    ...result.kept_fields.slice(0, SHOWN).map((field) => t('undo.kept_field', { key: field.key ?? field.id, field: field.field })),
  ];
  const more = Math.max(0, result.kept_rows.length - SHOWN) + Math.max(0, result.kept_fields.length - SHOWN);
  if (more > 0) lines.push(t('undo.more', { count: more }));
  return lines;
}

function reasonText(reason: KeptReason): string {
  if (reason.startsWith('used:')) return t('undo.reason.used', { table: reason.slice('used:'.length) });
  return t(`undo.reason.${reason as 'edited' | 'logged_in' | 'acted'}`);
}
