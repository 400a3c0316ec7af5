import type { Language } from './language.js';

/**
 * Numbers, money and dates as a person of each language writes them, for human output
 * only (JSON and CSV keep their machine forms). French: `1 234` (a narrow no-break
 * space), `83,71 %`, `25 000 FCFA`, `7 déc. 2026 à 14:22`; English: `1,234`, `83.71%`,
 * `25,000 FCFA`, `7 Dec 2026, 14:22`. Dates and times are in the local time zone (TZ).
 */
export interface Formats {
  /** A count or a whole number. */
  integer(n: number): string;
  /** A number with up to `digits` decimals. */
  decimal(n: number, digits?: number): string;
  /** A percentage given as a number of percent (83.71 → `83,71 %`), `digits` decimals. */
  percent(value: number, digits?: number): string;
  /** An amount in a currency (ISO 4217 code); the CFA francs have no decimals. */
  money(amount: number, currency: string): string;
  /** A date alone: `7 déc. 2026`. */
  date(value: Date): string;
  /** A date and a time to the minute: `7 déc. 2026 à 14:22`. */
  dateTime(value: Date): string;
  /** `one` or `other` for a count, by the language's own rule (French: 0 and 1 are one). */
  plural(n: number, forms: { one: string; other: string }): string;
  /** Words joined as a list: `a, b et c`. */
  list(items: readonly string[]): string;
}

const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR' };
// Currencies written with a symbol people read as such; the rest by their code.
const NO_DECIMALS = new Set(['XOF', 'XAF', 'GNF', 'JPY']);
const CFA = new Set(['XOF', 'XAF']);

const cache = new Map<Language, Formats>();

export function formatsFor(language: Language): Formats {
  const known = cache.get(language);
  if (known) return known;
  const locale = LOCALES[language];
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const plurals = new Intl.PluralRules(locale);
  const lists = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const dates = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  const times = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const decimal = (n: number, digits = 2) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: digits }).format(n);
  const formats: Formats = {
    integer: (n) => integer.format(n),
    decimal,
    percent: (value, digits = 2) =>
      new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value / 100),
    money: (amount, currency) => {
      const code = currency.toUpperCase();
      const digits = NO_DECIMALS.has(code) ? 0 : 2;
      const number = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount);
      return `${number} ${CFA.has(code) ? 'FCFA' : code}`;
    },
    date: (value) => dates.format(value),
    dateTime: (value) => `${dates.format(value)}${language === 'fr' ? ' à ' : ', '}${times.format(value)}`,
    plural: (n, forms) => (plurals.select(n) === 'one' ? forms.one : forms.other),
    list: (items) => lists.format(items),
  };
  cache.set(language, formats);
  return formats;
}
