import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

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
    for (const file of readdirSync(this.dir)
      .filter((f) => f.endsWith('.up.sql'))
      .sort()) {
      const name = file.slice(0, -'.up.sql'.length);
      const upSql = readFileSync(join(this.dir, file), 'utf8');
      const downSql = readFileSync(join(this.dir, `${name}.down.sql`), 'utf8');
      migrations[name] = {
        up: async (db) => void (await sql.raw(upSql).execute(db)),
        down: async (db) => void (await sql.raw(downSql).execute(db)),
      };
    }
    return migrations;
  }
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

export async function readSchemaState(db: AnySchemaDb, dir?: string): Promise<SchemaState> {
  const known = Object.keys(await new SqlFileMigrationProvider(dir).getMigrations());
  const { rows } = await sql<{ exists: boolean }>`
    select to_regclass(${`${ADMIN_SCHEMA}.${MIGRATION_TABLE}`}) is not null as exists`.execute(db);
  const applied = rows[0]?.exists
    ? (await sql<{ name: string }>`select name from ${sql.table(`${ADMIN_SCHEMA}.${MIGRATION_TABLE}`)} order by name`.execute(db)).rows.map(
        (r) => r.name,
      )
    : [];
  const appliedSet = new Set(applied);
  return {
    version: applied.at(-1) ?? null,
    applied,
    pending: known.filter((name) => !appliedSet.has(name)),
    unknown: applied.filter((name) => !known.includes(name)),
  };
}
