import { closeSync, constants, fstatSync, openSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './errors.js';

/** What went wrong with a file, in words: "no such file", "the disk is full". */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ENOTDIR') return 'a part of its path is not a directory';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EDQUOT') return 'the disk quota is used up';
  if (code === 'EFBIG') return 'the file would be larger than this process may write';
  if (code === 'EIO') return 'an input/output error (a failing disk?)';
  return (error as Error).message;
}

export interface OutputFileRole {
  /** What the file is, for messages: "the rejects file". */
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
  if (path.trim() === '') throw new UsageError(`The path of ${options.what} is empty; give a file name with ${options.flag}.`);
  const absolute = resolve(cwd, path);
  const refuse = (why: string) => new UsageError(`Cannot write ${options.what} ${absolute}: ${why}; choose another with ${options.flag}.`);
  let stats: Stats | undefined;
  try {
    stats = statSync(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw refuse(describeFsError(error));
  }
  if (stats?.isDirectory()) throw refuse('it is a directory');
  if (stats && !stats.isFile()) throw refuse('it is not a regular file (a device, a FIFO or a socket)');
  const same = options.notSameAs;
  if (stats && same && stats.dev === same.stats.dev && stats.ino === same.stats.ino) throw refuse(`it is ${same.what}`);
  try {
    if (stats) closeSync(openSync(absolute, constants.O_WRONLY));
    else {
      closeSync(openSync(absolute, 'wx'));
      unlinkSync(absolute);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw refuse(`its folder ${dirname(absolute)} does not exist`);
    if (code === 'EEXIST') throw refuse('it is a symbolic link to a file that does not exist');
    throw refuse(describeFsError(error));
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
