/**
 * Lists as a person reads them in a terminal, after gh: no borders, columns two spaces
 * apart, one line per row, the whole table within the terminal's width. When the natural
 * widths do not fit, the widest column gives up one cell at a time (down to a floor that
 * keeps every column readable) and its cells are cut with `…`. Off a terminal the same
 * rows are tab-separated with nothing cut (src/cli/output.ts).
 *
 * Cells are measured once: the width of text made of printable Latin characters is its
 * length; anything else (CJK, emoji, combining accents) is measured by string-width.
 */

/** Printable ASCII and Latin-1 to IPA/spacing modifiers: one column per code unit (NFC text). */
const NARROW = /^[\u0020-\u007e\u00a0-\u02ff]*$/;

const GAP = '  ';
const ELLIPSIS = '…';
/** A column is not cut below this many cells (or its natural width, when smaller). */
const FLOOR = 6;

export type Measure = (text: string) => number;

/** The width function for these texts: string-width is loaded only when one needs it. */
export async function widthMeasure(texts: string[]): Promise<Measure> {
  const narrow = (text: string) => text.length;
  if (texts.every((text) => NARROW.test(text))) return narrow;
  const { default: stringWidth } = await import('string-width');
  return (text) => (NARROW.test(text) ? text.length : stringWidth(text));
}

/**
 * The width of each column once the table is made to fit `maxWidth`. First a header wider
 * than its column's data gives way (down to the data, never below the floor), so a
 * "Graduation year" over four digits costs four cells; then the widest column shrinks,
 * one cell at a time, never below its floor. A table that cannot fit even at the floors
 * keeps them (its rows then wrap, as little as possible).
 */
export function fitWidths(natural: number[], maxWidth: number, data: number[] = natural): number[] {
  const widths = [...natural];
  const floors = natural.map((width) => Math.min(width, FLOOR));
  const room = maxWidth - GAP.length * Math.max(0, widths.length - 1);
  let total = widths.reduce((sum, width) => sum + width, 0);
  const shrink = (limit: (index: number) => number) => {
    while (total > room) {
      let widest = -1;
      widths.forEach((width, index) => {
        if (width > limit(index) && (widest === -1 || width > widths[widest]!)) widest = index;
      });
      if (widest === -1) return;
      widths[widest]! -= 1;
      total -= 1;
    }
  };
  shrink((index) => Math.max(data[index]!, floors[index]!));
  shrink((index) => floors[index]!);
  return widths;
}

/** `text` cut to `width` cells, ending with `…` when something was cut. */
export function cut(text: string, width: number, measure: Measure): string {
  if (measure(text) <= width) return text;
  if (width <= 0) return '';
  let kept = '';
  let used = 0;
  for (const char of text) {
    const cells = measure(char);
    if (used + cells > width - 1) break;
    kept += char;
    used += cells;
  }
  return kept + ELLIPSIS;
}

export interface TableCells {
  headers: string[];
  /** One line per cell (the caller has made them one line). */
  rows: string[][];
}

export interface DrawOptions {
  /** The terminal's width. */
  width: number;
  /** Colours a header once measured and cut. */
  paintHeader?: (text: string) => string;
  /** Colours a cell once measured and cut (a column's own `paint`). */
  paintCell?: (column: number, text: string) => string;
}

/** The table as lines (no final newline), fitted to the width. */
export async function drawTable({ headers, rows }: TableCells, options: DrawOptions): Promise<string> {
  const measure = await widthMeasure([...headers, ...rows.flat()]);
  const measured = [headers, ...rows].map((row) => row.map((text) => ({ text, width: measure(text) })));
  const natural = headers.map((_, column) => Math.max(...measured.map((row) => row[column]!.width)));
  const data = headers.map((_, column) => Math.max(0, ...measured.slice(1).map((row) => row[column]!.width)));
  const widths = fitWidths(natural, options.width, data);
  const last = headers.length - 1;
  return measured
    .map((row, index) =>
      row
        .map(({ text, width }, column) => {
          const isCut = width > widths[column]!;
          const shown = isCut ? cut(text, widths[column]!, measure) : text;
          const shownWidth = isCut ? measure(shown) : width;
          const painted =
            index === 0 ? (options.paintHeader ?? String)(shown) : options.paintCell ? options.paintCell(column, shown) : shown;
          // The last column is not padded: no trailing blanks to wrap a narrow terminal.
          return column === last ? painted : painted + ' '.repeat(Math.max(0, widths[column]! - shownWidth));
        })
        .join(GAP),
    )
    .join('\n');
}
