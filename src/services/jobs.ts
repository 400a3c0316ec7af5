import { CronExpressionParser } from 'cron-parser';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { DEFAULT_AUDIT_RETENTION, JOB_NAMES, JOBS, type JobName } from './job-names.js';

/**
 * The maintenance jobs. What each one does is SQL in the database
 * (alumni_admin.run_job and the functions it calls, see migrations/*_jobs.up.sql), run
 * the same way by `jobs run` and by pg_cron; this module only calls that procedure (or
 * its preview), and reads the run history.
 */
export { DEFAULT_AUDIT_RETENTION, JOB_NAMES, JOBS, type JobName } from './job-names.js';

export interface JobOptions {
  /** purge-audit: how old an entry must be to go, as an interval. */
  olderThan?: string;
  batchSize?: number;
}

export type JobStatus = 'ok' | 'failed' | 'locked' | 'dry_run' | 'running';

/** One run, as `jobs run --json` and `jobs history --json` print it (the SPEC's contract). */
export interface JobRun {
  job: JobName;
  status: JobStatus;
  rows: Record<string, number>;
  started_at: Date;
  finished_at: Date | null;
  error: string | null;
  user_agent?: string;
  id?: number;
}

interface RunRecord extends Omit<JobRun, 'started_at' | 'finished_at'> {
  started_at: string;
  finished_at: string | null;
}

function fromRecord(record: RunRecord): JobRun {
  return { ...record, started_at: new Date(record.started_at), finished_at: record.finished_at ? new Date(record.finished_at) : null };
}

/**
 * Runs a job through alumni_admin.run_job. When another run holds the job's lock, tries
 * again every half second until `waitMs` has passed; only the last try is recorded.
 * Must not be called inside a transaction: the procedure commits batch by batch.
 */
export async function runJob(db: Kysely<DB>, job: JobName, userAgent: string, options: JobOptions = {}, waitMs = 0): Promise<JobRun> {
  const deadline = Date.now() + waitMs;
  const params = JSON.stringify({ older_than: options.olderThan ?? DEFAULT_AUDIT_RETENTION, batch_size: options.batchSize ?? 5000 });
  // One connection for the whole run: a server's statement_timeout would cut a long
  // purge short (the CALL is one statement), so it is switched off for this session.
  return db.connection().execute(async (connection) => {
    await sql`set statement_timeout = 0`.execute(connection);
    for (;;) {
      const lastTry = Date.now() >= deadline;
      const { rows } = await sql<{ p_run: RunRecord }>`
        call alumni_admin.run_job(${job}, ${userAgent}, ${params}::jsonb, ${lastTry}, null)`.execute(connection);
      const run = fromRecord(rows[0]!.p_run);
      if (run.status !== 'locked' || lastTry) return run;
      await new Promise((resolve) => setTimeout(resolve, Math.min(500, Math.max(0, deadline - Date.now()))));
    }
  });
}

export interface JobPreview extends JobRun {
  /** The first rows the job would change: the first offers to expire, the oldest message or audit entry to go. */
  first: Array<Record<string, unknown>>;
}

/**
 * --dry-run: what the job would change, from alumni_admin.preview_job, which counts with
 * the job's own SQL conditions (migrations/*_jobs_preview.up.sql); writes nothing.
 */
export async function previewJob(db: Kysely<DB>, job: JobName, options: JobOptions = {}): Promise<JobPreview> {
  const started = new Date();
  const params = JSON.stringify({ older_than: options.olderThan ?? DEFAULT_AUDIT_RETENTION });
  const { rows } = await sql<{ preview: { rows: Record<string, number>; first: Array<Record<string, unknown>> } }>`
    select alumni_admin.preview_job(${job}, ${params}::jsonb) as preview`.execute(db);
  const { rows: counts, first } = rows[0]!.preview;
  return { job, status: 'dry_run', rows: counts, started_at: started, finished_at: new Date(), error: null, first: first.map(firstRow) };
}

/**
 * A row of a preview in the order it prints (jsonb orders keys by length), with its
 * timestamps (text in jsonb) as Dates, printed like every other timestamp.
 */
function firstRow(row: Record<string, unknown>): Record<string, unknown> {
  if ('date_limite' in row) return { table: row.table, id: row.id, titre: row.titre, date_limite: row.date_limite };
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, key.startsWith('oldest_') ? new Date(String(value)) : value]));
}

// ---- history, schedule, health -----------------------------------------------------------

export async function jobHistory(db: Kysely<DB>, job: JobName | undefined, limit: number): Promise<JobRun[]> {
  const { rows } = await sql<JobRun>`
    select id, job, status, rows, started_at, finished_at, error, user_agent
      from alumni_admin.job_run
     ${job ? sql`where job = ${job}` : sql``}
     order by started_at desc, id desc
     limit ${limit}`.execute(db);
  return rows;
}

export interface JobState {
  job: JobName;
  schedule: string;
  what: string;
  last_run: JobRun | null;
  last_success_at: Date | null;
  next_due_at: Date;
  /**
   * A job that has never finished a run: when its first run is due (the first time its
   * schedule fires after the jobs were installed); null once it has run.
   */
  first_due_at: Date | null;
  /** Why the job needs attention, or null. */
  problem: JobProblem | null;
}

/** Why a job needs attention: its last finished run failed, it never succeeded, or its last success is too old. */
export type JobProblem = { kind: 'failed'; error: string | null } | { kind: 'never' } | { kind: 'overdue'; last_success_at: Date };

/** The migration that created the jobs (their procedure and run history). */
export const JOBS_MIGRATION = '20261126000200_jobs';

/**
 * When the jobs were installed in this database: when the migration that created them
 * was applied (Kysely records it). Nothing records when a job was scheduled (pg_cron's
 * cron.job has no date; a crontab is not in the database), so a job's first run is
 * counted from there. Null if the migration table says nothing (a database set up by hand).
 */
export async function jobsInstalledAt(db: Kysely<DB>): Promise<Date | null> {
  const { rows } = await sql<{ timestamp: string }>`
    select timestamp from alumni_admin.kysely_migration where name = ${JOBS_MIGRATION}`.execute(db);
  const at = rows[0] ? new Date(rows[0].timestamp) : null;
  return at && !Number.isNaN(at.getTime()) ? at : null;
}

/**
 * Each job with its last run, its last success and when it is next due. A job needs
 * attention when its last finished run failed, or when its last success is older than
 * twice its period, or when it never ran though its first run was due: the first time its
 * schedule fired after the jobs were installed (jobsInstalledAt). Before that a job that
 * has not run yet is healthy: a fresh install is not an alarm.
 */
export async function jobStates(db: Kysely<DB>, now: Date = new Date()): Promise<JobState[]> {
  const installedAt = (await jobsInstalledAt(db)) ?? now;
  const { rows } = await sql<{ job: JobName; last: RunRecord | null; last_finished: RunRecord | null; last_success_at: Date | null }>`
    select j.job,
           (select to_jsonb(r) from alumni_admin.job_run r where r.job = j.job order by started_at desc, id desc limit 1) as last,
           (select to_jsonb(r) from alumni_admin.job_run r where r.job = j.job and r.status in ('ok', 'failed')
             order by started_at desc, id desc limit 1) as last_finished,
           (select max(finished_at) from alumni_admin.job_run r where r.job = j.job and r.status = 'ok') as last_success_at
      from unnest(${JOB_NAMES}::text[]) as j(job)`.execute(db);
  return rows.map((row) => {
    const { schedule, what } = JOBS[row.job];
    const expression = CronExpressionParser.parse(schedule, { currentDate: now });
    const next = expression.next().toDate();
    const period = expression.next().toDate().getTime() - next.getTime();
    const firstDue = row.last_finished ? null : CronExpressionParser.parse(schedule, { currentDate: installedAt }).next().toDate();
    let problem: JobProblem | null = null;
    if (row.last_finished?.status === 'failed') problem = { kind: 'failed', error: row.last_finished.error };
    else if (firstDue) problem = now.getTime() >= firstDue.getTime() ? { kind: 'never' } : null;
    else if (!row.last_success_at) problem = { kind: 'never' };
    else if (now.getTime() - row.last_success_at.getTime() > 2 * period) {
      problem = { kind: 'overdue', last_success_at: row.last_success_at };
    }
    return {
      job: row.job,
      schedule,
      what,
      last_run: row.last ? fromRecord(row.last) : null,
      last_success_at: row.last_success_at,
      next_due_at: next,
      first_due_at: firstDue,
      problem,
    };
  });
}
