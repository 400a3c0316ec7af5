import { sql } from 'kysely';
import type { AnySchemaDb } from './migrator.js';

/**
 * PGlite runs no autovacuum: left alone, the embedded database's tables are never
 * analysed (the planner has no statistics, `doctor` no row estimates) nor vacuumed (dead
 * rows stay, and a count reads every row version because no page is marked all-visible:
 * 57 ms instead of 15 ms for 100,000 audit entries). So after a bulk command, the tables
 * it changed are vacuumed and analysed as autovacuum would do it on a server, with its
 * default thresholds. PGlite does not keep the activity counters from one open to the
 * next, so the command's own counters decide; the short commands change too little to
 * matter. Returns the tables it vacuumed or analysed.
 */
export async function vacuumAsAutovacuumWould(db: AnySchemaDb): Promise<string[]> {
  // The counters reach pg_stat_user_tables once flushed, at the end of the next statement.
  await sql`select pg_stat_force_next_flush()`.execute(db);
  await sql`select 1`.execute(db);
  const { rows } = await sql<{ schema: string; table: string; vacuum: boolean; analyze: boolean }>`
    select s.schemaname as schema, s.relname as table,
           s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0)
             or s.n_ins_since_vacuum > 1000 + 0.2 * greatest(c.reltuples, 0) as vacuum,
           s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0) as analyze
      from pg_stat_user_tables s join pg_class c on c.oid = s.relid
     order by s.schemaname, s.relname`.execute(db);
  const done: string[] = [];
  for (const { schema, table, vacuum, analyze } of rows) {
    if (!vacuum && !analyze) continue;
    const name = sql.table(`${schema}.${table}`);
    await (vacuum ? sql`vacuum (analyze) ${name}` : sql`analyze ${name}`).execute(db);
    done.push(table);
  }
  return done;
}
