import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vacuumAsAutovacuumWould } from '../../src/db/autovacuum.js';
import { createPGlite } from '../../src/db/pglite.js';
import { PGliteDialect } from '../../src/db/pglite-dialect.js';
import type { DB } from '../../src/db/schema.js';
import { embeddedDataDir } from '../support/databases.js';
import { runMain } from '../support/main.js';
import { HEADER, rosterDir, writeRoster } from '../support/rosters.js';

// PGlite has no autovacuum: bulk commands do its work on the tables they changed
// (src/db/autovacuum.ts), which doctor's row estimates show.
describe('the embedded database after a bulk command', () => {
  let dataDir: string;
  let remove: () => void;
  let env: Record<string, string>;

  async function withDb<T>(work: (db: Kysely<DB>) => Promise<T>): Promise<T> {
    const pglite = await createPGlite(join(dataDir, 'pgdata'));
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    try {
      return await work(db);
    } finally {
      await db.destroy();
      await pglite.close();
    }
  }

  async function estimatedRows(): Promise<Record<string, number | null>> {
    const doctor = await runMain(['doctor', '--json'], { env });
    expect(doctor.code).toBe(0);
    const report = JSON.parse(doctor.stdout) as { tables: Array<{ table: string; estimated_rows: number | null }> };
    return Object.fromEntries(report.tables.map((t) => [t.table, t.estimated_rows]));
  }

  beforeAll(async () => {
    ({ dataDir, remove } = embeddedDataDir());
    env = { ALUMNI_DATA_DIR: dataDir, ALUMNI_ACTOR: 'VAC-ADMIN' };
    await withDb((db) =>
      db.insertInto('utilisateur').values({ nom_complet: 'Admin', matricule: 'VAC-ADMIN', role: 'super_admin' }).execute(),
    );
  });
  afterAll(() => remove());

  it('a short command leaves the tables as they were; an import leaves them analysed, as doctor shows', async () => {
    const before = await estimatedRows();
    expect(before.utilisateur).toBeNull();

    const added = await runMain(['users', 'add', '--nom', 'Seule', '--matricule', 'VAC-ONE', '--no-password'], { env });
    expect(added.code).toBe(0);
    expect((await estimatedRows()).utilisateur).toBeNull();

    const rows = Array.from({ length: 120 }, (_, i) => [`Élève ${i}`, `VAC-${i}`, `eleve${i}@exemple.sn`, '2024', '', '', 'non']);
    const dir = rosterDir();
    const roster = writeRoster(dir, 'vac.csv', [HEADER, ...rows]);
    const imported = await runMain(
      ['users', 'import', roster, '--create-missing-references', '--rejects', join(dir, 'rejects.csv'), '--json'],
      {
        env,
      },
    );
    expect(imported.stdout).toContain('"inserted": 120');
    expect(imported.code).toBe(0);
    const after = await estimatedRows();
    expect(after.utilisateur).toBe(122);
    expect(after.audit_log).toBeGreaterThanOrEqual(121);
  });

  it('vacuums and analyses only past autovacuum thresholds, leaving pages all-visible', async () => {
    await withDb(async (db) => {
      await sql`insert into domaine_reference (nom_domaine) values ('Vacuum 1'), ('Vacuum 2')`.execute(db);
      expect(await vacuumAsAutovacuumWould(db)).toEqual([]);

      await sql`insert into utilisateur (nom_complet, matricule) select 'Masse ' || n, 'MASS-' || n from generate_series(1, 1500) n`.execute(
        db,
      );
      expect(await vacuumAsAutovacuumWould(db)).toEqual(expect.arrayContaining(['utilisateur', 'audit_log']));
      const { rows } = await sql<{ reltuples: number; relallvisible: number }>`
        select reltuples::int as reltuples, relallvisible from pg_class where relname = 'utilisateur'`.execute(db);
      expect(rows[0]!.reltuples).toBe(1622);
      expect(rows[0]!.relallvisible).toBeGreaterThan(0);
    });
  });
});
