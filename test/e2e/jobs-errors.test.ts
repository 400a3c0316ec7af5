import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { countRows, createServerDatabase, type TestDatabase } from '../support/databases.js';

describe('jobs run when something else than the job fails, end to end on a server', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createServerDatabase();
  });
  afterAll(() => t.close());

  it('a database error around the job (recording its run) fails that job only; --verbose shows the cause, password masked', async () => {
    await sql`create function refuse_expire_offers() returns trigger language plpgsql as $$
      begin
        if new.job = 'expire-offers' then
          raise exception 'job_run refuses new runs (archive at postgresql://robot:tres-secret@archive.example/alumni)';
        end if;
        return new;
      end $$`.execute(t.db);
    await sql`create trigger refuse_expire_offers before insert on alumni_admin.job_run
              for each row execute function refuse_expire_offers()`.execute(t.db);
    try {
      const quiet = await runCli(['jobs', 'run', 'expire-offers', 'purge-messages'], { env: t.env });
      expect(quiet.code).toBe(1);
      const [failed, ok] = quiet.stdout.trimEnd().split('\n');
      expect(failed).toMatch(
        /^expire-offers {2}failed {2}- {2}0\.00s {2}error: job_run refuses new runs \(archive at postgresql:\/\/robot:\*\*\*\*@archive\.example\/alumni\)$/,
      );
      expect(ok).toMatch(/^purge-messages {2}ok {2}0 messages/);
      expect(quiet.stderr).toBe('');

      const verbose = await runCli(['jobs', 'run', 'expire-offers', 'purge-messages', '--verbose'], { env: t.env });
      expect(verbose.code).toBe(1);
      expect(verbose.stdout.split('\n')[0]).toBe(failed);
      expect(verbose.stderr).toMatch(
        /^expire-offers: error: job_run refuses new runs \(archive at postgresql:\/\/robot:\*\*\*\*@archive\.example\/alumni\)\n/,
      );
      expect(verbose.stderr).toMatch(/^ {4}at /m);
      expect(verbose.stderr).toMatch(/^ {2}SQLSTATE: P0001$/m);
      expect(verbose.stderr).toMatch(/^ {2}where: PL\/pgSQL function refuse_expire_offers\(\)/m);
      expect(quiet.stdout + verbose.stdout + verbose.stderr).not.toContain('tres-secret');
      expect(await countRows(t.db, 'alumni_admin.job_run', sql`job = 'purge-messages' and status = 'ok'`)).toBe(2);
    } finally {
      await sql`drop trigger refuse_expire_offers on alumni_admin.job_run`.execute(t.db);
    }
  });

  // Last in the file: it replaces the procedure for good.
  it('a programming error (a TypeError in alumni) is not turned into a failed job: it is an unexpected error, exit 1', async () => {
    // run_job handing back no run makes alumni's own code read a property of null.
    await sql`create or replace procedure alumni_admin.run_job(
        p_job text, p_user_agent text, p_options jsonb default '{}', p_record_locked boolean default true, inout p_run jsonb default null)
      language plpgsql as $$ begin p_run := null; end $$`.execute(t.db);
    const before = await countRows(t.db, 'alumni_admin.job_run');

    const result = await runCli(['jobs', 'run', 'expire-offers', '--json'], { env: t.env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    // Under --json the failure is a JSON object on stderr (src/main.ts).
    expect(JSON.parse(result.stderr)).toEqual({
      error: { code: 'internal', message: "Cannot read properties of null (reading 'started_at')", values: {} },
    });
    const verbose = await runCli(['jobs', 'run', 'expire-offers', '--verbose'], { env: t.env });
    expect(verbose.code).toBe(1);
    expect(verbose.stdout).toBe('');
    expect(verbose.stderr).toMatch(/^TypeError: Cannot read properties of null \(reading 'started_at'\)\n {4}at fromRecord /m);

    const history = await runCli(['jobs', 'history', 'expire-offers', '--json'], { env: t.env });
    expect(JSON.parse(history.stdout).filter((run: { status: string }) => run.status === 'failed')).toEqual([]);
    expect(await countRows(t.db, 'alumni_admin.job_run')).toBe(before);
  });
});
