import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { NamedKind } from '../services/names.js';

/**
 * Names of groups and organisations for shell completion, from the database the command
 * line names (`--database-url`), else DATABASE_URL, else the embedded database, when it
 * answers quickly. Completion runs at every Tab: it must never print an error, ask for
 * anything, wait long, or create a database. Any failure (no server, a wrong password, a
 * slow query, the embedded database in use by another command or not created yet) is no
 * name at all.
 */

/** How long a server has to accept the connection, and then to answer, in milliseconds. */
const CONNECT_TIMEOUT_MS = 1_000;
const STATEMENT_TIMEOUT_MS = 1_000;

export async function completionNames(kind: NamedKind, prefix: string, env: NodeJS.ProcessEnv, databaseUrl?: string): Promise<string[]> {
  let db: Kysely<DB> | undefined;
  let close: (() => Promise<void>) | undefined;
  try {
    const { resolveTarget, openDatabase } = await import('../db/connect.js');
    const target = resolveTarget(databaseUrl, env);
    if (target.backend === 'server') {
      db = await quickServer(target.url);
      close = () => db!.destroy();
    } else {
      // Opening a data directory without a database would create one (seconds, files).
      if (!existsSync(join(target.dataDir, 'pgdata', 'PG_VERSION'))) return [];
      // Another command holds it: no names rather than a wait.
      const handle = await openDatabase(target, { lockWaitMs: 0 });
      db = handle.db;
      close = () => handle.close();
    }
    const { namesStartingWith } = await import('../services/names.js');
    return await namesStartingWith(db, kind, prefix);
  } catch {
    return [];
  } finally {
    await close?.().catch(() => {});
  }
}

/** One connection, with short timeouts to connect and to answer. */
async function quickServer(url: string): Promise<Kysely<DB>> {
  const [{ default: pg }, { Kysely, PostgresDialect }] = await Promise.all([import('pg'), import('kysely')]);
  const pool = new pg.Pool({
    connectionString: url,
    max: 1,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: STATEMENT_TIMEOUT_MS + 500,
    application_name: 'alumni completion',
  });
  pool.on('error', () => {});
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
