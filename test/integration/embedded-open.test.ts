import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPGlite, type Workload } from '../../src/db/pglite.js';
import { embeddedDataDir } from '../support/databases.js';

// How the embedded database is opened for short and for bulk commands (src/db/pglite.ts).
describe('opening the embedded database', () => {
  const copies: Array<() => void> = [];
  afterAll(() => copies.forEach((remove) => remove()));

  async function open(workload: Workload) {
    const { dataDir, remove } = embeddedDataDir();
    copies.push(remove);
    return createPGlite(join(dataDir, 'pgdata'), workload);
  }

  it.each([
    ['short', '16MB'],
    ['bulk', '128MB'],
  ] as const)('a %s command gets a %s buffer pool', async (workload, size) => {
    const pglite = await open(workload);
    try {
      const { rows } = await pglite.query<{ shared_buffers: string }>('show shared_buffers');
      expect(rows[0]!.shared_buffers).toBe(size);
    } finally {
      await pglite.close();
    }
  });

  it('the contrib extensions copied in load on first use: unaccent, its rules file, and pg_trgm', async () => {
    const pglite = await open('short');
    try {
      const { rows } = await pglite.query<{ plain: string; similar: number }>(
        `select unaccent('Élève Ñandú, Œuvre') as plain, similarity('Université Cheikh Anta Diop', 'Universite Cheikh Anta Diop') as similar`,
      );
      expect(rows[0]!.plain).toBe('Eleve Nandu, OEuvre');
      expect(rows[0]!.similar).toBeGreaterThan(0.6);
    } finally {
      await pglite.close();
    }
  });

  it('a new database gets the extensions the schema creates', async () => {
    const { dataDir, remove } = embeddedDataDir({ migrated: false });
    copies.push(remove);
    const pglite = await createPGlite(join(dataDir, 'pgdata'));
    try {
      await pglite.exec('create extension unaccent; create extension pg_trgm;');
      const { rows } = await pglite.query<{ extname: string }>(
        `select extname from pg_extension where extname in ('unaccent', 'pg_trgm') order by 1`,
      );
      expect(rows.map((r) => r.extname)).toEqual(['pg_trgm', 'unaccent']);
    } finally {
      await pglite.close();
    }
  });
});
