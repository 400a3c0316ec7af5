import { chmodSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { AlumniError, problem, UsageError } from './errors.js';
import { checkOutputFile, fsReason } from './files.js';

/**
 * A file a command writes (the report's HTML and PDF). Its path is checked before any
 * work: a name given, in a directory that exists and can be written, and not a
 * directory, a device or a pipe (a report is a file: `/dev/full` is refused rather than
 * found full after the work). The content goes to a temporary file in the same directory,
 * renamed over the target once everything is ready: a failure (a full disk, a Chromium
 * that does not start) leaves the previous file as it was, or none, never half a file.
 */
export class OutputFile {
  private staged: string | null = null;

  private constructor(
    /** The flag that named it, for messages. */
    readonly flag: string,
    /** What it is, for messages, in the run's language: "the HTML report". */
    readonly what: string,
    /** Where it is written: the absolute path, an existing symbolic link followed. */
    readonly path: string,
    /** The permissions of the file it replaces, kept. */
    private readonly mode: number | null,
  ) {}

  /** The checked target of `flag` (exit 2 with a sentence when it cannot be written): see checkOutputFile. */
  static check(flag: string, what: string, given: string): OutputFile {
    // A trailing slash names a directory even when none exists yet: never a file.
    if (given.trim() !== '' && /[/\\]$/.test(given)) {
      throw new UsageError(problem('common.output_file.names_directory', { what, path: resolve(given), flag }));
    }
    const absolute = checkOutputFile(given, process.cwd(), { what, flag });
    const existing = statOrNull(absolute);
    const path = existing ? realpathSync(absolute) : absolute;
    return new OutputFile(flag, what, path, existing ? existing.mode & 0o7777 : null);
  }

  /** Where the content is being written; the file stays hidden (a dot file) until commit(). */
  get stagedPath(): string {
    // eslint-disable-next-line alumni/no-literal-messages -- a bug of ours, not a user's doing: reported as code internal
    if (this.staged === null) throw new Error(`${this.flag}: nothing staged`);
    return this.staged;
  }

  /** Writes `content` to the temporary file (a full disk: exit 1, one sentence, nothing left behind). */
  stage(content: string | Uint8Array): void {
    const temporary = this.newStagedPath();
    try {
      writeFileSync(temporary, content, { flag: 'wx' });
      if (this.mode !== null) chmodSync(temporary, this.mode);
    } catch (error) {
      this.discard();
      throw this.writeError(error);
    }
  }

  /**
   * Has `write` stream the content into the temporary file at the path it is given (a
   * file of any size, written as it comes); a file system error fails as in stage(),
   * any other (the database, an interruption) goes on as it is.
   */
  async stageStreamed(write: (path: string) => Promise<void>): Promise<void> {
    const temporary = this.newStagedPath();
    try {
      await write(temporary);
      if (this.mode !== null) chmodSync(temporary, this.mode);
    } catch (error) {
      this.discard();
      throw (error as NodeJS.ErrnoException).syscall !== undefined ? this.writeError(error) : error;
    }
  }

  private newStagedPath(): string {
    this.discard();
    // Hidden, and ending as the target does: Chromium reads a file's type from its extension.
    this.staged = join(dirname(this.path), `.partial-${process.pid}-${randomBytes(4).toString('hex')}-${basename(this.path)}`);
    return this.staged;
  }

  /** Puts the staged content in place (a rename: the file is whole or absent). */
  commit(): void {
    try {
      renameSync(this.stagedPath, this.path);
      this.staged = null;
    } catch (error) {
      this.discard();
      throw this.writeError(error);
    }
  }

  /** Removes what was staged and not committed; safe to call at any time. */
  discard(): void {
    if (this.staged !== null) rmSync(this.staged, { force: true });
    this.staged = null;
  }

  private writeError(error: unknown): AlumniError {
    return new AlumniError(problem('common.output_file.write_failed', { what: this.what, path: this.path, reason: fsReason(error) }), 1, {
      cause: error,
    });
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
