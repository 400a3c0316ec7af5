import { open, type FileHandle } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { AlumniError } from '../errors.js';
import { describeFsError } from '../files.js';
import { normaliseHeader, REJECT_COLUMNS } from './headers.js';
import type { RejectedRow } from './rows.js';

/** `<input name>.rejects.csv` in the current directory (`stdin.rejects.csv` for stdin). */
export function defaultRejectsPath(inputName: string, cwd: string = process.cwd()): string {
  const base = basename(inputName).replace(/\.(csv|txt|tsv)$/i, '');
  return resolve(cwd, `${base}.rejects.csv`);
}

/** Rejected rows are written once this many characters wait, and at the end. */
const FLUSH_CHARACTERS = 64 * 1024;

/**
 * The rejects file: the input's header and cells unchanged, then `line` and `reason`.
 * It is written in UTF-8 with a BOM (spreadsheets open it with the accents right) with
 * the input's delimiter, and can be fixed and imported as it is: the import ignores the
 * two added columns. Created on the first reject only, at a path checked before the
 * import began (checkOutputFile). A write that fails later (a full disk) fails the
 * import with a sentence: `add` and `close` reject, never wait for a write that will
 * not come.
 */
export class RejectsFile {
  private file: FileHandle | undefined;
  private pending: string[] = [];
  private pendingLength = 0;
  /** Writes in the order rows came (batches add theirs concurrently). */
  private written: Promise<void> = Promise.resolve();
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
    if (this.count === 0) this.queue(`\uFEFF${this.format([...this.header, ...REJECT_COLUMNS])}`);
    for (const row of rows) this.queue(this.format([...this.keep.map((i) => row.cells[i] ?? ''), String(row.line), row.reason]));
    this.count += rows.length;
    if (this.pendingLength >= FLUSH_CHARACTERS) await this.flush();
  }

  /** Path of the file if anything was rejected, else null. */
  async close(): Promise<string | null> {
    try {
      await this.flush();
    } finally {
      await this.file?.close();
      this.file = undefined;
    }
    return this.count > 0 ? this.path : null;
  }

  private queue(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
  }

  private flush(): Promise<void> {
    if (this.pending.length > 0) {
      const text = this.pending.join('');
      this.pending = [];
      this.pendingLength = 0;
      this.written = this.written.then(async () => {
        try {
          this.file ??= await open(this.path, 'w');
          await this.file.writeFile(text);
        } catch (error) {
          throw new AlumniError(
            `Cannot write the rejects file ${this.path}: ${describeFsError(error)}; the import stopped there.`,
            undefined,
            {
              cause: error,
            },
          );
        }
      });
    }
    return this.written;
  }

  private format(cells: string[]): string {
    // Any line break in a cell is quoted, whatever the file's own line ending.
    return stringify([cells], { delimiter: this.delimiter, record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
  }
}
