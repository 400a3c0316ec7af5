import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { readSchemaState } from '../../src/db/migrator.js';
import { makeMigration, migrateDown, migrateToLatest, migrateUp } from '../../src/services/migrations.js';
import { serverKysely } from '../../src/db/connect.js';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { dumpSchema } from '../support/schema-dump.js';

describe.each(BACKENDS)('migrations on the %s back end', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend, { migrated: false });
  });
  afterAll(() => t.close());

  it('runs all up, all down and all up again, leaving the same schema each way', async () => {
    const empty = await dumpSchema(t.db);
    const first = await migrateToLatest(t.db);
    expect(first.steps.length).toBeGreaterThan(0);
    expect(first.state.pending).toEqual([]);
    const migrated = await dumpSchema(t.db);
    expect(migrated).toContain('relation public.utilisateur r');
    expect(migrated).toContain('relation public.stats_emploi_par_annee m');

    for (let i = 0; i < first.steps.length; i += 1) await migrateDown(t.db);
    const state = await readSchemaState(t.db);
    expect(state.applied).toEqual([]);
    // Down removes everything up made, save the unaccent and pg_trgm extensions and the
    // migrations' own schema, which up creates "if not exists" and down leaves for others.
    expect((await dumpSchema(t.db)).filter((line) => !empty.includes(line)).sort()).toEqual(['extension pg_trgm', 'extension unaccent']);

    const again = await migrateToLatest(t.db);
    expect(again.steps.map((s) => s.name)).toEqual(first.steps.map((s) => s.name));
    expect(await dumpSchema(t.db)).toEqual(migrated);
  });

  it('steps one migration up and down at a time', async () => {
    await migrateToLatest(t.db); // as the test above leaves it, if it did not run (-t)
    const state = await readSchemaState(t.db);
    const newest = state.version;
    const down = await migrateDown(t.db);
    expect(down.steps).toEqual([{ name: newest, direction: 'Down' }]);
    const up = await migrateUp(t.db);
    expect(up.steps).toEqual([{ name: newest, direction: 'Up' }]);
    expect((await migrateUp(t.db)).steps).toEqual([]);
  });

  it('refuses to migrate a database whose schema is newer than the tool', async () => {
    await migrateToLatest(t.db);
    await sql`insert into alumni_admin.kysely_migration (name, timestamp) values ('29991231000000_future', now()::text)`.execute(t.db);
    try {
      await expect(migrateToLatest(t.db)).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/does not know/) });
      expect((await readSchemaState(t.db)).unknown).toEqual(['29991231000000_future']);
    } finally {
      await sql`delete from alumni_admin.kysely_migration where name = '29991231000000_future'`.execute(t.db);
    }
  });
});

describe('concurrent migrations on the server', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('server', { migrated: false });
  });
  afterAll(() => t.close());

  it('serialise: the second waits, then finds nothing to do', async () => {
    const other = await serverKysely(t.url!);
    try {
      const [a, b] = await Promise.all([migrateToLatest(t.db), migrateToLatest(other)]);
      const applied = [...a.steps, ...b.steps].map((s) => s.name);
      const { rows } = await sql<{ name: string }>`select name from alumni_admin.kysely_migration`.execute(t.db);
      expect(applied.sort()).toEqual(rows.map((r) => r.name).sort());
      expect([a.steps.length, b.steps.length]).toContain(0);
    } finally {
      await other.destroy();
    }
  });
});

describe('migrate make', () => {
  it('writes an up/down pair named after the migration, with a sortable timestamp', () => {
    const dir = mkdtempSync(join(tmpdir(), 'alumni-make-'));
    try {
      const files = makeMigration('Ajouter le salaire', new Date('2027-03-04T05:06:07Z'), dir);
      expect(files.map((f) => f.slice(dir.length + 1))).toEqual([
        '20270304050607_ajouter_le_salaire.up.sql',
        '20270304050607_ajouter_le_salaire.down.sql',
      ]);
      expect(readdirSync(dir).sort()).toEqual(['20270304050607_ajouter_le_salaire.down.sql', '20270304050607_ajouter_le_salaire.up.sql']);
      expect(() => makeMigration('Ajouter le salaire', new Date('2027-03-04T05:06:07Z'), dir)).toThrow(/already exists/);
      expect(() => makeMigration('!!!', new Date(), dir)).toThrow(/not a usable migration name/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
