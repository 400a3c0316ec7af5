import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.js';
import { erase, planErasure } from '../../src/services/erasure.js';
import { runCli } from '../support/cli.js';
import { countRows, createServerDatabase, embeddedDataDir, type TestDatabase } from '../support/databases.js';
import { filesHolding, findValues, seedPerson, type SeededPerson } from '../support/personal.js';

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

/**
 * A migrated embedded directory with an administrator (direction@ecole.example) and one
 * person with a history (seedPerson), left as a bulk command leaves it: its tables
 * analysed (the statistics quote values), and the WAL that wrote the person renamed by a
 * checkpoint into a segment kept for later use (PostgreSQL recycles segments), which
 * still holds their rows.
 */
async function embeddedWithPerson(dataDir: string, tag: string): Promise<{ person: SeededPerson; rootId: string }> {
  const handle = await openDatabase({ backend: 'embedded', dataDir });
  try {
    await handle.db.insertInto('annee_reference').values({ annee: 2018 }).execute();
    await handle.db.insertInto('domaine_reference').values({ nom_domaine: 'Informatique' }).execute();
    const root = await handle.db
      .insertInto('utilisateur')
      .values({ nom_complet: 'Direction', email: 'direction@ecole.example', role: 'super_admin' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const person = await seedPerson(handle.db, root, tag, 2018);
    await sql`analyze`.execute(handle.db);
    await sql`select pg_switch_wal()`.execute(handle.db);
    await sql`checkpoint`.execute(handle.db);
    return { person, rootId: root.id };
  } finally {
    await handle.close();
  }
}

describe('personal data, end to end on the embedded database', () => {
  const env = (dataDir: string) => ({ ALUMNI_DATA_DIR: dataDir, ALUMNI_ACTOR: 'direction@ecole.example' });

  it('erase refuses without --yes and writes nothing, then erases with it', async () => {
    const { dataDir, remove } = embeddedDataDir();
    try {
      const { person } = await embeddedWithPerson(dataDir, 'EMB');
      const unasked = await runCli(['users', 'erase', person.email], { env: env(dataDir) });
      expect(unasked.code).toBe(2);
      expect(unasked.stderr).toContain('give --yes to confirm');
      const exported = await runCli(['users', 'export-data', person.email], { env: env(dataDir) });
      expect(JSON.parse(exported.stdout).account).toMatchObject({ email: person.email, est_actif: true });
      expect((await runCli(['users', 'erase', person.email, '--yes'], { env: env(dataDir) })).code).toBe(0);
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

  it('after erase no file of the data directory holds any of their values: old row versions, indexes, statistics, WAL', async () => {
    const { dataDir, remove } = embeddedDataDir();
    try {
      const { person } = await embeddedWithPerson(dataDir, 'DISK');
      // Each value is on disk before, the WAL included: the check after means something.
      const before = filesHolding(dataDir, person.values);
      expect(person.values.filter((value) => !before.some((hit) => hit.endsWith(`: ${value}`)))).toEqual([]);
      expect(before.filter((hit) => hit.startsWith(join('pgdata', 'pg_wal'))).length).toBeGreaterThan(0);
      const erased = await runCli(['users', 'erase', person.matricule, '--yes'], { env: env(dataDir) });
      expect(erased).toMatchObject({ code: 0, stderr: expect.stringContaining('Erased;') });
      expect(filesHolding(dataDir, person.values)).toEqual([]);
    } finally {
      remove();
    }
  }, 120_000);

  it('an erasure whose values are still in the files (cut short, or by an earlier version): erase again has nothing to do and removes them', async () => {
    const { dataDir, remove } = embeddedDataDir();
    try {
      const { person, rootId } = await embeddedWithPerson(dataDir, 'AGAIN');
      const handle = await openDatabase({ backend: 'embedded', dataDir });
      try {
        const session = { actorId: rootId, actorRole: 'super_admin' as const, userAgent: 'alumni/test users erase' };
        await erase(handle.db, session, await planErasure(handle.db, session, person.id));
      } finally {
        await handle.close();
      }
      expect(filesHolding(dataDir, person.values)).not.toEqual([]);
      const again = await runCli(['users', 'erase', person.id, '--yes'], { env: env(dataDir) });
      expect(again).toMatchObject({ code: 0, stderr: `✔ ${person.id}: erased already, nothing to do.\n` });
      expect(filesHolding(dataDir, person.values)).toEqual([]);
    } finally {
      remove();
    }
  }, 120_000);
});
