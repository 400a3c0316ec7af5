import { open, type FileHandle } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { AlumniError, problem } from '../errors.js';
import { describeFsError } from '../files.js';
import { normaliseHeader, REJECT_COLUMNS } from './headers.js';
import type { RejectedRow } from './rows.js';

/** `<input name>.rejects.csv` in the current directory (`stdin.rejects.csv` for stdin). */
export function defaultRejectsPath(inputName: string, cwd: string = process.cwd()): string {
  const base = basename(inputName).replace(/\.(csv|txt|tsv|xlsx)$/i, '');
  return resolve(cwd, `${base}.rejects.csv`);
}

/** Past this many characters waiting to be written, adding rows waits for the disk. */
const MAX_PENDING_CHARACTERS = 64 * 1024;

/**
 * The rejects file: the input's header and cells unchanged, then `line` and `reason`.
 * It is written in UTF-8 with a BOM (spreadsheets open it with the accents right) with
 * the input's delimiter, and can be fixed and imported as it is: the import ignores the
 * two added columns. Created on the first reject only, at a path checked before the
 * import began (checkOutputFile), and written as rows come, so that it shows how far an
 * import got. A write that fails (a full disk) fails the import with a sentence: the
 * next `add`, or `close`, throws it; nothing waits for a write that will not come.
 */
export class RejectsFile {
  private file: FileHandle | undefined;
  private pending: string[] = [];
  private pendingLength = 0;
  /** The writes, one after the other, in the order rows came (batches add theirs concurrently). */
  private written: Promise<void> = Promise.resolve();
  /** A write is queued: it will take whatever is pending when its turn comes. */
  private scheduled = false;
  private failure: AlumniError | undefined;
  private readonly keep: number[];
  private readonly header: string[];
  count = 0;

  constructor(
    readonly path: string,
    header: string[],
    private readonly delimiter: string,
  ) {
    // Re-importing a rejects file: its old line/reason columns make way for new ones.
    this.keep = header.flatMap((h, i) => ((REJECT_COLUMNS as readonly string[]).includes(normaliseHeader(h)) ? [] : [i]));
    this.header = this.keep.map((i) => header[i]!);
  }

  async add(rows: RejectedRow[]): Promise<void> {
    if (rows.length === 0) return;
    this.throwFailure();
    if (this.count === 0) this.queue(`\uFEFF${this.format([...this.header, ...REJECT_COLUMNS])}`);
    for (const row of rows) this.queue(this.format([...this.keep.map((i) => row.cells[i] ?? ''), String(row.line), row.reason]));
    this.count += rows.length;
    const flushed = this.flush();
    if (this.pendingLength >= MAX_PENDING_CHARACTERS) {
      await flushed;
      this.throwFailure();
    }
  }

  /** Path of the file if anything was rejected, else null. */
  async close(): Promise<string | null> {
    await this.flush();
    try {
      await this.file?.close();
    } catch (error) {
      this.failure ??= this.cannotWrite(error);
    }
    this.file = undefined;
    this.throwFailure();
    return this.count > 0 ? this.path : null;
  }

  private queue(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
  }

  private flush(): Promise<void> {
    if (!this.scheduled) {
      this.scheduled = true;
      this.written = this.written.then(() => this.writePending());
    }
    return this.written;
  }

  /** Never rejects (a rejection nobody awaits yet would end the process): a failure is kept for the next add or close. */
  private async writePending(): Promise<void> {
    this.scheduled = false;
    if (this.failure || this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    try {
      this.file ??= await open(this.path, 'w');
      await this.file.writeFile(text);
    } catch (error) {
      this.failure = this.cannotWrite(error);
    }
  }

  private cannotWrite(error: unknown): AlumniError {
    const why = describeFsError(error);
    return new AlumniError(problem('import.rejects.cannot_write', { path: this.path, why }), undefined, { cause: error });
  }

  private throwFailure(): void {
    if (this.failure) throw this.failure;
  }

  private format(cells: string[]): string {
    // Any line break in a cell is quoted, whatever the file's own line ending.
    return stringify([cells], { delimiter: this.delimiter, record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
  }
}
