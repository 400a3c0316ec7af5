import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { countRows, createServerDatabase, type TestDatabase } from '../support/databases.js';

// Sessions running side by side need a server: PGlite is a single session, and the
// embedded back end admits one process at a time (see test/e2e/embedded-lock.test.ts).
describe('concurrent sessions on the server', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createServerDatabase();
  });
  afterAll(() => t.close());

  it('refreshes the statistics while another session is reading them', async () => {
    await sql`insert into annee_reference values (2021)`.execute(t.db);
    await sql`insert into utilisateur (nom_complet, matricule, annee_sortie, travailleur) values ('Awa', 'C-1', 2021, true)`.execute(t.db);
    const reader = new pg.Client({ connectionString: t.url });
    await reader.connect();
    try {
      await reader.query('begin');
      const before = await reader.query('select * from stats_emploi_par_annee');
      // With a plain REFRESH this would wait for the reader's lock; lock_timeout turns
      // such a wait into a failure instead of a hang.
      await t.db.transaction().execute(async (trx) => {
        await sql`set local lock_timeout = '5s'`.execute(trx);
        await sql`select alumni_refresh_stats()`.execute(trx);
      });
      // The reader's open transaction (read committed) sees the refreshed figures next.
      const during = await reader.query('select annee_sortie, total_diplomes from stats_emploi_par_annee');
      expect(before.rows).toEqual([]);
      expect(during.rows).toEqual([{ annee_sortie: 2021, total_diplomes: '1' }]);
      await reader.query('commit');
    } finally {
      await reader.end();
    }
  });

  it('never lets concurrent additions exceed max_membres', async () => {
    const group = await t.db
      .insertInto('groupe')
      .values({ nom_groupe: 'Concurrence', max_membres: 3 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const users = await t.db
      .insertInto('utilisateur')
      .values(Array.from({ length: 10 }, (_, i) => ({ nom_complet: `Membre ${i}`, matricule: `CM-${i}` })))
      .returning('id')
      .execute();
    const clients = users.map(() => new pg.Client({ connectionString: t.url }));
    await Promise.all(clients.map((c) => c.connect()));
    try {
      const outcomes = await Promise.allSettled(
        clients.map((client, i) =>
          client.query('insert into membre_groupe (utilisateur_id, groupe_id) values ($1, $2)', [users[i]!.id, group.id]),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    expect(await countRows(t.db, 'membre_groupe', sql`groupe_id = ${group.id} and est_actif`)).toBe(3);
  });
});
