import { existsSync, readdirSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WriteSession } from '../../src/db/session.js';
import { resolveActor, type Actor } from '../../src/services/actor.js';
import { importRoster, type ImportOptions } from '../../src/services/roster-import.js';
import { BACKENDS, countRows, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { HEADER, rosterDir, rosterImportOptions, writeRoster } from '../support/rosters.js';

/**
 * The change check (issue 28, README "The roster import"): a file that would change more
 * than --max-changes percent of the stored people it matches (a shifted column, the
 * wrong file) writes nothing, names the counts and the most changed columns, and a dry
 * run reports the same figure.
 */
describe.each(BACKENDS)('the change check of the roster import on the %s back end', (backend) => {
  let t: TestDatabase;
  let admin: Actor;
  let dir: string;

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await t.db
      .insertInto('annee_reference')
      .values([{ annee: 2023 }, { annee: 2024 }])
      .execute();
    await t.db
      .insertInto('domaine_reference')
      .values([{ nom_domaine: 'Gestion' }, { nom_domaine: 'Génie informatique' }, { nom_domaine: 'Télécommunications' }])
      .execute();
    await t.db.insertInto('utilisateur').values({ nom_complet: 'Jérôme Kaboré', matricule: 'ADM-2', role: 'admin' }).execute();
    admin = await resolveActor(t.db, 'ADM-2');
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    dir = rosterDir();
    await sql`delete from utilisateur where matricule like 'C-%'`.execute(t.db);
  });

  const session: () => WriteSession = () => ({ actorId: admin.id, actorRole: admin.role, userAgent: 'alumni/test users import' });
  const run = (file: string, options: Partial<ImportOptions> = {}) =>
    importRoster(t.db, session(), rosterImportOptions(file, dir, { batchSize: 4, ...options }));

  const matricule = (i: number) => `C-${String(i).padStart(4, '0')}`;
  const phone = (i: number) => `+22177${String(1_000_000 + i).padStart(7, '0')}`;
  /** `count` people stored as a yearly roster left them: phone, e-mail, field, employment. */
  const storePeople = (count: number) =>
    t.db
      .insertInto('utilisateur')
      .values(
        Array.from({ length: count }, (_, i) => ({
          nom_complet: `Personne ${i}`,
          matricule: matricule(i),
          email: `p${i}@exemple.sn`,
          annee_sortie: 2023,
          telephone: phone(i),
          domaine: 'Gestion',
          travailleur: true,
        })),
      )
      .execute();
  /** The stored people's row as a roster line; `change` alters it. */
  const line = (i: number, change: Partial<Record<'telephone' | 'domaine' | 'travailleur', string>> = {}) => [
    `Personne ${i}`,
    matricule(i),
    `p${i}@exemple.sn`,
    '2023',
    change.telephone ?? phone(i),
    change.domaine ?? 'Gestion',
    change.travailleur ?? 'oui',
  ];
  /** Everything stored about the test's people and what an import leaves behind. */
  const state = async () => ({
    people: (
      await sql<{
        matricule: string;
        domaine: string | null;
      }>`select matricule, nom_complet, email, annee_sortie, telephone, domaine, travailleur, xmin::text as version
                  from utilisateur where matricule like 'C-%' order by matricule`.execute(t.db)
    ).rows,
    audit: await countRows(t.db, 'audit_log'),
    ledger: await countRows(t.db, 'alumni_admin.import_run'),
  });

  /** 10 stored people; the file changes the phone of 8 of them and the field of 6 of those. */
  const eightOfTen = async () => {
    await storePeople(10);
    return writeRoster(dir, 'corrections.csv', [
      HEADER,
      ...Array.from({ length: 10 }, (_, i) =>
        i < 8 ? line(i, { telephone: phone(500 + i), domaine: i < 6 ? 'Télécommunications' : 'Gestion' }) : line(i),
      ),
    ]);
  };

  it('a file changing more than --max-changes of the people it matches writes nothing: exit 2, the counts, the most changed columns', async () => {
    const file = await eightOfTen();
    const before = await state();
    await expect(run(file, { maxChanges: 50 })).rejects.toMatchObject({
      exitCode: 2,
      code: 'import.changes.over_limit',
      message:
        'The file would change 8 of the 10 stored people it matches (80%, more than --max-changes 50%); most changed: ' +
        "telephone (8), domaine (6). Nothing was written; check the file's columns, or give --max-changes 100 if this is meant.",
    });
    // Not a row, not an audit entry, not the ledger; no rejects file either.
    expect(await state()).toEqual(before);
    expect(readdirSync(dir)).toEqual(['corrections.csv']);
  });

  it('stops the same way under --all-or-nothing and in --mode update', async () => {
    const file = await eightOfTen();
    const before = await state();
    await expect(run(file, { maxChanges: 79, allOrNothing: true })).rejects.toMatchObject({
      exitCode: 2,
      code: 'import.changes.over_limit',
    });
    await expect(run(file, { maxChanges: 79, mode: 'update' })).rejects.toMatchObject({ exitCode: 2, code: 'import.changes.over_limit' });
    expect(await state()).toEqual(before);
  });

  it('at or under the limit the import writes, and its summary gives the figure it checked', async () => {
    const file = await eightOfTen();
    const summary = await run(file, { maxChanges: 80 });
    expect(summary).toMatchObject({
      updated: 8,
      unchanged: 2,
      matched: 10,
      changes: { percent: 80, columns: { telephone: 8, domaine: 6 }, max_changes: 80, over_limit: false },
    });
    // Most changed first.
    expect(Object.keys(summary.changes!.columns)).toEqual(['telephone', 'domaine']);
    expect((await state()).people.filter((p) => p.domaine === 'Télécommunications')).toHaveLength(6);
  });

  it('a dry run reports the same figure, and that the import would stop, writing nothing', async () => {
    const file = await eightOfTen();
    const before = await state();
    const summary = await run(file, { maxChanges: 50, dryRun: true });
    expect(summary).toMatchObject({
      updated: 8,
      unchanged: 2,
      matched: 10,
      changes: { percent: 80, columns: { telephone: 8, domaine: 6 }, max_changes: 50, over_limit: true },
    });
    expect(await state()).toEqual(before);
    // Under the limit, the same figure, not over it.
    expect((await run(file, { maxChanges: 80, dryRun: true })).changes).toEqual({
      percent: 80,
      columns: { telephone: 8, domaine: 6 },
      max_changes: 80,
      over_limit: false,
    });
  });

  it('by default stops a file that changes more than half of the 100 or more people it matches (a shifted column)', async () => {
    await storePeople(120);
    // The field column read from its neighbour's cells: every field changes.
    const shifted = writeRoster(dir, 'shifted.csv', [
      HEADER,
      ...Array.from({ length: 120 }, (_, i) => line(i, { domaine: 'Télécommunications' })),
    ]);
    const before = await state();
    await expect(run(shifted, { batchSize: 25 })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining(
        'The file would change 120 of the 120 stored people it matches (100%, more than --max-changes 50%); most changed: domaine (120).',
      ),
    });
    expect(await state()).toEqual(before);
    // Meant: --max-changes 100 turns the check off.
    expect(await run(shifted, { batchSize: 25, maxChanges: 100 })).toMatchObject({ updated: 120, matched: 120, changes: null });
  });

  it('by default lets through a yearly re-import changing under half, a correction file of a few people, and a first load', async () => {
    await storePeople(120);
    // 40 of 120 changed (33.4%), and 30 new people.
    const yearly = writeRoster(dir, 'yearly.csv', [
      HEADER,
      ...Array.from({ length: 150 }, (_, i) => (i < 40 ? line(i, { travailleur: 'non' }) : line(i))),
    ]);
    expect(await run(yearly, { batchSize: 25 })).toMatchObject({
      inserted: 30,
      updated: 40,
      matched: 120,
      changes: { percent: 33.4, columns: { travailleur: 40 }, max_changes: 50, over_limit: false },
    });
    // Every one of a few people changed: under 100 matched, no default limit.
    const fix = writeRoster(dir, 'fix.csv', [HEADER, ...[0, 1, 2].map((i) => line(i, { telephone: phone(900 + i) }))]);
    expect(await run(fix)).toMatchObject({ updated: 3, matched: 3, changes: { percent: 100, max_changes: null, over_limit: false } });
    // A first load: nothing stored matches, nothing to check.
    const first = writeRoster(dir, 'first.csv', [HEADER, ...Array.from({ length: 50 }, (_, i) => line(1000 + i))]);
    expect(await run(first, { maxChanges: 0 })).toMatchObject({
      inserted: 50,
      matched: 0,
      changes: { percent: 0, columns: {}, max_changes: 0, over_limit: false },
    });
  });

  it('--max-changes 0 refuses any change; insert mode, which changes nobody, is never stopped', async () => {
    await storePeople(4);
    const file = writeRoster(dir, 'one.csv', [HEADER, line(0, { travailleur: 'non' }), line(1), line(50)]);
    await expect(run(file, { maxChanges: 0 })).rejects.toMatchObject({
      message: expect.stringContaining('The file would change 1 of the 2 stored people it matches (50%, more than --max-changes 0%)'),
    });
    expect(await run(file, { maxChanges: 0, mode: 'insert' })).toMatchObject({ inserted: 1, skipped: 2, updated: 0 });
  });

  it('after the check, writes exactly what changed and counts the rest as the dry run does, repeated lines included', async () => {
    await storePeople(4);
    const file = writeRoster(dir, 'repeats.csv', [HEADER, line(0), line(1, { travailleur: 'non' }), line(0), line(2), line(3), line(9)]);
    const dry = await run(file, { maxChanges: 60, dryRun: true });
    const before = await state();
    const real = await run(file, { maxChanges: 60 });
    const counts = { read: 6, inserted: 1, updated: 1, unchanged: 3, skipped: 1, rejected: 0, matched: 4 };
    expect(dry).toMatchObject(counts);
    expect(real).toMatchObject({ ...counts, changes: dry.changes });
    expect(real.changes).toEqual({ percent: 25, columns: { travailleur: 1 }, max_changes: 60, over_limit: false });
    // Only the changed person got a new row version (and the new one was added).
    const after = await state();
    const changed = after.people.filter((p) => !before.people.some((b) => JSON.stringify(b) === JSON.stringify(p)));
    expect(changed.map((p) => p.matricule)).toEqual([matricule(1), matricule(9)]);
    expect(after.audit - before.audit).toBe(2);
  });

  it('counts rows it rejects as neither matched nor changed', async () => {
    await storePeople(4);
    const file = writeRoster(dir, 'rejects.csv', [
      HEADER,
      line(0, { telephone: phone(700) }),
      line(1, { telephone: 'pas un numéro' }),
      line(2),
      line(3),
    ]);
    const summary = await run(file, { maxChanges: 60, dryRun: true });
    expect(summary).toMatchObject({ rejected: 1, updated: 1, matched: 3, changes: { percent: 33.4, columns: { telephone: 1 } } });
    expect(existsSync(summary.rejects_file!)).toBe(true);
  });
});
