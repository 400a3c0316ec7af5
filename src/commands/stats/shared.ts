import type { Column } from '../../cli/output.js';
import { localeIsUtf8, rateBar } from '../../cli/bars.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { formatRate, type SituationRates } from '../../services/stats-rates.js';
import type { YearRange } from '../../services/stats.js';

/**
 * The figures' columns, named as the view names them. On a terminal the rates read
 * "66.67 %" (or "—") and the employment rate gets a bar; CSV keeps plain numbers.
 */
export function figureColumns<Row extends SituationRates>(ctx: Context, csv: boolean | undefined): Column<Row>[] {
  const rate = (value: (row: Row) => number | null) => (row: Row) => (csv ? value(row) : formatRate(value(row)));
  const columns: Column<Row>[] = [
    { header: 'total_diplomes', value: 'total_diplomes' },
    { header: 'nb_travaillent', value: 'nb_travaillent' },
    { header: 'nb_recherche', value: 'nb_recherche' },
    { header: 'nb_inconnu', value: 'nb_inconnu' },
    { header: 'taux_connaissance', value: rate((row) => row.taux_connaissance) },
    { header: 'taux_emploi', value: rate((row) => row.taux_emploi) },
  ];
  // Bars only in a table a person looks at: not in CSV, not off a terminal.
  if (!csv && ctx.io.stdout.isTTY) {
    const unicode = localeIsUtf8(ctx.io.env);
    columns.push({ header: 'emploi 0–100 %', value: (row) => rateBar(row.taux_emploi, unicode) });
  }
  return columns;
}

/** --from and --to, in order. */
export function yearRange(opts: { from?: number; to?: number }): YearRange {
  if (opts.from !== undefined && opts.to !== undefined && opts.from > opts.to) {
    throw new UsageError(`--from ${opts.from} is after --to ${opts.to}: give the earlier year first.`);
  }
  return { from: opts.from, to: opts.to };
}

/** "2026-12-02T10:00:00.000Z (3 h ago)": when the statistics view was last refreshed. */
export function refreshedLine(refreshedAt: Date | null, now: Date = new Date()): string {
  if (!refreshedAt) return 'The statistics view has no recorded refresh; run `alumni jobs run refresh-stats`.';
  const minutes = Math.max(0, Math.round((now.getTime() - refreshedAt.getTime()) / 60_000));
  const ago = minutes < 60 ? `${minutes} min` : minutes < 48 * 60 ? `${Math.round(minutes / 60)} h` : `${Math.round(minutes / 1440)} days`;
  return `Statistics view last refreshed ${refreshedAt.toISOString()} (${ago} ago); \`alumni stats employment --refresh\` refreshes it.`;
}
