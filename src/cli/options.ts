import { Option } from '@commander-js/extra-typings';
import { durationRefusal, parseDuration, pointAhead, pointInTime, pointInTimeRefusal, toInterval } from '../durations.js';
import { UsageError } from '../errors.js';
import { OutputFile } from '../output-file.js';
import { CellError, date, enumRefusal, matchEnum, notAfterToday, parseYesNo, yesNoRefusal } from '../values.js';

/**
 * Every option that more than one command takes, declared once with its validation
 * (Commander's argParser): a command's action receives typed, checked values, and a
 * refused value is a usage error (exit 2) naming the accepted forms. Services never see
 * a flag: they take the parsed values.
 *
 * argParser throws our UsageError rather than Commander's InvalidArgumentError, so the
 * message is ours and main() maps it to exit 2 like every other usage error.
 */

/** The option's long name, for messages: "--statut" from "--statut <statut>". */
function flagName(flags: string): string {
  return /--[\w-]+/.exec(flags)?.[0] ?? flags;
}

export function enumValue<T extends string>(flag: string, text: string, values: readonly T[], aliases?: Record<string, T>): T {
  const value = matchEnum(text, values, aliases);
  if (value === undefined) throw new UsageError(enumRefusal(flag, text, values));
  return value;
}

export function yesNoValue(flag: string, text: string): boolean {
  const value = parseYesNo(text);
  if (value === undefined) throw new UsageError(yesNoRefusal(flag, text));
  return value;
}

/** A word of `values`, matched ignoring case, accents and separators. */
export function enumOption<const Flags extends string, T extends string>(
  flags: Flags,
  description: string,
  values: readonly T[],
  aliases?: Record<string, T>,
) {
  return new Option(flags, `${description}: ${values.join(', ')}`).argParser((text: string) =>
    enumValue(flagName(flags), text, values, aliases),
  );
}

/** oui/non, yes/no, true/false, 1/0. */
export function yesNoOption<const Flags extends string>(flags: Flags, description: string) {
  return new Option(flags, `${description} (oui/non)`).argParser((text: string) => yesNoValue(flagName(flags), text));
}

export function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text.trim());
  if (!/^\s*\d+\s*$/.test(text) || value < min || value > max) {
    throw new UsageError(`${flag} "${text}": give a whole number from ${min} to ${max}.`);
  }
  return value;
}

/** A graduation year as a number: --annee 2024. */
export function yearValue(flag: string, text: string): number {
  if (!/^\s*\d{4}\s*$/.test(text)) throw new UsageError(`${flag} "${text}": give a year such as 2024.`);
  return Number(text);
}

export function yearOption<const Flags extends string>(flags: Flags, description: string) {
  return new Option(flags, description).argParser((text: string) => yearValue(flagName(flags), text));
}

/** --limit: how many rows a page (or the list) holds. */
export function limitOption(fallback: number, what = 'how many') {
  return new Option('--limit <n>', what).default(fallback).argParser((text: string) => wholeNumber('--limit', text, 1, 10_000));
}

/** --after: the cursor a previous page printed. */
export function afterOption() {
  return new Option('--after <cursor>', 'the page after this cursor (printed by the previous page)');
}

export function csvOption() {
  return new Option('--csv', 'CSV on stdout');
}

/** What `check` gives; a value it refuses (a CellError labelled with the flag) is a usage error. */
function flagValue<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof CellError) throw new UsageError(`${error.message}.`);
    throw error;
  }
}

/** A calendar date, YYYY-MM-DD, that exists. */
export function dateValue(flag: string, text: string): string {
  return flagValue(() => {
    const day = date(text, flag);
    if (day === null) throw new CellError(`${flag}: give a date (YYYY-MM-DD)`);
    return day;
  });
}

/** A calendar day (YYYY-MM-DD), as a date column stores it. */
export function dateOption<const Flags extends string>(flags: Flags, description: string) {
  return new Option(flags, `${description} (YYYY-MM-DD)`).argParser((text: string) => dateValue(flagName(flags), text));
}

/** A day that has come (YYYY-MM-DD, today or before: a creation date); `''` stays `''`, which clears the field. */
export function pastDateValue(flag: string, text: string, today?: string): string {
  if (text.trim() === '') return '';
  return flagValue(() => notAfterToday(dateValue(flag, text), flag, today)!);
}

export function pastDateOption<const Flags extends string>(flags: Flags, description: string) {
  return new Option(flags, `${description} (YYYY-MM-DD, today or before)`).argParser((text: string) =>
    pastDateValue(flagName(flags), text),
  );
}

/** A point in time: an ISO date or date-time, or a duration back from now (src/durations.ts). */
export function pointInTimeValue(flag: string, text: string, now: Date = new Date()): Date {
  const at = pointInTime(text, now);
  if (!at) throw new UsageError(pointInTimeRefusal(flag, text));
  return at;
}

export function sinceOption(what = 'since') {
  return new Option('--since <when>', `${what}: a date (2026-01-31) or a duration back from now (90min, 12h, 7d, 2w, 6mo, 1y)`).argParser(
    (text: string) => pointInTimeValue('--since', text),
  );
}

export function untilOption(what = 'before') {
  return new Option('--until <when>', `${what}: a date or a duration back from now`).argParser((text: string) =>
    pointInTimeValue('--until', text),
  );
}

/** A point ahead of now: --within 2w (offers ending within two weeks). */
export function withinValue(flag: string, text: string, now: Date = new Date()): Date {
  const at = pointAhead(text, now);
  if (!at) throw new UsageError(durationRefusal(flag, text));
  return at;
}

/**
 * --within DURATION, `fallback` when not given. Commander hands a default on without its
 * parser, so the fallback is parsed here, when the command tree is built for this run.
 */
export function withinOption(description: string, fallback: string) {
  return new Option('--within <duration>', `${description} (90min, 12h, 7d, 2w, 6mo, 1y)`)
    .default(withinValue('--within', fallback), fallback)
    .argParser((text: string) => withinValue('--within', text));
}

/** A duration as a PostgreSQL interval ("6 months"), for SQL and pg_cron. */
export function intervalValue(flag: string, text: string): string {
  const duration = parseDuration(text);
  if (!duration) throw new UsageError(durationRefusal(flag, text));
  return toInterval(duration);
}

export function olderThanOption(description: string) {
  return new Option('--older-than <duration>', description).argParser((text: string) => intervalValue('--older-than', text));
}

/** The default region of national phone numbers. */
export function countryValue(flag: string, text: string): string {
  const country = text.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw new UsageError(`${flag} "${text}": give a two-letter country code such as SN, CI or BJ.`);
  return country;
}

export function countryOption(description = 'default country for phone numbers without +, e.g. SN') {
  return new Option('--country <code>', description).argParser((text: string) => countryValue('--country', text));
}

/** Answers a destructive verb's confirmation: needed off a terminal (see cli/prompts.ts confirm). */
export function yesOption() {
  return new Option('-y, --yes', 'do it without asking (needed when not at a terminal)');
}

export function dryRunOption(description = 'check everything and report what would change; write nothing') {
  return new Option('--dry-run', description);
}

/** A file the command writes, checked as the flag is parsed (src/output-file.ts): before any work. */
export function outputFileOption<const Flags extends string>(flags: Flags, what: string, description: string) {
  return new Option(flags, description).argParser((text: string) => OutputFile.check(flagName(flags), what, text));
}
