import type { CountryCode } from 'libphonenumber-js';
import { ExitCode } from '../../errors.js';
import { progressBar } from '../../cli/progress.js';
import type { CommandRun } from '../types.js';
import type { UsersImportOpts } from './index.js';

export const run: CommandRun<UsersImportOpts> = async (ctx, { args, opts }) => {
  const { importRoster } = await import('../../services/roster-import.js');
  const bar = await progressBar(ctx.out, '{bar} {percentage}% | {rows} rows | {speed} rows/s');
  const started = performance.now();
  const summary = await ctx.withDb(async ({ db }) =>
    importRoster(
      db,
      ctx.session(await ctx.actor(db)),
      {
        file: args[0]!,
        mode: opts.mode,
        dryRun: Boolean(opts.dryRun),
        allOrNothing: Boolean(opts.allOrNothing),
        encoding: opts.encoding,
        delimiter: opts.delimiter,
        map: opts.map ?? {},
        // countryOption has checked it: two upper-case letters.
        country: opts.country as CountryCode | undefined,
        createMissingReferences: Boolean(opts.createMissingReferences),
        rejectsPath: opts.rejects,
        batchSize: opts.batchSize,
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
          ctx.out.warn(
            `${repeats.length} line(s) repeat an earlier line exactly: stored once, counted as skipped (${shown.join(', ')}${more}).`,
          );
        },
        onProgress: ({ rows, bytes, totalBytes }) => {
          const seconds = (performance.now() - started) / 1000;
          bar.update(bytes, totalBytes, { rows, speed: seconds > 0 ? Math.round(rows / seconds) : 0 });
        },
      },
    ),
  );
  bar.stop();

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
    if (summary.dry_run) ctx.out.info('Dry run: nothing was written to the database.');
    if (summary.rejects_file)
      ctx.out.warn(`${summary.rejected} row(s) rejected: see ${summary.rejects_file} (fix it and import it as it is).`);
  }
  return summary.rejected > 0 ? ExitCode.rejected : ExitCode.ok;
};
