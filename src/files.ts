import { closeSync, constants, fstatSync, openSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { problem, UsageError } from './errors.js';
import type { FsReason, OutputRefusal } from './i18n/en/common.js';
import { t } from './i18n/messages.js';

/** What went wrong with a file, as the catalog words it: the system error's code, else its message. */
export function fsReason(error: unknown): FsReason {
  const code = (error as NodeJS.ErrnoException).code;
  return { code: typeof code === 'string' ? code : null, message: (error as Error).message };
}

/** What went wrong with a file, in words of the run's language: "no such file", "the disk is full". */
export function describeFsError(error: unknown): string {
  return t('common.fs.reason', fsReason(error));
}

export interface OutputFileRole {
  /** What the file is, for messages, in the run's language: "the rejects file". */
  what: string;
  /** The option that names it, for the advice: "--rejects". */
  flag: string;
  /** A file the output must never be (the input being read): the same file under any name. */
  notSameAs?: { stats: Stats; what: string };
}

/**
 * Checks, before any work, that a file can be written at `path` (resolved from `cwd`)
 * and returns its absolute path. Refused with exit 2: an empty path, a directory, a
 * device, FIFO or socket (writing to one can block, fail at once or vanish), `notSameAs`
 * under another name (a symbolic or hard link, `./F` for `F`), a folder that does not
 * exist, and a file or folder this process cannot write. Writability is tried, not
 * inferred from permission bits, which root ignores: an existing file is opened for
 * writing without being changed, a new one is created and removed again.
 */
export function checkOutputFile(path: string, cwd: string, options: OutputFileRole): string {
  if (path.trim() === '') throw new UsageError(problem('common.output_file.empty', { what: options.what, flag: options.flag }));
  const absolute = resolve(cwd, path);
  const refuse = (refusal: OutputRefusal) =>
    new UsageError(problem('common.output_file.refused', { what: options.what, path: absolute, flag: options.flag, refusal }));
  let stats: Stats | undefined;
  try {
    stats = statSync(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw refuse({ kind: 'fs', reason: fsReason(error) });
  }
  if (stats?.isDirectory()) throw refuse({ kind: 'directory' });
  if (stats && !stats.isFile()) throw refuse({ kind: 'not_regular' });
  const same = options.notSameAs;
  if (stats && same && stats.dev === same.stats.dev && stats.ino === same.stats.ino) throw refuse({ kind: 'same', same: same.what });
  try {
    if (stats) closeSync(openSync(absolute, constants.O_WRONLY));
    else {
      closeSync(openSync(absolute, 'wx'));
      unlinkSync(absolute);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw refuse({ kind: 'no_folder', folder: dirname(absolute) });
    if (code === 'EEXIST') throw refuse({ kind: 'dangling_link' });
    throw refuse({ kind: 'fs', reason: fsReason(error) });
  }
  return absolute;
}

/** The regular file a stream reads from (standard input redirected from a file), if it is one. */
export function regularFileBehind(stream: NodeJS.ReadableStream): Stats | undefined {
  const fd = (stream as { fd?: unknown }).fd;
  if (typeof fd !== 'number') return undefined;
  try {
    const stats = fstatSync(fd);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}
