import type { AnySchemaDb } from '../../src/db/migrator.js';
import { generate, PostgresDialect } from 'kysely-codegen';

export const SCHEMA_TYPES_FILE = 'src/db/schema.ts';

/**
 * The Kysely types of the migrated schema, as kysely-codegen writes them. The type
 * mapping follows the value parsers of src/db/connect.ts (int8 as number, date and
 * numeric as strings); the migrator's own tables are left out.
 */
export function generateSchemaTypes(db: AnySchemaDb): Promise<string> {
  return generate({
    // kysely-codegen is CommonJS and types Kysely from kysely's CJS build: same object.
    db: db as never,
    dialect: new PostgresDialect(),
    outFile: null,
    excludePattern: 'alumni_admin.kysely_*',
    defaultSchemas: ['public'],
    typeMapping: { int8: 'number', date: 'string', numeric: 'string' },
  });
}
