import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { countRows, createServerDatabase, embeddedDataDir, type TestDatabase } from '../support/databases.js';

/** `alumni groups` as a user runs it: the built CLI, real processes. */
describe('groups, end to end on a server', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createServerDatabase();
    env = { ...t.env, ALUMNI_ACTOR: 'admin@ecole.example' };
    await t.db.insertInto('utilisateur').values({ nom_complet: 'Admin', email: 'admin@ecole.example', role: 'admin' }).execute();
  });
  afterAll(() => t.close());

  it('30 members add processes at once on a group of 10: exactly 10 members, every one too many refused whole in one sentence (exit 2)', async () => {
    await t.db
      .insertInto('utilisateur')
      .values(Array.from({ length: 30 }, (_, i) => ({ nom_complet: `Course ${i}`, matricule: `RACE-${i}` })))
      .execute();
    expect((await runCli(['groups', 'add', '--nom', 'Dix places', '--max', '10'], { env })).code).toBe(0);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => runCli(['groups', 'members', 'add', 'Dix places', `RACE-${i}`], { env, timeoutMs: 120_000 })),
    );
    const added = results.filter((r) => r.code === 0);
    const refused = results.filter((r) => r.code === 2);
    expect(added).toHaveLength(10);
    expect(refused).toHaveLength(20);
    for (const [i, result] of results.entries()) {
      if (result.code === 0) expect(result.stderr).toBe('✔ Dix places: 1 added, 0 back after leaving, 0 already members, 0 refused.\n');
      else
        expect(result.stderr, `RACE-${i}`).toBe(
          'error: Dix places has no place left but 1 person would join: nothing was added. ' +
            'Raise the limit (groups update --max) or remove members first.\n',
        );
    }
    const active = await countRows(
      t.db,
      'membre_groupe',
      sql`est_actif and groupe_id = (select id from groupe where nom_groupe = 'Dix places')`,
    );
    expect(active).toBe(10);
  }, 180_000);

  it('--from-users choosing 97 for 50 places: exit 2 with both numbers and no row; --fill adds 50 by name and says 47 were left out in one line', async () => {
    await t.db
      .insertInto('utilisateur')
      .values(Array.from({ length: 97 }, (_, i) => ({ nom_complet: `Promo ${String(i).padStart(2, '0')}`, matricule: `P24-${i}` })))
      .execute();
    expect((await runCli(['groups', 'add', '--nom', 'Promo 2024', '--max', '50'], { env })).code).toBe(0);
    const members = () => countRows(t.db, 'membre_groupe', sql`groupe_id = (select id from groupe where nom_groupe = 'Promo 2024')`);
    const audit = await countRows(t.db, 'audit_log');
    const refused = await runCli(['groups', 'members', 'add', 'Promo 2024', '--from-users', '--search', 'P24-'], { env });
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toBe(
      'error: Promo 2024 has 50 places left but 97 people would join: nothing was added. ' +
        'Choose fewer, raise the limit (groups update --max), or give --fill to add the first 50.\n',
    );
    expect(await members()).toBe(0);
    expect(await countRows(t.db, 'audit_log')).toBe(audit);
    const filled = await runCli(['groups', 'members', 'add', 'Promo 2024', '--from-users', '--search', 'P24-', '--fill'], { env });
    expect(filled.code).toBe(0);
    expect(filled.stderr.split('\n')).toEqual([
      '✔ Promo 2024: 50 added, 0 back after leaving, 0 already members, 0 refused.',
      'warning: 47 left out: the group had 50 places left (--fill added the first ones).',
      'Give --verbose for the people, one per line.',
      '',
    ]);
    expect(await members()).toBe(50);
    const { rows } = await sql<{
      nom_complet: string;
    }>`select u.nom_complet from membre_groupe m join utilisateur u on u.id = m.utilisateur_id
      where m.groupe_id = (select id from groupe where nom_groupe = 'Promo 2024') order by u.nom_complet`.execute(t.db);
    // The first 50 by name, as --fill's help says.
    expect(rows.map((r) => r.nom_complet)).toEqual(Array.from({ length: 50 }, (_, i) => `Promo ${String(i).padStart(2, '0')}`));
  }, 60_000);

  it('exit codes and JSON: add 0, unknown group or person 4 with nothing written, remove without --yes 2', async () => {
    await t.db.insertInto('utilisateur').values({ nom_complet: 'Awa Ndiaye', matricule: 'E2E-AWA' }).execute();
    const added = await runCli(['groups', 'add', '--nom', 'Promo 2021', '--type', 'public', '--json'], { env });
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ nom_groupe: 'Promo 2021', est_valide: true, membres_actifs: 0 });
    const audit = await countRows(t.db, 'audit_log');
    const unknownGroup = await runCli(['groups', 'members', 'add', 'Promo 1921', 'E2E-AWA'], { env });
    expect(unknownGroup.code).toBe(4);
    // A close name is offered (src/services/name-suggestions.ts).
    expect(unknownGroup.stderr).toMatch(/^error: No group "Promo 1921" \(give an id or the exact name\)\. Did you mean: Promo 2021\b/);
    expect((await runCli(['groups', 'members', 'add', 'Promo 2021', 'E2E-AWA', 'E2E-NOBODY'], { env })).code).toBe(4);
    expect(await countRows(t.db, 'audit_log')).toBe(audit);
    const member = await runCli(['groups', 'members', 'add', 'promo 2021', 'E2E-AWA', '--role', 'admin', '--json'], { env });
    expect(member.code).toBe(0);
    expect(JSON.parse(member.stdout)).toMatchObject({ role_membre: 'admin', added: [{ label: 'Awa Ndiaye <E2E-AWA>' }] });
    const unasked = await runCli(['groups', 'members', 'remove', 'Promo 2021', 'E2E-AWA'], { env });
    expect(unasked.code).toBe(2);
    expect(unasked.stderr).toContain('--yes');
    const listed = await runCli(['groups', 'members', 'list', 'Promo 2021', '--json'], { env });
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ matricule: 'E2E-AWA', role_membre: 'admin', est_actif: true })]);
  });
});

describe('groups, end to end on the embedded database', () => {
  it('a group made, filled to its limit (exit 2 for one too many, --fill adds the first), and shown', async () => {
    const { dataDir, remove } = embeddedDataDir();
    try {
      const env = { ALUMNI_DATA_DIR: dataDir };
      const first = await runCli(
        ['users', 'add', '--nom', 'Direction', '--email', 'direction@ecole.example', '--role', 'super_admin', '--no-password'],
        {
          env,
        },
      );
      expect(first.code).toBe(0);
      const asAdmin = { ...env, ALUMNI_ACTOR: 'direction@ecole.example' };
      for (const [nom, matricule] of [
        ['Awa', 'EMB-1'],
        ['Moussa', 'EMB-2'],
      ] as const)
        expect((await runCli(['users', 'add', '--nom', nom, '--matricule', matricule, '--no-password'], { env: asAdmin })).code).toBe(0);
      expect((await runCli(['groups', 'add', '--nom', 'Bureau', '--max', '1'], { env: asAdmin })).code).toBe(0);
      const full = await runCli(['groups', 'members', 'add', 'Bureau', 'EMB-1', 'EMB-2', '--json'], { env: asAdmin });
      expect(full.code).toBe(2);
      expect(JSON.parse(full.stderr)).toMatchObject({ error: { code: 'groups.members.no_room', values: { chosen: 2, room: 1 } } });
      const filled = await runCli(['groups', 'members', 'add', 'Bureau', 'EMB-1', 'EMB-2', '--fill', '--json'], { env: asAdmin });
      expect(filled.code).toBe(0);
      expect(JSON.parse(filled.stdout)).toMatchObject({
        added: [{ label: 'Awa <EMB-1>' }],
        refused: [],
        left_out: [{ label: 'Moussa <EMB-2>' }],
        counts: { chosen: 2, room: 1, added: 1, left_out: 1 },
      });
      const shown = await runCli(['groups', 'show', 'bureau', '--json'], { env: asAdmin });
      expect(JSON.parse(shown.stdout)).toMatchObject({ membres_actifs: 1, max_membres: 1 });
    } finally {
      remove();
    }
  }, 120_000);
});
