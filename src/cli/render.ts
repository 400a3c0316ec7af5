import type { Context } from '../context.js';
import type { Column } from './output.js';
import { t } from '../i18n/messages.js';

export interface ListOptions {
  /** --csv was given. */
  csv?: boolean;
  /**
   * For a paged list: the cursor of the next page (null on the last one), and the
   * command that prints it. JSON is then `{ "items": [...], "next_after": ... }`;
   * a list that is not paged prints a bare array.
   */
  page?: { nextAfter: string | null; nextCommand: (cursor: string) => string };
}

/** Every list command's output: JSON, CSV or a table on stdout, and where the next page is. */
export async function renderList<Row>(ctx: Context, columns: Column<Row>[], rows: Row[], options: ListOptions = {}): Promise<void> {
  const { page } = options;
  if (ctx.out.json) {
    ctx.out.writeJson(page ? { items: rows, next_after: page.nextAfter } : rows);
    return;
  }
  if (options.csv) await ctx.out.writeCsv(columns, rows);
  else await ctx.out.writeTable(columns, rows);
  if (page?.nextAfter) ctx.out.info(t('cli.more', { command: page.nextCommand(page.nextAfter) }));
}

/** One record (a `show`): its JSON, or label/value lines (`fields`, by default every key). */
export function renderRecord(ctx: Context, record: object, fields?: Array<[label: string, value: unknown]>): void {
  if (ctx.out.json) ctx.out.writeJson(record);
  else ctx.out.writeFields(fields ?? Object.entries(record));
}
