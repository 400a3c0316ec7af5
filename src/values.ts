import { domainToASCII } from 'node:url';
import type { RoleUtilisateur, StatutUtilisateur } from './db/schema.js';
import { ROLES_UTILISATEUR, STATUTS_UTILISATEUR } from './enums.js';
import { problem, UsageError, type Problem } from './errors.js';
import { currentLanguage, renderIn } from './i18n/messages.js';
import { shortened } from './text.js';

/**
 * The values the tool reads, the same way in every layer (no flag, no terminal here):
 *
 * - words from a fixed set (enums) and yes/no, for flags and arguments: case and accents
 *   do not matter, nor whether words are joined by a space, - or _ (`--statut ÉTUDIANT`,
 *   `--role Super-Admin`); these return undefined on a refused text, and the caller turns
 *   the matching `...Refusal` sentence into its error;
 * - cell values (text, e-mail, phone, year, ...), for the roster import and users
 *   add|update: normalised as stored, or a CellError with the reason.
 */

/** Lower case, no accents, words joined by _: "Personnel Admin" → "personnel_admin". */
export function normaliseWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/[\s_-]+/g, '_');
}

/**
 * The value of `values` that `text` names, or undefined. `aliases` maps other accepted
 * words to a value (written in any case too).
 */
export function matchEnum<T extends string>(text: string, values: readonly T[], aliases: Record<string, T> = {}): T | undefined {
  const key = normaliseWord(text);
  if (key === '') return undefined;
  return (
    values.find((value) => normaliseWord(value) === key) ?? Object.entries(aliases).find(([alias]) => normaliseWord(alias) === key)?.[1]
  );
}

export function enumRefusal(flag: string, text: string, values: readonly string[]): Problem {
  return problem('import.option.not_one_of', { flag, value: shortened(text), choices: [...values] });
}

const YES = ['oui', 'yes', 'true', '1'];
const NO = ['non', 'no', 'false', '0'];

/** oui/yes/true/1 → true, non/no/false/0 → false, in any case and with or without accents; else undefined. */
export function parseYesNo(text: string): boolean | undefined {
  const key = normaliseWord(text);
  if (YES.includes(key)) return true;
  if (NO.includes(key)) return false;
  return undefined;
}

export function yesNoRefusal(flag: string, text: string): Problem {
  return problem('import.option.not_yes_no', { flag, value: shortened(text) });
}

// ---- Cell values: what the roster import and users add|update store ----

/**
 * A value that cannot be stored, with the reason a person can act on: a Problem (its
 * code and values), its message rendered in the run's language (a reason of the rejects
 * file). A plain string is the former way, left while other areas move to the catalogs.
 * It is data, not a bug: no stack is captured (a large file refuses thousands of cells,
 * and capturing a stack costs more than checking the cell).
 */
export class CellError extends Error {
  readonly problem: Problem | undefined;

  constructor(what: Problem | string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(typeof what === 'string' ? what : renderIn(currentLanguage(), what.code, what.values));
    } finally {
      Error.stackTraceLimit = limit;
    }
    this.problem = typeof what === 'string' ? undefined : what;
  }
}

/**
 * `check` with a refused value turned into one sentence, exit 2 (`users add`, `orgs
 * add`...: a command's values are checked before anything is written).
 */
export function checkedValues<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof CellError)
      throw new UsageError(problem('import.value.nothing_written', { reason: error.message, reasonCode: error.problem?.code ?? null }));
    throw error;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A well-formed UUID (any case): worth asking the database about. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/**
 * Unicode NFC: a name typed on a Mac arrives decomposed (e + combining accent), and would
 * otherwise be stored in a form that never matches a search or an unchanged row.
 */
export function nfc(raw: string): string {
  // Plain ASCII is already NFC; most cells are, and this keeps them off the slow path.
  return /[^\p{ASCII}]/u.test(raw) ? raw.normalize('NFC') : raw;
}

/**
 * Trimmed, inner white space folded, NFC; empty → null ("empty cells never erase").
 * `field` is the data model's field the value is for: a message names it in words.
 */
export function text(raw: string | undefined, maxLength: number, field: string): string | null {
  if (raw === undefined) return null;
  const value = nfc(raw).replace(/\s+/g, ' ').trim();
  if (value === '') return null;
  if (value.length > maxLength) throw new CellError(problem('import.value.too_long', { field, max: maxLength }));
  return value;
}

// RFC 5322 atext, and the non-ASCII characters RFC 6531 adds (letters, marks, digits,
// signs; not spaces, controls or invisible format characters): what a dot-atom's words
// are made of.
const ATEXT_CHARACTER = "[a-z0-9!#$%&'*+\\-/=?^_`{|}~]|[^\\p{ASCII}\\p{White_Space}\\p{C}]";
const ATEXT = new RegExp(`^(?:${ATEXT_CHARACTER})+$`, 'iu');
const NOT_ATEXT = new RegExp(`(?!${ATEXT_CHARACTER}|\\.)[^]`, 'iu');
// One label of a domain in its ASCII (IDNA) form: letters, digits, inner hyphens.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * An e-mail address as RFC 5322 (dot-atom), RFC 6531 and IDNA have it, stored in one
 * form: the part before the @ NFC and lower-cased (non-ASCII letters allowed, as RFC
 * 6531 does), the domain in its ASCII form (IDNA: `école.sn` → `xn--cole-9oa.sn`), so
 * both spellings of one address are the same address to the unique index, and any mail
 * server can be given it. Quoted local parts ("john doe"@…) and IP-address domains,
 * which the RFCs allow and no alumnus has, are refused.
 */
/** A character as a message can show it: itself, its code point when it is invisible, or " " for any space. */
function describeCharacter(character: string): string {
  if (/\s/u.test(character)) return ' ';
  if (/[\p{L}\p{N}\p{P}\p{S}]/u.test(character)) return character;
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why an address is refused (import.email.invalid); `detail` is the character or the domain at fault. */
export type EmailFlaw =
  | 'no_at'
  | 'several_at'
  | 'nothing_before_at'
  | 'character'
  | 'dot_at_edge'
  | 'two_dots'
  | 'local_too_long'
  | 'nothing_after_at'
  | 'not_domain';

export function email(raw: string | undefined): string | null {
  const value = raw === undefined ? undefined : nfc(raw).trim();
  if (!value) return null;
  const refuse = (flaw: EmailFlaw, detail = '') =>
    new CellError(problem('import.email.invalid', { value: shortened(value), flaw, detail: shortened(detail) }));
  const at = value.indexOf('@');
  if (at < 0) throw refuse('no_at');
  if (value.indexOf('@', at + 1) >= 0) throw refuse('several_at');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local === '') throw refuse('nothing_before_at');
  const stray = NOT_ATEXT.exec(local)?.[0];
  if (stray !== undefined) throw refuse('character', describeCharacter(stray));
  if (local.startsWith('.') || local.endsWith('.')) throw refuse('dot_at_edge');
  if (!local.split('.').every((word) => ATEXT.test(word))) throw refuse('two_dots');
  if (Buffer.byteLength(local) > 64) throw refuse('local_too_long');
  if (domain === '') throw refuse('nothing_after_at');
  const ascii = domainToASCII(domain).toLowerCase();
  const labels = ascii.split('.');
  if (ascii === '' || labels.length < 2 || !labels.every((label) => LABEL.test(label)) || /^\d+$/.test(labels.at(-1)!))
    throw refuse('not_domain', domain);
  const stored = `${nfc(local.toLowerCase())}@${ascii}`;
  if (stored.length > 254) throw new CellError(problem('import.email.too_long', { value: shortened(value) }));
  return stored;
}

/**
 * A graduation year: `2019`, `Promo 2019`, or an academic year, which gives the year it
 * ends (`2018-2019`, `2018/19` → 2019): registrars name a class by its school year.
 */
export function year(raw: string | undefined): number | null {
  const value = raw?.trim();
  if (!value) return null;
  // A date (a spreadsheet's date cell reads as one: src/import/xlsx.ts) gives its year.
  const date = /^(\d{4})-\d{2}-\d{2}(T[\d:]+)?$/.exec(value);
  if (date) return Number(date[1]);
  const match = /^(?:promo(?:tion)?\.?\s*)?(\d{4})(?:\s*[-/\u2013]\s*(\d{4}|\d{2}))?$/i.exec(value);
  if (!match) throw new CellError(problem('import.year.not_a_year', { value: shortened(value) }));
  const start = Number(match[1]);
  if (match[2] === undefined) return start;
  const end = start + 1;
  if (Number(match[2]) !== (match[2].length === 4 ? end : end % 100))
    throw new CellError(problem('import.year.not_a_school_year', { value: shortened(value) }));
  return end;
}

const TRUE_WORDS = new Set(['oui', 'o', 'yes', 'y', '1', 'x', 'vrai', 'true']);
const FALSE_WORDS = new Set(['non', 'n', 'no', '0', 'faux', 'false']);

/**
 * The employment situations registrars write, by what travailleur stores: working
 * (true), looking for work (false), or neither (null: studying, which says nothing of
 * a job search). Each in either gender; the README's alias table lists them.
 */
export const EMPLOYMENT_WORDS: ReadonlyArray<readonly [boolean | null, readonly string[]]> = [
  [
    true,
    [
      'En emploi',
      'En poste',
      'Employé',
      'Employée',
      'Salarié',
      'Salariée',
      'Indépendant',
      'Indépendante',
      'À son compte',
      'Employed',
      'Self-employed',
    ],
  ],
  [false, ['En recherche', "En recherche d'emploi", 'Sans emploi', 'Chômeur', 'Chômeuse', 'Au chômage', 'Unemployed', 'Job seeking']],
  [null, ["En poursuite d'études", 'Étudiant', 'Étudiante', 'Student']],
];

/** Case, accents, spaces and punctuation aside: `À son compte` = `a son compte` = `A-son-compte`. */
const employmentKey = (text: string) => normaliseWord(text).replace(/[^a-z0-9]/g, '');
const EMPLOYMENT = new Map<string, boolean | null>([
  ...[...TRUE_WORDS].map((word) => [word, true] as const),
  ...[...FALSE_WORDS].map((word) => [word, false] as const),
  ...EMPLOYMENT_WORDS.flatMap(([stored, words]) => words.map((word) => [employmentKey(word), stored] as const)),
]);

/** travailleur: yes/no, or an employment situation; null for an empty cell or a situation that says neither. */
export function employment(raw: string | undefined): boolean | null {
  const value = raw?.trim();
  if (!value) return null;
  const stored = EMPLOYMENT.get(employmentKey(value));
  if (stored === undefined) throw new CellError(problem('import.employment.unknown', { value: shortened(value) }));
  return stored;
}

/** What `parse` gives, or null where it refuses the cell: a key read from a row that may be invalid. */
export function orNull<T>(parse: () => T | null): T | null {
  try {
    return parse();
  } catch (error) {
    if (error instanceof CellError) return null;
    throw error;
  }
}

/** The schema's enums, for flags and cells alike. */

export function statut(raw: string | undefined): StatutUtilisateur | null {
  return enumValue(raw, STATUTS_UTILISATEUR, 'statut');
}

export function role(raw: string | undefined): RoleUtilisateur | null {
  return enumValue(raw, ROLES_UTILISATEUR, 'role');
}

/** A cell holding one of `values` (matched like every enum), or null when empty. */
export function enumValue<T extends string>(
  raw: string | undefined,
  values: readonly T[],
  field: string,
  aliases: Record<string, T> = {},
): T | null {
  const value = raw?.trim();
  if (!value) return null;
  const found = matchEnum(value, values, aliases);
  if (!found) throw new CellError(problem('import.value.not_one_of', { field, value: shortened(value), choices: [...values] }));
  return found;
}

/** A web address, http or https only, stored as written (trimmed). */
export function url(raw: string | undefined, field: string): string | null {
  const value = raw === undefined ? undefined : nfc(raw).trim();
  if (!value) return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new CellError(problem('import.url.invalid', { field, value: shortened(value) }));
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new CellError(problem('import.url.not_http', { field, value: shortened(value) }));
  if (value.length > 255) throw new CellError(problem('import.value.too_long', { field, max: 255 }));
  return value;
}

/** A calendar date, YYYY-MM-DD, that exists. */
/** A date as a spreadsheet writes it: YYYY-MM-DD, or the French DD/MM/YYYY; stored as YYYY-MM-DD. */
export function spreadsheetDate(raw: string | undefined, field: string): string | null {
  const french = raw === undefined ? null : /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(raw);
  if (!french) return date(raw, field);
  const iso = `${french[3]}-${french[2]!.padStart(2, '0')}-${french[1]!.padStart(2, '0')}`;
  if (orNull(() => date(iso, field)) === null)
    throw new CellError(problem('import.date.not_a_date', { field, value: shortened(raw!.trim()), french: true }));
  return iso;
}

/** Today on this machine's calendar, YYYY-MM-DD (the administrator's day, not UTC's). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `day` (YYYY-MM-DD, or null), refused after `today`: what has happened (a creation) cannot be dated in the future. */
export function notAfterToday(day: string | null, field: string, today: string = localToday()): string | null {
  if (day !== null && day > today) throw new CellError(problem('import.date.in_future', { field, value: day, today }));
  return day;
}

export function date(raw: string | undefined, field: string): string | null {
  const value = raw?.trim();
  if (!value) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!day || day.toISOString().slice(0, 10) !== value)
    throw new CellError(problem('import.date.not_a_date', { field, value: shortened(value), french: false }));
  return value;
}
