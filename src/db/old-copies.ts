import { sql } from 'kysely';
import type { AnySchemaDb } from './migrator.js';

/**
 * Makes values just deleted from `tables` unreadable in the embedded database's files.
 * An UPDATE leaves the old row version in the table's page, and VACUUM only marks its
 * space free (the bytes stay until overwritten); index entries stay likewise; ANALYZE
 * copied sample values (histogram bounds, most common values) into pg_statistic; the WAL
 * holds the rows the transactions wrote (and whole pages as they were), and a checkpoint
 * renames a finished segment for later use, old contents included.
 *
 * So: VACUUM FULL writes each table and its indexes (and TOAST) anew and drops the old
 * files, with ANALYZE taking new samples; VACUUM FULL of pg_statistic drops the old
 * samples' row versions. Then, with recycling off, each WAL switch and checkpoint removes
 * the segments before it; as many rounds as there are segments waiting for reuse (each
 * round moves into the next one), plus one, end in a segment created afresh, which holds
 * only what came after. Meant for the embedded database: on a server, VACUUM FULL locks
 * out every reader of the table while it runs, and its WAL is the operator's (archives,
 * standbys).
 */
export async function removeOldCopies(db: AnySchemaDb, tables: readonly string[]): Promise<void> {
  await sql`set wal_recycle = off`.execute(db);
  try {
    for (const table of tables) await sql`vacuum (full, analyze) ${sql.table(table)}`.execute(db);
    await sql`vacuum full pg_catalog.pg_statistic`.execute(db);
    const { rows } = await sql<{ waiting: number }>`
      select count(*)::int as waiting from pg_ls_waldir()
       where name ~ '^[0-9A-F]{24}$' and name > pg_walfile_name(pg_current_wal_lsn())`.execute(db);
    for (let round = 0; round <= rows[0]!.waiting; round++) {
      await sql`select pg_switch_wal()`.execute(db);
      await sql`checkpoint`.execute(db);
    }
  } finally {
    await sql`reset wal_recycle`.execute(db);
  }
}
