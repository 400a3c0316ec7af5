import { progressBar } from '../cli/progress.js';
import type { Column } from '../cli/output.js';
import { renderList } from '../cli/render.js';
import type { Kysely } from 'kysely';
import type { Context } from '../context.js';
import type { DB } from '../db/schema.js';
import type { WriteSession } from '../db/session.js';
import { ExitCode } from '../errors.js';
import { shortList } from '../text.js';
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
  runImport: (db: Kysely<DB>, session: WriteSession, hooks: ImportHooks) => Promise<ImportSummary>,
): Promise<number> {
  const bar = await progressBar(ctx.out, '{bar} {percentage}% | {rows} rows | {speed} rows/s');
  const started = performance.now();
  const run = (hooks: ImportHooks) => ctx.withDb(async ({ db }) => runImport(db, await ctx.writeSession(db), hooks), { workload: 'bulk' });
  const summary = await run({
    onStart: ({ encoding, delimiter, unknownColumns }) => {
      if (ctx.options.verbose) ctx.out.info(`Reading as ${encoding}, delimiter ${JSON.stringify(delimiter)}.`);
      if (unknownColumns.length > 0) ctx.out.warn(`Ignoring unknown column(s): ${shortList(unknownColumns)}.`);
    },
    onRepeats: (repeats) => {
      const shown = repeats.slice(0, 5).map((r) => `line ${r.line} = line ${r.sameAs}`);
      const more = repeats.length > shown.length ? `, and ${repeats.length - shown.length} more` : '';
      ctx.out.warn(
        `${repeats.length} line(s) repeat an earlier line exactly: stored once, counted as skipped (${shown.join(', ')}${more}).`,
      );
    },
    onProgress: ({ rows, bytes, totalBytes }) => {
      const seconds = (performance.now() - started) / 1000;
      bar.update(bytes, totalBytes, { rows, speed: seconds > 0 ? Math.round(rows / seconds) : 0 });
    },
  }).finally(() => bar.stop());

  // One summary, not a list: its JSON is the object of the machine-readable contract.
  if (ctx.out.json) {
    ctx.out.writeJson(summary);
  } else {
    await ctx.out.writeTable(
      [
        { header: 'read', value: 'read' },
        { header: 'inserted', value: 'inserted' },
        { header: 'updated', value: 'updated' },
        { header: 'unchanged', value: 'unchanged' },
        { header: 'skipped', value: 'skipped' },
        { header: 'rejected', value: 'rejected' },
        { header: 'time', value: (s) => `${s.seconds.toFixed(2)} s` },
        { header: 'rows/s', value: 'rows_per_second' },
      ],
      [summary],
    );
    const created = summary.references_created;
    if (created && created.fields.length + created.years.length > 0) {
      const what = [
        ...(created.fields.length > 0 ? [`${created.fields.length} field(s): ${shortList(created.fields)}`] : []),
        ...(created.years.length > 0 ? [`${created.years.length} year(s): ${shortList(created.years.map(String))}`] : []),
      ].join('; ');
      ctx.out.info(`${summary.dry_run ? 'Would create' : 'Created'} ${what}.`);
    }
    if (summary.dry_run) ctx.out.info('Dry run: nothing was written to the database.');
    if (summary.rejects_file)
      ctx.out.warn(`${summary.rejected} row(s) rejected: see ${summary.rejects_file} (fix it and import it as it is).`);
  }
  return summary.rejected > 0 ? ExitCode.rejected : ExitCode.ok;
}

const LEDGER_COLUMNS: Column<ImportRunView>[] = [
  { header: 'started_at', value: 'started_at' },
  { header: 'file', value: 'file_name' },
  { header: 'by', value: 'acteur' },
  { header: 'mode', value: 'mode' },
  { header: 'status', value: 'status' },
  { header: 'read', value: 'read' },
  { header: 'ins.', value: 'inserted' },
  { header: 'upd.', value: 'updated' },
  { header: 'same', value: 'unchanged' },
  { header: 'skip', value: 'skipped' },
  { header: 'rej.', value: 'rejected' },
  { header: 'id', value: 'id' },
];

/** `users imports`, `orgs imports`: the ledger of one kind of import, newest first. */
export function listLedger(kind: LedgerKind): CommandRun<{ limit: number; csv?: true }> {
  return async (ctx, { opts }) => {
    const { listImports } = await import('../services/imports.js');
    const runs = await ctx.withDb(({ db }) => listImports(db, kind, opts.limit));
    await renderList(ctx, LEDGER_COLUMNS, runs, { csv: opts.csv });
  };
}
