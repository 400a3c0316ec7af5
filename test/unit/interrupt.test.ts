import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { finished, ROOT } from '../support/cli.js';

/**
 * A process under a guard (dist/interrupt.js, built by `npm run build`) that never
 * releases it and cannot exit on its own: a thread of Node's pool is blocked opening a
 * FIFO that no one writes to, the case where process.exit() would wait forever. It says
 * "guarded" once ready and "aborted by SIG…" when its signal is aborted.
 */
const STUCK = `
import { open } from 'node:fs';
import { Interruption } from ${JSON.stringify(join(ROOT, 'dist', 'interrupt.js'))};
const interruption = new Interruption();
interruption.guard();
interruption.signal.addEventListener('abort', () => console.log('aborted by ' + interruption.interruptedBy.signal));
open(process.argv[1], 'r', () => {});
console.log('guarded');
`;

describe('a stop signal under a guard', () => {
  let dir: string;
  let fifo: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'alumni-interrupt-'));
    fifo = join(dir, 'nobody-writes');
    execFileSync('mkfifo', [fifo]);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function startStuck() {
    const child = spawn(process.execPath, ['--input-type=module', '-e', STUCK, fifo], { stdio: ['ignore', 'pipe', 'pipe'] });
    const ready = new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.includes('guarded') && resolve()));
    return { child, ready };
  }

  it('the first aborts the run; if the run is not over STOP_DEADLINE_MS later, the signal ends the process, even with a thread blocked', async () => {
    const { child, ready } = startStuck();
    await ready;
    const started = performance.now();
    child.kill('SIGTERM');
    const result = await finished(child, 30_000);
    expect(result.stdout).toContain('aborted by SIGTERM');
    expect(result.signal).toBe('SIGTERM');
    // The deadline is 2 s; generous for a loaded machine, but far from never.
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('a second one ends the process at once', async () => {
    const { child, ready } = startStuck();
    await ready;
    const aborted = new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.includes('aborted') && resolve()));
    child.kill('SIGINT');
    await aborted;
    const started = performance.now();
    child.kill('SIGINT');
    const result = await finished(child, 30_000);
    expect(result.signal).toBe('SIGINT');
    expect(performance.now() - started).toBeLessThan(1_900);
  });
});
