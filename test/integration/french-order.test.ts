import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFields } from '../../src/services/references.js';
import { listGroups } from '../../src/services/groups.js';
import { listOrgs } from '../../src/services/orgs.js';
import { listUsers } from '../../src/services/users.js';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/databases.js';

// In French order accents and case count only after the letters: `École` sorts with the
// E's, where the C order of the test clusters puts it after `Z` (and lower case after it).
const NAMES = ['Zeinab Sy', 'Élise Diop', 'Eric Ba', 'awa Ndiaye', 'Fatou Kane', 'Ézéchiel Gomis'];
const FRENCH = ['awa Ndiaye', 'Élise Diop', 'Eric Ba', 'Ézéchiel Gomis', 'Fatou Kane', 'Zeinab Sy'];

/** Every page of a keyset list, walked with its cursor two rows at a time. */
async function walk<Row>(page: (after?: string) => Promise<{ items: Row[]; next_after: string | null }>): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | undefined;
  do {
    const found = await page(after);
    rows.push(...found.items);
    after = found.next_after ?? undefined;
  } while (after !== undefined);
  return rows;
}

describe.each(BACKENDS)('French alphabetical order on the %s back end', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await t.db
      .insertInto('utilisateur')
      .values(NAMES.map((nom_complet, i) => ({ nom_complet, matricule: `ORD-${i}` })))
      .execute();
    await t.db
      .insertInto('organisation')
      .values(NAMES.map((nom_organisation) => ({ nom_organisation, type_organisation: 'entreprise' as const })))
      .execute();
    await t.db
      .insertInto('groupe')
      .values(NAMES.map((nom_groupe) => ({ nom_groupe })))
      .execute();
    await t.db
      .insertInto('domaine_reference')
      .values(NAMES.map((nom_domaine) => ({ nom_domaine })))
      .execute();
  });
  afterAll(() => t.close());

  it('users list pages through names in French order', async () => {
    const rows = await walk((after) => listUsers(t.db, { search: '' }, { limit: 2, after }));
    expect(rows.map((u) => u.nom_complet).filter((n) => NAMES.includes(n))).toEqual(FRENCH);
  });

  it('orgs list pages through names in French order', async () => {
    const rows = await walk((after) => listOrgs(t.db, {}, { limit: 2, after }));
    expect(rows.map((o) => o.nom_organisation)).toEqual(FRENCH);
  });

  it('groups list pages through names in French order', async () => {
    const rows = await walk((after) => listGroups(t.db, {}, { limit: 2, after }));
    expect(rows.map((g) => g.nom_groupe)).toEqual(FRENCH);
  });

  it('refs fields list gives fields in French order', async () => {
    const fields = await listFields(t.db);
    expect(fields.map((f) => f.nom_domaine).filter((n) => NAMES.includes(n))).toEqual(FRENCH);
  });

  it('a page of users reads the index in that order, not the whole table', async () => {
    // The index the paged list walks (migration 20261207190000_french_order); the table is
    // small, so the planner is told a full scan costs too much, as it would on a big one.
    const rows = await t.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const explained = await sql<Record<string, string>>`explain (format text)
        select id from utilisateur order by nom_complet collate ordre_francais, id limit 3`.execute(trx);
      return explained.rows;
    });
    const plan = rows.map((r) => Object.values(r)[0]).join('\n');
    expect(plan).toContain('idx_utilisateur_nom_complet_id');
  });
});
