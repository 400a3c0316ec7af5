import { writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationResultSet } from 'kysely';
import { AlumniError, problem, UsageError } from '../errors.js';
import { createMigrator, MIGRATIONS_DIR, readSchemaState, type AnySchemaDb, type SchemaState } from '../db/migrator.js';

export interface MigrationStep {
  name: string;
  direction: 'Up' | 'Down';
}

export interface MigrationOutcome {
  steps: MigrationStep[];
  state: SchemaState;
}

/**
 * Migrations run through Kysely's Migrator, which takes a database-wide lock
 * (pg_advisory_xact_lock) around each run: a second concurrent `migrate` waits, then
 * finds nothing left to do.
 */
export async function migrateToLatest(db: AnySchemaDb, dir?: string): Promise<MigrationOutcome> {
  await refuseUnknown(db, dir);
  return finish(db, await createMigrator(db, dir).migrateToLatest(), dir);
}

export async function migrateUp(db: AnySchemaDb, dir?: string): Promise<MigrationOutcome> {
  await refuseUnknown(db, dir);
  return finish(db, await createMigrator(db, dir).migrateUp(), dir);
}

export async function migrateDown(db: AnySchemaDb, dir?: string): Promise<MigrationOutcome> {
  await refuseUnknown(db, dir);
  return finish(db, await createMigrator(db, dir).migrateDown(), dir);
}

export async function migrationStatus(db: AnySchemaDb, dir?: string): Promise<SchemaState> {
  return readSchemaState(db, dir);
}

async function refuseUnknown(db: AnySchemaDb, dir?: string): Promise<void> {
  const state = await readSchemaState(db, dir);
  if (state.unknown.length > 0) {
    throw new AlumniError(problem('migrate.unknown_migrations', { migrations: state.unknown }), 2);
  }
}

async function finish(db: AnySchemaDb, result: MigrationResultSet, dir?: string): Promise<MigrationOutcome> {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new AlumniError(problem('migrate.failed', { migration: failed ?? null, reason }), 1, { cause: result.error });
  }
  const steps = (result.results ?? [])
    .filter((r) => r.status === 'Success')
    .map((r) => ({ name: r.migrationName, direction: r.direction }));
  return { steps, state: await readSchemaState(db, dir) };
}

/** Writes an empty up/down pair for a new migration; returns the file paths. */
export function makeMigration(name: string, now: Date = new Date(), dir: string = MIGRATIONS_DIR): string[] {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  if (!slug) throw new UsageError(problem('migrate.unusable_name', { name }));
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const base = join(dir, `${stamp}_${slug}`);
  const files = [`${base}.up.sql`, `${base}.down.sql`];
  for (const file of files) {
    if (existsSync(file)) throw new UsageError(problem('migrate.file_exists', { file }));
  }
  writeFileSync(files[0]!, `-- ${name}: what this migration changes, and why.\n`);
  writeFileSync(files[1]!, `-- Undoes ${stamp}_${slug}: must leave the schema exactly as before its .up.sql.\n`);
  return files;
}
