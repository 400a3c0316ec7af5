import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase, type TestDatabase } from '../support/databases.js';
import { runMain } from '../support/main.js';

const ESC = '\u001b[';

/** audit, in process through main(argv, io): the pattern every noun's command tests follow. */
describe('audit commands in process', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createServerDatabase();
    await t.db
      .insertInto('utilisateur')
      .values({ nom_complet: 'Awa Ndiaye', matricule: 'AUD-1', email: 'awa@exemple.sn', role: 'admin' })
      .execute();
  });
  afterAll(() => t.close());

  it('lists entries as JSON (a bare array), CSV or a table, and shows one', async () => {
    const json = await runMain(['audit', 'list', '--table', 'utilisateur', '--json'], { env: t.env });
    expect(json.code).toBe(0);
    const entries = JSON.parse(json.stdout) as Array<{ id: string; action: string; nouveau_data: { matricule: string } }>;
    expect(entries).toEqual([expect.objectContaining({ action: 'INSERT', nouveau_data: expect.objectContaining({ matricule: 'AUD-1' }) })]);

    const csv = await runMain(['audit', 'list', '--table', 'utilisateur', '--csv'], { env: t.env });
    expect(csv.stdout.split('\n')[0]).toBe('created_at,table,action,by,user agent,id');
    const table = await runMain(['audit', 'list', '--table', 'utilisateur'], { env: t.env, stdoutTTY: true });
    expect(table.stdout).toContain(entries[0]!.id);

    const shown = await runMain(['audit', 'show', entries[0]!.id.toUpperCase()], { env: t.env });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^After: +\{/m);
  });

  it('checks its option values before opening the database: exit 2 naming the accepted forms', async () => {
    const since = await runMain(['audit', 'list', '--since', '30m'], { env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' } });
    expect(since.code).toBe(2);
    expect(since.stderr).toContain('--since "30m"');
    const action = await runMain(['audit', 'list', '--action', 'créer'], { env: t.env });
    expect(action.code).toBe(2);
    expect(action.stderr).toContain('--action "créer": use one of insert, update, delete.');
    const limit = await runMain(['audit', 'list', '--limit', '0'], { env: t.env });
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain('--limit "0": give a whole number from 1 to 10000.');
  });

  it('answers 4 for an unknown entry or actor, and matches the actor by e-mail in any case', async () => {
    expect((await runMain(['audit', 'show', 'nope'], { env: t.env })).code).toBe(4);
    expect((await runMain(['audit', 'list', '--actor', 'personne@exemple.sn'], { env: t.env })).code).toBe(4);
    const byActor = await runMain(['audit', 'list', '--actor', 'AWA@exemple.sn', '--json'], { env: t.env });
    expect(byActor.code).toBe(0);
    expect(JSON.parse(byActor.stdout)).toEqual([]);
  });

  it('colours a terminal stderr only, never a redirected stdout', async () => {
    const refused = await runMain(['audit', 'show', 'nope'], { env: t.env, stderrTTY: true });
    expect(refused.stderr).toContain(ESC);
    const table = await runMain(['audit', 'list'], { env: t.env, stderrTTY: true, stdoutTTY: false });
    expect(table.stdout).not.toContain(ESC);
  });
});
