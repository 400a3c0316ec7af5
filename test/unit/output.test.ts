import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { Output } from '../../src/cli/output.js';

function fakeIo(tty: boolean, env: NodeJS.ProcessEnv = {}) {
  const stdout = Object.assign(new PassThrough(), { isTTY: tty });
  const stderr = Object.assign(new PassThrough(), { isTTY: tty });
  const text = (stream: PassThrough) => () => stream.read()?.toString() ?? '';
  const io: Io = { stdin: Object.assign(new PassThrough(), { isTTY: tty }), stdout, stderr, env };
  return { io, stdout: text(stdout), stderr: text(stderr) };
}

const ESC = '\u001b[';

describe('Output', () => {
  it('colours stderr on a terminal only, and never under NO_COLOR or --no-color', () => {
    const tty = fakeIo(true);
    new Output(tty.io).warn('attention');
    expect(tty.stderr()).toContain(ESC);

    for (const [io, options] of [
      [fakeIo(false), {}],
      [fakeIo(true, { NO_COLOR: '1' }), {}],
      [fakeIo(true), { color: false }],
    ] as const) {
      new Output(io.io, options).warn('attention');
      expect(io.stderr()).toBe('warning: attention\n');
    }
  });

  it('keeps JSON alone on stdout and messages on stderr', () => {
    const { io, stdout, stderr } = fakeIo(false);
    const out = new Output(io, { json: true });
    out.info('working…');
    out.writeJson({ at: new Date('2026-01-02T03:04:05Z'), n: 1 });
    expect(JSON.parse(stdout())).toEqual({ at: '2026-01-02T03:04:05.000Z', n: 1 });
    expect(stderr()).toBe('working…\n');
  });

  it('masks passwords in every message', () => {
    const { io, stderr } = fakeIo(false);
    new Output(io).error('cannot reach postgres://admin:hunter2@db/alumni');
    expect(stderr()).toBe('error: cannot reach postgres://admin:****@db/alumni\n');
  });

  it('writes CSV with a header through csv-stringify, quoting what needs it', async () => {
    const { io, stdout } = fakeIo(false);
    await new Output(io).writeCsv(
      [
        { header: 'nom', value: 'nom' },
        { header: 'ville', value: 'ville' },
      ],
      [{ nom: 'Diop, Awa', ville: 'Thiès' }],
    );
    expect(stdout()).toBe('nom,ville\n"Diop, Awa",Thiès\n');
  });

  it('has no spinner animation off a terminal', async () => {
    const { io, stderr } = fakeIo(false);
    expect(await new Output(io).withSpinner('Migrating…', async () => 3, { succeed: (n) => `done (${n})` })).toBe(3);
    expect(stderr()).toBe('done (3)\n');
  });
});
