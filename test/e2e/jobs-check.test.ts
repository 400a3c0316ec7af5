import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { createServerDatabase, type TestDatabase } from '../support/databases.js';

/** `jobs check` on a fresh install: no alarm before the first night, an alarm after it (issue 27, point 8). */
describe('jobs check on a fresh install, end to end', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createServerDatabase();
  });
  afterAll(() => t.close());

  // Every migration at once (Kysely orders applied migrations by their time, then name).
  const installed = (msAgo: number) =>
    sql`update alumni_admin.kysely_migration set timestamp = ${new Date(Date.now() - msAgo).toISOString()}`.execute(t.db);

  it('just installed, nothing ran: exit 0, each job "not run yet" with the time its first run is due', async () => {
    await installed(0);
    const check = await runCli(['jobs', 'check'], { env: { ...t.env, LANG: 'C' } });
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    const lines = check.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split('  ')[0])).toEqual(['expire-offers', 'purge-messages', 'refresh-stats', 'purge-audit']);
    for (const line of lines) expect(line).toMatch(/^[a-z-]+ {2}not run yet, first run due at \d{1,2} \w{3} \d{4}, \d\d:\d\d$/);
    const french = await runCli(['jobs', 'check', '--lang', 'fr'], { env: t.env });
    expect(french.code).toBe(0);
    expect(french.stdout).toMatch(/^refresh-stats {2}pas encore exécutée, première exécution prévue le .+ à \d\d:\d\d$/m);
    const json = await runCli(['jobs', 'check', '--json'], { env: t.env });
    expect(json.code).toBe(0);
    for (const job of JSON.parse(json.stdout)) {
      expect(job).toMatchObject({ ok: true, problem: null, last_success_at: null });
      expect(new Date(job.first_due_at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    }
  });

  it('installed eight days ago, nothing ran: every first run is past, exit 1 naming each job', async () => {
    await installed(8 * 86_400_000);
    const check = await runCli(['jobs', 'check'], { env: { ...t.env, LANG: 'C' } });
    expect(check.code).toBe(1);
    expect(check.stdout.trimEnd().split('\n')).toEqual([
      'expire-offers  never ran successfully',
      'purge-messages  never ran successfully',
      'refresh-stats  never ran successfully',
      'purge-audit  never ran successfully',
    ]);
  });
});
