import type { Output } from './output.js';
import { visible } from './visible.js';

export interface ProgressBar {
  update(done: number, total: number | null, fields: Record<string, string | number>): void;
  stop(): void;
}

/**
 * A progress bar on stderr when it is a terminal; nothing at all otherwise (cron logs
 * stay clean). `format` uses cli-progress placeholders: {bar} {percentage} and fields.
 */
export async function progressBar(out: Output, format: string): Promise<ProgressBar> {
  if (!out.interactiveStderr) return { update: () => {}, stop: () => {} };
  const { SingleBar } = await import('cli-progress');
  const bar = new SingleBar({
    format,
    stream: out.stderrStream,
    hideCursor: true,
    clearOnComplete: true,
    barsize: 24,
    fps: 8,
  });
  let started = false;
  return {
    update(done, total, given) {
      // A field may come from data (a file's name): shown with its controls escaped.
      const fields = Object.fromEntries(
        Object.entries(given).map(([key, value]) => [key, typeof value === 'string' ? visible(value) : value]),
      );
      if (!started) {
        bar.start(total ?? 0, 0, fields);
        started = true;
      }
      if (total !== null) bar.setTotal(total);
      bar.update(done, fields);
    },
    stop: () => started && bar.stop(),
  };
}
