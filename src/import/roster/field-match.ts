import { normaliseHeader } from '../headers.js';

/**
 * How a roster's field is matched to domaine_reference and domaine_alias: without regard
 * to case, accents, spaces or punctuation, as headers are (`Genie-INFO` = `Génie Info`).
 */
export const fieldKey = normaliseHeader;

/** The words of a field, without case or accents: `Génie Civ.` → [genie, civ]. */
function words(name: string): string[] {
  return name
    .split(/[^\p{L}\p{N}]+/u)
    .map(fieldKey)
    .filter((word) => word !== '');
}

/**
 * `written` abbreviates `field` when both have as many words and each written word, a
 * final plural "s" dropped, begins the field's word in the same place with at least
 * three letters (or is the whole word): `Génie Info` → `Génie informatique`, `Télécoms`
 * → `Télécommunications`, `Génie Civ` → `Génie civil`.
 */
export function abbreviates(written: string, field: string): boolean {
  const short = words(written);
  const long = words(field);
  if (short.length === 0 || short.length !== long.length) return false;
  let shortened = false;
  for (let i = 0; i < short.length; i += 1) {
    const word = short[i]!;
    const full = long[i]!;
    if (word === full) continue;
    const stem = word.length > 3 && word.endsWith('s') && !full.startsWith(word) ? word.slice(0, -1) : word;
    if (stem.length < 3 || !full.startsWith(stem)) return false;
    shortened = true;
  }
  return shortened;
}

/** At most one edit (a letter added, removed, replaced, or two neighbours swapped) turns `a` into `b`. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const restA = a.slice(start, endA);
  const restB = b.slice(start, endB);
  if (restA.length <= 1 && restB.length <= 1) return true;
  return restA.length === 2 && restB.length === 2 && restA[0] === restB[1] && restA[1] === restB[0];
}

/**
 * The stored fields `written` is probably meant to be: one edit away once normalised
 * (`Genie informatiqe`), or an abbreviation of it (abbreviates()). Sorted, for a stable
 * "did you mean" in the reason.
 */
export function likelyFields(written: string, fields: Iterable<string>): string[] {
  const key = fieldKey(written);
  const found: string[] = [];
  for (const field of fields) {
    if (oneEditApart(key, fieldKey(field)) || abbreviates(written, field)) found.push(field);
  }
  return found.sort((a, b) => a.localeCompare(b, 'fr'));
}
