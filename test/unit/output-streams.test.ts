import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { canPrompt } from '../../src/cli/io.js';
import { boldMarks, Output } from '../../src/cli/output.js';

/** A stream that records every write, a terminal (with cursor control, as ora uses it) or not. */
function fakeStream(tty: boolean) {
  const writes: string[] = [];
  const stream = Object.assign(new PassThrough(), { isTTY: tty, columns: 80 });
  stream.write = ((chunk: string | Buffer) => {
    writes.push(chunk.toString());
    return true;
  }) as typeof stream.write;
  if (tty) {
    Object.assign(stream, {
      cursorTo: (x: number) => stream.write(`\u001b[${x + 1}G`),
      moveCursor: (_dx: number, dy: number) => stream.write(`\u001b[${-dy}A`),
      clearLine: () => stream.write('\u001b[2K'),
    });
  }
  return { stream, writes, text: () => writes.join('') };
}

function fakeIo(terminals: { stdin?: boolean; stdout: boolean; stderr: boolean }, env: NodeJS.ProcessEnv = {}) {
  const stdout = fakeStream(terminals.stdout);
  const stderr = fakeStream(terminals.stderr);
  const stdin = Object.assign(new PassThrough(), { isTTY: terminals.stdin ?? true });
  const io: Io = { stdin, stdout: stdout.stream, stderr: stderr.stream, env };
  return { io, stdout, stderr };
}

const ESC = '\u001b[';

/** Everything written to stdout by the commands that print data or a screen there. */
async function writeToStdout(out: Output): Promise<void> {
  out.writeFields([
    ['Schema version', '20261126000300'],
    ['Back end', 'server'],
  ]);
  await out.writeTable([{ header: 'queue', value: 'queue' }], [{ queue: 'groups' }]);
  await out.writeCard('Group · Club Alpha', [['Id', '42']]);
  out.screen.heading('groups: card 1, 4 waiting');
  out.screen.success('Approved: Club Alpha');
  out.screen.warn('decided meanwhile');
}

describe('colour is decided per stream', () => {
  it('stdout redirected, stderr a terminal: no escape code on stdout, coloured prefixes on stderr', async () => {
    const { io, stdout, stderr } = fakeIo({ stdout: false, stderr: true });
    const out = new Output(io);
    await writeToStdout(out);
    out.warn('attention');
    out.error('broken');
    expect(stdout.text()).not.toContain('\u001b');
    expect(stdout.text()).toContain('Schema version: 20261126000300');
    expect(stderr.text()).toContain(`${ESC}33mwarning:${ESC}39m attention`);
    expect(stderr.text()).toContain(`${ESC}31merror:${ESC}39m broken`);
  });

  it('stdout a terminal, stderr redirected: colour on stdout, plain messages on stderr', async () => {
    const { io, stdout, stderr } = fakeIo({ stdout: true, stderr: false });
    const out = new Output(io);
    await writeToStdout(out);
    out.warn('attention');
    out.error('broken');
    expect(stdout.text()).toContain(`${ESC}1mSchema version`);
    expect(stdout.text()).toContain(`${ESC}1mgroups: card 1, 4 waiting`);
    expect(stderr.text()).toBe('warning: attention\nerror: broken\n');
  });

  it('NO_COLOR and --no-color switch both streams off', async () => {
    for (const [env, options] of [
      [{ NO_COLOR: '1' }, {}],
      [{}, { color: false }],
    ] as const) {
      const { io, stdout, stderr } = fakeIo({ stdout: true, stderr: true }, env);
      const out = new Output(io, options);
      await writeToStdout(out);
      out.error('broken');
      expect(stdout.text()).not.toContain('\u001b');
      expect(stderr.text()).toBe('error: broken\n');
    }
  });
});

describe('prompting', () => {
  it('needs stdin and stdout to be terminals, whatever stderr is, and never under CI=true', () => {
    expect(canPrompt(fakeIo({ stdout: true, stderr: false }).io)).toBe(true);
    expect(canPrompt(fakeIo({ stdout: false, stderr: true }).io)).toBe(false);
    expect(canPrompt(fakeIo({ stdin: false, stdout: true, stderr: true }).io)).toBe(false);
    expect(canPrompt(fakeIo({ stdout: true, stderr: true }, { CI: 'true' }).io)).toBe(false);
  });
});

describe('a spinner on a terminal', () => {
  afterEach(() => void vi.useRealTimers());

  it('ends with ✖ when its work throws: the error line comes after it, and no frame after that', async () => {
    vi.useFakeTimers();
    const { io, stderr } = fakeIo({ stdout: true, stderr: true });
    const out = new Output(io);
    const failing = out.withSpinner(
      'Migrating the embedded database…',
      async () => {
        await vi.advanceTimersByTimeAsync(500); // the spinner spins meanwhile
        throw new Error('relation "job_run" already exists');
      },
      { succeed: 'migrated' },
    );
    await expect(failing).rejects.toThrow('already exists');
    out.error('relation "job_run" already exists'); // as main reports it
    const written = stderr.writes.length;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(stderr.writes.length).toBe(written);
    const screen = stripVTControlCharacters(stderr.text());
    expect(screen).toMatch(/[\u2800-\u28ff] Migrating the embedded database…/); // a frame of the spinner
    expect(screen.endsWith('✖ Migrating the embedded database…\nerror: relation "job_run" already exists\n')).toBe(true);
  });

  it('ends with ✔ and the line made from the result when the work is done', async () => {
    vi.useFakeTimers();
    const { io, stderr } = fakeIo({ stdout: true, stderr: true });
    const result = await new Output(io).withSpinner('Migrating…', async () => 2, { succeed: (n) => `${n} migration(s) applied` });
    expect(result).toBe(2);
    const written = stderr.writes.length;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(stderr.writes.length).toBe(written);
    expect(stripVTControlCharacters(stderr.text()).endsWith('✔ 2 migration(s) applied\n')).toBe(true);
  });
});

describe('data holding control characters', () => {
  /** A roster cell as issue 24 found it: a colour, a window title, a C1 CSI and a bidi override. */
  const HOSTILE = 'Awa \u001b[0;31mRED\u001b]0;pwned\u0007 \u009b2J\u202eevil';
  const SHOWN = 'Awa \\x1b[0;31mRED\\x1b]0;pwned\\x07 \\x9b2J\\u202eevil';
  /** What the tool's own colours write (chalk, level 1): bold, cyan, red, yellow, green, and their ends. */
  // eslint-disable-next-line no-control-regex -- the point is to find escapes
  const TOOL_COLOURS = /\u001b\[(?:1|22|3[1-6]|39)m/g;
  // eslint-disable-next-line no-control-regex -- the point is to find controls
  const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

  afterEach(() => void vi.useRealTimers());

  it('shows them escaped in tables, records, cards, lines and messages, on a terminal with colour; the tool’s colours stay', async () => {
    const { io, stdout, stderr } = fakeIo({ stdout: true, stderr: true });
    const out = new Output(io);
    await out.writeTable(
      [
        { header: 'nom', value: 'nom' },
        { header: 'excerpt', value: 'excerpt', paint: boldMarks },
      ],
      [{ nom: HOSTILE, excerpt: `«${HOSTILE}»` }],
    );
    out.writeFields([
      ['nom_complet', HOSTILE],
      [`label ${HOSTILE}`, 1],
    ]);
    await out.writeCard(`Group · ${HOSTILE}`, [[`Fact ${HOSTILE}`, `Le groupe ${HOSTILE}`]]);
    out.line(HOSTILE);
    out.screen.heading(HOSTILE);
    out.screen.line(HOSTILE);
    out.screen.success(`Approved: ${HOSTILE}`);
    out.info(HOSTILE);
    out.warn(HOSTILE);
    out.error(`No user matches "${HOSTILE}".`);
    out.success(HOSTILE);
    out.details(`Error: ${HOSTILE}\n    at somewhere`);
    for (const text of [stdout.text(), stderr.text()]) {
      expect(text.replace(TOOL_COLOURS, '')).not.toMatch(RAW_CONTROL);
      expect(text).toContain(SHOWN);
    }
    expect(stdout.text()).toContain(`${ESC}1m${SHOWN}${ESC}22m`); // the excerpt's bold mark, and the heading
    expect(stderr.text()).toContain(`${ESC}31merror:${ESC}39m No user matches "${SHOWN}".`);
  });

  it('escapes a message’s line break, but keeps the lines of a record value on a terminal, indented under the value', () => {
    const { io, stdout, stderr } = fakeIo({ stdout: true, stderr: false });
    const out = new Output(io, { color: false });
    out.writeFields([
      ['titre', 'first line\r\nrole  super_admin'],
      ['id', '42'],
    ]);
    out.warn('Awa\nerror: forged');
    expect(stdout.text()).toBe('titre: first line\n       role  super_admin\nid:    42\n');
    expect(stderr.text()).toBe('warning: Awa\\nerror: forged\n');
  });

  it('off a terminal, keeps each field of a record on its one line: its line breaks escaped', () => {
    const { io, stdout } = fakeIo({ stdout: false, stderr: false });
    new Output(io).writeFields([
      ['titre', 'first line\r\nrole: super_admin'],
      ['id', '42'],
    ]);
    expect(stdout.text()).toBe('titre: first line\\r\\nrole: super_admin\nid:    42\n');
  });

  it('shows them escaped in a spinner’s text and its final line', async () => {
    vi.useFakeTimers();
    const { io, stderr } = fakeIo({ stdout: true, stderr: true });
    await new Output(io).withSpinner(`Reading ${HOSTILE}`, async () => vi.advanceTimersByTimeAsync(200), { succeed: `Read ${HOSTILE}` });
    const written = stderr.text();
    for (const raw of ['\u001b[0;31m', '\u001b]0;pwned', '\u0007', '\u009b', '\u202e']) expect(written).not.toContain(raw);
    expect(written).toContain(`Reading ${SHOWN}`);
    expect(stripVTControlCharacters(written).endsWith(`✔ Read ${SHOWN}\n`)).toBe(true);
  });
});
