import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli } from '../support/cli.js';
import { rosterDir } from '../support/rosters.js';
import { countRows, createServerDatabase, type TestDatabase } from '../support/databases.js';

/** `alumni orgs` as a user runs it: the built CLI, real processes, one server database. */
describe('orgs, end to end on a server', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createServerDatabase();
    env = { ...t.env, ALUMNI_ACTOR: 'admin@ecole.example' };
    await t.db
      .insertInto('utilisateur')
      .values([
        { nom_complet: 'Admin', email: 'admin@ecole.example', role: 'admin' },
        ...Array.from({ length: 6 }, (_, i) => ({ nom_complet: `Contact ${i}`, matricule: `E2E-${i}` })),
      ])
      .execute();
  });
  afterAll(() => t.close());

  it('exit codes and JSON: add 0, refused value 2 with nothing written, unknown 4, merge without --yes 2', async () => {
    const added = await runCli(
      ['orgs', 'add', '--nom', 'Orange Bénin', '--type', 'entreprise', '--site-web', 'https://orange.bj', '--json'],
      { env },
    );
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ nom_organisation: 'Orange Bénin', statut: 'active' });
    const refused = await runCli(['orgs', 'add', '--nom', 'Mauvaise', '--type', 'entreprise', '--telephone', '12', '--country', 'BJ'], {
      env,
    });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(await countRows(t.db, 'organisation', sql`nom_organisation = 'Mauvaise'`)).toBe(0);
    expect((await runCli(['orgs', 'show', 'Nulle Part'], { env })).code).toBe(4);
    await runCli(['orgs', 'add', '--nom', 'ORANGE BENIN S.A.', '--type', 'entreprise'], { env });
    const duplicates = JSON.parse((await runCli(['orgs', 'duplicates', '--json'], { env })).stdout);
    expect(duplicates).toEqual([expect.objectContaining({ reasons: ['same name once normalised'] })]);
    const unasked = await runCli(['orgs', 'merge', 'Orange Bénin', 'ORANGE BENIN S.A.'], { env });
    expect(unasked.code).toBe(2);
    expect(unasked.stderr).toContain('--yes');
    const merged = await runCli(['orgs', 'merge', 'Orange Bénin', 'ORANGE BENIN S.A.', '--yes', '--json'], { env });
    expect(merged.code).toBe(0);
    expect(JSON.parse(merged.stdout)).toMatchObject({ contacts_moved: 0, dry_run: false });
  });

  it('six set-principal processes at once leave exactly one principal, and none fails', async () => {
    await runCli(['orgs', 'add', '--nom', 'Course', '--type', 'ONG'], { env });
    for (let i = 0; i < 6; i += 1)
      expect((await runCli(['orgs', 'contacts', 'add', 'Course', `E2E-${i}`, '--role', 'employe'], { env })).code).toBe(0);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => runCli(['orgs', 'contacts', 'set-principal', 'Course', `E2E-${i}`], { env })),
    );
    for (const result of results) {
      expect(result.code).toBe(0);
      expect(result.stderr).not.toMatch(/duplicate key|unique/i);
    }
    const principals = await countRows(
      t.db,
      'contact_organisation',
      sql`est_contact_principal and organisation_id = (select id from organisation where nom_organisation = 'Course')`,
    );
    expect(principals).toBe(1);
  });

  it('orgs import: the sample partner list exits 3 with its rejects, a re-run changes nothing, stdin works, a file without names exits 2', async () => {
    const dir = rosterDir();
    const sample = join(ROOT, 'fixtures', 'partenaires.csv');
    const first = await runCli(['orgs', 'import', sample, '--json', '--country', 'BJ'], { env, cwd: dir });
    expect(first.code).toBe(3);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ read: 8, rejected: 3, rejects_file: join(dir, 'partenaires.rejects.csv') });
    // Orange Bénin may be there already (added by the first test): matched by its website.
    expect(summary.inserted + summary.updated).toBe(5);
    expect(readFileSync(summary.rejects_file, 'utf8')).toContain("the organisation's name is empty");
    expect(await countRows(t.db, 'organisation', sql`nom_organisation = 'Orange Bénin' and telephone_general = '+2290121313131'`)).toBe(1);

    const again = await runCli(['orgs', 'import', '-', '--json', '--dry-run'], { env, cwd: dir, input: readFileSync(sample) });
    expect(JSON.parse(again.stdout)).toMatchObject({ read: 8, inserted: 0, updated: 0, unchanged: 5, rejected: 3, dry_run: true });

    const ledger = JSON.parse((await runCli(['orgs', 'imports', '--json'], { env })).stdout);
    expect(ledger).toEqual([expect.objectContaining({ id: summary.import_id, inserted: summary.inserted, status: 'completed' })]);
    const roster = JSON.parse((await runCli(['users', 'imports', '--json'], { env })).stdout);
    expect(roster.map((r: { id: string }) => r.id)).not.toContain(summary.import_id);

    const unusable = await runCli(['orgs', 'import', '-'], { env, cwd: dir, input: 'Ville;Pays\nCotonou;Bénin\n' });
    expect(unusable.code).toBe(2);
    expect(unusable.stderr).toMatch(/no column for the organisation's name/);
  });
});
