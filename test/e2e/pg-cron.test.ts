import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serverKysely } from '../../src/db/connect.js';
import type { DB } from '../../src/db/schema.js';
import { runCli } from '../support/cli.js';
import { countRows } from '../support/databases.js';
import { findPostgresBin, startLocalCluster, type LocalCluster } from '../support/server.js';

/**
 * `jobs schedule` against a real pg_cron: a cluster of its own with the extension
 * preloaded (Debian package postgresql-15-cron; .ci/run installs it). pg_cron lives in
 * database alumni_cron, the platform in database app, as on a shared server.
 */
describe('jobs schedule with pg_cron', () => {
  let cluster: LocalCluster;
  let cron: Kysely<DB>;
  let app: Kysely<DB>;
  let env: Record<string, string>;

  beforeAll(async () => {
    const library = join(findPostgresBin(), '..', 'lib', 'pg_cron.so');
    if (!existsSync(library))
      throw new Error(`pg_cron is not installed (${library} is missing): apt-get install postgresql-15-cron, as .ci/run does.`);
    cluster = await startLocalCluster([
      '-c shared_preload_libraries=pg_cron',
      '-c cron.database_name=alumni_cron',
      '-c cron.host=127.0.0.1',
    ]);
    const admin = await serverKysely(cluster.adminUrl);
    await sql`create database alumni_cron`.execute(admin);
    await sql`create database app`.execute(admin);
    await admin.destroy();
    const url = (database: string) => cluster.adminUrl.replace(/\/postgres$/, `/${database}`);
    cron = await serverKysely(url('alumni_cron'));
    await sql`create extension pg_cron`.execute(cron);
    env = { DATABASE_URL: url('app') };
    expect((await runCli(['migrate'], { env })).code).toBe(0);
    app = await serverKysely(url('app'));
  }, 60_000);
  afterAll(async () => {
    await app?.destroy();
    await cron?.destroy();
    await cluster?.stop();
  });

  const cronJobs = async () =>
    (
      await sql<{ jobid: number; jobname: string; schedule: string; command: string; database: string }>`
      select jobid, jobname, schedule, command, database from cron.job order by jobname`.execute(cron)
    ).rows;

  it('registers the four jobs, idempotently, to run in the platform database', async () => {
    const first = await runCli(['jobs', 'schedule'], { env });
    expect(first.code).toBe(0);
    expect(first.stdout.trimEnd().split('\n')).toHaveLength(4);
    const registered = await cronJobs();
    expect(registered.map((j) => [j.jobname, j.schedule, j.database])).toEqual([
      ['alumni app expire-offers', '0 2 * * *', 'app'],
      ['alumni app purge-audit', '0 4 * * 0', 'app'],
      ['alumni app purge-messages', '0 3 * * 0', 'app'],
      ['alumni app refresh-stats', '0 1 * * *', 'app'],
    ]);
    expect(registered[0]!.command).toBe("CALL alumni_admin.run_job('expire-offers', 'pg_cron expire-offers')");
    expect((await runCli(['jobs', 'schedule', '--json'], { env })).code).toBe(0);
    expect(await cronJobs()).toEqual(registered);
  });

  it('the registered command does what jobs run does, and is recorded in the same history', async () => {
    await app
      .insertInto('stage')
      .values({ titre: 'Fini hier', type_stage: 'academique', date_fin: sql`current_date - 1` as never })
      .execute();
    const [expire] = (await cronJobs()).filter((j) => j.jobname.endsWith('expire-offers'));
    await sql.raw(expire!.command).execute(app);
    expect(await countRows(app, 'stage', sql`statut = 'expiree'`)).toBe(1);
    const history = JSON.parse((await runCli(['jobs', 'history', 'expire-offers', '--json'], { env })).stdout);
    expect(history[0]).toMatchObject({ status: 'ok', rows: { stage: 1, emploi: 0 }, user_agent: 'pg_cron expire-offers' });
    expect(
      await countRows(
        app,
        'audit_log',
        sql`table_name = 'stage' and action = 'UPDATE' and user_agent = 'pg_cron expire-offers' and utilisateur_id is null`,
      ),
    ).toBe(1);
  });

  it('pg_cron itself runs a scheduled job when it falls due', async () => {
    const [refresh] = (await cronJobs()).filter((j) => j.jobname.endsWith('refresh-stats'));
    await sql`select cron.alter_job(${refresh!.jobid}::bigint, schedule := '* * * * *')`.execute(cron);
    // pg_cron starts jobs on the minute: within 90 s it must have run it.
    await vi.waitFor(
      async () =>
        expect(
          await countRows(
            app,
            'alumni_admin.job_run',
            sql`job = 'refresh-stats' and status = 'ok' and user_agent = 'pg_cron refresh-stats'`,
          ),
        ).toBeGreaterThan(0),
      { timeout: 90_000, interval: 1_000 },
    );
    const { rows } = await sql<{
      status: string;
    }>`select status from cron.job_run_details where jobid = ${refresh!.jobid}::bigint order by start_time desc limit 1`.execute(cron);
    expect(rows[0]?.status).toBe('succeeded');
  }, 120_000);

  it('stores the purge-audit retention as an interval PostgreSQL reads; 30m is refused and changes nothing', async () => {
    const purgeAudit = async () => (await cronJobs()).find((j) => j.jobname.endsWith('purge-audit'))!;
    expect((await runCli(['jobs', 'schedule', 'purge-audit', '--older-than', '6mo'], { env })).code).toBe(0);
    const registered = await purgeAudit();
    expect(registered.command).toBe(`CALL alumni_admin.run_job('purge-audit', 'pg_cron purge-audit', '{"older_than":"6 months"}')`);
    await sql.raw(registered.command).execute(app);
    const history = JSON.parse((await runCli(['jobs', 'history', 'purge-audit', '--json'], { env })).stdout);
    expect(history[0]).toMatchObject({ status: 'ok', user_agent: 'pg_cron purge-audit' });

    const refused = await runCli(['jobs', 'schedule', 'purge-audit'], { env: { ...env, ALUMNI_AUDIT_RETENTION: '30m' } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"m" is ambiguous: write min or mo');
    expect(await purgeAudit()).toEqual(registered);
  });

  it('unschedule removes them', async () => {
    const result = await runCli(['jobs', 'unschedule'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/expire-offers {2}unscheduled/);
    expect(await cronJobs()).toEqual([]);
    expect((await runCli(['jobs', 'unschedule', 'expire-offers'], { env })).stdout).toMatch(/was not scheduled/);
  });
});
