import type { Context } from '../context.js';
import type { Column } from './output.js';
import { chooseColumns } from './columns.js';
import { t, type LabelKey } from '../i18n/messages.js';

/**
 * The one path from a command's result to what it shows. Every command hands its result
 * to one of these: a list, a record, or a change done. Each decides once between the
 * machine forms (`--json`: one JSON document; `--csv`) and the human ones (a table fitted
 * to the terminal or tab-separated lines off one; "label: value" lines; a ✔ line).
 */

export interface ListOptions {
  /** --csv was given: every column (the `hidden` ones too), as the machine form always had. */
  csv?: boolean;
  /** --columns: the columns to show, by CSV name (src/cli/columns.ts). */
  columns?: string[];
  /** The JSON document when it is not the rows themselves (e.g. figures with their date). */
  json?: unknown;
  /** What a terminal says when there is no row ("No user matches these filters."). */
  empty?: LabelKey;
  /** The same, as a sentence already in words (one that names what was searched: `No offer matches "x".`). */
  emptyText?: string;
  /**
   * For a paged list: the cursor of the next page (null on the last one), and the
   * command that prints it. JSON is then `{ "items": [...], "next_after": ... }`;
   * a list that is not paged prints a bare array.
   */
  page?: { nextAfter: string | null; nextCommand: (cursor: string) => string };
  /** Lines said on stderr after the rows, for a person (e.g. when figures were refreshed). */
  notes?: string[];
}

/** Every list command's output: JSON, CSV, a table or tab-separated rows on stdout, and where the next page is. */
export async function renderList<Row>(ctx: Context, columns: Column<Row>[], rows: Row[], options: ListOptions = {}): Promise<void> {
  const { page } = options;
  if (ctx.out.json) {
    ctx.out.writeJson(options.json ?? (page ? { items: rows, next_after: page.nextAfter } : rows));
    return;
  }
  if (options.csv) {
    await ctx.out.writeCsv(options.columns ? chooseColumns(columns, options.columns) : columns, rows);
  } else {
    const shown = chooseColumns(columns, options.columns);
    if (rows.length === 0 && ctx.out.stdoutIsTTY) ctx.out.info(options.emptyText ?? t(options.empty ?? 'view.empty'));
    else await ctx.out.writeTable(shown, rows);
  }
  if (page?.nextAfter) ctx.out.info(t('cli.more', { command: page.nextCommand(page.nextAfter) }));
  for (const note of options.notes ?? []) ctx.out.info(note);
}

export interface RecordOptions {
  /** The ✔ line said after the fields (a change done), not under --json. */
  success?: string;
  /** Lines said on stderr after the fields, not under --json: what is not a success (a dry run, nothing changed). */
  notes?: string[];
  /** Warnings said on stderr after the fields, not under --json (e.g. rows rejected to a file). */
  warnings?: string[];
}

/** One record (a `show`, or what a change left): its JSON, or "label: value" lines (`fields`, by default every key). */
export function renderRecord(
  ctx: Context,
  record: object,
  fields?: Array<[label: string, value: unknown]>,
  options: RecordOptions = {},
): void {
  if (ctx.out.json) {
    ctx.out.writeJson(record);
    return;
  }
  ctx.out.writeFields(fields ?? Object.entries(record));
  if (options.success) ctx.out.success(options.success);
  for (const note of options.notes ?? []) ctx.out.info(note);
  for (const warning of options.warnings ?? []) ctx.out.warn(warning);
}

/** A change done: its JSON (what changed, counts), or one ✔ line and any warnings. */
export function renderDone(ctx: Context, json: unknown, success: string, warnings: string[] = []): void {
  if (ctx.out.json) {
    ctx.out.writeJson(json);
    return;
  }
  for (const warning of warnings) ctx.out.warn(warning);
  ctx.out.success(success);
}

/** Lines of a report for a person on stdout (a job's summary for cron), or its JSON. */
export function renderLines(ctx: Context, json: unknown, lines: string[]): void {
  if (ctx.out.json) {
    ctx.out.writeJson(json);
    return;
  }
  for (const line of lines) ctx.out.line(line);
}
