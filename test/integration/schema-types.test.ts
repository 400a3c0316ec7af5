import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase, type TestDatabase } from '../support/databases.js';
import { generateSchemaTypes, SCHEMA_TYPES_FILE } from '../support/codegen.js';

// `npm run codegen` sets UPDATE_SCHEMA_TYPES=1 to rewrite the file instead of checking it.
const updating = process.env.UPDATE_SCHEMA_TYPES === '1';

describe('generated database types', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createServerDatabase();
  });
  afterAll(() => t.close());

  it(`${SCHEMA_TYPES_FILE} matches the migrated schema (run \`npm run codegen\` after changing a migration)`, async () => {
    const generated = await generateSchemaTypes(t.db);
    if (updating) writeFileSync(SCHEMA_TYPES_FILE, generated);
    expect(readFileSync(SCHEMA_TYPES_FILE, 'utf8')).toBe(generated);
  });
});
