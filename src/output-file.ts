import { accessSync, chmodSync, constants, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { AlumniError, UsageError } from './errors.js';

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
    /** As given, for messages. */
    readonly given: string,
    /** Where it is written: the absolute path, an existing symbolic link followed. */
    readonly path: string,
    /** The permissions of the file it replaces, kept. */
    private readonly mode: number | null,
  ) {}

  /** The checked target of `flag` (exit 2 with a sentence when it cannot be written). */
  static check(flag: string, given: string): OutputFile {
    const refuse = (why: string) => new UsageError(`${flag} ${JSON.stringify(given)}: ${why}.`);
    if (given.trim() === '') throw refuse('give the name of the file to write');
    if (/[/\\]$/.test(given)) throw refuse('that names a directory; give a file name');
    const absolute = resolve(given);
    const existing = statOrNull(absolute);
    if (existing?.isDirectory()) throw refuse('that is a directory; give a file name');
    if (existing && !existing.isFile()) throw refuse('that is not a regular file (a device, a pipe or a socket); give a file name');
    const path = existing ? realpathSync(absolute) : absolute;
    const dir = dirname(path);
    const parent = statOrNull(dir);
    if (!parent) throw refuse(`the directory ${dir} does not exist`);
    if (!parent.isDirectory()) throw refuse(`${dir} is not a directory`);
    if (!canWrite(dir, constants.W_OK | constants.X_OK)) throw refuse(`cannot create a file in ${dir} (permission denied)`);
    if (existing && !canWrite(path, constants.W_OK)) throw refuse('the file is read-only');
    return new OutputFile(flag, given, path, existing ? existing.mode & 0o7777 : null);
  }

  /** Where the content is being written; the file stays hidden (a dot file) until commit(). */
  get stagedPath(): string {
    if (this.staged === null) throw new Error(`${this.flag}: nothing staged`);
    return this.staged;
  }

  /** Writes `content` to the temporary file (a full disk: exit 1, one sentence, nothing left behind). */
  stage(content: string | Uint8Array): void {
    this.discard();
    // Hidden, and ending as the target does: Chromium reads a file's type from its extension.
    const temporary = join(dirname(this.path), `.partial-${process.pid}-${randomBytes(4).toString('hex')}-${basename(this.path)}`);
    this.staged = temporary;
    try {
      writeFileSync(temporary, content, { flag: 'wx' });
      if (this.mode !== null) chmodSync(temporary, this.mode);
    } catch (error) {
      this.discard();
      throw this.writeError(error);
    }
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
    const code = (error as NodeJS.ErrnoException).code;
    const reasons: Record<string, string> = {
      ENOSPC: 'the disk is full',
      EDQUOT: 'the disk quota is exhausted',
      EFBIG: 'the file is larger than this process may write',
      EROFS: 'the file system is read-only',
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      EIO: 'an input/output error',
    };
    const reason = (code && reasons[code]) ?? (error as Error).message;
    return new AlumniError(`Cannot write ${this.flag} ${JSON.stringify(this.given)}: ${reason}; nothing was written.`, 1, { cause: error });
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function canWrite(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}
