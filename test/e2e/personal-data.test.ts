import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.js';
import { runCli } from '../support/cli.js';
import { countRows, createServerDatabase, embeddedDataDir, type TestDatabase } from '../support/databases.js';
import { findValues, seedPerson, type SeededPerson } from '../support/personal.js';

/** `users export-data|erase` as a user runs them: the built CLI, real processes, off a terminal. */
describe('personal data, end to end on a server', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  let person: SeededPerson;
  beforeAll(async () => {
    t = await createServerDatabase();
    env = { ...t.env, ALUMNI_ACTOR: 'direction@ecole.example' };
    await t.db.insertInto('annee_reference').values({ annee: 2018 }).execute();
    await t.db.insertInto('domaine_reference').values({ nom_domaine: 'Informatique' }).execute();
    const root = await t.db
      .insertInto('utilisateur')
      .values({ nom_complet: 'Direction', email: 'direction@ecole.example', role: 'super_admin' })
      .returning('id')
      .executeTakeFirstOrThrow();
    person = await seedPerson(t.db, root, 'E2E', 2018);
  });
  afterAll(() => t.close());

  it('export-data prints one JSON document; erase: 2 without --yes, 0 with it, 0 and nothing written the second time; unknown 4', async () => {
    const exported = await runCli(['users', 'export-data', person.matricule], { env });
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ account: { id: person.id, matricule: person.matricule }, messages: [{}, {}] });
    const audit = await countRows(t.db, 'audit_log');
    const unasked = await runCli(['users', 'erase', person.matricule], { env });
    expect(unasked.code).toBe(2);
    expect(unasked.stdout).toBe('');
    expect(unasked.stderr).toMatch(/^error: Erase PD-E2E for good .* Not at a terminal to ask: give --yes to confirm\.\n$/);
    expect(await countRows(t.db, 'audit_log')).toBe(audit);
    const erased = await runCli(['users', 'erase', person.matricule, '--yes', '--json'], { env });
    expect(erased.code).toBe(0);
    expect(JSON.parse(erased.stdout)).toMatchObject({ id: person.id, erased: true, dry_run: false, nothing_to_do: false });
    expect(await findValues(t.db, person.values)).toEqual([]);
    const written = await countRows(t.db, 'audit_log');
    const again = await runCli(['users', 'erase', person.id, '--yes', '--json'], { env });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ id: person.id, account: [], rows: {}, nothing_to_do: true, dry_run: false, erased: false });
    expect(await countRows(t.db, 'audit_log')).toBe(written);
    const after = JSON.parse((await runCli(['users', 'export-data', person.id, '--json'], { env })).stdout);
    expect(after.account).toMatchObject({
      nom_complet: 'Compte effacé',
      email: null,
      matricule: null,
      est_actif: false,
      has_password: false,
    });
    expect((await runCli(['users', 'erase', person.matricule, '--yes'], { env })).code).toBe(4);
  });
});

describe('personal data, end to end on the embedded database', () => {
  it('erase refuses without --yes and writes nothing, then erases with it', async () => {
    const { dataDir, remove } = embeddedDataDir();
    let person: SeededPerson;
    try {
      const handle = await openDatabase({ backend: 'embedded', dataDir });
      try {
        await handle.db.insertInto('annee_reference').values({ annee: 2018 }).execute();
        await handle.db.insertInto('domaine_reference').values({ nom_domaine: 'Informatique' }).execute();
        const root = await handle.db
          .insertInto('utilisateur')
          .values({ nom_complet: 'Direction', email: 'direction@ecole.example', role: 'super_admin' })
          .returning('id')
          .executeTakeFirstOrThrow();
        person = await seedPerson(handle.db, root, 'EMB', 2018);
      } finally {
        await handle.close();
      }
      const env = { ALUMNI_DATA_DIR: dataDir, ALUMNI_ACTOR: 'direction@ecole.example' };
      const unasked = await runCli(['users', 'erase', person.email], { env });
      expect(unasked.code).toBe(2);
      expect(unasked.stderr).toContain('give --yes to confirm');
      const exported = await runCli(['users', 'export-data', person.email], { env });
      expect(JSON.parse(exported.stdout).account).toMatchObject({ email: person.email, est_actif: true });
      expect((await runCli(['users', 'erase', person.email, '--yes'], { env })).code).toBe(0);
      const reopened = await openDatabase({ backend: 'embedded', dataDir });
      try {
        expect(await findValues(reopened.db, person.values)).toEqual([]);
        expect(await countRows(reopened.db, 'utilisateur', sql`efface_le is not null`)).toBe(1);
      } finally {
        await reopened.close();
      }
    } finally {
      remove();
    }
  }, 120_000);
});
