/**
 * Values from a file or the command line, echoed in a message: a header of 500 kB or a
 * cell of a megabyte must not become a message of that size (nor make a terminal, a log
 * or the import ledger hold it). Every message that quotes such a value cuts it here.
 */

import { formats, t } from './i18n/messages.js';

/** How many characters of a value a message shows. */
export const SHOWN_CHARACTERS = 60;

/** How many items of a list a message shows. */
export const SHOWN_ITEMS = 10;

/** `text`, or its first SHOWN_CHARACTERS characters followed by how many more there are. */
export function shortened(text: string, max = SHOWN_CHARACTERS): string {
  if (text.length <= max) return text;
  // Never cut between the two halves of a character outside the BMP (an emoji).
  const head = /[\uD800-\uDBFF]$/.test(text.slice(0, max)) ? text.slice(0, max - 1) : text.slice(0, max);
  return `${head}… ${t('import.text.more_characters', { count: count(text.length - head.length) })}`;
}

/** `"text"` (`« text »` in French), shortened: a value quoted in a message. */
export function quoted(text: string): string {
  return t('import.text.quoted', { text: shortened(text) });
}

/** The first SHOWN_ITEMS items, each shortened, then how many more: "a, b, c and 2,480 more". */
export function shortList(items: readonly string[], max = SHOWN_ITEMS): string {
  const shown = items.slice(0, max).map((item) => shortened(item));
  return items.length > max ? t('import.text.and_more', { items: shown.join(', '), count: count(items.length - max) }) : shown.join(', ');
}

/** A count in the run's language (`2,480`, `2 480`), whatever LANG says to Intl. */
function count(n: number): string {
  return formats().integer(n);
}
