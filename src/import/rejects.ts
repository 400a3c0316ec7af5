import { accessSync, constants, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { stringify } from 'csv-stringify/sync';
import { normaliseHeader, REJECT_COLUMNS } from './headers.js';
import type { RejectedRow } from './rows.js';

/** `<input name>.rejects.csv` in the current directory (`stdin.rejects.csv` for stdin). */
export function defaultRejectsPath(inputName: string, cwd: string = process.cwd()): string {
  const base = basename(inputName).replace(/\.(csv|txt|tsv)$/i, '');
  return resolve(cwd, `${base}.rejects.csv`);
}

/**
 * The rejects file: the input's header and cells unchanged, then `line` and `reason`.
 * It is written in UTF-8 with a BOM (spreadsheets open it with the accents right) with
 * the input's delimiter, and can be fixed and imported as it is: the import ignores the
 * two added columns. Created on the first reject only.
 */
export class RejectsFile {
  private stream: WriteStream | undefined;
  private failure: Error | undefined;
  private readonly keep: number[];
  private readonly header: string[];
  count = 0;

  constructor(
    readonly path: string,
    header: string[],
    private readonly delimiter: string,
  ) {
    try {
      accessSync(dirname(path), constants.W_OK);
    } catch {
      throw new UsageError(
        `Cannot write the rejects file ${path}: its directory does not exist or is not writable; choose another with --rejects.`,
      );
    }
    // Re-importing a rejects file: its old line/reason columns make way for new ones.
    this.keep = header.flatMap((h, i) => ((REJECT_COLUMNS as readonly string[]).includes(normaliseHeader(h)) ? [] : [i]));
    this.header = this.keep.map((i) => header[i]!);
  }

  async add(rows: RejectedRow[]): Promise<void> {
    if (rows.length === 0) return;
    if (!this.stream) {
      this.stream = createWriteStream(this.path);
      this.stream.on('error', (error) => (this.failure = error));
      this.write(`\uFEFF${this.format([...this.header, ...REJECT_COLUMNS])}`);
    }
    const text = rows.map((row) => this.format([...this.keep.map((i) => row.cells[i] ?? ''), String(row.line), row.reason])).join('');
    this.count += rows.length;
    if (!this.write(text)) await once(this.stream, 'drain');
  }

  /** Path of the file if anything was rejected, else null. */
  async close(): Promise<string | null> {
    if (!this.stream) return null;
    this.stream.end();
    await once(this.stream, 'close');
    if (this.failure) throw new Error(`Cannot write the rejects file ${this.path}: ${this.failure.message}`);
    return this.path;
  }

  private write(text: string): boolean {
    if (this.failure) throw new Error(`Cannot write the rejects file ${this.path}: ${this.failure.message}`);
    return this.stream!.write(text);
  }

  private format(cells: string[]): string {
    // Any line break in a cell is quoted, whatever the file's own line ending.
    return stringify([cells], { delimiter: this.delimiter, record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
  }
}
