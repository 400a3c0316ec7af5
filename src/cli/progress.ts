import { basename } from 'node:path';
import type { ImportHooks } from '../import/pipeline.js';
import { formats, t } from '../i18n/messages.js';
import { shortened } from '../text.js';
import type { Output } from './output.js';
import { visible } from './visible.js';

/**
 * What a command shows on stderr while it works, when stderr is a terminal; nothing at
 * all otherwise (cron logs stay clean): a status line for a step that takes a moment
 * (opening the database, reading a file), and the import's bar.
 *
 * A status line shows only once its step has lasted PROGRESS_DELAY_MS, so a command that
 * is quick shows none (no flicker); one that is not shows what it does within half a
 * second. ALUMNI_PROGRESS_DELAY_MS sets another delay (0: at once, which the tests use).
 */
export const PROGRESS_DELAY_MS = 200;

/** The delay before a status line shows: ALUMNI_PROGRESS_DELAY_MS (milliseconds), else PROGRESS_DELAY_MS. */
export function progressDelay(env: NodeJS.ProcessEnv): number {
  const given = env.ALUMNI_PROGRESS_DELAY_MS?.trim();
  return given && /^\d{1,6}$/.test(given) ? Number(given) : PROGRESS_DELAY_MS;
}

/** A status line: one line on stderr saying what the command does, cleared when it is done. */
export interface Status {
  /** Clears the line (a status stopped before its delay never shows). Stopping twice does nothing. */
  stop(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const FRAME_MS = 80;
const NO_STATUS: Status = { stop: () => {} };

/**
 * Shows `text` with a spinner on a terminal's stderr after the delay, until stop().
 * Nothing else may write to stderr meanwhile: stop it first (then start another).
 * Its timers never keep the process alive.
 */
export function startStatus(out: Output, env: NodeJS.ProcessEnv, text: string): Status {
  const stream = out.stderrStream as NodeJS.WritableStream & { columns?: number };
  // A terminal that reports no width (a pseudo-terminal whose size was never set): plain lines only.
  if (!out.interactiveStderr || !stream.columns) return NO_STATUS;
  const colors = out.stderrColors;
  const line = visible(text);
  let frame = 0;
  let shown = false;
  let spinning: ReturnType<typeof setInterval> | undefined;
  const draw = () => {
    // Cut to the width: a line that wrapped could not be cleared.
    const room = Math.max(1, (stream.columns ?? 80) - 3);
    stream.write(`\r${colors.cyan(FRAMES[frame % FRAMES.length]!)} ${[...line].slice(0, room).join('')}\u001b[K`);
    frame += 1;
  };
  const show = () => {
    shown = true;
    draw();
    spinning = setInterval(draw, FRAME_MS);
    spinning.unref();
  };
  const delay = progressDelay(env);
  let waiting: ReturnType<typeof setTimeout> | undefined;
  if (delay === 0) show();
  else {
    waiting = setTimeout(show, delay);
    waiting.unref();
  }
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(waiting);
      clearInterval(spinning);
      if (shown) stream.write('\r\u001b[K');
    },
  };
}

/** Runs `work` under a status line (see startStatus), which is cleared whatever happens. */
export async function withStatus<T>(out: Output, env: NodeJS.ProcessEnv, text: string, work: () => Promise<T>): Promise<T> {
  const status = startStatus(out, env, text);
  try {
    return await work();
  } finally {
    status.stop();
  }
}

/** An import's hooks with its progress shown, and stop() for when it has ended, however. */
export interface ImportProgress {
  hooks: ImportHooks;
  stop(): void;
}

/**
 * An import's progress on a terminal: "Reading FILE…" while the first pass reads the
 * whole file (its keys, its repeated lines), then a bar while the rows are written:
 * `label` (what it does: "Importing users", "… from promo.csv" when there is room), the
 * share of the file done, the rows read (when there is room), rows per second and the
 * time left, in the run's language.
 *
 * `said` are the command's own hooks (warnings, details): what they write goes on its
 * own line, the status or the bar cleared before it and drawn again after.
 */
export async function importProgress(
  out: Output,
  env: NodeJS.ProcessEnv,
  label: (file: string | null) => string,
  said: ImportHooks = {},
): Promise<ImportProgress> {
  let status: Status = NO_STATUS;
  let bar: ImportBar | undefined;
  let file = '';
  const { SingleBar } = out.interactiveStderr ? await import('cli-progress') : { SingleBar: undefined };
  return {
    hooks: {
      ...said,
      onReading: (name) => {
        file = visible(shortened(basename(name), 40));
        status.stop();
        said.onReading?.(name);
        status = startStatus(out, env, t('progress.reading', { file }));
      },
      onStart: (details) => {
        status.stop();
        said.onStart?.(details);
        if (SingleBar) bar = new ImportBar(SingleBar, out.stderrStream, label, file, details.totalRows);
      },
      onProgress: (progress) => {
        said.onProgress?.(progress);
        bar?.update(progress.rows);
      },
      onRepeats: (repeats) => (bar ? bar.aside(() => said.onRepeats?.(repeats)) : said.onRepeats?.(repeats)),
      onEnd: () => {
        status.stop();
        bar?.stop();
        said.onEnd?.();
      },
    },
    stop() {
      status.stop();
      bar?.stop();
    },
  };
}

/** The widest and narrowest bar drawn; the line keeps to the terminal's width (it cannot be cleared once wrapped). */
const BAR_MAX = 30;
const BAR_MIN = 10;

/** cli-progress draws and redraws the line (8 times a second); the line itself is the catalog's. */
class ImportBar {
  private bar: import('cli-progress').SingleBar;
  private readonly started = performance.now();
  private rows = 0;
  /** By the terminal's width. */
  private readonly layouts = new Map<number, Layout>();

  constructor(
    private readonly SingleBar: typeof import('cli-progress').SingleBar,
    private readonly stream: NodeJS.WritableStream,
    private readonly label: (file: string | null) => string,
    private readonly file: string,
    /** The rows the file holds (its first pass counted them); the bar is the share of them read. */
    private readonly total: number,
  ) {
    this.bar = this.draw();
  }

  update(rows: number): void {
    this.rows = rows;
    this.bar.update(Math.min(rows, this.total));
  }

  /**
   * Runs `write` (lines on stderr) with the bar out of the way: stopped (which clears its
   * line where it began), then drawn again below what was written.
   */
  aside(write: () => void): void {
    this.bar.stop();
    write();
    this.bar = this.draw();
  }

  stop(): void {
    this.bar.stop();
  }

  private draw(): import('cli-progress').SingleBar {
    const bar = new this.SingleBar({
      // The line is made here, from the bar's progress and the terminal's width.
      format: (_options, params) => this.line(params.progress, params.maxWidth),
      stream: this.stream,
      hideCursor: true,
      clearOnComplete: true,
      fps: 8,
    });
    bar.start(this.total, Math.min(this.rows, this.total));
    return bar;
  }

  private line(progress: number, width: number): string {
    const { integer } = formats();
    const seconds = (performance.now() - this.started) / 1000;
    const done = Number.isFinite(progress) ? Math.min(1, Math.max(0, progress)) : 0;
    // The pace so far over the rows still to read.
    const left = done > 0 && seconds > 0 ? (seconds / done) * (1 - done) : null;
    const { file, rows, size } = this.layout(width);
    const filled = Math.round(done * size);
    return t('progress.import_bar', {
      label: this.label(file ? this.file : null),
      bar: '█'.repeat(filled) + '░'.repeat(size - filled),
      percent: integer(Math.floor(done * 100)),
      rows: rows ? integer(this.rows) : null,
      speed: this.rows > 0 && seconds > 0 ? integer(Math.round(this.rows / seconds)) : '…',
      timeLeft: t('progress.time_left', { seconds: left }),
    });
  }

  /**
   * What the line holds at this width, decided once from its widest figures so that it
   * does not change from one frame to the next: the file's name and the count of rows
   * when there is room for them (the file was named on the line before, "Reading…").
   */
  private layout(width: number): Layout {
    const known = this.layouts.get(width);
    if (known) return known;
    const { integer } = formats();
    const room = (file: boolean, rows: boolean) =>
      width -
      1 -
      [
        ...t('progress.import_bar', {
          label: this.label(file ? this.file : null),
          bar: '',
          percent: integer(100),
          rows: rows ? integer(999_999) : null,
          speed: integer(99_999),
          timeLeft: t('progress.time_left', { seconds: 59 * 60 + 59 }),
        }),
      ].length;
    const choices = [
      { file: true, rows: true },
      { file: true, rows: false },
      { file: false, rows: true },
      { file: false, rows: false },
    ];
    const chosen = choices.find((c) => room(c.file, c.rows) >= BAR_MIN) ?? choices.at(-1)!;
    const layout = { ...chosen, size: Math.max(BAR_MIN, Math.min(BAR_MAX, room(chosen.file, chosen.rows))) };
    this.layouts.set(width, layout);
    return layout;
  }
}

interface Layout {
  file: boolean;
  rows: boolean;
  size: number;
}
