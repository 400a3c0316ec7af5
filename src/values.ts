/**
 * How flags and arguments with a fixed set of values are read, the same way everywhere:
 * case and accents do not matter, nor whether words are joined by a space, - or _
 * (`--statut ÉTUDIANT`, `--role Super-Admin`). Yes/no flags take one vocabulary.
 *
 * Pure functions: they return undefined on a refused text, and the caller turns the
 * matching `...Refusal` sentence into its error.
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
  return values.find((value) => normaliseWord(value) === key)
    ?? Object.entries(aliases).find(([alias]) => normaliseWord(alias) === key)?.[1];
}

export function enumRefusal(flag: string, text: string, values: readonly string[]): string {
  return `${flag} ${JSON.stringify(text)}: use ${values.length > 1 ? 'one of ' : ''}${values.join(', ')}.`;
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

export function yesNoRefusal(flag: string, text: string): string {
  return `${flag} ${JSON.stringify(text)}: use oui/non, yes/no, true/false or 1/0.`;
}
