/**
 * A list drawn as a boxed table: cli-table3's look (one space of padding, no rule between
 * rows), drawn here because cli-table3 measures every cell several times through its
 * generic layout: 30 ms for a page of 50 users, most of an embedded command's margin over
 * PGlite's own start (README, "Benchmark"). Cells are measured once; the width of text
 * made of printable Latin characters is its length, anything else is measured by
 * string-width (the version cli-table3 uses, so the columns line up as they did).
 * Cards, whose values wrap, still go through cli-table3 (Output.writeCard).
 */

/** Printable ASCII and Latin-1 to IPA/spacing modifiers: one column per code unit (NFC text). */
const NARROW = /^[\u0020-\u007e\u00a0-\u02ff]*$/;

const BORDER = { top: ['┌', '┬', '┐'], bottom: ['└', '┴', '┘'], side: '│', line: '─' } as const;

/** The table as lines (no final newline). `paintHeader` colours a header after it is measured. */
export async function drawTable(
  headers: string[],
  rows: string[][],
  paintHeader: (text: string) => string = (text) => text,
): Promise<string> {
  const texts = [headers, ...rows].map((row) => row.map((cell) => cell.split('\n')));
  const measure = await widthMeasure(texts.flat(2));
  // Every line of every cell, measured once.
  const cells = texts.map((row) => row.map((lines) => lines.map((text) => ({ text, width: measure(text) }))));
  const widths = headers.map((_, column) => Math.max(0, ...cells.map((row) => Math.max(...row[column]!.map((line) => line.width)))));
  const rule = ([left, middle, right]: readonly string[]) => left + widths.map((w) => BORDER.line.repeat(w + 2)).join(middle) + right;

  const out = [rule(BORDER.top)];
  cells.forEach((row, index) => {
    const height = Math.max(...row.map((lines) => lines.length));
    for (let line = 0; line < height; line += 1) {
      const parts = row.map((lines, column) => {
        const { text, width } = lines[line] ?? { text: '', width: 0 };
        const padding = ' '.repeat(widths[column]! - width);
        return ` ${index === 0 ? paintHeader(text) : text}${padding} `;
      });
      out.push(BORDER.side + parts.join(BORDER.side) + BORDER.side);
    }
  });
  out.push(rule(BORDER.bottom));
  return out.join('\n');
}

/** The width function for these texts: string-width is loaded only when one needs it. */
async function widthMeasure(texts: string[]): Promise<(text: string) => number> {
  const narrow = (text: string) => text.length;
  if (texts.every((text) => NARROW.test(text))) return narrow;
  const { default: stringWidth } = await import('string-width');
  return (text) => (NARROW.test(text) ? text.length : stringWidth(text));
}
