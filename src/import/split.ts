/**
 * Splits CSV text into records, one broken record at a time: a stray or unbalanced quote
 * spoils only the record it stands in, never the rest of the file (csv-parse gives up on
 * the whole stream, or swallows it into one cell, there).
 *
 * The rule, as the README states it: a quote inside a cell that does not start with one
 * is a character like any other (`Awa "Junior" Diop`, `37°36'37.8"N`), as spreadsheets
 * read it. A quoted cell may hold line breaks, but one that is not closed properly (its
 * closing quote followed by anything but a delimiter or a line break, or no closing
 * quote within MAX_RECORD_LINES lines or before the end of the file) makes the first
 * physical line of its record a broken record of its own, and the splitting resumes on
 * the next line.
 */

/** Lines a record may span: past this, an open quote is taken for a missing one. */
export const MAX_RECORD_LINES = 100;

export interface SplitRecord {
  /** Physical line where the record starts (the first line of the text is 1). */
  line: number;
  cells: string[];
  /** The record's text, line break excluded: set for a broken record only. */
  raw?: string;
  /** Why the record could not be split into cells. */
  broken?: Breakage;
}

interface Parsed {
  cells: string[];
  /** Where the next record starts. */
  next: number;
  /** Line breaks from the record's start to `next`. */
  breaks: number;
  broken?: Breakage;
  /** The end of the record's text, before its line break (set when broken). */
  end?: number;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Why a record cannot be split into cells: a code, which the catalog's import.csv.* messages say in words. */
export type Breakage = 'text_after_quote' | 'unclosed_quote' | 'unclosed_at_end' | 'several_lines';
export const TEXT_AFTER_QUOTE: Breakage = 'text_after_quote';
/** A quote opens a cell that is not closed within MAX_RECORD_LINES lines. */
export const UNCLOSED_QUOTE: Breakage = 'unclosed_quote';
export const UNCLOSED_AT_END: Breakage = 'unclosed_at_end';

export class RecordSplitter {
  private pending = '';
  private line = 1;
  private readonly delimiter: number;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /**
   * The records completed by `text`; with `final`, the rest too. Text of a record not yet
   * complete waits for the next call.
   */
  *split(text: string, final = false): Generator<SplitRecord> {
    const input = this.pending === '' ? text : this.pending + text;
    let position = 0;
    while (position < input.length) {
      const parsed = this.parse(input, position, final);
      if (parsed === null) break;
      const record: SplitRecord = { line: this.line, cells: parsed.cells };
      if (parsed.broken !== undefined) {
        record.broken = parsed.broken;
        record.raw = input.slice(position, parsed.end);
        record.cells = [record.raw];
      }
      yield record;
      this.line += parsed.breaks;
      position = parsed.next;
    }
    this.pending = input.slice(position);
  }

  /** The record starting at `start`, or null when the text so far does not tell where it ends. */
  private parse(text: string, start: number, final: boolean): Parsed | null {
    const cells: string[] = [];
    let position = start;
    let breaks = 0;
    for (;;) {
      if (text.charCodeAt(position) === QUOTE) {
        let value = '';
        let from = position + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          const part = text.slice(from, quote === -1 ? undefined : quote);
          breaks += countBreaks(part);
          if (breaks >= MAX_RECORD_LINES) return this.firstLine(text, start, final, UNCLOSED_QUOTE);
          if (quote === -1) return final ? this.firstLine(text, start, final, UNCLOSED_AT_END) : null;
          value += part;
          if (quote + 1 === text.length && !final) return null; // a doubled quote may follow
          if (text.charCodeAt(quote + 1) === QUOTE) {
            value += '"';
            from = quote + 2;
            continue;
          }
          position = quote + 1;
          break;
        }
        cells.push(value);
        const next = text.charCodeAt(position);
        if (position < text.length && next !== this.delimiter && next !== CR && next !== LF) {
          return this.firstLine(text, start, final, TEXT_AFTER_QUOTE);
        }
      } else {
        let end = position;
        for (; end < text.length; end += 1) {
          const code = text.charCodeAt(end);
          if (code === this.delimiter || code === CR || code === LF) break;
        }
        if (end === text.length && !final) return null;
        cells.push(text.slice(position, end));
        position = end;
      }
      if (text.charCodeAt(position) === this.delimiter) {
        position += 1;
        continue;
      }
      // A line break, or the end of the text.
      if (position < text.length) {
        if (text.charCodeAt(position) === CR) {
          if (position + 1 === text.length && !final) return null; // LF may follow
          position += text.charCodeAt(position + 1) === LF ? 2 : 1;
        } else position += 1;
        breaks += 1;
      }
      return { cells, next: position, breaks };
    }
  }

  /** The record's first physical line, taken as a broken record: the splitting resumes after it. */
  private firstLine(text: string, start: number, final: boolean, broken: Breakage): Parsed | null {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== CR && text.charCodeAt(end) !== LF) end += 1;
    if (end === text.length) return final ? { cells: [], next: end, breaks: 0, broken, end } : null;
    if (end + 1 === text.length && text.charCodeAt(end) === CR && !final) return null;
    const next = text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
    return { cells: [], next, breaks: 1, broken, end };
  }
}

export function countBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}
