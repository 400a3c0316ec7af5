import type { CountryCode } from 'libphonenumber-js';
import { ExitCode, UsageError } from '../../errors.js';
import { progressBar } from '../../cli/progress.js';
import { enumFlag } from '../../services/flags.js';
import type { ImportMode } from '../../import/write.js';
import type { CommandRun } from '../types.js';

export interface ImportFlags {
  mode: string;
  dryRun?: boolean;
  allOrNothing?: boolean;
  encoding?: string;
  delimiter?: string;
  map?: string[];
  country?: string;
  createMissingReferences?: boolean;
  rejects?: string;
  batchSize: string;
}

const MODES: ImportMode[] = ['upsert', 'insert', 'update'];

export const run: CommandRun<ImportFlags> = async (ctx, { args, opts }) => {
  const mode = enumFlag('--mode', opts.mode, MODES);
  const batchSize = Number(opts.batchSize);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError(`--batch-size ${opts.batchSize}: give a positive whole number.`);
  const country = opts.country?.toUpperCase();
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) {
    throw new UsageError(`--country ${opts.country}: give a two-letter country code such as SN, CI or FR.`);
  }
  const map: Record<string, string> = {};
  for (const pair of opts.map ?? []) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`--map "${pair}": write it as 'Header=field'.`);
    map[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }

  const { importRoster } = await import('../../services/roster-import.js');
  const bar = await progressBar(ctx.out, '{bar} {percentage}% | {rows} rows | {speed} rows/s');
  const started = performance.now();
  const summary = await ctx.withDb(async ({ db }) => {
    const actor = await ctx.actor(db);
    return importRoster(
      db,
      actor,
      ctx.userAgent,
      {
        file: args[0]!,
        mode,
        dryRun: Boolean(opts.dryRun),
        allOrNothing: Boolean(opts.allOrNothing),
        encoding: opts.encoding,
        delimiter: opts.delimiter,
        map,
        country: country as CountryCode | undefined,
        createMissingReferences: Boolean(opts.createMissingReferences),
        rejectsPath: opts.rejects,
        batchSize,
        stdin: ctx.io.stdin,
      },
      {
        onStart: ({ encoding, delimiter, unknownColumns }) => {
          if (ctx.options.verbose) ctx.out.info(`Reading as ${encoding}, delimiter ${JSON.stringify(delimiter)}.`);
          if (unknownColumns.length > 0) ctx.out.warn(`Ignoring unknown column(s): ${unknownColumns.join(', ')}.`);
        },
        onRepeats: (repeats) => {
          const shown = repeats.slice(0, 5).map((r) => `line ${r.line} = line ${r.sameAs}`);
          const more = repeats.length > shown.length ? `, and ${repeats.length - shown.length} more` : '';
          ctx.out.warn(`${repeats.length} line(s) repeat an earlier line exactly: stored once, counted as skipped (${shown.join(', ')}${more}).`);
        },
        onProgress: ({ rows, bytes, totalBytes }) => {
          const seconds = (performance.now() - started) / 1000;
          bar.update(bytes, totalBytes, { rows, speed: seconds > 0 ? Math.round(rows / seconds) : 0 });
        },
      },
    );
  });
  bar.stop();

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
    if (summary.dry_run) ctx.out.info('Dry run: nothing was written to the database.');
    if (summary.rejects_file) ctx.out.warn(`${summary.rejected} row(s) rejected: see ${summary.rejects_file} (fix it and import it as it is).`);
  }
  return summary.rejected > 0 ? ExitCode.rejected : ExitCode.ok;
};
