import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';
import { createServerDatabase, type TestDatabase } from '../support/databases.js';
import { startInPty } from '../support/pty.js';

const SONATEL = '00000000-0000-4000-8000-000000000100';
/** +01:00 all year round (no summer time): a local time that is not UTC, and stable. */
const TZ = 'Africa/Porto-Novo';

/**
 * Issue 27, points 1, 7 and 12, for users, orgs, offers, refs, audit and the import
 * ledgers: the built CLI on the demo data, on a real 80-column pseudo-terminal (tables
 * fitted, cut with …, times local) and through a pipe (tab-separated rows, ISO 8601 with
 * the local offset, nothing cut, nothing for an empty list).
 */
describe('lists fit an 80-column terminal and pipe as tab-separated rows', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  let scratch: string;
  beforeAll(async () => {
    t = await createServerDatabase();
    env = { ...t.env, TZ, ALUMNI_ACTOR: 'direction@ecole.example', NO_COLOR: '1' };
    scratch = mkdtempSync(join(tmpdir(), 'alumni-lists-fit-'));
    expect((await runCli(['fixtures', 'load'], { env })).code).toBe(0);
    // One run in the users' import ledger (some rows of the sample are rejected: exit 3).
    const imported = await runCli(['users', 'import', join(ROOT, 'fixtures/roster-sample.csv'), '--rejects', join(scratch, 'r.csv')], {
      env,
    });
    expect([0, 3]).toContain(imported.code);
  }, 120_000);
  afterAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    await t.close();
  });

  /** The command's stdout on an 80×24 pseudo-terminal (stderr to a file: only the table is on screen). */
  async function onTerminal(args: string[]): Promise<string> {
    const pty = startInPty(args, env, { stderrTo: join(scratch, 'stderr.txt') });
    expect(await pty.exited).toBe(0);
    return pty.screen;
  }

  const LISTS: string[][] = [
    ['users', 'list'],
    ['users', 'imports'],
    ['orgs', 'list'],
    ['orgs', 'search', 'Sonatel'],
    ['orgs', 'contacts', 'list', SONATEL],
    ['offers', 'list'],
    ['offers', 'search', 'stage'],
    ['offers', 'expiring', '--within', '3650d'],
    ['refs', 'fields', 'list'],
    ['refs', 'years', 'list'],
    ['audit', 'list'],
  ];

  it.each(LISTS)('%s %s: no line of the table is wider than 80 columns', async (...args) => {
    const screen = await onTerminal(args);
    const lines = screen.split('\n').filter((line) => line !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it.each([
    ['users', 'list'],
    ['offers', 'list'],
    ['audit', 'list'],
  ])('%s %s: on a 60-column terminal too, no line is wider than 60 and cut cells end with …', async (...args) => {
    const pty = startInPty(args, env, { stderrTo: join(scratch, 'stderr.txt'), columns: 60 });
    expect(await pty.exited).toBe(0);
    const lines = pty.screen.split('\n').filter((line) => line !== '');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(60);
    expect(pty.screen).toContain('…');
  });

  it('a cell cut to fit ends with …; off a terminal the same row is whole, tab-separated, without a header', async () => {
    const ids = (JSON.parse((await runCli(['audit', 'list', '--json'], { env })).stdout) as Array<{ id: string }>).map((e) => e.id);
    const screen = await onTerminal(['audit', 'list']);
    // The id comes last and is the one cut: a line ends with the start of an id and `…`.
    expect(screen).toMatch(/ [0-9a-f]{4,}[0-9a-f-]*…$/m);
    expect(screen.split('\n')[0]).toMatch(/^When +Table +Change +By +Id/);

    const piped = await runCli(['audit', 'list'], { env });
    expect(piped.code).toBe(0);
    const rows = piped.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(ids.length);
    expect(rows.map((row) => row.split('\t').at(-1))).toEqual(ids);
    expect(piped.stdout).not.toContain('…');
  });

  it('times are local (TZ): readable in a table, ISO 8601 with the offset off a terminal, UTC in JSON and CSV', async () => {
    const [run] = JSON.parse((await runCli(['users', 'imports', '--json'], { env })).stdout) as Array<{
      started_at: string;
      file_name: string;
    }>;
    const started = new Date(run!.started_at);
    expect(run!.started_at).toMatch(/Z$/);
    const local = new Date(started.getTime() + 3600_000).toISOString().slice(0, 19);

    const piped = await runCli(['users', 'imports'], { env });
    const cells = piped.stdout.split('\n')[0]!.split('\t');
    expect(cells[0]).toBe(`${local}+01:00`);
    expect(cells[1]).toBe(run!.file_name);

    const hhmm = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(started);
    const screen = await onTerminal(['users', 'imports']);
    expect(screen).toContain(hhmm);
    expect(screen).not.toContain(run!.started_at);

    const csv = await runCli(['users', 'imports', '--csv'], { env });
    expect(csv.stdout.split('\n')[1]).toContain(run!.started_at);

    const shown = await runCli(['orgs', 'show', SONATEL], { env });
    expect(shown.stdout).toMatch(/^Created: +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+01:00$/m);
  });

  it('--columns picks the columns by their CSV names, in its order; an unknown one is exit 2 naming those there are', async () => {
    const piped = await runCli(['offers', 'list', '--columns', 'id,titre', '--limit', '3'], { env });
    expect(piped.code).toBe(0);
    const offers = JSON.parse((await runCli(['offers', 'list', '--limit', '3', '--json'], { env })).stdout) as {
      items: Array<{ id: string; titre: string }>;
    };
    expect(piped.stdout.trimEnd().split('\n')).toEqual(offers.items.map((o) => `${o.id}\t${o.titre}`));
    const screen = await onTerminal(['orgs', 'list', '--columns', 'id,nom_organisation', '--limit', '2']);
    expect(screen.split('\n')[0]).toMatch(/^ID +Name/);
    const unknown = await runCli(['refs', 'years', 'list', '--columns', 'annee,nope'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"nope"');
    expect(unknown.stderr).toContain('annee, est_disponible, utilisateurs');
  });

  it('an empty list says so on a terminal, and writes nothing off one', async () => {
    const pty = startInPty(['offers', 'list', '--search', 'astronaute'], env);
    expect(await pty.exited).toBe(0);
    expect(pty.screen.trim()).toBe('No offer matches these filters.');
    const piped = await runCli(['offers', 'list', '--search', 'astronaute'], { env });
    expect(piped).toMatchObject({ code: 0, stdout: '', stderr: '' });

    const french = startInPty(['audit', 'list', '--import', '00000000-0000-4000-8000-00000000ffff'], { ...env, LANG: 'fr_FR.UTF-8' });
    expect(await french.exited).toBe(0);
    expect(french.screen.trim()).toBe('Aucune entrée du journal d’audit ne correspond à ces filtres.');
  });
});
