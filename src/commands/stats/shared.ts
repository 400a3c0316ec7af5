import type { Column } from '../../cli/output.js';
import { localeIsUtf8, rateBar, rateText } from '../../cli/bars.js';
import type { Context } from '../../context.js';
import { problem, UsageError } from '../../errors.js';
import { formats, t } from '../../i18n/messages.js';
import type { SituationRates } from '../../services/stats-rates.js';
import type { YearRange } from '../../services/stats.js';

/**
 * The figures' columns: CSV headers as the view names them (machine output), table
 * headers in people's words. On a terminal counts and rates read as the language writes
 * them ("1 234", "66,67 %", or "—") and the employment rate gets a bar; CSV and the
 * tab-separated lines off a terminal keep plain numbers. A terminal table shows the
 * graduates, those working, the two rates and the bar, so a row fits 80 columns; those
 * searching and those not known on demand (`--columns`).
 */
export function figureColumns<Row extends SituationRates>(ctx: Context, csv: boolean | undefined): Column<Row>[] {
  const plain = Boolean(csv) || !ctx.out.stdoutIsTTY;
  const rate = (value: (row: Row) => number | null) => (row: Row) => (plain ? value(row) : rateText(value(row)));
  const count = (value: (row: Row) => number) => (row: Row) => (plain ? value(row) : formats().integer(value(row)));
  const columns: Column<Row>[] = [
    { header: 'total_diplomes', label: 'stats.column.graduates', value: count((row) => row.total_diplomes) },
    { header: 'nb_travaillent', label: 'stats.column.working', value: count((row) => row.nb_travaillent) },
    { header: 'nb_recherche', label: 'stats.column.searching', value: count((row) => row.nb_recherche), hidden: true },
    { header: 'nb_inconnu', label: 'stats.column.unknown', value: count((row) => row.nb_inconnu), hidden: true },
    { header: 'taux_connaissance', label: 'stats.column.knowledge_rate', value: rate((row) => row.taux_connaissance) },
    { header: 'taux_emploi', label: 'stats.column.employment_rate', value: rate((row) => row.taux_emploi) },
  ];
  // Bars only in a table a person looks at: not in CSV, not off a terminal.
  if (!plain) {
    const unicode = localeIsUtf8(ctx.io.env);
    columns.push({ header: 'emploi 0–100 %', label: 'stats.column.bar', value: (row) => rateBar(row.taux_emploi, unicode) });
  }
  return columns;
}

/** --from and --to, in order. */
export function yearRange(opts: { from?: number; to?: number }): YearRange {
  if (opts.from !== undefined && opts.to !== undefined && opts.from > opts.to) {
    throw new UsageError(problem('stats.range_reversed', { from: opts.from, to: opts.to }));
  }
  return { from: opts.from, to: opts.to };
}

/** "7 Dec 2026, 10:00 (3 h ago)": when the statistics view was last refreshed, in local time. */
export function refreshedLine(refreshedAt: Date | null, now: Date = new Date()): string {
  if (!refreshedAt) return t('stats.refreshed.never');
  const minutes = Math.max(0, Math.round((now.getTime() - refreshedAt.getTime()) / 60_000));
  const n = (value: number) => formats().integer(value);
  const ago =
    minutes < 60
      ? t('stats.ago.minutes', { n: n(minutes) })
      : minutes < 48 * 60
        ? t('stats.ago.hours', { n: n(Math.round(minutes / 60)) })
        : t('stats.ago.days', { n: n(Math.round(minutes / 1440)) });
  return t('stats.refreshed.line', { at: formats().dateTime(refreshedAt), ago });
}
