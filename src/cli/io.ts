import type { Readable, Writable } from 'node:stream';

/** The process's streams and environment, replaceable in tests. */
export interface Io {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
}

export function processIo(): Io {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/**
 * Interactive prompts only when a person is at a terminal: stdin to type and stdout to
 * see the prompt on (gh's rule). stderr does not count, so `2>review.log` keeps the
 * review usable; prompts are drawn on stdout. Cron never waits for input, nor does CI,
 * where a job may be given a pseudo-terminal that nobody types into.
 */
export function canPrompt(io: Io): boolean {
  return Boolean(io.stdin.isTTY && io.stdout.isTTY) && io.env.CI !== 'true';
}

/**
 * Thrown by a write to stdout once its reader has gone (`alumni users export | head -2`):
 * the command stops there, as a C program stops on SIGPIPE, but through its `finally`
 * blocks (the database closed, temporary files removed, a transaction rolled back), and
 * main() ends it quietly with exit 0. Never shown: no one is reading.
 */
export class ReaderGone extends Error {
  constructor() {
    // Never shown: main ends the run quietly.
    super('the reader of stdout has gone');
    this.name = 'ReaderGone';
  }
}

/** Whether `error` is, or was caused by, a write to stdout whose reader had gone. */
export function isReaderGone(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 8; cause = cause.cause, depth += 1) {
    if (cause instanceof ReaderGone) return true;
  }
  return false;
}

/** What the pipes did during a run (see guardPipes). */
export interface PipeState {
  /** The reader of stdout closed it before the command had written everything. */
  readonly readerGone: boolean;
  /** stdout failed otherwise (a full disk under `> file`): the command must not end with 0. */
  readonly failure: Error | undefined;
}

/**
 * The one place that handles a closed or failing stdout and stderr, for every command.
 * Node ignores SIGPIPE: a write to a pipe whose reader has gone fails with EPIPE, which
 * the stream emits as an 'error' event; with no listener, Node crashes with
 * `Error: write EPIPE` and a stack, exit 1, leaving the embedded database's lock
 * behind. Here the error is listened to, and every later write to stdout (including
 * the one that failed, when it fails at once) throws ReaderGone, so the command stops
 * writing where a reader stopped reading. A failure of stderr (`2>&1 | head`) only
 * silences it: what is said there cannot be said anywhere else.
 *
 * For the reader's stop to stop the command, stdout is made to wait for its reader, as
 * a terminal already does (blockingWrites).
 *
 * Returns the streams to use (stdout wrapped, the others as given) and the state main()
 * reads at the end.
 */
export function guardPipes(io: Io): { io: Io; state: PipeState } {
  const state = { readerGone: false, failure: undefined as Error | undefined };
  const noteStdout = (error: Error) => {
    if (READER_GONE.has((error as NodeJS.ErrnoException).code ?? '')) state.readerGone = true;
    else state.failure ??= error;
  };
  io.stdout.on('error', noteStdout);
  const blocking = blockingWrites(io.stdout);
  // stderr's readers are people and logs; its errors end nothing.
  io.stderr.on('error', () => {});

  const stdout = io.stdout;
  const failed = () => (state.readerGone ? new ReaderGone() : state.failure);
  const check = () => {
    const error = (stdout as Writable & { errored?: Error | null }).errored;
    if (error) noteStdout(error);
    const failure = failed();
    if (failure) throw failure;
  };
  const write = (chunk: unknown, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback): boolean => {
    check();
    const done = typeof encoding === 'function' ? encoding : callback;
    if (!blocking) {
      const accepted = stdout.write(chunk, typeof encoding === 'string' ? encoding : 'utf8', done);
      check();
      return accepted;
    }
    // A blocking write of at most PIPE_BUF bytes is atomic: it waits for room, then is
    // written whole, or fails with EPIPE there and then (a larger one may be half
    // written when the reader goes, its failure known only on a later turn of the event
    // loop, which a loop of in-process PGlite queries never gives). So the command
    // stops at the first piece no one will read.
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : (chunk as Uint8Array);
    let accepted = true;
    for (let at = 0; at < bytes.length || at === 0; at += PIPE_BUF) {
      const last = at + PIPE_BUF >= bytes.length;
      accepted = stdout.write(bytes.subarray(at, at + PIPE_BUF), last ? done : undefined);
      check();
    }
    return accepted;
  };
  // Everything else (isTTY, columns, on('resize'), …) is the stream's own.
  const guarded = new Proxy(stdout, {
    get(target, property) {
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { io: { ...io, stdout: guarded }, state };
}

/**
 * Writes to a pipe that wait for the reader, as Node's writes to a terminal and to a file
 * already do. Node leaves a pipe non-blocking: a command writing faster than its reader
 * (`users export | head -2`, `| less`) would have its whole output queued in memory and
 * would run to its end, its EPIPE known only later. Blocking, a write returns once the
 * reader has taken it (a page at a time stays a page at a time in memory) and fails at
 * once when the reader has gone. Through the handle's setBlocking (the one Node uses to
 * make a terminal blocking); any stream without one is left as it is.
 */
function blockingWrites(stream: Writable & { isTTY?: boolean }): boolean {
  const handle = (stream as { _handle?: { setBlocking?: (blocking: boolean) => number } })._handle;
  if (stream.isTTY || typeof handle?.setBlocking !== 'function') return false;
  return handle.setBlocking(true) === 0;
}

/**
 * A pipe whose reader has gone fails with EPIPE; a socket (what Node's own child
 * processes get for stdout, or a service manager's) with EPIPE or ECONNRESET.
 */
const READER_GONE = new Set(['EPIPE', 'ECONNRESET']);

type WriteCallback = (error?: Error | null) => void;

/** The size up to which a write to a pipe is atomic (POSIX: at least 512; 4096 on Linux). */
const PIPE_BUF = process.platform === 'linux' ? 4096 : 512;
