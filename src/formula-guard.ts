/**
 * The CSV export's guard against formula injection, and its removal by the import: one
 * rule both ways, so whatever the export writes the import reads back as it was stored.
 * A spreadsheet runs a cell starting with = + - @ (or a tab or CR before one) as a
 * formula; the export puts an apostrophe in front of such a cell, as Excel itself does
 * to mark text. The import takes that apostrophe off again: a stored value never starts
 * with an apostrophe followed by one of those characters.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** `cell`, with an apostrophe in front when a spreadsheet would run it as a formula. */
export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** `cell` without the apostrophe guardFormula adds (any other apostrophe is kept). */
export function removeFormulaGuard(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
