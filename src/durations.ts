/**
 * The one grammar of durations and points in time that flags and settings take
 * (--since, --until, --older-than, --within, ALUMNI_AUDIT_RETENTION).
 *
 * A duration is a whole number and a unit: min, h, d, w, mo, y, or the English words
 * (minute(s), hour(s), ...). A bare `m` is refused: it read as minutes in one command
 * and months in another. A point in time is an ISO date or date-time, or a duration
 * back from now. Without an offset, dates and times are local time.
 *
 * Pure functions: they return undefined on a refused text, and the caller turns the
 * matching `...Refusal` problem (a catalog message and its values) into its error.
 */
import { problem, type Problem } from './errors.js';

export type DurationUnit = 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'years';

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

const UNITS: Record<string, DurationUnit> = {
  min: 'minutes',
  minute: 'minutes',
  minutes: 'minutes',
  h: 'hours',
  hour: 'hours',
  hours: 'hours',
  d: 'days',
  day: 'days',
  days: 'days',
  w: 'weeks',
  week: 'weeks',
  weeks: 'weeks',
  mo: 'months',
  month: 'months',
  months: 'months',
  y: 'years',
  year: 'years',
  years: 'years',
};

// Longer would reach past what PostgreSQL timestamps hold; no retention needs it.
const MAX_YEARS = 1000;
const PER_YEAR: Record<DurationUnit, number> = { minutes: 366 * 1440, hours: 366 * 24, days: 366, weeks: 53, months: 12, years: 1 };

const DURATION = /^(\d+)\s*([a-z]+)$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** "6mo" → { amount: 6, unit: 'months' }; undefined for anything else. */
export function parseDuration(text: string): Duration | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const unit = UNITS[match[2]!.toLowerCase()];
  const amount = Number(match[1]);
  if (!unit || amount < 1 || amount > MAX_YEARS * PER_YEAR[unit]) return undefined;
  return { amount, unit };
}

/** The duration as PostgreSQL reads an interval: "6 months" (calendar months, as PostgreSQL counts them). */
export function toInterval(duration: Duration): string {
  return `${duration.amount} ${duration.unit}`;
}

/**
 * `from` moved by the duration, forward (1) or back (-1), as PostgreSQL moves a
 * timestamp by an interval: days are calendar days, and a month from the 31st ends on
 * the last day of a shorter month.
 */
export function shift(from: Date, { amount, unit }: Duration, direction: 1 | -1): Date {
  const n = amount * direction;
  switch (unit) {
    case 'minutes':
      return new Date(from.getTime() + n * 60_000);
    case 'hours':
      return new Date(from.getTime() + n * 3_600_000);
    case 'days':
      return addDays(from, n);
    case 'weeks':
      return addDays(from, 7 * n);
    case 'months':
      return addMonths(from, n);
    case 'years':
      return addMonths(from, 12 * n);
  }
}

function addDays(from: Date, days: number): Date {
  const at = new Date(from.getTime());
  at.setDate(at.getDate() + days);
  return at;
}

function addMonths(from: Date, months: number): Date {
  const at = new Date(from.getTime());
  const day = at.getDate();
  at.setDate(1);
  at.setMonth(at.getMonth() + months);
  const lastDay = new Date(at.getFullYear(), at.getMonth() + 1, 0).getDate();
  at.setDate(Math.min(day, lastDay));
  return at;
}

/** An ISO date (local midnight) or date-time, or a duration back from `now`. */
export function pointInTime(text: string, now: Date = new Date()): Date | undefined {
  const duration = parseDuration(text);
  if (duration) return shift(now, duration, -1);
  return isoPointInTime(text.trim());
}

/** A duration forward from `now` (--within). */
export function pointAhead(text: string, now: Date = new Date()): Date | undefined {
  const duration = parseDuration(text);
  return duration ? shift(now, duration, 1) : undefined;
}

function isoPointInTime(text: string): Date | undefined {
  const parts = ISO_DATE.exec(text) ?? ISO_DATE_TIME.exec(text);
  if (!parts) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(parts[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = Number((parts[7] ?? '0').padEnd(3, '0'));
  if (!validCalendar(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = parts[8];
  if (offset === undefined) return new Date(year, month - 1, day, hour, minute, second, millis);
  const minutesEast = offsetMinutes(offset);
  if (minutesEast === undefined) return undefined;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis) - minutesEast * 60_000);
}

// The offsets in use run from -12:00 to +14:00; ISO 8601 allows no more than 14 hours either way.
const MAX_OFFSET_MINUTES = 14 * 60;

/** Z, +HH, +HH:MM or +HHMM as minutes east of UTC; undefined past ±14:00 or with 60 minutes or more. */
function offsetMinutes(offset: string): number | undefined {
  if (offset.toUpperCase() === 'Z') return 0;
  const [, sign, hours, minutes = '0'] = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset)!;
  const total = Number(hours) * 60 + Number(minutes);
  if (Number(minutes) > 59 || total > MAX_OFFSET_MINUTES) return undefined;
  return sign === '-' ? -total : total;
}

// Years before 1000 are refused: Date reads years 0 to 99 as 1900 to 1999.
function validCalendar(year: number, month: number, day: number): boolean {
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= new Date(year, month, 0).getDate();
}

/** Why `text` is no duration: the message naming the accepted forms, with its values. */
export function durationRefusal(flag: string, text: string): Problem<'common.option.duration'> {
  return problem('common.option.duration', { flag, value: text, hint: refusalHint(text), max: MAX_YEARS });
}

/** Why `text` is no point in time: the message naming the accepted forms, with its values. */
export function pointInTimeRefusal(flag: string, text: string): Problem<'common.option.point_in_time'> {
  return problem('common.option.point_in_time', { flag, value: text, hint: refusalHint(text), max: MAX_YEARS });
}

/** What is wrong with a text that looks like a date or a duration (the catalog words it), or null. */
export type DurationHint = 'offset' | 'calendar' | 'ambiguous_m' | 'too_long';

function refusalHint(text: string): DurationHint | null {
  const iso = ISO_DATE.exec(text.trim()) ?? ISO_DATE_TIME.exec(text.trim());
  if (iso) {
    const offset = iso[8];
    if (offset !== undefined && offsetMinutes(offset) === undefined) return 'offset';
    return 'calendar';
  }
  const match = DURATION.exec(text.trim());
  if (match?.[2]!.toLowerCase() === 'm') return 'ambiguous_m';
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  if (unit && Number(match![1]) > 0) return 'too_long';
  return null;
}
