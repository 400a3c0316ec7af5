import { Chalk, type ChalkInstance } from 'chalk';
import type { Writable } from 'node:stream';
import type { Io } from './io.js';
import { maskSecrets } from '../db/url.js';
import { visible, visibleLines } from './visible.js';
import { guardFormula } from '../formula-guard.js';
import { formats, t, type LabelKey } from '../i18n/messages.js';
import { isoLocal } from './times.js';

export interface OutputOptions {
  json?: boolean;
  /** false when --no-color was given. */
  color?: boolean;
}

export interface Column<Row> {
  /** The CSV header: machine output, the same in every language. */
  header: string;
  /** What a person reads above the column in a table (the catalog's words); the header if none. */
  label?: LabelKey;
  /** Key in the row, or a function computing the cell. */
  value: keyof Row | ((row: Row) => unknown);
  /**
   * Left out of the table a person sees unless asked for (`--columns`): the list's default
   * columns are those a person needs first, so the table fits a terminal. CSV keeps it.
   */
  hidden?: boolean;
  /**
   * The tool's own colouring of the cell in a table (not in CSV or JSON), applied to the
   * cell once its data is escaped (src/cli/visible.ts), so the colours stay colours.
   */
  paint?: (text: string, colors: ChalkInstance) => string;
}

export interface SpinnerOptions<T> {
  /** The line left once the work is done (from its result, e.g. a count). */
  succeed: string | ((result: T) => string);
}

/**
 * Messages (info, warning, error, success) on one stream, coloured for that stream. A
 * message may name data (a user, a file's column): it is one line, its controls escaped
 * (src/cli/visible.ts) before the colour is added.
 */
export class Messages {
  constructor(
    private readonly stream: Writable,
    readonly colors: ChalkInstance,
  ) {}

  /** Text that may span lines (a description, help): its line breaks stay, other controls are escaped. */
  line(text: string): void {
    this.write(visibleLines(text));
  }

  /** Lines of diagnostics (a stack under --verbose): passwords masked, controls escaped. */
  details(text: string): void {
    this.line(maskSecrets(text));
  }

  heading(text: string): void {
    this.write(this.colors.bold(visible(text)));
  }

  info(message: string): void {
    this.write(oneMessage(message));
  }

  warn(message: string): void {
    this.write(`${this.colors.yellow(t('cli.warning.prefix'))} ${oneMessage(message)}`);
  }

  error(message: string): void {
    this.write(`${this.colors.red(t('cli.error.prefix'))} ${oneMessage(message)}`);
  }

  success(message: string): void {
    this.write(`${this.colors.green('✔')} ${oneMessage(message)}`);
  }

  private write(text: string): void {
    this.stream.write(`${text}\n`);
  }
}

/** A message as shown: passwords masked, then every control escaped. */
function oneMessage(message: string): string {
  return visible(maskSecrets(message));
}

/**
 * The only place that writes to the terminal. Data goes to stdout (a table, JSON or
 * CSV); progress, warnings and errors go to stderr. Colour is decided per stream: a
 * stream gets it only when it is a terminal (so `doctor > report.txt` holds no escape
 * codes), never under NO_COLOR or --no-color. Spinners appear only on a terminal.
 * Whatever comes from data (cells, values, titles, messages) has its control characters
 * escaped here (src/cli/visible.ts) before any colour is added; JSON escapes them as
 * JSON does, and CSV is left byte for byte as the data is.
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

  /**
   * A list for a person. On a terminal: a table fitted to its width (src/cli/table.ts),
   * headers in the run's language, times local and readable. Off a terminal (a pipe, a
   * file): one tab-separated line per row, no header, nothing cut or decorated, times in
   * ISO 8601 with the local offset, as gh does, for `cut -f2` and `while read`.
   */
  async writeTable<Row>(columns: Column<Row>[], rows: Row[]): Promise<void> {
    if (!this.stdoutIsTTY) {
      for (const row of rows) this.io.stdout.write(`${columns.map((c) => visible(formatPlain(cellValue(c, row)))).join('\t')}\n`);
      return;
    }
    const { drawTable } = await import('./table.js');
    const colors = this.stdoutColors;
    const table = await drawTable(
      {
        headers: columns.map((c) => visible(c.label ? t(c.label) : c.header)),
        rows: rows.map((row) => columns.map((c) => oneLine(formatHuman(cellValue(c, row))))),
      },
      {
        width: this.io.stdout.columns || 80,
        paintHeader: (header) => colors.bold(header),
        paintCell: (index, text) => {
          const paint = columns[index]!.paint;
          return paint ? paint(text, colors) : text;
        },
      },
    );
    this.io.stdout.write(`${table}\n`);
  }

  /** Whether stdout is a terminal: a person reads it (tables fitted, times readable). */
  get stdoutIsTTY(): boolean {
    return Boolean(this.io.stdout.isTTY);
  }

  /**
   * CSV on stdout. Cells a spreadsheet would run as a formula (=, +, -, @, tab, CR at
   * the start) get a leading apostrophe, so an export opened in Excel runs nothing.
   * `header: false` continues a CSV already begun (exports written a page at a time).
   * `excel: true` writes what French Excel opens as it is: `;`, a UTF-8 BOM before the
   * header, CRLF line endings (plain CSV is `,`, no BOM, LF).
   */
  async writeCsv<Row>(columns: Column<Row>[], rows: Row[], options: { header?: boolean; excel?: boolean } = {}): Promise<void> {
    const { stringify } = await import('csv-stringify/sync');
    const records = rows.map((row) => columns.map((c) => guardFormula(formatCell(cellValue(c, row)))));
    const header = options.header !== false;
    const dialect = options.excel ? { delimiter: ';', record_delimiter: '\r\n' } : {};
    const text = stringify(records, { header, columns: columns.map((c) => c.header), ...dialect });
    this.io.stdout.write(options.excel && header ? `\uFEFF${text}` : text);
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

  /**
   * One "label: value" line per field of a record (a `show`, a summary). A value of
   * several lines goes on under itself, indented, so none of its lines can pass for
   * another label's. Off a terminal, each field stays on its one line (line breaks
   * escaped) and times are ISO 8601, so the lines can be read back by a script.
   */
  writeFields(fields: Array<[label: string, value: unknown]>): void {
    // French typography puts a space before the colon (`Nom :`), English none (`Name:`).
    const labels = fields.map(([label]) => t('view.field_label', { label: visible(label) }));
    const width = Math.max(...labels.map((label) => label.length));
    const indent = `\n${' '.repeat(width + 1)}`;
    fields.forEach(([, value], index) => {
      const text = this.stdoutIsTTY ? visibleLines(formatHuman(value)).split('\n').join(indent) : visible(formatPlain(value));
      // An empty value leaves no trailing blanks.
      const line = text === '' ? this.stdoutColors.bold(labels[index]!) : `${this.stdoutColors.bold(labels[index]!.padEnd(width))} ${text}`;
      this.io.stdout.write(`${line}\n`);
    });
  }

  /**
   * A boxed card: a title, then label/value rows, values wrapped to the terminal width
   * (the interactive review shows one item at a time this way). Nothing is cut: a word
   * wider than its column (a web address, an e-mail) goes on over the next lines, and a
   * long title wraps, so no line is wider than the terminal (from 50 columns).
   */
  async writeCard(title: string, fields: Array<[label: string, value: string]>): Promise<void> {
    const { default: Table } = await import('cli-table3');
    const colors = this.stdoutColors;
    const width = Math.max(50, Math.min(this.io.stdout.columns || 80, 120));
    const labelWidth = 15;
    const valueWidth = width - labelWidth - 3;
    // Width inside a cell: one space of padding on each side.
    const breakLongWords = (text: string, room: number) =>
      text
        .split('\n')
        .map((line) =>
          line
            .split(' ')
            .map((word) => ([...word].length <= room ? word : (word.match(new RegExp(`.{1,${room}}`, 'gu')) ?? [word]).join('\n')))
            .join(' '),
        )
        .join('\n');
    const wrapTitle = (text: string) => {
      const lines: string[] = [];
      let line = '';
      for (const word of breakLongWords(text, width).split(/[ \n]/)) {
        if (line && [...line].length + 1 + [...word].length > width) {
          lines.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      return [...lines, line].join('\n');
    };
    const table = new Table({
      colWidths: [labelWidth, valueWidth],
      wordWrap: true,
      wrapOnWordBoundary: true,
      // Colour comes from our own chalk, decided per stream: cli-table3's own styling asks
      // the colors package, which looks at the process's stdout and at CI, not at ours.
      style: { head: [], border: [] },
      // No rule between rows, as in lists (src/cli/table.ts).
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    for (const [label, value] of fields) {
      table.push([colors.cyan(breakLongWords(visible(label), labelWidth - 2)), breakLongWords(visibleLines(value), valueWidth - 2)]);
    }
    this.io.stdout.write(`${colors.bold(wrapTitle(visible(title)))}\n${table.toString()}\n`);
  }

  /** A line of data on stdout (e.g. a summary line for cron); its controls escaped, line breaks kept. */
  line(text: string): void {
    this.io.stdout.write(`${visibleLines(text)}\n`);
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

  /** Lines of diagnostics on stderr (a stack under --verbose): passwords masked, controls escaped. */
  details(text: string): void {
    this.messages.details(text);
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
      text: oneMessage(text),
      stream: this.stderrStream,
      // Whether to spin is decided here, from this Output's streams and environment.
      isEnabled: true,
      color: colors.level > 0 ? 'cyan' : false,
    }).start();
    try {
      const result = await work();
      spinner.stopAndPersist({ symbol: colors.green('✔'), text: oneMessage(done(result)) });
      return result;
    } catch (error) {
      spinner.stopAndPersist({ symbol: colors.red('✖'), text: oneMessage(text) });
      throw error;
    }
  }
}

export function cellValue<Row>(column: Column<Row>, row: Row): unknown {
  return typeof column.value === 'function' ? column.value(row) : row[column.value];
}

/** A search excerpt's «marks», bold (a column's `paint`). */
export function boldMarks(text: string, colors: ChalkInstance): string {
  return text.replace(/«([^»]*)»/g, (_all, word: string) => colors.bold(word));
}

/** A value in machine output (CSV): as stored, times in UTC ISO 8601. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A value in plain text off a terminal: as stored, times ISO 8601 with the local offset (TZ). */
export function formatPlain(value: unknown): string {
  return value instanceof Date ? isoLocal(value) : formatCell(value);
}

/** A value as a person reads it: times local in the run's language, yes or no. */
export function formatHuman(value: unknown): string {
  if (value instanceof Date) return formats().dateTime(value);
  if (typeof value === 'boolean') return t(value ? 'view.yes' : 'view.no');
  return formatCell(value);
}

/** A cell on one line: line breaks become spaces, other controls escaped. */
function oneLine(text: string): string {
  return visible(visibleLines(text).replace(/\n+/g, ' '));
}
