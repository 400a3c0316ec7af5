/**
 * Text from the database or a file, made safe to show on a terminal. A roster cell or
 * a typed name may hold control characters: ESC starts sequences that recolour the
 * terminal or set its window title, a carriage return overwrites what a line said, and
 * bidirectional controls show text in another order than it is stored. Each one is shown
 * as an escape instead, as JavaScript writes it: `\t`, `\n`, `\r`, `\x1b` (C0, DEL and C1
 * controls), `\u202e` (bidirectional controls). A backslash of the data is left as it is:
 * a name written `a\x1b` in the data reads the same as one holding an ESC, but neither
 * does anything to the terminal, and `--json` shows the exact text.
 *
 * The tool's own colours are added after this (chalk), never passed through it.
 */

// Matching control characters is this module's purpose.
/* eslint-disable no-control-regex */
/** C0 controls, DEL, C1 controls, and the bidirectional marks, embeddings, overrides and isolates. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same, except the line feed. */
const CONTROL_BUT_LINE_FEED = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escaped(char: string): string {
  const code = char.charCodeAt(0);
  return NAMED[char] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** For one line (a message, a title, a label): every control is escaped, line breaks too. */
export function visible(text: string): string {
  return text.replace(CONTROL, escaped);
}

/**
 * For a value that may span lines (a table cell, a record value, a description): its
 * line breaks (LF or CRLF) stay line breaks, which the table and the record lay out;
 * every other control, a lone CR and a tab included, is escaped.
 */
export function visibleLines(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(CONTROL_BUT_LINE_FEED, escaped);
}
