import { join } from 'node:path';
import { Kysely } from 'kysely';
import { createPGlite } from '../../src/db/pglite.js';
import { PGliteDialect } from '../../src/db/pglite-dialect.js';
import type { DB } from '../../src/db/schema.js';
import { createServerDatabase, embeddedDataDir, type Backend } from './databases.js';

/** A database for commands run in process (runMain), on either back end, with SQL checks between them. */
export interface CommandDatabase {
  /** What the commands are given: DATABASE_URL or ALUMNI_DATA_DIR. */
  env: Record<string, string>;
  /** Runs SQL checks; an embedded database is opened for that only (PGlite has no lock of its own). */
  withDb<T>(work: (db: Kysely<DB>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function commandDatabase(backend: Backend): Promise<CommandDatabase> {
  if (backend === 'server') {
    const server = await createServerDatabase();
    return { env: { ...server.env }, withDb: (work) => work(server.db), close: () => server.close() };
  }
  const embedded = embeddedDataDir();
  return {
    env: { ALUMNI_DATA_DIR: embedded.dataDir },
    async withDb(work) {
      const pglite = await createPGlite(join(embedded.dataDir, 'pgdata'));
      const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
      try {
        return await work(db);
      } finally {
        await db.destroy();
        await pglite.close();
      }
    },
    close: async () => embedded.remove(),
  };
}
