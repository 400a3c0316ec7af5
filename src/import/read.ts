import { createHash } from 'node:crypto';
import { constants, createReadStream, createWriteStream, mkdtempSync, openSync, rmSync, statSync, type Stats } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { tmpdir } from 'node:os';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { problem, UsageError, type Problem } from '../errors.js';
import { describeFsError } from '../files.js';
import { normaliseHeader, REJECT_COLUMNS } from './headers.js';
import { countBreaks, MAX_RECORD_LINES, RecordSplitter, type Breakage, type SplitRecord } from './split.js';
import { escapedBytes, trimIncompleteUtf8, Utf8Decoder, Utf8Tally } from './utf8.js';
import { openIfWorkbook } from './xlsx.js';
import { DELIMITERS, delimiterNamed, delimiterRefusal, encodingNamed, encodingRefusal, type RosterEncoding } from './dialect.js';

export type { RosterEncoding } from './dialect.js';

export interface SourceRecord {
  /** Physical line where the record starts in the input (the header is line 1). */
  line: number;
  /** The record's cells; for a record that cannot be split into cells, its text as its one cell. */
  cells: string[];
  /** Why the record could not be read as CSV (unbalanced quotes...), if so. */
  malformed?: Breakage;
}

/**
 * Why a record cannot be read as a row at all, whatever the import: broken CSV, more
 * cells than the header, characters no row may hold. Null when it can.
 */
export function unreadableRecord(record: SourceRecord, headerLength: number): Problem | null {
  if (record.malformed) return problem('import.csv.unreadable_line', { breakage: record.malformed, maxLines: MAX_RECORD_LINES });
  const extra = record.cells.slice(headerLength).filter((cell) => cell.trim() !== '');
  if (extra.length > 0) return problem('import.csv.too_many_cells', { cells: record.cells.length, headerCells: headerLength });
  return unusableCharacters(record.cells);
}

/** A NUL, a byte that was not UTF-8, or U+FFFD in any cell: what is wrong, or null. */
function unusableCharacters(cells: string[]): Problem | null {
  const text = cells.join('');
  if (text.includes('\0')) return problem('import.csv.nul');
  const bytes = escapedBytes(text);
  if (bytes.length > 0) {
    const named = [...new Set(bytes)].map((byte) => `0x${byte.toString(16).toUpperCase()}`);
    return problem('import.csv.not_utf8', { bytes: named });
  }
  if (text.includes('\uFFFD')) return problem('import.csv.replacement_character');
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
  /** A first pass over the file, for its keys only: broken records, which have none, are left out. */
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
    throw new UsageError(problem('import.file.cannot_read', { name, why: describeFsError(error) }));
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
    throw new UsageError(problem('import.file.cannot_read', { name: path, why: describeFsError(error) }));
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
    if (stats.isDirectory()) throw new UsageError(problem('import.file.directory', { name }));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(problem('import.file.cannot_read', { name, why: describeFsError(error) }));
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

  // The first 64 kB decide whether the file is text, and its delimiter.
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
    throw new UsageError(problem('import.file.cannot_read', { name, why: describeFsError(error) }));
  }
  const sample = Buffer.concat(head);
  if (sample.length === 0) throw new UsageError(problem('import.file.empty', { name }));
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) {
    throw new UsageError(problem('import.file.utf16', { name }));
  }
  if (looksBinary(sample)) throw new UsageError(problem('import.file.binary', { name }));

  const encoding =
    options.encoding !== undefined
      ? forcedEncoding(options.encoding)
      : await detectEncoding(sample, exhausted ? null : input, options.signal);
  const sampleText = new TextDecoder(encoding).decode(sample);
  const delimiter = options.delimiter !== undefined ? forcedDelimiter(options.delimiter) : detectDelimiter(sampleText);

  const decode = textDecoding(encoding);
  const splitter = new RecordSplitter(delimiter);
  const records = (async function* (): AsyncGenerator<SourceRecord> {
    for (const chunk of head) yield* sourceRecords(splitter.split(decode(chunk)));
    for await (const chunk of chunks) yield* sourceRecords(splitter.split(decode(chunk)));
    yield* sourceRecords(splitter.split(decode(Buffer.alloc(0), true), true));
  })();

  const first = await records.next();
  if (first.done) throw new UsageError(problem('import.file.no_header', { name }));
  if (first.value.malformed) {
    throw new UsageError(
      problem('import.file.header_unreadable', {
        name,
        line: first.value.line,
        breakage: first.value.malformed,
        maxLines: MAX_RECORD_LINES,
      }),
    );
  }
  const header = first.value.cells.map((cell) => cell.trim());
  const rows = rewrittenLines(records, header, delimiter);
  const kept = options.keysOnly ? withoutBroken(rows) : rows;

  return {
    name,
    encoding,
    delimiter,
    header,
    records: { [Symbol.asyncIterator]: () => kept },
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

/** Records from the splitter, blank lines left out. */
function* sourceRecords(split: Iterable<SplitRecord>): Generator<SourceRecord> {
  for (const record of split) {
    if (record.broken !== undefined) yield { line: record.line, cells: record.cells, malformed: record.broken };
    else if (record.cells.some((cell) => cell.trim() !== '')) yield { line: record.line, cells: record.cells };
  }
}

/** The first pass, for keys only: a broken record has none. */
async function* withoutBroken(records: AsyncIterable<SourceRecord>): AsyncGenerator<SourceRecord> {
  for await (const record of records) if (!record.malformed) yield record;
}

/**
 * A rejects file imported again: a line that could not be split into cells was written
 * there as its text in the first column (the others empty but for line and reason).
 * Fixed, that text is split again, as the line of the file it was.
 */
async function* rewrittenLines(records: AsyncIterable<SourceRecord>, header: string[], delimiter: string): AsyncGenerator<SourceRecord> {
  const keys = header.map(normaliseHeader);
  const added = (REJECT_COLUMNS as readonly string[]).map((column) => keys.indexOf(column));
  if (added.some((index) => index < 0)) return yield* records;
  for await (const record of records) {
    const [text, ...others] = record.cells;
    const written = !record.malformed && text !== undefined && text.includes(delimiter);
    if (!written || others.some((cell, i) => cell.trim() !== '' && !added.includes(i + 1))) {
      yield record;
      continue;
    }
    const [line, ...more] = [...new RecordSplitter(delimiter).split(text, true)];
    if (more.length > 0) yield { line: record.line, cells: [text], malformed: 'several_lines' };
    else if (line!.broken !== undefined) yield { line: record.line, cells: line!.cells, malformed: line!.broken };
    else yield { line: record.line, cells: line!.cells };
  }
}

/** Bytes to text, chunk by chunk, in `encoding`; `final` flushes what is left. */
function textDecoding(encoding: RosterEncoding): (chunk: Buffer, final?: boolean) => string {
  if (encoding === 'utf-8') {
    const utf8 = new Utf8Decoder();
    return (chunk, final) => utf8.decode(chunk, final);
  }
  const decoder = new TextDecoder(encoding);
  return (chunk, final) => decoder.decode(chunk, { stream: !final });
}

/**
 * A spreadsheet's own format, an archive, UTF-16 without its BOM: NUL bytes, more than
 * one and more than 1 byte in 100 of the first 64 kB. One NUL (typed in a cell) is its
 * row's problem, and other control characters are text's (a cell may hold them).
 */
function looksBinary(sample: Buffer): boolean {
  let nuls = 0;
  for (let at = sample.indexOf(0); at !== -1; at = sample.indexOf(0, at + 1)) nuls += 1;
  return nuls > 1 && nuls * 100 > sample.length;
}

/**
 * UTF-8 when the file is, or is mostly: it holds characters of two bytes or more that
 * are valid UTF-8, at least as many as bytes that are not (those rows are then rejected,
 * naming the bytes, rather than the whole file garbled). Windows-1252 otherwise.
 */
async function detectEncoding(sample: Buffer, wholeFile: string | null, signal?: AbortSignal): Promise<RosterEncoding> {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  // A file is checked whole, so a stray byte far down cannot be decoded the wrong way
  // (null: the sample is the whole file).
  const bytes = async function* (): AsyncGenerator<Buffer> {
    if (wholeFile === null) yield sample;
    else yield* createReadStream(wholeFile, { signal }) as AsyncIterable<Buffer>;
  };
  if (await allUtf8(bytes())) return 'utf-8';
  const tally = new Utf8Tally();
  for await (const chunk of bytes()) tally.add(chunk);
  tally.add(Buffer.alloc(0), true);
  return tally.multiByte > 0 && tally.multiByte >= tally.invalid ? 'utf-8' : 'windows-1252';
}

/** Whether the bytes are all valid UTF-8 (the quick check: no counting). */
async function allUtf8(chunks: AsyncIterable<Buffer>): Promise<boolean> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const bytes = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    const complete = trimIncompleteUtf8(bytes);
    if (!isUtf8(complete)) return false;
    carry = bytes.subarray(complete.length);
  }
  return carry.length === 0;
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
