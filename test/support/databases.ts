import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { serverKysely } from '../../src/db/connect.js';
import { createPGlite } from '../../src/db/pglite.js';
import { PGliteDialect } from '../../src/db/pglite-dialect.js';
import type { DB } from '../../src/db/schema.js';
import { withDatabase } from './global-setup.js';

export type Backend = 'server' | 'embedded';
export const BACKENDS: Backend[] = ['server', 'embedded'];

/** A fresh, migrated database of one back end for one test file. */
export interface TestDatabase {
  backend: Backend;
  db: Kysely<DB>;
  /** For the CLI: DATABASE_URL (server) or ALUMNI_DATA_DIR (embedded). */
  env: Record<string, string>;
  /** Server only: the connection URL, to open more sessions. */
  url?: string;
  close(): Promise<void>;
}

/** A new database on the test server; `migrated: false` gives an empty one. */
export async function createServerDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject('serverAdminUrl');
  const name = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const template = options.migrated === false ? 'template0' : inject('serverTemplate');
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const db = await serverKysely(url);
  return {
    backend: 'server',
    db,
    url,
    env: { DATABASE_URL: url },
    close: async () => {
      await db.destroy();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** A copy of the migrated PGlite data directory (an ALUMNI_DATA_DIR), or an empty directory. */
export function embeddedDataDir(options: { migrated?: boolean } = {}): { dataDir: string; remove(): void } {
  const dataDir = mkdtempSync(join(tmpdir(), 'alumni-embedded-'));
  if (options.migrated !== false) cpSync(inject('embeddedTemplate'), dataDir, { recursive: true });
  return { dataDir, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** An open PGlite database for one test file: a migrated copy, or a brand-new one. */
export async function createEmbeddedDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const { dataDir, remove } = embeddedDataDir(options);
  const pglite = await createPGlite(join(dataDir, 'pgdata'));
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    backend: 'embedded',
    db,
    env: { ALUMNI_DATA_DIR: dataDir },
    close: async () => {
      await db.destroy();
      await pglite.close();
      remove();
    },
  };
}

export function createTestDatabase(backend: Backend, options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  return backend === 'server' ? createServerDatabase(options) : createEmbeddedDatabase(options);
}

export async function countRows(db: Kysely<DB>, table: string, where = sql`true`): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(db);
  return rows[0]!.n;
}

/** pg_locks rows of the advisory locks held in the current database (not the other test files'). */
export const ADVISORY_HERE = sql`locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`;
