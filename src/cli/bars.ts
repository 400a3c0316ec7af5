import { formats, t } from '../i18n/messages.js';

/**
 * Rates as a person reads them in a terminal table or the report: as text in the
 * language of the run (`66,67 %`, `66.67%`, `—` where there is none), and as text bars:
 * zero-based, the full width is 100 %. Unicode block characters (eighths of a cell) when
 * the locale is UTF-8, `#` otherwise.
 */

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
export const BAR_WIDTH = 20;

/** A rate in percent with two decimals, in the run's language; "—" when there is none. */
export function rateText(rate: number | null): string {
  return rate === null ? t('stats.rate.none') : formats().percent(rate, 2);
}

/**
 * Whether the terminal's locale is UTF-8, by POSIX precedence: LC_ALL, then LC_CTYPE,
 * then LANG; none set is the C locale, which is not.
 */
export function localeIsUtf8(env: NodeJS.ProcessEnv): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(locale);
}

/** A bar `width` cells wide for a rate in percent (clamped to 0–100); blank when there is no rate. */
export function rateBar(rate: number | null, unicode: boolean, width = BAR_WIDTH): string {
  if (rate === null) return ''.padEnd(width);
  const cells = (Math.min(100, Math.max(0, rate)) / 100) * width;
  if (!unicode) return '#'.repeat(Math.round(cells)).padEnd(width);
  const eighths = Math.round(cells * 8);
  return ('█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]).padEnd(width);
}
