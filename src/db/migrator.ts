import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { MIGRATION_NAMES } from './migration-names.js';

/** The tool's bookkeeping schema: migrations and the like, apart from platform tables. */
export const ADMIN_SCHEMA = 'alumni_admin';
const MIGRATION_TABLE = 'kysely_migration';

export const MIGRATIONS_DIR = join(PACKAGE_ROOT, 'migrations');

/**
 * Migrations are SQL scripts, `<timestamp>_<name>.up.sql` with its `.down.sql`: the
 * schema is mostly enums, triggers and views, which read best as SQL. Each script runs
 * as one multi-statement string inside the migration's transaction.
 */
export class SqlFileMigrationProvider implements MigrationProvider {
  constructor(private readonly dir: string = MIGRATIONS_DIR) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const name of migrationNames(this.dir)) {
      const upSql = readFileSync(join(this.dir, `${name}.up.sql`), 'utf8');
      const downSql = readFileSync(join(this.dir, `${name}.down.sql`), 'utf8');
      migrations[name] = {
        up: async (db) => void (await sql.raw(upSql).execute(db)),
        down: async (db) => void (await sql.raw(downSql).execute(db)),
      };
    }
    return migrations;
  }
}

/** The migrations in `dir`, oldest first: their names, without reading the scripts. */
export function migrationNames(dir: string = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.up.sql'))
    .map((f) => f.slice(0, -'.up.sql'.length))
    .sort();
}

/**
 * A database at whatever schema version it is at: the migrator cannot know its tables,
 * so it is typed without them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySchemaDb = Kysely<any>;

export function createMigrator(db: AnySchemaDb, dir?: string): Migrator {
  return new Migrator({
    db,
    provider: new SqlFileMigrationProvider(dir),
    migrationTableSchema: ADMIN_SCHEMA,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: `${MIGRATION_TABLE}_lock`,
  });
}

export interface SchemaState {
  /** Newest migration applied, or null on an empty database. */
  version: string | null;
  applied: string[];
  pending: string[];
  /** Applied on the database but unknown to this version of the tool. */
  unknown: string[];
}

/**
 * Where the database stands against the migrations `dir` holds (default: the tool's own).
 * Every command starts with this, so the common case costs one query and no file: when
 * the database has applied exactly the migrations this build was compiled with
 * (migration-names.ts, kept by `npm run codegen`), nothing is pending and the folder is
 * not read. Otherwise the folder decides (a migration made since the build counts).
 */
export async function readSchemaState(db: AnySchemaDb, dir?: string): Promise<SchemaState> {
  const applied = await appliedMigrations(db);
  const compiled: readonly string[] = MIGRATION_NAMES;
  const known =
    dir === undefined && applied.length === compiled.length && applied.every((name, i) => name === compiled[i])
      ? compiled
      : migrationNames(dir);
  const appliedSet = new Set(applied);
  const knownSet = new Set(known);
  return {
    version: applied.at(-1) ?? null,
    applied,
    pending: known.filter((name) => !appliedSet.has(name)),
    unknown: applied.filter((name) => !knownSet.has(name)),
  };
}

/** The names of the applied migrations, oldest first; none on a database never migrated. */
async function appliedMigrations(db: AnySchemaDb): Promise<string[]> {
  try {
    const { rows } = await sql<{ name: string }>`select name from ${sql.table(`${ADMIN_SCHEMA}.${MIGRATION_TABLE}`)} order by name`.execute(
      db,
    );
    return rows.map((r) => r.name);
  } catch (error) {
    // 42P01: no migration table yet. 3F000: no alumni_admin schema either.
    if (['42P01', '3F000'].includes((error as { code?: string }).code ?? '')) return [];
    throw error;
  }
}
