import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { finished, runCli, startCli } from '../support/cli.js';
import { commandDatabase, type CommandDatabase } from '../support/command-database.js';
import { ADVISORY_HERE, BACKENDS, countRows } from '../support/databases.js';
import { startInPty } from '../support/pty.js';
import { HEADER, rosterDir, writeRoster } from '../support/rosters.js';

const ROWS = [
  ['Awa Ndiaye', 'U-1', 'awa@alumni.example', '', '77 123 45 67', '', 'oui'],
  ['Issa Ba', 'U-2', 'issa@alumni.example', '', '76 555 12 34', '', 'non'],
  ['Fanta Keïta', 'U-3', '', '', '', '', ''],
];

/** `users imports undo` end to end: the built CLI, as a registrar or a script runs it. */
describe.each(BACKENDS)('users imports undo from the command line (%s)', (backend) => {
  let database: CommandDatabase;
  let env: Record<string, string>;
  let dir: string;
  let roster: string;

  beforeAll(async () => {
    database = await commandDatabase(backend);
    await database.withDb((db) =>
      db
        .insertInto('utilisateur')
        .values({ nom_complet: 'Mariama Bâ', matricule: 'ADM-1', email: 'scolarite@ecole.example', role: 'admin' })
        .execute(),
    );
    // Waits on states, never on durations: a lock is waited for as long as a slow machine needs.
    env = { ...database.env, ALUMNI_ACTOR: 'scolarite@ecole.example', ALUMNI_LANG: 'en', ALUMNI_LOCK_WAIT_MS: '120000' };
    dir = rosterDir();
    roster = writeRoster(dir, 'promo-2024.csv', [HEADER, ...ROWS]);
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    await database.withDb((db) => sql`delete from utilisateur where matricule <> 'ADM-1'`.execute(db));
  });

  const people = () => database.withDb((db) => countRows(db, 'utilisateur', sql`matricule like 'U-%'`));
  const importRoster = async () => {
    const imported = await runCli(['users', 'import', roster, '--country', 'SN', '--json'], { env, cwd: dir });
    expect(imported.code).toBe(0);
    return JSON.parse(imported.stdout).import_id as string;
  };

  it('prints the plan; off a terminal it needs --yes (exit 2, nothing changed); with it, undoes; twice is exit 3', async () => {
    const id = await importRoster();
    const asked = await runCli(['users', 'imports', 'undo', id.slice(0, 8)], { env, cwd: dir });
    expect(asked.code).toBe(2);
    expect(asked.stdout).toMatch(new RegExp(`^Import:\\s+${id} \\(.*promo-2024\\.csv\\)$`, 'm'));
    expect(asked.stdout).toMatch(/^Removed \(added by the import\):\s+3$/m);
    expect(asked.stderr).toMatch(/--yes/);
    expect(await people()).toBe(3);

    const done = await runCli(['users', 'imports', 'undo', 'last', '--yes'], { env, cwd: dir });
    expect(done.code).toBe(0);
    expect(done.stdout + done.stderr).toContain(`Import ${id} undone`);
    expect(await people()).toBe(0);

    const ledger = await runCli(['users', 'imports', '--json'], { env, cwd: dir });
    expect(JSON.parse(ledger.stdout)[0]).toMatchObject({ id, status: 'undone' });

    const again = await runCli(['users', 'imports', 'undo', id, '--yes'], { env, cwd: dir });
    expect(again.code).toBe(3);
    expect(again.stderr).toContain(`The import ${id} was undone already`);
  });

  it('--json --dry-run gives the counts and the kept rows, and changes nothing; in French, the plan reads in French', async () => {
    const id = await importRoster();
    await database.withDb((db) => db.updateTable('utilisateur').set({ last_login: new Date() }).where('matricule', '=', 'U-2').execute());
    const dry = await runCli(['users', 'imports', 'undo', id, '--dry-run', '--json'], { env, cwd: dir });
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      import_id: id,
      dry_run: true,
      removed: 2,
      kept: 1,
      kept_rows: [{ key: 'U-2', reasons: ['edited', 'logged_in'] }],
    });
    expect(await people()).toBe(3);

    const french = await runCli(['users', 'imports', 'undo', id, '--dry-run', '--lang', 'fr'], { env, cwd: dir });
    expect(french.stdout).toMatch(/^Retirés \(ajoutés par l'import\) :\s+2$/m);
    expect(french.stderr).toContain("Gardé U-2 : modifié depuis et s'est connecté.");
  });

  it('waits for an import of the same kind that is running, and exits 75 when it lasts longer than ALUMNI_LOCK_WAIT_MS', async () => {
    const id = await importRoster();
    // An import reading its roster from standard input, which the test holds open.
    const running = startCli(['users', 'import', '-', '--country', 'SN', '--json'], { env, cwd: dir, keepStdinOpen: true });
    if (backend === 'server') {
      await vi.waitFor(async () => expect(await database.withDb((db) => countRows(db, 'pg_locks', ADVISORY_HERE))).toBeGreaterThan(0), {
        timeout: 50_000,
        interval: 50,
      });
    } else {
      await vi.waitFor(() => expect(existsSync(join(env.ALUMNI_DATA_DIR!, 'alumni.lock'))).toBe(true), { timeout: 50_000, interval: 50 });
    }
    const refused = await runCli(['users', 'imports', 'undo', id, '--yes'], { env: { ...env, ALUMNI_LOCK_WAIT_MS: '200' }, cwd: dir });
    expect(refused.code).toBe(75);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);

    running.stdin!.end([HEADER, ['Koffi Mensah', 'U-4', '', '', '', '', '']].map((row) => row.join(';')).join('\n'));
    expect((await finished(running)).code).toBe(0);
    const undone = await runCli(['users', 'imports', 'undo', id, '--yes', '--json'], { env, cwd: dir });
    expect(undone.code).toBe(0);
    expect(JSON.parse(undone.stdout)).toMatchObject({ removed: 3 });
    expect(await people()).toBe(1);
  });

  it('on a terminal, shows the plan and asks: no keeps everything, yes undoes', async () => {
    const id = await importRoster();
    const refused = startInPty(['users', 'imports', 'undo', 'last'], env);
    const shown = await refused.waitFor(
      new RegExp(`Removed \\(added by the import\\):\\s+3[\\s\\S]*Undo the import ${id}[\\s\\S]*\\(y/N\\)`),
    );
    refused.type('n\r');
    expect(await refused.exited).toBe(2);
    expect(refused.screen.slice(shown)).not.toContain('undone');
    expect(await people()).toBe(3);

    const accepted = startInPty(['users', 'imports', 'undo', 'last'], env);
    const asked = await accepted.waitFor(/\(y\/N\)/);
    accepted.type('y\r');
    await accepted.waitFor(new RegExp(`Import ${id} undone`), asked);
    expect(await accepted.exited).toBe(0);
    expect(await people()).toBe(0);
  });

  it('two undos of the same import at once: one undoes it, the other exits 3', async () => {
    const id = await importRoster();
    const both = await Promise.all([0, 1].map(() => runCli(['users', 'imports', 'undo', id, '--yes', '--json'], { env, cwd: dir })));
    expect(both.map((run) => run.code).sort()).toEqual([0, 3]);
    expect(
      await database.withDb((db) => countRows(db, 'audit_log', sql`action = 'DELETE' and user_agent like ${`% users imports undo ${id}`}`)),
    ).toBe(3);
  });
});
