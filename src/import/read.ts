import { createHash } from 'node:crypto';
import { constants, createReadStream, createWriteStream, mkdtempSync, openSync, rmSync, statSync, type Stats } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { tmpdir } from 'node:os';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type CsvError } from 'csv-parse';
import { UsageError } from '../errors.js';
import { describeFsError } from '../files.js';
import { openIfWorkbook } from './xlsx.js';
import { DELIMITERS, delimiterNamed, delimiterRefusal, encodingNamed, encodingRefusal, type RosterEncoding } from './dialect.js';

export type { RosterEncoding } from './dialect.js';

export interface SourceRecord {
  /** Physical line where the record starts in the input (the header is line 1). */
  line: number;
  cells: string[];
  /** Why the record could not be read as CSV (unbalanced quotes...), if so. */
  malformed?: string;
}

/**
 * Why a record cannot be read as a row at all, whatever the import: broken CSV, more
 * cells than the header, bytes that were not UTF-8. Null when it can.
 */
export function unreadableRecord(record: SourceRecord, headerLength: number): string | null {
  if (record.malformed) return `not readable as CSV: ${record.malformed}`;
  const extra = record.cells.slice(headerLength).filter((cell) => cell.trim() !== '');
  if (extra.length > 0) return `${record.cells.length} cells where the header has ${headerLength}`;
  if (record.cells.some((cell) => cell.includes('\uFFFD'))) {
    return 'holds bytes that are not valid UTF-8 (use --encoding windows-1252 if the file is not UTF-8)';
  }
  return null;
}

export interface Roster {
  name: string;
  encoding: RosterEncoding;
  delimiter: string;
  header: string[];
  records: AsyncIterable<SourceRecord>;
  /** Bytes read so far, and the file's size: for progress. */
  bytesRead(): number;
  totalBytes: number;
  /** Rows the whole file probably holds, from the length of its first lines. */
  estimatedRows: number;
  /** SHA-256 of the bytes read; complete once `records` is exhausted. */
  checksum(): string;
  /** The file as it was when it was opened: which file, its size, when it was modified. */
  stats: Stats;
}

export interface ReadOptions {
  encoding?: string;
  delimiter?: string;
  /** What to call the file in messages (a spooled stdin is "stdin"). */
  name?: string;
  /**
   * A first pass over the file, for its keys only: records are numbered in order, not
   * by physical line, which saves a good part of reading a large file.
   */
  keysOnly?: boolean;
  /** Stops the reading (the stream fails with the signal's reason) when aborted. */
  signal?: AbortSignal;
  /** The sheet of an Excel workbook to read (default: its first); refused for a CSV file. */
  sheet?: string;
}

const SAMPLE_BYTES = 64 * 1024;

/**
 * Standard input or a named pipe (FIFO) copied to a temporary file, so that it can be
 * read twice like any file (the import's first pass looks for repeated matricules) and
 * judged whole for its encoding. `remove` deletes it. Aborting `signal` stops the copy.
 */
export async function spoolToFile(
  input: NodeJS.ReadableStream,
  name: string,
  signal?: AbortSignal,
): Promise<{ path: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'alumni-stdin-'));
  const path = join(dir, 'stdin.csv');
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    await pipeline(input, createWriteStream(path), { signal });
  } catch (error) {
    remove();
    if (signal?.aborted) throw signal.reason;
    throw new UsageError(`Cannot read ${name}: ${describeFsError(error)}.`);
  }
  return { path, remove };
}

/** A named pipe (FIFO): it can be read only once, so it is spooled like stdin. */
export function isNamedPipe(path: string): boolean {
  try {
    return statSync(path).isFIFO();
  } catch {
    return false; // openRoster says what is wrong with it
  }
}

/**
 * Opens a named pipe without blocking. A plain open() of a FIFO waits for a writer in a
 * thread of Node's pool, where nothing can cancel it: a signal could not stop the
 * import, and the process could not even exit. Opened non-blocking, the pipe is read as
 * a socket is, through the event loop: it waits for a writer, and destroying the stream
 * (an aborted spool) ends the wait.
 */
export function openNamedPipe(path: string): NodeJS.ReadableStream {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new UsageError(`Cannot read ${path}: ${describeFsError(error)}.`);
  }
  return new Socket({ fd, readable: true, writable: false });
}

/**
 * Opens a roster file as a stream of records, with its encoding, delimiter and header
 * detected. Throws UsageError (exit 2) when the file itself is unusable; nothing has
 * been written by then.
 */
export async function openRoster(input: string, options: ReadOptions = {}): Promise<Roster> {
  const name = options.name ?? input;
  let stats: Stats;
  try {
    stats = statSync(input);
    if (stats.isDirectory()) throw new UsageError(`${name} is a directory, not a CSV file.`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`Cannot read ${name}: ${describeFsError(error)}.`);
  }
  const workbook = await openIfWorkbook(input, stats, { ...options, name });
  if (workbook) return workbook;
  const source = createReadStream(input, { signal: options.signal });
  const hash = createHash('sha256');
  let bytesRead = 0;
  const chunks = (async function* () {
    for await (const chunk of source as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      bytesRead += bytes.length;
      hash.update(bytes);
      yield bytes;
    }
  })();

  // The first 64 kB decide encoding, delimiter and line ending.
  const head: Buffer[] = [];
  let headLength = 0;
  let exhausted = false;
  try {
    while (headLength < SAMPLE_BYTES) {
      const next = await chunks.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      head.push(next.value);
      headLength += next.value.length;
    }
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    throw new UsageError(`Cannot read ${name}: ${describeFsError(error)}.`);
  }
  const sample = Buffer.concat(head);
  if (sample.length === 0) throw new UsageError(`${name} is empty: there is no header line.`);
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) {
    throw new UsageError(`${name} is UTF-16, which alumni does not read; save it as CSV UTF-8 (or Windows-1252).`);
  }
  if (sample.includes(0)) throw new UsageError(`${name} looks binary (it holds NUL bytes), not a CSV file.`);

  const encoding =
    options.encoding !== undefined
      ? forcedEncoding(options.encoding)
      : await detectEncoding(sample, exhausted ? null : input, options.signal);
  const decoder = new TextDecoder(encoding); // strips a UTF-8 BOM
  const sampleText = new TextDecoder(encoding).decode(sample);
  const delimiter = options.delimiter !== undefined ? forcedDelimiter(options.delimiter) : detectDelimiter(sampleText);
  const lineEnding = /\r\n|\n|\r/.exec(sampleText)?.[0] ?? '\n';

  const text = Readable.from(
    (async function* () {
      for (const chunk of head) yield decoder.decode(chunk, { stream: true });
      for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
      const rest = decoder.decode();
      if (rest) yield rest;
    })(),
  );
  const parser = parse({
    delimiter,
    record_delimiter: lineEnding,
    raw: !options.keysOnly,
    relax_column_count: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
  });
  const skipped: CsvError[] = [];
  parser.on('skip', (error: CsvError) => skipped.push(error));
  text.on('error', (error) => parser.destroy(error));
  text.pipe(parser);

  const records = options.keysOnly ? readKeyRecords(parser, skipped) : readRecords(parser, skipped);
  const first = await records.next();
  if (first.done) throw new UsageError(`${name} has no header line.`);
  const header = first.value.cells.map((cell) => cell.trim());
  if (header.every((cell) => cell === '')) throw new UsageError(`${name} has no header line.`);

  return {
    name,
    encoding,
    delimiter,
    header,
    records: { [Symbol.asyncIterator]: () => records },
    stats,
    bytesRead: () => bytesRead,
    totalBytes: stats.size,
    estimatedRows: Math.ceil((stats.size / sample.length) * Math.max(1, countBreaks(sampleText)) * 1.1),
    checksum: () => hash.copy().digest('hex'),
  };
}

/**
 * Whether two whole readings of `path` (an import's two passes, both exhausted) read one
 * file, unchanged: the same file (device and inode), size and modification time at the
 * start of the first and the end of the second, the same number of bytes and the same
 * SHA-256 both times. A file being written (a copy still under way, a truncation, an
 * edit) fails one of these whenever it changes during either pass.
 */
export function readUnchanged(path: string, first: Roster, second: Roster): boolean {
  let now: Stats;
  try {
    now = statSync(path);
  } catch {
    return false;
  }
  const before = first.stats;
  return (
    now.dev === before.dev &&
    now.ino === before.ino &&
    now.size === before.size &&
    now.mtimeMs === before.mtimeMs &&
    first.bytesRead() === before.size &&
    second.bytesRead() === before.size &&
    first.checksum() === second.checksum()
  );
}

/** Records with the physical line each starts on, blank lines left out. */
async function* readRecords(parser: AsyncIterable<{ record: string[]; raw: string }>, skipped: CsvError[]): AsyncGenerator<SourceRecord> {
  // csv-parse counts a CRLF inside a quoted field as two lines, so lines are counted
  // here from each record's raw text: its leading blank lines, then its line breaks.
  let nextLine = 1;
  for await (const { record, raw } of parser) {
    while (skipped.length > 0) {
      const error = skipped.shift()!;
      yield { line: Number(error.lines), cells: [], malformed: error.message };
    }
    const leadingBreaks = countBreaks(/^[\r\n]*/.exec(raw)![0]);
    const line = nextLine + leadingBreaks;
    nextLine += countBreaks(raw);
    if (record.every((cell) => cell.trim() === '')) continue;
    yield { line, cells: record };
  }
  for (const error of skipped) yield { line: Number(error.lines), cells: [], malformed: error.message };
}

/**
 * Records numbered in order (the header is 1), not by physical line: a first pass
 * (keysOnly). Unreadable records are left out: they have no keys.
 */
async function* readKeyRecords(parser: AsyncIterable<string[]>, skipped: CsvError[]): AsyncGenerator<SourceRecord> {
  let ordinal = 0;
  for await (const record of parser) {
    skipped.length = 0;
    yield { line: ++ordinal, cells: record };
  }
}

function countBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

async function detectEncoding(sample: Buffer, wholeFile: string | null, signal?: AbortSignal): Promise<RosterEncoding> {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  // A file is checked whole, so a stray byte far down cannot be decoded the wrong way
  // (null: the sample is the whole file).
  if (wholeFile === null) return isUtf8(trimIncompleteUtf8(sample)) ? 'utf-8' : 'windows-1252';
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(wholeFile, { signal }) as AsyncIterable<Buffer>) {
    const bytes = Buffer.concat([carry, chunk]);
    const complete = trimIncompleteUtf8(bytes);
    if (!isUtf8(complete)) return 'windows-1252';
    carry = bytes.subarray(complete.length);
  }
  return carry.length === 0 ? 'utf-8' : 'windows-1252';
}

/** Cuts a multi-byte UTF-8 sequence split by the end of the buffer. */
function trimIncompleteUtf8(bytes: Buffer): Buffer {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back
    const expected = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return expected > back ? bytes.subarray(0, bytes.length - back) : bytes;
  }
  return bytes;
}

function forcedEncoding(name: string): RosterEncoding {
  const encoding = encodingNamed(name);
  if (encoding === undefined) throw new UsageError(encodingRefusal(name));
  return encoding;
}

function forcedDelimiter(value: string): string {
  const delimiter = delimiterNamed(value);
  if (delimiter === undefined) throw new UsageError(delimiterRefusal(value));
  return delimiter;
}

/** The candidate found most often in the header (the first non-blank line), outside quotes. */
function detectDelimiter(sampleText: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of sampleText.replace(/^[\uFEFF\r\n]+/, '')) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}
