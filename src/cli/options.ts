import { Option, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { durationRefusal, parseDuration, pointAhead, pointInTime, pointInTimeRefusal, toInterval } from '../durations.js';
import { problem, UsageError } from '../errors.js';
import { t } from '../i18n/messages.js';
import { OutputFile } from '../output-file.js';
import { localToday, matchEnum, parseYesNo } from '../values.js';

/**
 * Every option that more than one command takes, declared once with its validation
 * (Commander's argParser): a command's action receives typed, checked values, and a
 * refused value is a usage error (exit 2) naming the accepted forms. Services never see
 * a flag: they take the parsed values.
 *
 * argParser throws our UsageError rather than Commander's InvalidArgumentError, so the
 * message is ours (a catalog message with its code and values) and main() maps it to
 * exit 2 like every other usage error. Descriptions are written in the run's language:
 * these are called as the command tree is built, once the language is chosen.
 */

/** The option's long name, for messages: "--statut" from "--statut <statut>". */
function flagName(flags: string): string {
  return /--[\w-]+/.exec(flags)?.[0] ?? flags;
}

export function enumValue<T extends string>(flag: string, text: string, values: readonly T[], aliases?: Record<string, T>): T {
  const value = matchEnum(text, values, aliases);
  if (value === undefined) throw new UsageError(problem('common.option.enum', { flag, value: text, values: [...values] }));
  return value;
}

export function yesNoValue(flag: string, text: string): boolean {
  const value = parseYesNo(text);
  if (value === undefined) throw new UsageError(problem('common.option.yes_no', { flag, value: text }));
  return value;
}

/** The accepted values of each option enumOption made, for the refusal of a missing one. */
const ENUM_VALUES = new WeakMap<object, readonly string[]>();

/** A word of `values`, matched ignoring case, accents and separators. */
export function enumOption<const Flags extends string, T extends string>(
  flags: Flags,
  description: string,
  values: readonly T[],
  aliases?: Record<string, T>,
) {
  const option = new Option(flags, t('common.option.enum_description', { description, values: values.join(', ') })).argParser(
    (text: string) => enumValue(flagName(flags), text, values, aliases),
  );
  ENUM_VALUES.set(option, values);
  return option;
}

/**
 * A mandatory option of a fixed list that is not given is refused naming its values
 * (`offers add` without --type), as a wrong value is; Commander's own message names the
 * flag only. Called once on the built command tree: every command's check is replaced.
 */
export function nameValuesOfMissingOptions(command: CommandUnknownOpts): void {
  const commander = command as unknown as { missingMandatoryOptionValue(option: Option): void };
  const missing = commander.missingMandatoryOptionValue.bind(commander);
  commander.missingMandatoryOptionValue = (option: Option) => {
    const values = ENUM_VALUES.get(option);
    if (!values) return missing(option);
    throw new UsageError(problem('cli.error.missing_mandatory_option', { flags: option.flags, values: [...values] }));
  };
  for (const sub of command.commands) nameValuesOfMissingOptions(sub);
}

/** oui/non, yes/no, true/false, 1/0. */
export function yesNoOption<const Flags extends string>(flags: Flags, description: string) {
  return new Option(flags, t('common.option.yes_no_description', { description })).argParser((text: string) =>
    yesNoValue(flagName(flags), text),
  );
}

export function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text.trim());
  if (!/^\s*\d+\s*$/.test(text) || value < min || value > max) {
    throw new UsageError(problem('common.option.whole_number', { flag, value: text, min, max }));
  }
  return value;
}

/** A graduation year as a number: --annee 2024. */
export function yearValue(flag: string, text: string): number {
  if (!/^\s*\d{4}\s*$/.test(text)) throw new UsageError(problem('common.option.year', { flag, value: text }));
  return Number(text);
}

export function yearOption<const Flags extends string>(flags: Flags, description: string) {
  return new Option(flags, description).argParser((text: string) => yearValue(flagName(flags), text));
}

/** --limit: how many rows a page (or the list) holds. */
export function limitOption(fallback: number, what = t('common.option.limit')) {
  return new Option('--limit <n>', what).default(fallback).argParser((text: string) => wholeNumber('--limit', text, 1, 10_000));
}

/** --after: the cursor a previous page printed. */
export function afterOption() {
  return new Option('--after <cursor>', t('common.option.after'));
}

export function csvOption() {
  return new Option('--csv', t('common.option.csv'));
}

/** A calendar date, YYYY-MM-DD, that exists. */
export function dateValue(flag: string, text: string): string {
  const value = text.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!day || day.toISOString().slice(0, 10) !== value) throw new UsageError(problem('common.option.date', { flag, value }));
  return value;
}

/** A calendar day (YYYY-MM-DD), as a date column stores it. */
export function dateOption<const Flags extends string>(flags: Flags, description: string) {
  return new Option(flags, t('common.option.date_description', { description })).argParser((text: string) =>
    dateValue(flagName(flags), text),
  );
}

/** A day that has come (YYYY-MM-DD, today or before: a creation date); `''` stays `''`, which clears the field. */
export function pastDateValue(flag: string, text: string, today?: string): string {
  if (text.trim() === '') return '';
  const day = dateValue(flag, text);
  const now = today ?? localToday();
  if (day > now) throw new UsageError(problem('common.option.future_date', { flag, value: day, today: now }));
  return day;
}

export function pastDateOption<const Flags extends string>(flags: Flags, description: string) {
  return new Option(flags, t('common.option.past_date_description', { description })).argParser((text: string) =>
    pastDateValue(flagName(flags), text),
  );
}

/** A point in time: an ISO date or date-time, or a duration back from now (src/durations.ts). */
export function pointInTimeValue(flag: string, text: string, now: Date = new Date()): Date {
  const at = pointInTime(text, now);
  if (!at) throw new UsageError(pointInTimeRefusal(flag, text));
  return at;
}

export function sinceOption(what = t('common.option.since')) {
  return new Option('--since <when>', t('common.option.since_description', { what })).argParser((text: string) =>
    pointInTimeValue('--since', text),
  );
}

export function untilOption(what = t('common.option.until')) {
  return new Option('--until <when>', t('common.option.until_description', { what })).argParser((text: string) =>
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
  return new Option('--within <duration>', t('common.option.within_description', { description }))
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
  if (!/^[A-Z]{2}$/.test(country)) throw new UsageError(problem('common.option.country', { flag, value: text }));
  return country;
}

export function countryOption(description = t('common.option.country_description')) {
  return new Option('--country <code>', description).argParser((text: string) => countryValue('--country', text));
}

/** Answers a destructive verb's confirmation: needed off a terminal (see cli/prompts.ts confirm). */
export function yesOption() {
  return new Option('-y, --yes', t('common.option.yes'));
}

export function dryRunOption(description = t('common.option.dry_run')) {
  return new Option('--dry-run', description);
}

/** A file the command writes, checked as the flag is parsed (src/output-file.ts): before any work. */
export function outputFileOption<const Flags extends string>(flags: Flags, what: string, description: string) {
  return new Option(flags, description).argParser((text: string) => OutputFile.check(flagName(flags), what, text));
}
