import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { CronFileParser } from 'cron-parser';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { finished, runCli, startCli } from '../support/cli.js';
import { ADVISORY_HERE, countRows, createServerDatabase, embeddedDataDir, type TestDatabase } from '../support/databases.js';

const RUN_KEYS = ['error', 'finished_at', 'job', 'rows', 'started_at', 'status'];
const daysAgo = (n: number) => sql`current_date - ${n}::int` as never;

describe('jobs, end to end on a server', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createServerDatabase();
  });
  afterAll(() => t.close());

  const runs = (status: string) => countRows(t.db, 'alumni_admin.job_run', sql`job = 'expire-offers' and status = ${status}`);

  it('five concurrent runs of expire-offers do the work once; the other four exit 75 and are recorded as locked', async () => {
    const stages = await t.db
      .insertInto('stage')
      .values(Array.from({ length: 20 }, (_, i) => ({ titre: `Stage ${i}`, type_stage: 'academique' as const, date_fin: daysAgo(1 + i) })))
      .returning('id')
      .execute();
    // Hold one of the rows, so the first run stays inside its job while the others start.
    const blocker = new pg.Client({ connectionString: t.url });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('select 1 from stage where id = $1 for update', [stages[0]!.id]);
    const first = startCli(['jobs', 'run', 'expire-offers', '--json'], { env: t.env });
    await vi.waitFor(async () => expect(await countRows(t.db, 'pg_locks', ADVISORY_HERE)).toBeGreaterThan(0), {
      timeout: 10_000,
      interval: 50,
    });
    const others = await Promise.all(Array.from({ length: 4 }, () => runCli(['jobs', 'run', 'expire-offers', '--json'], { env: t.env })));
    await blocker.query('commit');
    await blocker.end();
    const winner = await finished(first);

    expect(winner.code).toBe(0);
    expect(JSON.parse(winner.stdout)).toMatchObject([{ job: 'expire-offers', status: 'ok', rows: { stage: 20, emploi: 0 } }]);
    for (const other of others) {
      expect(other.code).toBe(75);
      const [result] = JSON.parse(other.stdout);
      expect(
        Object.keys(result)
          .filter((k) => RUN_KEYS.includes(k))
          .sort(),
      ).toEqual(RUN_KEYS);
      expect(result).toMatchObject({ status: 'locked', error: null });
    }
    expect(await countRows(t.db, 'stage', sql`statut = 'expiree'`)).toBe(20);
    expect(await countRows(t.db, 'audit_log', sql`table_name = 'stage' and action = 'UPDATE'`)).toBe(20);
    expect([await runs('ok'), await runs('locked')]).toEqual([1, 4]);
  });

  it('without --wait a held lock exits 75 at once; with --wait it waits, then runs', async () => {
    const holder = new pg.Client({ connectionString: t.url });
    await holder.connect();
    try {
      await holder.query(`select pg_advisory_lock(hashtext('alumni job'), hashtext('expire-offers'))`);
      const at = Date.now();
      const quick = await runCli(['jobs', 'run', 'expire-offers'], { env: t.env });
      expect(quick.code).toBe(75);
      expect(quick.stdout).toMatch(/^expire-offers {2}locked/);
      expect(Date.now() - at).toBeLessThan(5_000);
      const waiting = startCli(['jobs', 'run', 'expire-offers', '--wait', '20'], { env: t.env });
      await new Promise((r) => setTimeout(r, 1_500));
      expect(waiting.exitCode).toBeNull();
      await holder.query(`select pg_advisory_unlock(hashtext('alumni job'), hashtext('expire-offers'))`);
      const waited = await finished(waiting);
      expect(waited.code).toBe(0);
      expect(waited.stdout).toMatch(/^expire-offers {2}ok {2}0 stages, 0 emplois/);
    } finally {
      await holder.end();
    }
  });

  it('cron output: one line per job, nothing on stderr, no colour; a failing job exits 1 with its error recorded', async () => {
    const ok = await runCli(['jobs', 'run', '--all'], { env: t.env });
    expect(ok.code).toBe(0);
    expect(
      ok.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.split('  ')[0]),
    ).toEqual(['expire-offers', 'purge-messages', 'refresh-stats', 'purge-audit']);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).not.toContain('\u001b[');

    await sql`drop index idx_stats_emploi_par_annee`.execute(t.db);
    try {
      const failed = await runCli(['jobs', 'run', 'refresh-stats', 'purge-messages', '--json'], { env: t.env });
      expect(failed.code).toBe(1);
      const [refresh, purge] = JSON.parse(failed.stdout);
      expect(refresh).toMatchObject({ job: 'refresh-stats', status: 'failed', error: expect.stringMatching(/concurrently/i) });
      expect(purge).toMatchObject({ job: 'purge-messages', status: 'ok' });
      const history = JSON.parse((await runCli(['jobs', 'history', 'refresh-stats', '--json'], { env: t.env })).stdout);
      expect(history[0]).toMatchObject({ status: 'failed', error: refresh.error });
      const check = await runCli(['jobs', 'check'], { env: t.env });
      expect(check.code).toBe(1);
      expect(check.stdout).toMatch(/^refresh-stats {2}last run failed: .*concurrently/im);
      expect(check.stdout).toMatch(/^expire-offers {2}ok$/m);
    } finally {
      await sql`create unique index idx_stats_emploi_par_annee on stats_emploi_par_annee (annee_sortie)`.execute(t.db);
    }
    expect((await runCli(['jobs', 'run', 'refresh-stats'], { env: t.env })).code).toBe(0);
    expect((await runCli(['jobs', 'check'], { env: t.env })).code).toBe(0);
  });

  it('--dry-run counts and lists, writes nothing; an unknown job exits 2', async () => {
    await t.db
      .insertInto('emploi')
      .values({ titre: 'Vieille offre', type_emploi: 'hybride', date_publication: daysAgo(60), date_expiration: daysAgo(3) })
      .execute();
    const before = await countRows(t.db, 'alumni_admin.job_run');
    const dry = await runCli(['jobs', 'run', 'expire-offers', '--dry-run'], { env: t.env });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/expire-offers {2}dry run, would change {2}0 stages, 1 emploi/);
    expect(dry.stdout).toMatch(/emploi {2}[0-9a-f-]{36} {2}Vieille offre/);
    expect(await countRows(t.db, 'emploi', sql`statut = 'expiree'`)).toBe(0);
    expect(await countRows(t.db, 'alumni_admin.job_run')).toBe(before);
    const unknown = await runCli(['jobs', 'run', 'expire-everything'], { env: t.env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown job "expire-everything"/);
  });

  it('list shows each job with its schedule, last run and next due time; history as CSV', async () => {
    // Its own runs: one that completes, and one that finds the lock held.
    expect((await runCli(['jobs', 'run', 'expire-offers'], { env: t.env })).code).toBe(0);
    const holder = new pg.Client({ connectionString: t.url });
    await holder.connect();
    try {
      await holder.query(`select pg_advisory_lock(hashtext('alumni job'), hashtext('expire-offers'))`);
      expect((await runCli(['jobs', 'run', 'expire-offers'], { env: t.env })).code).toBe(75);
    } finally {
      await holder.end();
    }
    const list = JSON.parse((await runCli(['jobs', 'list', '--json'], { env: t.env })).stdout);
    expect(list.map((j: { job: string; schedule: string }) => [j.job, j.schedule])).toEqual([
      ['expire-offers', '0 2 * * *'],
      ['purge-messages', '0 3 * * 0'],
      ['refresh-stats', '0 1 * * *'],
      ['purge-audit', '0 4 * * 0'],
    ]);
    expect(list[0].last_run).toMatchObject({ status: 'locked' });
    expect(list[0].last_success_at).toEqual(expect.any(String));
    expect(new Date(list[0].next_due_at).getTime()).toBeGreaterThan(Date.now());
    const csv = await runCli(['jobs', 'history', '--csv'], { env: t.env });
    expect(csv.stdout.split('\n')[0]).toBe('started_at,job,status,took,rows,by,error');
    expect(csv.stdout).toMatch(/expire-offers,locked,/);
  });

  it('crontab prints valid crontab lines with absolute paths and the password masked', async () => {
    const url = new URL(t.url!);
    url.password = 'tres-secret';
    const result = await runCli(['jobs', 'crontab'], { env: { DATABASE_URL: url.toString() } });
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).not.toContain('tres-secret');
    expect(result.stdout).toMatch(/^# DATABASE_URL=postgres(ql)?:\/\/postgres:\*+@127\.0\.0\.1/m);
    const file = join(mkdtempSync(join(tmpdir(), 'alumni-crontab-')), 'crontab');
    writeFileSync(file, result.stdout);
    const parsed = CronFileParser.parseFileSync(file);
    expect(parsed.errors).toEqual({});
    expect(Object.keys(parsed.variables)).toEqual(['PATH']);
    expect(parsed.expressions.map((e) => e.stringify())).toEqual(['0 2 * * *', '0 3 * * 0', '0 1 * * *', '0 4 * * 0']);
    const json = JSON.parse((await runCli(['jobs', 'crontab', '--json'], { env: { DATABASE_URL: url.toString() } })).stdout);
    expect(json.map((e: { job: string; schedule: string }) => `${e.schedule} ${e.job}`)).toEqual([
      '0 2 * * * expire-offers',
      '0 3 * * 0 purge-messages',
      '0 1 * * * refresh-stats',
      '0 4 * * 0 purge-audit',
    ]);
    const commands = result.stdout
      .split('\n')
      .filter((l) => /^\d/.test(l))
      .map((l) => l.split(' ').slice(5));
    for (const [quoted, ...rest] of commands) {
      const binary = quoted!.replace(/^'(.*)'$/, '$1');
      expect(isAbsolute(binary) && existsSync(binary)).toBe(true);
      expect(rest.join(' ')).toMatch(/^jobs run [a-z-]+ >> "\$HOME\/alumni-jobs\.log" 2>&1$/);
    }
  });

  it('schedule refuses, saying how to install it, where pg_cron is missing (exit 2), and on the embedded database', async () => {
    const server = await runCli(['jobs', 'schedule'], { env: t.env });
    expect(server.code).toBe(2);
    expect(server.stderr).toMatch(/pg_cron is not installed on this server: install the postgresql-15-cron package/);
    const { dataDir, remove } = embeddedDataDir();
    try {
      const embedded = await runCli(['jobs', 'schedule'], { env: { ALUMNI_DATA_DIR: dataDir } });
      expect(embedded.code).toBe(2);
      expect(embedded.stderr).toMatch(/pg_cron needs a PostgreSQL server.*jobs crontab/);
    } finally {
      remove();
    }
  });
});
