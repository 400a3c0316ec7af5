import { Chalk, type ChalkInstance } from 'chalk';
import type { Writable } from 'node:stream';
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

export interface SpinnerOptions<T> {
  /** The line left once the work is done (from its result, e.g. a count). */
  succeed: string | ((result: T) => string);
}

/** Messages (info, warning, error, success) on one stream, coloured for that stream. */
export class Messages {
  constructor(
    private readonly stream: Writable,
    readonly colors: ChalkInstance,
  ) {}

  line(text: string): void {
    this.stream.write(`${text}\n`);
  }

  heading(text: string): void {
    this.line(this.colors.bold(text));
  }

  info(message: string): void {
    this.line(maskSecrets(message));
  }

  warn(message: string): void {
    this.line(`${this.colors.yellow('warning:')} ${maskSecrets(message)}`);
  }

  error(message: string): void {
    this.line(`${this.colors.red('error:')} ${maskSecrets(message)}`);
  }

  success(message: string): void {
    this.line(`${this.colors.green('✔')} ${maskSecrets(message)}`);
  }
}

/**
 * The only place that writes to the terminal. Data goes to stdout (a table, JSON or
 * CSV); progress, warnings and errors go to stderr. Colour is decided per stream: a
 * stream gets it only when it is a terminal (so `doctor > report.txt` holds no escape
 * codes), never under NO_COLOR or --no-color. Spinners appear only on a terminal.
 */
export class Output {
  readonly json: boolean;
  /** Colour for stdout (data, and the screen of an interactive command). */
  readonly stdoutColors: ChalkInstance;
  /** Colour for stderr (progress, warnings, errors). */
  readonly stderrColors: ChalkInstance;
  readonly stderrIsTTY: boolean;
  /**
   * The screen of an interactive command (its cards, prompts and the messages between
   * them): stdout, which is the terminal whenever it may prompt, while stderr may be a log.
   */
  readonly screen: Messages;
  private readonly messages: Messages;

  constructor(
    private readonly io: Io,
    options: OutputOptions = {},
  ) {
    this.json = Boolean(options.json);
    this.stderrIsTTY = Boolean(io.stderr.isTTY);
    const colorAllowed = options.color !== false && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '');
    this.stdoutColors = new Chalk({ level: colorAllowed && io.stdout.isTTY ? 1 : 0 });
    this.stderrColors = new Chalk({ level: colorAllowed && this.stderrIsTTY ? 1 : 0 });
    this.screen = new Messages(io.stdout, this.stdoutColors);
    this.messages = new Messages(io.stderr, this.stderrColors);
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
    const { drawTable } = await import('./table.js');
    const body = rows.map((row) => columns.map((c) => formatCell(cellValue(c, row))));
    const table = await drawTable(
      columns.map((c) => c.header),
      body,
      (header) => this.stdoutColors.cyan(header),
    );
    this.io.stdout.write(`${table}\n`);
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
      this.io.stdout.write(`${this.stdoutColors.bold(label.padEnd(width))}  ${formatCell(value)}\n`);
    }
  }

  /**
   * A boxed card: a title, then label/value rows, values wrapped to the terminal width
   * (the interactive review shows one item at a time this way).
   */
  async writeCard(title: string, fields: Array<[label: string, value: string]>): Promise<void> {
    const { default: Table } = await import('cli-table3');
    const colors = this.stdoutColors;
    const width = Math.max(50, Math.min(this.io.stdout.columns || 80, 120));
    const labelWidth = 15;
    const table = new Table({
      colWidths: [labelWidth, width - labelWidth - 3],
      wordWrap: true,
      wrapOnWordBoundary: true,
      // Colour comes from our own chalk, decided per stream: cli-table3's own styling asks
      // the colors package, which looks at the process's stdout and at CI, not at ours.
      style: { head: [], border: [] },
      // No rule between rows, as in lists (src/cli/table.ts).
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    for (const [label, value] of fields) table.push([colors.cyan(label), value]);
    this.io.stdout.write(`${colors.bold(title)}\n${table.toString()}\n`);
  }

  /** A line of data on stdout (e.g. a summary line for cron). */
  line(text: string): void {
    this.io.stdout.write(`${text}\n`);
  }

  info(message: string): void {
    this.messages.info(message);
  }

  warn(message: string): void {
    this.messages.warn(message);
  }

  error(message: string): void {
    this.messages.error(message);
  }

  success(message: string): void {
    this.messages.success(message);
  }

  /**
   * Runs `work` under a spinner on a terminal (off a terminal: only the final line). The
   * spinner always ends with the work: ✔ and the `succeed` line when it is done, ✖ when
   * it throws, before the error goes on to main to be reported; so no error is printed
   * under a spinner that still spins (and no live spinner keeps the process running).
   */
  async withSpinner<T>(text: string, work: () => Promise<T>, options: SpinnerOptions<T>): Promise<T> {
    const done = (result: T) => (typeof options.succeed === 'function' ? options.succeed(result) : options.succeed);
    // A terminal that reports no width (a pseudo-terminal whose size was never set) gets
    // plain lines too: ora divides by the width and would clear lines without end.
    if (!this.interactiveStderr || !this.io.stderr.columns) {
      const result = await work();
      this.info(done(result));
      return result;
    }
    const { default: ora } = await import('ora');
    const colors = this.stderrColors;
    const spinner = ora({
      text,
      stream: this.stderrStream,
      // Whether to spin is decided here, from this Output's streams and environment.
      isEnabled: true,
      color: colors.level > 0 ? 'cyan' : false,
    }).start();
    try {
      const result = await work();
      spinner.stopAndPersist({ symbol: colors.green('✔'), text: maskSecrets(done(result)) });
      return result;
    } catch (error) {
      spinner.stopAndPersist({ symbol: colors.red('✖'), text: maskSecrets(text) });
      throw error;
    }
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
