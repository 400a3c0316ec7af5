import { readdirSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/db/migrator.js';
import { countRows, createServerDatabase, embeddedDataDir, type TestDatabase } from '../support/databases.js';
import { runMain } from '../support/main.js';

const ESC = '\u001b[';
/** Nothing listens there: a command that checks its arguments first never gets that far. */
const NO_DATABASE = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
const plain = (text: string) => stripVTControlCharacters(text);
/** The schema version a migrated database is at: the newest migration's name. */
const NEWEST_MIGRATION = readdirSync(MIGRATIONS_DIR)
  .filter((f) => f.endsWith('.up.sql'))
  .sort()
  .at(-1)!
  .slice(0, -'.up.sql'.length);

/** jobs, migrate, doctor and fixtures, in process through main(argv, io). */
describe('jobs commands in process', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createServerDatabase();
  });
  afterAll(() => t.close());

  it('jobs list: every job as a bare JSON array, or a table', async () => {
    const json = await runMain(['jobs', 'list', '--json'], { env: t.env });
    expect(json.code).toBe(0);
    const states = JSON.parse(json.stdout) as Array<{ job: string; schedule: string; next_due_at: string }>;
    expect(states.map((s) => s.job)).toEqual(['expire-offers', 'purge-messages', 'refresh-stats', 'purge-audit']);
    expect(states[0]).toMatchObject({ schedule: '0 2 * * *', next_due_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) });
    const table = await runMain(['jobs', 'list'], { env: t.env, stdoutTTY: true });
    expect(table.code).toBe(0);
    // A terminal gets a coloured table.
    expect(table.stdout).toContain(ESC);
    // What a person needs first: how each job went and when it is due; its schedule on demand.
    expect(plain(table.stdout)).toMatch(/^Job +Status +Last run +Took +Next due\n/);
    expect(plain(table.stdout)).toMatch(/^purge-audit +never +/m);
    const schedules = await runMain(['jobs', 'list', '--columns', 'job,schedule'], { env: t.env });
    expect(schedules.stdout.split('\n')[0]).toBe('expire-offers\t0 2 * * *');
  });

  it('jobs run: --dry-run counts and writes nothing; a run prints one cron line per job, or the JSON contract', async () => {
    await t.db
      .insertInto('stage')
      .values({ titre: 'Stage échu', type_stage: 'academique', date_fin: sql`current_date - 3` as never })
      .execute();
    const runs = () => countRows(t.db, 'alumni_admin.job_run');
    const runsBefore = await runs();

    const dry = await runMain(['jobs', 'run', 'Expire_Offers', '--dry-run', '--json'], { env: t.env });
    expect(dry.code).toBe(0);
    const [preview] = JSON.parse(dry.stdout) as Array<Record<string, unknown>>;
    expect(preview).toMatchObject({ job: 'expire-offers', status: 'dry_run', rows: { stage: 1, emploi: 0 }, error: null });
    expect(preview!.first).toEqual([expect.objectContaining({ table: 'stage', titre: 'Stage échu' })]);
    const dryText = await runMain(['jobs', 'run', 'expire-offers', '--dry-run'], { env: t.env });
    expect(dryText.stdout.split('\n')[0]).toMatch(/^expire-offers {2}dry run, would change {2}1 stage, 0 emplois {2}\d+\.\d\ds$/);
    expect(dryText.stdout.split('\n')[1]).toMatch(/^ {2}stage {2}[0-9a-f-]{36} {2}Stage échu {2}\d{1,2} [A-Z][a-z]{2,3} \d{4}$/);
    expect(await runs()).toBe(runsBefore);
    expect(await countRows(t.db, 'stage', sql`statut = 'expiree'`)).toBe(0);

    // Under cron: stdout is no terminal; one line, no colour, nothing on stderr.
    const ran = await runMain(['jobs', 'run', 'expire-offers'], { env: t.env, stdoutTTY: false, stderrTTY: false });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/^expire-offers {2}ok {2}1 stage, 0 emplois {2}\d+\.\d\ds\n$/);
    expect(ran.stderr).toBe('');
    expect(await countRows(t.db, 'stage', sql`statut = 'expiree'`)).toBe(1);

    const json = await runMain(['jobs', 'run', 'expire-offers', 'purge-messages', '--json'], { env: t.env });
    expect(json.code).toBe(0);
    const results = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(results).toEqual([
      expect.objectContaining({ job: 'expire-offers', status: 'ok', rows: { stage: 0, emploi: 0 }, error: null }),
      expect.objectContaining({ job: 'purge-messages', status: 'ok', rows: { message: 0 }, error: null }),
    ]);
    for (const result of results) {
      expect(result.started_at).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
      expect(result.finished_at).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    }
  });

  it('jobs run: a refused job name, --older-than, --wait or ALUMNI_AUDIT_RETENTION exits 2 before opening the database', async () => {
    const cases: Array<[string[], Record<string, string>, string]> = [
      [['jobs', 'run', 'vacuum'], {}, 'Unknown job "vacuum": the jobs are expire-offers, purge-messages, refresh-stats, purge-audit.'],
      [['jobs', 'run', 'purge-audit', '--older-than', '12m'], {}, '--older-than "12m"'],
      [['jobs', 'run', 'purge-audit', '--wait', '1.5'], {}, '--wait "1.5": give a whole number from 0 to 86400.'],
      [['jobs', 'run', 'purge-audit'], { ALUMNI_AUDIT_RETENTION: 'forever' }, 'ALUMNI_AUDIT_RETENTION "forever"'],
      [['jobs', 'run'], {}, 'Name the jobs to run'],
      [['jobs', 'run', 'purge-audit', '--all'], {}, 'Give job names or --all, not both.'],
      [['jobs', 'history', 'vacuum'], {}, 'Unknown job "vacuum"'],
      [['jobs', 'history', '--limit', '0'], {}, '--limit "0": give a whole number from 1 to 10000.'],
    ];
    for (const [argv, env, message] of cases) {
      const refused = await runMain(argv, { env: { ...NO_DATABASE, ...env } });
      expect({ argv, code: refused.code }).toEqual({ argv, code: 2 });
      expect(refused.stderr).toContain(message);
      expect(refused.stdout).toBe('');
    }
    // A terminal's stderr is coloured; the message stays the same.
    const coloured = await runMain(['jobs', 'run', 'vacuum'], { env: NO_DATABASE, stderrTTY: true });
    expect(coloured.code).toBe(2);
    expect(coloured.stderr).toContain(ESC);
  });

  it('jobs history: the runs, newest first, as a bare JSON array or CSV, of one job or all', async () => {
    expect((await runMain(['jobs', 'run', 'refresh-stats', 'purge-audit', '--older-than', '2y'], { env: t.env })).code).toBe(0);
    const json = await runMain(['jobs', 'history', 'REFRESH-STATS', '--limit', '1', '--json'], { env: t.env });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ job: 'refresh-stats', status: 'ok', user_agent: expect.stringMatching(/ jobs run refresh-stats$/) }),
    ]);
    const csv = await runMain(['jobs', 'history', '--csv', '--limit', '2'], { env: t.env });
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('started_at,job,status,took,rows,by,error');
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(['purge-audit', 'refresh-stats']);
  });
});

describe('migrate, doctor and fixtures in process', () => {
  it('migrate status: the schema state as JSON, or each migration with its status', async () => {
    const t = await createServerDatabase();
    try {
      const json = await runMain(['migrate', 'status', '--json'], { env: t.env });
      expect(json.code).toBe(0);
      const state = JSON.parse(json.stdout) as { version: string; applied: string[]; pending: string[]; unknown: string[] };
      expect(state).toMatchObject({ pending: [], unknown: [] });
      expect(state.applied.at(-1)).toBe(state.version);
      expect(state.applied).toContain('20261202130000_jobs_preview');
      const table = await runMain(['migrate', 'status'], { env: t.env });
      expect(table.stdout).toMatch(/20261202130000_jobs_preview\s+│?\s*applied/);
    } finally {
      await t.close();
    }
  });

  it('doctor: exit 0 and its fields on a healthy database (embedded too), exit 1 naming the problem on an unmigrated one', async () => {
    const t = await createServerDatabase();
    const empty = await createServerDatabase({ migrated: false });
    const embedded = embeddedDataDir();
    try {
      const json = await runMain(['doctor', '--json'], { env: t.env });
      expect(json.code).toBe(0);
      const report = JSON.parse(json.stdout) as Record<string, unknown>;
      expect(report).toMatchObject({
        backend: 'server',
        server_version: expect.stringMatching(/^15/),
        schema: { up_to_date: true, pending: [] },
        pending_moderation: { formations: 0, groups: 0, orgs: 0 },
        problems: [],
      });
      expect(report.tables).toEqual(expect.arrayContaining([expect.objectContaining({ table: 'utilisateur', kind: 'table' })]));

      const text = await runMain(['doctor'], { env: t.env, stdoutTTY: true, stderrTTY: true });
      expect(text.code).toBe(0);
      expect(plain(text.stdout)).toMatch(new RegExp(`Schema version:\\s+${NEWEST_MIGRATION}`));
      expect(text.stdout).toContain('stats_emploi_par_annee');
      expect(text.stderr).toContain('The database is healthy.');

      const onEmbedded = await runMain(['doctor', '--json'], { env: { ALUMNI_DATA_DIR: embedded.dataDir } });
      expect(onEmbedded.code).toBe(0);
      expect(JSON.parse(onEmbedded.stdout)).toMatchObject({
        backend: 'embedded',
        server_version: expect.stringMatching(/^18/),
        problems: [],
      });

      const unmigrated = await runMain(['doctor'], { env: empty.env });
      expect(unmigrated.code).toBe(1);
      expect(unmigrated.stdout).toContain('none (empty database)');
      expect(unmigrated.stderr).toMatch(/pending migration\(s\).*run `alumni migrate`/);
      expect(unmigrated.stderr).not.toContain(ESC);
    } finally {
      embedded.remove();
      await Promise.all([t.close(), empty.close()]);
    }
  });

  it('doctor, doctor --json and jobs crontab never show a password given in the URL, in its query string too', async () => {
    const t = await createServerDatabase();
    const secret = 's3cret-in-the-url';
    // The test server trusts every local connection: any password works.
    const urls = [
      `${t.url!}?user=postgres&password=${secret}`,
      `${t.url!}?pass%77ord=${secret}&application_name=alumni`,
      t.url!.replace('postgres://postgres@', `postgres://postgres:${secret}@`) + `?password=${secret}`,
    ];
    try {
      for (const url of urls) {
        for (const argv of [['doctor'], ['doctor', '--json'], ['jobs', 'crontab'], ['jobs', 'crontab', '--json']]) {
          for (const env of [{ DATABASE_URL: url }, {}]) {
            const args = 'DATABASE_URL' in env ? argv : ['--database-url', url, ...argv];
            const result = await runMain(args, { env });
            expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
            expect(`${result.stdout}${result.stderr}`, args.join(' ')).not.toContain(secret);
          }
        }
        const doctor = JSON.parse((await runMain(['doctor', '--json'], { env: { DATABASE_URL: url } })).stdout) as { database: string };
        expect(doctor.database).toMatch(/^postgres:\/\/.*\*\*\*\*/);
      }
      // A libpq keyword=value string: doctor takes URLs only (exit 2, never echoing it); crontab shows it masked.
      const keywords = `host=127.0.0.1 password='${secret} \\' x' dbname=none`;
      const refusedKeywords = await runMain(['doctor'], { env: { DATABASE_URL: keywords } });
      expect(refusedKeywords.code).toBe(2);
      expect(`${refusedKeywords.stdout}${refusedKeywords.stderr}`).not.toContain(secret);
      const crontab = await runMain(['jobs', 'crontab'], { env: { DATABASE_URL: keywords } });
      expect(crontab.stdout).toContain('# DATABASE_URL=host=127.0.0.1 password=**** dbname=none');
      expect(crontab.stdout).not.toContain(secret);
      // A server that cannot be reached: the message and, under --verbose, the stack.
      const refused = await runMain(['--verbose', 'doctor'], {
        env: { DATABASE_URL: `postgres://u:${secret}@127.0.0.1:1/none?password=${secret}` },
      });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('Cannot connect to the PostgreSQL server at 127.0.0.1:1');
      expect(`${refused.stdout}${refused.stderr}`).not.toContain(secret);
    } finally {
      await t.close();
    }
  });

  it('fixtures load: loads the demo data into an empty database; the second run changes nothing', async () => {
    const t = await createServerDatabase();
    try {
      const first = await runMain(['fixtures', 'load', '--json'], { env: t.env });
      expect(first.code).toBe(0);
      const loaded = JSON.parse(first.stdout) as { loaded: boolean; counts: Record<string, number> };
      expect(loaded.loaded).toBe(true);
      expect(loaded.counts.utilisateur).toBeGreaterThan(0);
      const audit = await countRows(t.db, 'audit_log');

      const second = await runMain(['fixtures', 'load'], { env: t.env });
      expect(second.code).toBe(0);
      expect(second.stderr).toContain('The demo data was loaded already: nothing changed.');
      expect(second.stdout).toMatch(new RegExp(`^utilisateur:\\s+${loaded.counts.utilisateur}$`, 'm'));
      expect(await countRows(t.db, 'audit_log')).toBe(audit);
      expect(JSON.parse((await runMain(['fixtures', 'load', '--json'], { env: t.env })).stdout)).toEqual({ ...loaded, loaded: false });
    } finally {
      await t.close();
    }
  });
});
