import { problem, type Problem } from '../errors.js';
import { shortened } from '../text.js';

/**
 * The encodings and delimiters a CSV file may be read with, by the names `--encoding` and
 * `--delimiter` accept. No dependency here: the command line checks these flags when it
 * parses them, before any module of the import is loaded.
 */
export type RosterEncoding = 'utf-8' | 'windows-1252';

export const DELIMITERS = [',', ';', '\t'];

/** The encoding `name` stands for (any case, with or without punctuation), or undefined. */
export function encodingNamed(name: string): RosterEncoding | undefined {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (key === 'utf8') return 'utf-8';
  if (['windows1252', 'cp1252', 'latin1', 'iso88591', 'ansi'].includes(key)) return 'windows-1252';
  return undefined;
}

/** The delimiter `value` stands for (`tab` or `\t` for a tab), or undefined. */
export function delimiterNamed(value: string): string | undefined {
  const delimiter = value === 'tab' || value === '\\t' ? '\t' : value;
  return DELIMITERS.includes(delimiter) ? delimiter : undefined;
}

export function encodingRefusal(name: string): Problem {
  return problem('import.option.encoding', { value: shortened(name) });
}

export function delimiterRefusal(value: string): Problem {
  return problem('import.option.delimiter', { value: shortened(value) });
}
