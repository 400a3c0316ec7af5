import { UsageError } from '../errors.js';
import { durationRefusal, parseDuration, pointInTime, pointInTimeRefusal, toInterval } from '../durations.js';
import { enumRefusal, matchEnum, parseYesNo, yesNoRefusal } from '../values.js';

/**
 * Flag values read with the one grammar of src/values.ts and src/durations.ts; a value
 * they refuse is a usage error (exit 2) naming the accepted forms.
 */
export function enumFlag<T extends string>(flag: string, text: string, values: readonly T[], aliases?: Record<string, T>): T {
  const value = matchEnum(text, values, aliases);
  if (value === undefined) throw new UsageError(enumRefusal(flag, text, values));
  return value;
}

export function yesNoFlag(flag: string, text: string): boolean {
  const value = parseYesNo(text);
  if (value === undefined) throw new UsageError(yesNoRefusal(flag, text));
  return value;
}

/** A duration as a PostgreSQL interval ("6 months"), for SQL and pg_cron. */
export function intervalFlag(flag: string, text: string): string {
  const duration = parseDuration(text);
  if (!duration) throw new UsageError(durationRefusal(flag, text));
  return toInterval(duration);
}

/** A date, a date-time, or a duration back from `now`. */
export function pointInTimeFlag(flag: string, text: string, now: Date = new Date()): Date {
  const at = pointInTime(text, now);
  if (!at) throw new UsageError(pointInTimeRefusal(flag, text));
  return at;
}
