import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { countRows, createServerDatabase, type TestDatabase } from '../support/databases.js';

/** `alumni offers` as a user runs it: the built CLI, real processes, one server database. */
describe('offers, end to end on a server', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createServerDatabase();
    env = { ...t.env, ALUMNI_ACTOR: 'admin@ecole.example' };
    await t.db.insertInto('utilisateur').values({ nom_complet: 'Admin', email: 'admin@ecole.example', role: 'admin' }).execute();
  });
  afterAll(() => t.close());

  it('add 0 with JSON, refused value 2 with nothing written, list and search JSON, show unknown 4', async () => {
    const added = await runCli(
      ['offers', 'add', '--type', 'stage', '--titre', 'Développeur web', '--type-stage', 'professionnel', '--fin', '2099-03-31', '--json'],
      { env },
    );
    expect(added.code).toBe(0);
    const stage = JSON.parse(added.stdout);
    expect(stage).toMatchObject({ type: 'stage', titre: 'Développeur web', statut: 'active', date_fin: '2099-03-31' });

    const refused = await runCli(
      ['offers', 'add', '--type', 'formation', '--titre', 'Payante', '--type-formation', 'hybride', '--prix', '100', '--devise', 'ABC'],
      { env },
    );
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/ISO 4217/);
    expect(await countRows(t.db, 'formation')).toBe(0);

    const listed = await runCli(['offers', 'list', '--json'], { env });
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual({ items: [expect.objectContaining({ id: stage.id, type: 'stage' })], next_after: null });
    const found = await runCli(['offers', 'search', 'developpeurs', '--json'], { env });
    expect(JSON.parse(found.stdout).items).toEqual([expect.objectContaining({ id: stage.id, rank: expect.any(Number) })]);
    expect((await runCli(['offers', 'show', '00000000-0000-4000-8000-000000000000'], { env })).code).toBe(4);
  });

  it('close: 3 when one was closed already, 4 for an unknown id (nothing changed), 2 for a formation', async () => {
    await sql`insert into stage (titre, type_stage) values ('E2E close A', 'ouvrier'), ('E2E close B', 'ouvrier')`.execute(t.db);
    await sql`insert into formation (titre, type_formation) values ('E2E formation', 'hybride')`.execute(t.db);
    const ids = await t.db.selectFrom('stage').select('id').where('titre', 'like', 'E2E close %').orderBy('titre').execute();
    const [a, b] = ids.map((r) => r.id) as [string, string];
    const formation = (await t.db.selectFrom('formation').select('id').executeTakeFirstOrThrow()).id;

    expect((await runCli(['offers', 'close', a], { env })).code).toBe(0);
    const unknown = await runCli(['offers', 'close', b, '00000000-0000-4000-8000-000000000000'], { env });
    expect(unknown.code).toBe(4);
    expect((await t.db.selectFrom('stage').select('statut').where('id', '=', b).executeTakeFirstOrThrow()).statut).toBe('active');
    const partly = await runCli(['offers', 'close', a, b, '--json'], { env });
    expect(partly.code).toBe(3);
    expect(JSON.parse(partly.stdout)).toMatchObject({ closed: 1, skipped: 1 });
    const refused = await runCli(['offers', 'close', formation], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/formation/);
  });

  it('expiring --json lists what the job then expires; extend brings one back, a past date is 2', async () => {
    await sql`
      insert into emploi (titre, type_emploi, date_publication, date_expiration) values
        ('E2E overdue', 'hybride', current_date - 9, current_date - 1),
        ('E2E soon', 'hybride', current_date - 9, current_date + 3)`.execute(t.db);
    const expiring = await runCli(['offers', 'expiring', '--within', '1d', '--json'], { env });
    expect(expiring.code).toBe(0);
    const listed = JSON.parse(expiring.stdout) as Array<{ id: string; titre: string }>;
    expect(listed.map((o) => o.titre)).toEqual(['E2E overdue']);
    const run = await runCli(['jobs', 'run', 'expire-offers', '--json'], { env });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ job: 'expire-offers', status: 'ok', rows: { emploi: 1 } });
    const expired = await t.db.selectFrom('emploi').select('id').where('statut', '=', 'expiree').execute();
    expect(expired.map((r) => r.id)).toEqual(listed.map((o) => o.id));

    const past = await runCli(['offers', 'extend', listed[0]!.id, '--until', '2001-01-01'], { env });
    expect(past.code).toBe(2);
    const extended = await runCli(['offers', 'extend', listed[0]!.id, '--until', '2099-01-01', '--json'], { env });
    expect(extended.code).toBe(0);
    expect(JSON.parse(extended.stdout)).toMatchObject({ statut: 'active', date_expiration: '2099-01-01', previous: { statut: 'expiree' } });
  });
});
