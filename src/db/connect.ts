import { existsSync, mkdirSync, accessSync, statSync, constants as fsConstants } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kysely, sql } from 'kysely';
import type { PGlite } from '@electric-sql/pglite';
import { AlumniError, problem, UsageError } from '../errors.js';
import type { ConnectionReason, DataDirReason } from '../i18n/en/database.js';
import { maskConnectionString, maskSecrets, parseDatabaseUrl, type ServerAddress } from './url.js';
import { lockDataDir } from './datadir-lock.js';
import type { Interruption } from '../interrupt.js';
import type { Workload } from './pglite.js';
import { DATE, INT8, keepText, NUMERIC, parseInt8 } from './value-parsers.js';
import type { DB } from './schema.js';

export type DatabaseTarget = { backend: 'server'; url: string; address: ServerAddress } | { backend: 'embedded'; dataDir: string };

export interface OpenDatabase {
  db: Kysely<DB>;
  target: DatabaseTarget;
  /** Where the data is, safe to print: the URL with its password masked, or the path. */
  location: string;
  close(): Promise<void>;
}

/** `--database-url`, else `DATABASE_URL`, else the embedded database. */
export function resolveTarget(databaseUrl: string | undefined, env: NodeJS.ProcessEnv): DatabaseTarget {
  if (databaseUrl !== undefined) {
    return { backend: 'server', url: databaseUrl, address: parseDatabaseUrl(databaseUrl, '--database-url') };
  }
  if (env.DATABASE_URL) {
    return { backend: 'server', url: env.DATABASE_URL, address: parseDatabaseUrl(env.DATABASE_URL, 'DATABASE_URL') };
  }
  return { backend: 'embedded', dataDir: defaultDataDir(env) };
}

export function defaultDataDir(env: NodeJS.ProcessEnv): string {
  if (env.ALUMNI_DATA_DIR) return resolve(env.ALUMNI_DATA_DIR);
  const dataHome = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(dataHome, 'alumni');
}

export function describeTarget(target: DatabaseTarget): string {
  return target.backend === 'server' ? maskConnectionString(target.url) : target.dataDir;
}

export interface OpenOptions {
  /** How long to wait for another process to release the embedded database. */
  lockWaitMs?: number;
  /** Told before the (slow, a few seconds) creation of the embedded database. */
  onCreate?: (dataDir: string) => void;
  /** How long the command uses the embedded database, which decides how PGlite is compiled and set up (src/db/pglite.ts); short by default. */
  workload?: Workload;
  /** While the embedded database is open, a stop signal aborts the command and the database is closed before the process ends. */
  interruption?: Interruption;
}

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<OpenDatabase> {
  return target.backend === 'server' ? openServer(target) : openEmbedded(target, options);
}

/**
 * A Kysely instance on a server, with the value parsers of value-parsers.ts; the pool opens
 * lazily. Five connections at most: an import holds one for its lock (src/import/lock.ts),
 * writes on two, and keeps its ledger and a reader on the others.
 */
export async function serverKysely(url: string, max = 5): Promise<Kysely<DB>> {
  const [{ default: pg }, { PostgresDialect }] = await Promise.all([import('pg'), import('kysely')]);
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 10_000,
    types: {
      getTypeParser: ((oid: number, format?: string) => {
        if (oid === INT8) return parseInt8;
        if (oid === DATE || oid === NUMERIC) return keepText;
        return pg.types.getTypeParser(oid, format as 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection dropped by the server (restart, dropped database) must not crash
  // the process; the next query reports the problem.
  pool.on('error', () => {});
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

async function openServer(target: Extract<DatabaseTarget, { backend: 'server' }>): Promise<OpenDatabase> {
  const db = await serverKysely(target.url);
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => {});
    throw connectionError(error, target.address);
  }
  return {
    db,
    target,
    location: describeTarget(target),
    close: () => db.destroy(),
  };
}

/** One sentence naming the server; never the password, never a stack. */
export function connectionError(error: unknown, address: ServerAddress): AlumniError {
  const err = error as { code?: string; message?: string };
  const reasons: Record<string, ConnectionReason> = {
    ECONNREFUSED: { kind: 'refused' },
    ENOTFOUND: { kind: 'unknown_host' },
    EAI_AGAIN: { kind: 'unresolved' },
    ETIMEDOUT: { kind: 'timeout' },
    EHOSTUNREACH: { kind: 'unreachable' },
    '28P01': { kind: 'password' },
    '28000': { kind: 'login' },
    '3D000': { kind: 'no_database', database: address.database },
  };
  const reason: ConnectionReason =
    (err.code && reasons[err.code]) ||
    (/timeout/i.test(err.message ?? '') ? { kind: 'timeout' } : { kind: 'other', message: maskSecrets(err.message ?? String(error)) });
  return new AlumniError(problem('database.connect_failed', { host: address.host, port: address.port, reason }), 1, { cause: error });
}

async function openEmbedded(target: Extract<DatabaseTarget, { backend: 'embedded' }>, options: OpenOptions): Promise<OpenDatabase> {
  const { dataDir } = target;
  prepareDataDir(dataDir);
  const lock = await lockDataDir(join(dataDir, 'alumni.lock'), options.lockWaitMs ?? 3_000);
  // From here until the lock is released, a signal stops the command in order instead of
  // ending the process with the database open.
  const unguard = options.interruption?.guard();
  const release = () => {
    lock.release();
    unguard?.();
  };
  let pglite: PGlite | undefined;
  try {
    const pgdata = join(dataDir, 'pgdata');
    const created = !existsSync(join(pgdata, 'PG_VERSION'));
    if (created) options.onCreate?.(dataDir);
    const [{ createPGlite }, { PGliteDialect }, { closePGlite }] = await Promise.all([
      import('./pglite.js'),
      import('./pglite-dialect.js'),
      import('./pglite-failures.js'),
    ]);
    pglite = await createPGlite(pgdata, options.workload);
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    const instance = pglite;
    return {
      db,
      target,
      location: dataDir,
      close: async () => {
        try {
          await db.destroy();
          // Without close() the process lingers ~10 s before it exits.
          await closePGlite(instance);
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    await pglite?.close().catch(() => {});
    release();
    throw error;
  }
}

function prepareDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, fsConstants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason: DataDirReason =
      code === 'EACCES' || code === 'EPERM'
        ? { kind: 'permission' }
        : code === 'ENOTDIR' || code === 'EEXIST'
          ? { kind: 'not_directory' }
          : code === 'EROFS'
            ? { kind: 'read_only' }
            : { kind: 'other', message: (error as Error).message };
    throw new UsageError(problem('database.data_dir_unusable', { dir: dataDir, reason }), { cause: error });
  }
  // PGlite would take a file there for a database to create, and fail seconds later.
  const pgdata = join(dataDir, 'pgdata');
  if (existsSync(pgdata) && !statSync(pgdata).isDirectory()) {
    throw new UsageError(problem('database.data_dir_pgdata_file', { dir: dataDir, pgdata }));
  }
}
