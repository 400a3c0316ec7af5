import { CronExpressionParser } from 'cron-parser';
import { sql, type Kysely } from 'kysely';
import { UsageError } from '../errors.js';
import type { DB } from '../db/schema.js';
import { matchEnum } from '../values.js';
import { intervalFlag } from './flags.js';

/**
 * The maintenance jobs. What each one does is SQL in the database
 * (alumni_admin.run_job and the functions it calls, see migrations/*_jobs.up.sql), run
 * the same way by `jobs run` and by pg_cron; this module only names the jobs, calls
 * that procedure, and reads the run history.
 */
export const JOBS = {
  'expire-offers': { schedule: '0 2 * * *', what: 'active stage past date_fin and active emploi past date_expiration become expiree' },
  'purge-messages': { schedule: '0 3 * * 0', what: 'messages past date_suppression_auto are deleted, in batches' },
  'refresh-stats': { schedule: '0 1 * * *', what: 'stats_emploi_par_annee is refreshed without blocking its readers' },
  'purge-audit': { schedule: '0 4 * * 0', what: 'audit entries older than the retention period are deleted, in batches' },
} as const;
export type JobName = keyof typeof JOBS;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];

export const DEFAULT_AUDIT_RETENTION = '365 days';

export function parseJobNames(names: string[], all: boolean): JobName[] {
  if (all) {
    if (names.length) throw new UsageError('Give job names or --all, not both.');
    return JOB_NAMES;
  }
  if (names.length === 0) throw new UsageError(`Name the jobs to run (${JOB_NAMES.join(', ')}) or give --all.`);
  const jobs = names.map((name) => {
    const job = matchEnum(name, JOB_NAMES);
    if (!job) throw new UsageError(`Unknown job "${name}": the jobs are ${JOB_NAMES.join(', ')}.`);
    return job;
  });
  return [...new Set(jobs)];
}

/**
 * --older-than, else ALUMNI_AUDIT_RETENTION, in the grammar of src/durations.ts ("6mo",
 * "365d") → an interval PostgreSQL reads ("6 months"), for SQL and pg_cron alike.
 */
export function parseRetention(value: string): string {
  return intervalFlag('--older-than (or ALUMNI_AUDIT_RETENTION)', value);
}

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
  /** The first rows the job would change. */
  first: Array<Record<string, unknown>>;
}

/** --dry-run: what the job would change, counted with the job's own conditions; writes nothing. */
export async function previewJob(db: Kysely<DB>, job: JobName, options: JobOptions = {}): Promise<JobPreview> {
  const started = new Date();
  let rows: Record<string, number> = {};
  let first: Array<Record<string, unknown>> = [];
  if (job === 'expire-offers') {
    const { rows: offers } = await sql<{ table: string; id: string; titre: string; date_limite: string; n: number }>`
      select * from (
        select 'stage' as table, id, titre, date_fin::text as date_limite, count(*) over () ::int as n
          from stage where date_fin < current_date and statut = 'active'
        union all
        select 'emploi', id, titre, date_expiration::text, count(*) over ()::int
          from emploi where date_expiration < current_date and statut = 'active') offers
      order by date_limite, titre`.execute(db);
    rows = { stage: 0, emploi: 0 };
    for (const offer of offers) rows[offer.table] = offer.n;
    first = offers.slice(0, 10).map(({ n: _n, ...offer }) => offer);
  } else if (job === 'purge-messages') {
    const { rows: counted } = await sql<{ n: number; oldest: Date | null }>`
      select count(*)::int as n, min(date_suppression_auto) as oldest from message where date_suppression_auto < current_timestamp`.execute(db);
    rows = { message: counted[0]!.n };
    if (counted[0]!.oldest) first = [{ oldest_date_suppression_auto: counted[0]!.oldest }];
  } else if (job === 'purge-audit') {
    const { rows: counted } = await sql<{ n: number; oldest: Date | null }>`
      select count(*)::int as n, min(created_at) as oldest from audit_log
       where created_at < now() - ${options.olderThan ?? DEFAULT_AUDIT_RETENTION}::interval`.execute(db);
    rows = { audit_log: counted[0]!.n };
    if (counted[0]!.oldest) first = [{ oldest_created_at: counted[0]!.oldest }];
  } else {
    const { rows: counted } = await sql<{ n: number }>`select count(*)::int as n from stats_emploi_par_annee`.execute(db);
    rows = { stats_emploi_par_annee: counted[0]!.n };
  }
  return { job, status: 'dry_run', rows, started_at: started, finished_at: new Date(), error: null, first };
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
  /** Why the job needs attention, or null. */
  problem: string | null;
}

/**
 * Each job with its last run, its last success and when it is next due. A job needs
 * attention when its last finished run failed, or when its last success is older than
 * twice its period (or it never succeeded).
 */
export async function jobStates(db: Kysely<DB>, now: Date = new Date()): Promise<JobState[]> {
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
    let problem: string | null = null;
    if (row.last_finished?.status === 'failed') problem = `last run failed: ${row.last_finished.error ?? 'no error recorded'}`;
    else if (!row.last_success_at) problem = 'never ran successfully';
    else if (now.getTime() - row.last_success_at.getTime() > 2 * period) {
      problem = `overdue: last success ${row.last_success_at.toISOString()}, more than twice its period ago`;
    }
    return {
      job: row.job, schedule, what,
      last_run: row.last ? fromRecord(row.last) : null,
      last_success_at: row.last_success_at,
      next_due_at: next,
      problem,
    };
  });
}
