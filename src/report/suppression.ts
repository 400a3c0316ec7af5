/**
 * Small-cell suppression for the published report. A row (a class year, a field)
 * counting fewer than `minCell` graduates is hidden (primary suppression). Because the
 * table also prints its total, a single hidden row could be recomputed as the total
 * minus the rows shown; so further rows are hidden, smallest first (complementary
 * suppression), until the hidden rows together count at least `minCell` graduates:
 * what the total then gives away is an aggregate no smaller than any shown row may be.
 * When even every row together is too small, the total is hidden too.
 */

export type Suppression = 'primary' | 'complementary';

export interface SuppressedTable<Row> {
  rows: Array<{ row: Row; suppressed: Suppression | null }>;
  /** The table's total is hidden as well (all rows together count fewer than minCell). */
  totalSuppressed: boolean;
}

export function suppressSmallCells<Row>(rows: Row[], graduates: (row: Row) => number, minCell: number): SuppressedTable<Row> {
  const marks = rows.map((row) => ({ row, suppressed: graduates(row) < minCell ? ('primary' as Suppression) : null }));
  const hiddenTotal = () => marks.filter((m) => m.suppressed).reduce((sum, m) => sum + graduates(m.row), 0);
  if (marks.some((m) => m.suppressed)) {
    for (let hidden = hiddenTotal(); hidden < minCell; hidden = hiddenTotal()) {
      const smallest = marks
        .filter((m) => !m.suppressed)
        .reduce<(typeof marks)[number] | undefined>((min, m) => (!min || graduates(m.row) < graduates(min.row) ? m : min), undefined);
      if (!smallest) break;
      smallest.suppressed = 'complementary';
    }
  }
  const total = rows.reduce((sum, row) => sum + graduates(row), 0);
  return { rows: marks, totalSuppressed: total < minCell };
}

/** How a hidden count reads in the report: "n<5". */
export function smallCellLabel(minCell: number): string {
  return `n<${minCell}`;
}
