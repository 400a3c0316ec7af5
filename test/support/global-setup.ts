import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createPGlite } from '../../src/db/pglite.js';
import { PGliteDialect } from '../../src/db/pglite-dialect.js';
import type { DB } from '../../src/db/schema.js';
import { migrateToLatest } from '../../src/services/migrations.js';
import { startTestServer } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test server. */
    serverAdminUrl: string;
    /** A migrated database to copy with CREATE DATABASE ... TEMPLATE. */
    serverTemplate: string;
    /** A migrated PGlite data directory (an ALUMNI_DATA_DIR) to copy. */
    embeddedTemplate: string;
  }
}

export const SERVER_TEMPLATE = 'alumni_template';

/**
 * Once per run: a PostgreSQL server with a migrated template database, and a migrated
 * PGlite data directory. Each test file copies them (~0.1 s and ~0.6 s) instead of
 * migrating its own (PGlite's initdb alone takes ~4 s).
 */
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const scratch = mkdtempSync(join(tmpdir(), 'alumni-test-'));
  try {
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${SERVER_TEMPLATE}`);
    await admin.query(`create database ${SERVER_TEMPLATE}`);
    await admin.end();

    const templateUrl = withDatabase(server.adminUrl, SERVER_TEMPLATE);
    const serverDb = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: templateUrl }) }) });
    await migrateToLatest(serverDb);
    await serverDb.destroy();

    const embeddedTemplate = join(scratch, 'embedded-template');
    const pglite = await createPGlite(join(embeddedTemplate, 'pgdata'));
    const embeddedDb = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    await migrateToLatest(embeddedDb);
    await embeddedDb.destroy();
    await pglite.close();

    project.provide('serverAdminUrl', server.adminUrl);
    project.provide('serverTemplate', SERVER_TEMPLATE);
    project.provide('embeddedTemplate', embeddedTemplate);
    console.error(`[tests] PostgreSQL: ${server.how}; PGlite template: ${embeddedTemplate}`);
  } catch (error) {
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }

  return async () => {
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
