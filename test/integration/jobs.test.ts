import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_NAMES, jobHistory, jobStates, previewJob, runJob } from '../../src/services/jobs.js';
import { BACKENDS, countRows, createTestDatabase, type TestDatabase } from '../support/databases.js';

const UA = 'alumni/test jobs run';
const daysAgo = (n: number) => sql`current_date - ${n}::int` as never;

describe.each(BACKENDS)('maintenance jobs on the %s back end', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(() => t.close());

  it('expire-offers: past offers expire in one run, audited as the job; today, open-ended and filled offers stay', async () => {
    await t.db
      .insertInto('stage')
      .values([
        { titre: 'Fini hier', type_stage: 'academique', date_fin: daysAgo(1) },
        { titre: 'Fini il y a un mois', type_stage: 'ouvrier', date_fin: daysAgo(30) },
        { titre: 'Finit aujourd’hui', type_stage: 'academique', date_fin: daysAgo(0) },
        { titre: 'Sans fin', type_stage: 'professionnel' },
        { titre: 'Pourvu', type_stage: 'ouvrier', date_fin: daysAgo(5), statut: 'pourvue' },
      ])
      .execute();
    await t.db
      .insertInto('emploi')
      .values([
        { titre: 'Expiré', type_emploi: 'hybride', date_publication: daysAgo(30), date_expiration: daysAgo(2) },
        { titre: 'Expire aujourd’hui', type_emploi: 'hybride', date_publication: daysAgo(30), date_expiration: daysAgo(0) },
        { titre: 'Sans échéance', type_emploi: 'hybride' },
      ])
      .execute();
    const before = await t.db
      .selectFrom('stage')
      .select(['titre', 'updated_at'])
      .where('titre', 'in', ['Finit aujourd’hui', 'Sans fin', 'Pourvu'])
      .execute();

    const preview = await previewJob(t.db, 'expire-offers');
    expect(preview).toMatchObject({ status: 'dry_run', rows: { stage: 2, emploi: 1 } });
    expect(preview.first.map((o) => o.titre)).toEqual(['Fini il y a un mois', 'Expiré', 'Fini hier']);
    expect(await countRows(t.db, 'stage', sql`statut = 'expiree'`)).toBe(0);
    expect(await countRows(t.db, 'alumni_admin.job_run')).toBe(0);

    const run = await runJob(t.db, 'expire-offers', `${UA} expire-offers`);
    expect(run).toMatchObject({ job: 'expire-offers', status: 'ok', rows: { stage: 2, emploi: 1 }, error: null });
    expect(run.finished_at!.getTime()).toBeGreaterThanOrEqual(run.started_at.getTime());
    const stages = await t.db.selectFrom('stage').select(['titre', 'statut']).orderBy('titre').execute();
    expect(Object.fromEntries(stages.map((s) => [s.titre, s.statut]))).toEqual({
      'Fini hier': 'expiree',
      'Fini il y a un mois': 'expiree',
      'Finit aujourd’hui': 'active',
      'Sans fin': 'active',
      Pourvu: 'pourvue',
    });
    const emplois = await t.db.selectFrom('emploi').select(['titre', 'statut']).orderBy('titre').execute();
    expect(Object.fromEntries(emplois.map((e) => [e.titre, e.statut]))).toEqual({
      Expiré: 'expiree',
      'Expire aujourd’hui': 'active',
      'Sans échéance': 'active',
    });
    expect(
      await t.db
        .selectFrom('stage')
        .select(['titre', 'updated_at'])
        .where('titre', 'in', ['Finit aujourd’hui', 'Sans fin', 'Pourvu'])
        .execute(),
    ).toEqual(before);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['table_name', 'utilisateur_id', 'user_agent'])
      .where('action', '=', 'UPDATE')
      .where('table_name', 'in', ['stage', 'emploi'])
      .execute();
    expect(audit).toHaveLength(3);
    for (const entry of audit)
      expect(entry).toEqual({ table_name: entry.table_name, utilisateur_id: null, user_agent: `${UA} expire-offers` });

    const again = await runJob(t.db, 'expire-offers', `${UA} expire-offers`);
    expect(again.rows).toEqual({ stage: 0, emploi: 0 });
  });

  it('purge-messages deletes, batch by batch, only messages past their time, and leaves their groups alone', async () => {
    const group = await t.db
      .insertInto('groupe')
      .values({ nom_groupe: 'Anciens 2010' })
      .returning(['id', 'updated_at'])
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('message')
      .values([
        ...Array.from({ length: 5 }, (_, i) => ({
          groupe_id: group.id,
          texte: `périmé ${i}`,
          date_suppression_auto: sql`now() - make_interval(hours => ${i + 1})` as never,
        })),
        { groupe_id: group.id, texte: 'demain', date_suppression_auto: sql`now() + interval '1 day'` as never },
        { groupe_id: group.id, texte: 'pour toujours' },
      ])
      .execute();
    expect((await previewJob(t.db, 'purge-messages')).rows).toEqual({ message: 5 });
    const run = await runJob(t.db, 'purge-messages', `${UA} purge-messages`, { batchSize: 2 });
    expect(run).toMatchObject({ status: 'ok', rows: { message: 5 } });
    const left = await t.db.selectFrom('message').select('texte').orderBy('texte').execute();
    expect(left.map((m) => m.texte)).toEqual(['demain', 'pour toujours']);
    expect(await t.db.selectFrom('groupe').select(['id', 'updated_at']).where('id', '=', group.id).executeTakeFirstOrThrow()).toEqual(
      group,
    );
    expect(
      await countRows(t.db, 'audit_log', sql`table_name = 'message' and action = 'DELETE' and user_agent = ${`${UA} purge-messages`}`),
    ).toBe(5);
  });

  it('refresh-stats refreshes the view and records when; a failure is recorded with its error', async () => {
    await t.db.insertInto('annee_reference').values({ annee: 2021 }).execute();
    await t.db
      .insertInto('utilisateur')
      .values([
        { nom_complet: 'A', matricule: 'S-1', annee_sortie: 2021, travailleur: true },
        { nom_complet: 'B', matricule: 'S-2', annee_sortie: 2021, travailleur: false },
      ])
      .execute();
    const before = await t.db.selectFrom('alumni_admin.view_refresh').select('refreshed_at').executeTakeFirstOrThrow();
    const run = await runJob(t.db, 'refresh-stats', `${UA} refresh-stats`);
    expect(run).toMatchObject({ status: 'ok', rows: { stats_emploi_par_annee: 1 } });
    expect(await t.db.selectFrom('stats_emploi_par_annee').select(['annee_sortie', 'taux_emploi']).execute()).toEqual([
      { annee_sortie: 2021, taux_emploi: '50.00' },
    ]);
    const after = await t.db.selectFrom('alumni_admin.view_refresh').select('refreshed_at').executeTakeFirstOrThrow();
    expect(after.refreshed_at.getTime()).toBeGreaterThan(before.refreshed_at.getTime());

    // Without its unique index the view cannot be refreshed concurrently: the job fails.
    await sql`drop index idx_stats_emploi_par_annee`.execute(t.db);
    try {
      const failed = await runJob(t.db, 'refresh-stats', `${UA} refresh-stats`);
      expect(failed).toMatchObject({ status: 'failed', error: expect.stringMatching(/concurrently/i) });
      expect((await jobHistory(t.db, 'refresh-stats', 1))[0]).toMatchObject({ status: 'failed', error: failed.error });
    } finally {
      await sql`create unique index idx_stats_emploi_par_annee on stats_emploi_par_annee (annee_sortie)`.execute(t.db);
    }
  });

  it('purge-audit deletes entries older than the retention, in batches, and nothing newer', async () => {
    // Audit entries of its own: three made old, one left new.
    await t.db
      .insertInto('utilisateur')
      .values(Array.from({ length: 4 }, (_, i) => ({ nom_complet: `Audité ${i}`, matricule: `PURGE-${i}` })))
      .execute();
    const total = await countRows(t.db, 'audit_log');
    await sql`update audit_log set created_at = now() - interval '400 days'
               where id in (select id from audit_log order by created_at limit 3)`.execute(t.db);
    expect((await previewJob(t.db, 'purge-audit', { olderThan: '365 days' })).rows).toEqual({ audit_log: 3 });
    const run = await runJob(t.db, 'purge-audit', `${UA} purge-audit`, { olderThan: '365 days', batchSize: 2 });
    expect(run).toMatchObject({ status: 'ok', rows: { audit_log: 3 } });
    expect(await countRows(t.db, 'audit_log')).toBe(total - 3);
    expect(await countRows(t.db, 'audit_log', sql`created_at < now() - interval '365 days'`)).toBe(0);
  });

  it('history newest first; a job is flagged when its last run failed, or its last success is older than twice its period', async () => {
    // The newest runs of each job, recorded as the runs above leave them (the test passes alone).
    await sql`insert into alumni_admin.job_run (job, status, started_at, finished_at, error, user_agent) values
      ('expire-offers', 'ok', clock_timestamp(), clock_timestamp(), null, ${UA}),
      ('purge-messages', 'ok', clock_timestamp(), clock_timestamp(), null, ${UA}),
      ('refresh-stats', 'failed', clock_timestamp(), clock_timestamp(), 'relation is missing', ${UA})`.execute(t.db);
    await sql`insert into alumni_admin.job_run (job, status, started_at, finished_at, user_agent)
              values ('purge-audit', 'ok', clock_timestamp(), clock_timestamp(), ${UA})`.execute(t.db);
    const history = await jobHistory(t.db, undefined, 100);
    expect(history.map((r) => r.job).slice(0, 2)).toEqual(['purge-audit', 'refresh-stats']);
    expect(history.every((r, i) => i === 0 || r.started_at <= history[i - 1]!.started_at)).toBe(true);

    const states = Object.fromEntries((await jobStates(t.db)).map((s) => [s.job, s]));
    expect(states['refresh-stats']!.problem).toEqual({ kind: 'failed', error: 'relation is missing' });
    expect(states['expire-offers']!.problem).toBeNull();
    expect(states['purge-messages']!.next_due_at.getUTCDay()).toBe(0); // Sundays
    // Four days on, the daily expire-offers is overdue; the weekly purges are not.
    const later = await jobStates(t.db, new Date(Date.now() + 4 * 86_400_000));
    expect(Object.fromEntries(later.map((s) => [s.job, s.problem?.kind === 'overdue']))).toMatchObject({
      'expire-offers': true,
      'purge-messages': false,
      'purge-audit': false,
    });
  });

  // Needs a second session: the server only (the embedded database has one).
  if (backend === 'server')
    it('a job whose lock is held is not run: locked and recorded, or run once the lock is free with a wait', async () => {
      const holder = new pg.Client({ connectionString: t.url });
      await holder.connect();
      try {
        await holder.query(`select pg_advisory_lock(hashtext('alumni job'), hashtext('expire-offers'))`);
        const locked = await runJob(t.db, 'expire-offers', `${UA} expire-offers`);
        expect(locked).toMatchObject({ status: 'locked', rows: {} });
        // Another job has its own lock: it runs meanwhile.
        expect((await runJob(t.db, 'purge-messages', `${UA} purge-messages`)).status).toBe('ok');
        expect((await jobHistory(t.db, 'expire-offers', 1))[0]).toMatchObject({ status: 'locked' });
        const started = Date.now();
        setTimeout(() => void holder.query(`select pg_advisory_unlock(hashtext('alumni job'), hashtext('expire-offers'))`), 800);
        const waited = await runJob(t.db, 'expire-offers', `${UA} expire-offers`, {}, 10_000);
        expect(waited.status).toBe('ok');
        expect(Date.now() - started).toBeGreaterThanOrEqual(700);
        // Only the last try of a waiting run is recorded.
        expect((await jobHistory(t.db, 'expire-offers', 2)).map((r) => r.status)).toEqual(['ok', 'locked']);
      } finally {
        await holder.end();
      }
    });
  it("a dry run counts, with the jobs' own conditions, exactly what the run then changes, and writes nothing", async () => {
    await t.db
      .insertInto('stage')
      .values([
        { titre: 'Aperçu passé', type_stage: 'academique', date_fin: daysAgo(3) },
        { titre: 'Aperçu du jour', type_stage: 'academique', date_fin: daysAgo(0) },
      ])
      .execute();
    await t.db
      .insertInto('emploi')
      .values({ titre: 'Aperçu expiré', type_emploi: 'hybride', date_publication: daysAgo(9), date_expiration: daysAgo(1) })
      .execute();
    const group = await t.db.insertInto('groupe').values({ nom_groupe: 'Aperçu' }).returning('id').executeTakeFirstOrThrow();
    await t.db
      .insertInto('message')
      .values([
        { groupe_id: group.id, texte: 'dû', date_suppression_auto: sql`now() - interval '1 hour'` as never },
        { groupe_id: group.id, texte: 'pas encore', date_suppression_auto: sql`now() + interval '1 hour'` as never },
      ])
      .execute();
    // A year the statistics do not show yet: the refresh adds its row.
    await t.db.insertInto('annee_reference').values({ annee: 2012 }).execute();
    await t.db
      .insertInto('utilisateur')
      .values({ nom_complet: 'Aperçu', matricule: 'PRV-1', annee_sortie: 2012, travailleur: true })
      .execute();
    await sql`update audit_log set created_at = now() - interval '40 days' where id in (select id from audit_log order by created_at desc limit 2)`.execute(
      t.db,
    );

    const state = async () => ({
      runs: await countRows(t.db, 'alumni_admin.job_run'),
      audit: await countRows(t.db, 'audit_log'),
      expired: (await countRows(t.db, 'stage', sql`statut = 'expiree'`)) + (await countRows(t.db, 'emploi', sql`statut = 'expiree'`)),
      messages: await countRows(t.db, 'message'),
      stats: await countRows(t.db, 'stats_emploi_par_annee'),
      refreshed: (await t.db.selectFrom('alumni_admin.view_refresh').select('refreshed_at').executeTakeFirstOrThrow()).refreshed_at,
    });
    const before = await state();
    const options = { olderThan: '30 days' };
    const previews = [];
    for (const job of JOB_NAMES) previews.push(await previewJob(t.db, job, options));
    expect(await state()).toEqual(before);
    expect(previews.find((p) => p.job === 'expire-offers')!.first.map((o) => o.titre)).toEqual(['Aperçu passé', 'Aperçu expiré']);
    expect(previews.find((p) => p.job === 'refresh-stats')!.rows.stats_emploi_par_annee).toBe(before.stats + 1);

    for (const preview of previews) {
      const run = await runJob(t.db, preview.job, `${UA} ${preview.job}`, options);
      expect({ job: run.job, status: run.status, rows: run.rows }).toEqual({ job: preview.job, status: 'ok', rows: preview.rows });
    }
    expect(Object.values(previews.find((p) => p.job === 'purge-audit')!.rows)[0]).toBeGreaterThanOrEqual(2);
  });
});
