import type { Problem } from '../errors.js';
import { currentLanguage, renderIn } from '../i18n/messages.js';
import { CellError } from '../values.js';

/** How a row's reasons are joined in the rejects file's `reason` column (in every language). */
export const REASON_SEPARATOR = '; ';

/** A reason of the rejects file: the problem's message in the run's language. */
export function reasonText(reason: Problem): string {
  return renderIn(currentLanguage(), reason.code, reason.values);
}

/**
 * Every problem of one row, collected rather than stopping at the first: the rejects
 * file then says all that is wrong with a row, and one round of fixes is enough.
 */
export class RowReasons {
  private readonly reasons: string[] = [];
  private readonly refused = new Set<string>();

  /** `parse`'s value, or null when it refuses the cell (its reason noted under `field`). */
  cell<T>(field: string, parse: () => T | null): T | null {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      this.reasons.push(error.message);
      this.refused.add(field);
      return null;
    }
  }

  add(reason: Problem): void {
    this.reasons.push(reasonText(reason));
  }

  /** Whether a cell of `field` was refused (a reason that follows from it would only repeat it). */
  refusedCell(field: string): boolean {
    return this.refused.has(field);
  }

  get any(): boolean {
    return this.reasons.length > 0;
  }

  toString(): string {
    return this.reasons.join(REASON_SEPARATOR);
  }
}
