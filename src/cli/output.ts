import { Chalk, type ChalkInstance } from 'chalk';
import type { Io } from './io.js';
import { maskSecrets } from '../db/url.js';

export interface OutputOptions {
  json?: boolean;
  /** false when --no-color was given. */
  color?: boolean;
}

export interface Column<Row> {
  header: string;
  /** Key in the row, or a function computing the cell. */
  value: keyof Row | ((row: Row) => unknown);
}

export interface Spinner {
  update(text: string): void;
  succeed(text?: string): void;
  fail(text?: string): void;
  stop(): void;
}

/**
 * The only place that writes to the terminal. Data goes to stdout (a table, JSON or
 * CSV); progress, warnings and errors go to stderr. Colour and spinners appear only on a
 * terminal, never under NO_COLOR or --no-color.
 */
export class Output {
  readonly json: boolean;
  readonly colors: ChalkInstance;
  readonly stderrIsTTY: boolean;

  constructor(
    private readonly io: Io,
    options: OutputOptions = {},
  ) {
    this.json = Boolean(options.json);
    this.stderrIsTTY = Boolean(io.stderr.isTTY);
    const colorAllowed = options.color !== false && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '');
    this.colors = new Chalk({ level: colorAllowed && this.stderrIsTTY ? 1 : 0 });
  }

  /** A person is watching stderr: spinners and progress bars are welcome there. */
  get interactiveStderr(): boolean {
    return this.stderrIsTTY;
  }

  /** For the progress bar, which draws itself. */
  get stderrStream(): NodeJS.WritableStream {
    return this.io.stderr as NodeJS.WritableStream;
  }

  /** Machine-readable result: one JSON document on stdout and nothing else there. */
  writeJson(value: unknown): void {
    this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  async writeTable<Row>(columns: Column<Row>[], rows: Row[]): Promise<void> {
    const { default: Table } = await import('cli-table3');
    const colored = this.colors.level > 0 && Boolean(this.io.stdout.isTTY);
    const table = new Table({
      head: columns.map((c) => c.header),
      style: { head: colored ? ['cyan'] : [], border: colored ? ['grey'] : [] },
      // No rule between rows: long lists stay readable.
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    for (const row of rows) table.push(columns.map((c) => formatCell(cellValue(c, row))));
    this.io.stdout.write(`${table.toString()}\n`);
  }

  /**
   * CSV on stdout. Cells a spreadsheet would run as a formula (=, +, -, @, tab, CR at
   * the start) get a leading apostrophe, so an export opened in Excel runs nothing.
   * `header: false` continues a CSV already begun (exports written a page at a time).
   */
  async writeCsv<Row>(columns: Column<Row>[], rows: Row[], options: { header?: boolean } = {}): Promise<void> {
    const { stringify } = await import('csv-stringify/sync');
    const records = rows.map((row) => columns.map((c) => neutraliseFormula(formatCell(cellValue(c, row)))));
    const header = options.header !== false;
    this.io.stdout.write(stringify(records, { header, columns: columns.map((c) => c.header) }));
  }

  /** A JSON array written a page at a time; stdout holds only the array. */
  jsonArray(): { write(items: unknown[]): void; end(): void } {
    let first = true;
    this.io.stdout.write('[');
    return {
      write: (items) => {
        for (const item of items) {
          this.io.stdout.write(`${first ? '\n' : ',\n'}${JSON.stringify(item)}`);
          first = false;
        }
      },
      end: () => void this.io.stdout.write(first ? ']\n' : '\n]\n'),
    };
  }

  /** Label/value lines for one object (doctor, show). */
  writeFields(fields: Array<[label: string, value: unknown]>): void {
    const width = Math.max(...fields.map(([label]) => label.length));
    for (const [label, value] of fields) {
      this.io.stdout.write(`${this.colors.bold(label.padEnd(width))}  ${formatCell(value)}\n`);
    }
  }

  /**
   * A boxed card: a title, then label/value rows, values wrapped to the terminal width
   * (the interactive review shows one item at a time this way).
   */
  async writeCard(title: string, fields: Array<[label: string, value: string]>): Promise<void> {
    const { default: Table } = await import('cli-table3');
    const width = Math.max(50, Math.min(this.io.stdout.columns || 80, 120));
    const labelWidth = 15;
    const table = new Table({
      colWidths: [labelWidth, width - labelWidth - 3],
      wordWrap: true,
      wrapOnWordBoundary: true,
      style: { head: [], border: this.colors.level > 0 ? ['grey'] : [] },
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    for (const [label, value] of fields) table.push([this.colors.cyan(label), value]);
    this.io.stdout.write(`${this.colors.bold(title)}\n${table.toString()}\n`);
  }

  /** A line of data on stdout (e.g. a summary line for cron). */
  line(text: string): void {
    this.io.stdout.write(`${text}\n`);
  }

  info(message: string): void {
    this.io.stderr.write(`${maskSecrets(message)}\n`);
  }

  warn(message: string): void {
    this.io.stderr.write(`${this.colors.yellow('warning:')} ${maskSecrets(message)}\n`);
  }

  error(message: string): void {
    this.io.stderr.write(`${this.colors.red('error:')} ${maskSecrets(message)}\n`);
  }

  success(message: string): void {
    this.io.stderr.write(`${this.colors.green('✔')} ${maskSecrets(message)}\n`);
  }

  /** A spinner on a terminal; plain stderr lines (or nothing) elsewhere. */
  async spinner(text: string): Promise<Spinner> {
    if (!this.interactiveStderr) {
      return {
        update: () => {},
        succeed: (done) => done && this.info(done),
        fail: (failed) => failed && this.info(failed),
        stop: () => {},
      };
    }
    const { default: ora } = await import('ora');
    const spinner = ora({ text, stream: this.io.stderr as NodeJS.WritableStream }).start();
    return {
      update: (t) => void (spinner.text = t),
      succeed: (t) => void spinner.succeed(t),
      fail: (t) => void spinner.fail(t),
      stop: () => void spinner.stop(),
    };
  }
}

function cellValue<Row>(column: Column<Row>, row: Row): unknown {
  return typeof column.value === 'function' ? column.value(row) : row[column.value];
}

export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
