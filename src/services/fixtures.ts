import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { problem, UsageError } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { DB } from '../db/schema.js';
import { writeAs, type WriteSession } from '../db/session.js';

export const DEMO_SQL = join(PACKAGE_ROOT, 'fixtures', 'demo.sql');

/** The demo's super_admin (direction@ecole.example): its presence means "already loaded". */
export const DEMO_SUPER_ADMIN_ID = '00000000-0000-4000-8000-000000000001';

const DEMO_TABLES = [
  'annee_reference',
  'domaine_reference',
  'utilisateur',
  'organisation',
  'contact_organisation',
  'stage',
  'formation',
  'emploi',
  'groupe',
  'membre_groupe',
  'message',
  'validation_formation',
  'validation_groupe',
  'validation_organisation',
] as const;

/**
 * Loads the demo data set (fixtures/demo.sql) into a database with no users yet, in one
 * audited transaction, and refreshes the statistics. Loading it again does nothing (it
 * says so); a database with other users is refused. Returns the row count per table.
 */
export async function loadDemoData(db: Kysely<DB>, session: WriteSession): Promise<{ loaded: boolean; counts: Record<string, number> }> {
  const script = readFileSync(DEMO_SQL, 'utf8');
  return writeAs(db, session, async (trx) => {
    const { rows } = await sql<{ users: number; demo: boolean }>`
      select count(*) as users, bool_or(id = ${DEMO_SUPER_ADMIN_ID}) as demo from utilisateur`.execute(trx);
    const loaded = !rows[0]!.demo;
    if (loaded) {
      if (rows[0]!.users > 0) {
        throw new UsageError(problem('fixtures.has_users'));
      }
      await sql.raw(script).execute(trx);
      await sql`select alumni_refresh_stats()`.execute(trx);
    }
    const counts: Record<string, number> = {};
    for (const table of DEMO_TABLES) {
      const result = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(trx);
      counts[table] = result.rows[0]!.n;
    }
    return { loaded, counts };
  });
}
