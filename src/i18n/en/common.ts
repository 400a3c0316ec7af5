import type { DurationHint } from '../../durations.js';

/** Why a file could not be used: a system error's code, else its own message. */
export interface FsReason {
  code: string | null;
  message: string;
}

/** Why an output file is refused before any work (src/files.ts). */
export type OutputRefusal =
  | { kind: 'directory' }
  | { kind: 'not_regular' }
  | { kind: 'same'; same: string }
  | { kind: 'no_folder'; folder: string }
  | { kind: 'dangling_link' }
  | { kind: 'fs'; reason: FsReason };

const fsReason = (r: FsReason): string =>
  ({
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a directory',
    ENOTDIR: 'a part of its path is not a directory',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EFBIG: 'the file would be larger than this process may write',
    EIO: 'an input/output error (a failing disk?)',
  })[r.code ?? ''] ?? r.message;

const refusal = (r: OutputRefusal): string => {
  switch (r.kind) {
    case 'directory':
      return 'it is a directory';
    case 'not_regular':
      return 'it is not a regular file (a device, a FIFO or a socket)';
    case 'same':
      return `it is ${r.same}`;
    case 'no_folder':
      return `its folder ${r.folder} does not exist`;
    case 'dangling_link':
      return 'it is a symbolic link to a file that does not exist';
    case 'fs':
      return fsReason(r.reason);
  }
};

const DURATION_FORMS = 'a whole number and min, h, d, w, mo or y (90min, 12h, 7d, 2w, 6mo, 1y)';

const durationHint = (hint: DurationHint | null, max: number): string => {
  switch (hint) {
    case 'offset':
      return '; an offset is at most 14 hours either way (-12:00, +14:00)';
    case 'calendar':
      return '; no such date or time (years from 1000, the days of each month, times up to 23:59:59)';
    case 'ambiguous_m':
      return '; "m" is ambiguous: write min or mo';
    case 'too_long':
      return `; at most ${max} years`;
    default:
      return '';
  }
};

/** English messages of the common area: the shared option parsers, durations, files. */
export default {
  // ---- option parsers (src/cli/options.ts): refusals ----
  'common.option.whole_number': (p: { flag: string; value: string; min: number; max: number }) =>
    `${p.flag} ${JSON.stringify(p.value)}: give a whole number from ${p.min} to ${p.max}.`,
  'common.option.year': (p: { flag: string; value: string }) => `${p.flag} ${JSON.stringify(p.value)}: give a year such as 2024.`,
  'common.option.enum': (p: { flag: string; value: string; values: string[] }) =>
    `${p.flag} ${JSON.stringify(p.value)}: use ${p.values.length > 1 ? 'one of ' : ''}${p.values.join(', ')}.`,
  'common.option.yes_no': (p: { flag: string; value: string }) =>
    `${p.flag} ${JSON.stringify(p.value)}: use oui/non, yes/no, true/false or 1/0.`,
  'common.option.country': (p: { flag: string; value: string }) =>
    `${p.flag} ${JSON.stringify(p.value)}: give a two-letter country code such as SN, CI or BJ.`,
  'common.option.date': (p: { flag: string; value: string }) => `${p.flag} ${JSON.stringify(p.value)} is not a date (YYYY-MM-DD).`,
  'common.option.future_date': (p: { flag: string; value: string; today: string }) =>
    `${p.flag} "${p.value}" is in the future (today is ${p.today}).`,
  'common.option.duration': (p: { flag: string; value: string; hint: DurationHint | null; max: number }) =>
    `${p.flag} ${JSON.stringify(p.value)}: give a duration, ${DURATION_FORMS}${durationHint(p.hint, p.max)}.`,
  'common.option.point_in_time': (p: { flag: string; value: string; hint: DurationHint | null; max: number }) =>
    `${p.flag} ${JSON.stringify(p.value)}: give a date (2026-01-31, 2026-01-31T08:00, 2026-01-31T08:00+01:00) or a duration back from now, ${DURATION_FORMS}${durationHint(p.hint, p.max)}.`,

  // ---- option parsers: descriptions ----
  'common.option.enum_description': (p: { description: string; values: string }) => `${p.description}: ${p.values}`,
  'common.option.yes_no_description': (p: { description: string }) => `${p.description} (oui/non)`,
  'common.option.date_description': (p: { description: string }) => `${p.description} (YYYY-MM-DD)`,
  'common.option.past_date_description': (p: { description: string }) => `${p.description} (YYYY-MM-DD, today or before)`,
  'common.option.limit': 'how many',
  'common.option.after': 'the page after this cursor (printed by the previous page)',
  'common.option.csv': 'CSV on stdout',
  'common.option.since': 'since',
  'common.option.since_description': (p: { what: string }) =>
    `${p.what}: a date (2026-01-31) or a duration back from now (90min, 12h, 7d, 2w, 6mo, 1y)`,
  'common.option.until': 'before',
  'common.option.until_description': (p: { what: string }) => `${p.what}: a date or a duration back from now`,
  'common.option.within_description': (p: { description: string }) => `${p.description} (90min, 12h, 7d, 2w, 6mo, 1y)`,
  'common.option.country_description': 'default country for phone numbers without +, e.g. SN',
  'common.option.yes': 'do it without asking (needed when not at a terminal)',
  'common.option.dry_run': 'check everything and report what would change; write nothing',

  // ---- files (src/files.ts, src/output-file.ts) ----
  'common.fs.reason': (p: FsReason) => fsReason(p),
  'common.output_file.empty': (p: { what: string; flag: string }) => `The path of ${p.what} is empty; give a file name with ${p.flag}.`,
  'common.output_file.refused': (p: { what: string; path: string; flag: string; refusal: OutputRefusal }) =>
    `Cannot write ${p.what} ${p.path}: ${refusal(p.refusal)}; choose another with ${p.flag}.`,
  'common.output_file.names_directory': (p: { what: string; path: string; flag: string }) =>
    `Cannot write ${p.what} ${p.path}: that names a directory; choose a file name with ${p.flag}.`,
  'common.output_file.write_failed': (p: { what: string; path: string; reason: FsReason }) =>
    `Cannot write ${p.what} ${p.path}: ${fsReason(p.reason)}; nothing was written.`,

  // ---- interruption (src/interrupt.ts) ----
  'common.interrupted': (p: { signal: string }) => `Interrupted by ${p.signal}.`,
} satisfies Record<`common.${string}`, string | ((params: never) => string)>;
