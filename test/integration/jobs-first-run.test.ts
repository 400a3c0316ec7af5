import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobStates } from '../../src/services/jobs.js';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/databases.js';

const UA = 'alumni/test jobs check';
// Local times (the schedules are read in the machine's time zone): Monday 7 December 2026.
const at = (day: number, hour: number, minute = 0) => new Date(2026, 11, day, hour, minute);
const INSTALLED = at(7, 14);

/**
 * `jobs check` on a fresh install (issue 27, point 8): a job's first run is due the first
 * time its schedule fires after the jobs were installed (the jobs migration was applied);
 * before that a job that has not run is healthy, after it the job is overdue.
 */
describe.each(BACKENDS)('the first run of each job, on the %s back end', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    // Every migration at once (Kysely orders applied migrations by their time, then name).
    await sql`update alumni_admin.kysely_migration set timestamp = ${INSTALLED.toISOString()}`.execute(t.db);
  });
  afterAll(() => t.close());

  const states = async (now: Date) => Object.fromEntries((await jobStates(t.db, now)).map((s) => [s.job, s]));

  it('before its first run is due, a job that never ran is healthy and says when that run is due', async () => {
    const evening = await states(at(7, 23, 59));
    expect(Object.values(evening).map((s) => s.problem)).toEqual([null, null, null, null]);
    expect(Object.fromEntries(Object.entries(evening).map(([job, s]) => [job, s.first_due_at]))).toEqual({
      'refresh-stats': at(8, 1), // daily at 01:00
      'expire-offers': at(8, 2), // daily at 02:00
      'purge-messages': at(13, 3), // Sundays at 03:00
      'purge-audit': at(13, 4), // Sundays at 04:00
    });
  });

  it('once its first run is due and nothing ran, the job is overdue; the weekly ones wait for Sunday', async () => {
    const night = await states(at(8, 1, 30));
    expect(night['refresh-stats']!.problem).toEqual({ kind: 'never' });
    expect(night['expire-offers']!.problem).toBeNull();
    expect(night['purge-messages']!.problem).toBeNull();
    const monday = await states(at(14, 9));
    expect(Object.values(monday).map((s) => s.problem?.kind)).toEqual(['never', 'never', 'never', 'never']);
  });

  it('a job that ran has no first run to wait for: a failure is a failure before its first due time too', async () => {
    await sql`insert into alumni_admin.job_run (job, status, started_at, finished_at, error, user_agent) values
      ('expire-offers', 'ok', ${at(7, 15)}, ${at(7, 15, 1)}, null, ${UA}),
      ('purge-audit', 'failed', ${at(7, 15)}, ${at(7, 15, 1)}, 'disk full', ${UA})`.execute(t.db);
    const evening = await states(at(7, 23));
    expect(evening['expire-offers']).toMatchObject({ problem: null, first_due_at: null });
    expect(evening['purge-audit']).toMatchObject({ problem: { kind: 'failed', error: 'disk full' }, first_due_at: null });
    expect(evening['refresh-stats']!.problem).toBeNull();
  });
});
