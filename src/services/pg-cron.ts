import { sql, type Kysely } from 'kysely';
import { problem, UsageError } from '../errors.js';
import { serverKysely } from '../db/connect.js';
import type { DB } from '../db/schema.js';
import { DEFAULT_AUDIT_RETENTION, JOBS, type JobName } from './jobs.js';

/**
 * Registering the jobs in pg_cron. pg_cron lives in one database of a server (its
 * `cron.database_name`) and runs commands in any database with
 * cron.schedule_in_database; the command is the same CALL alumni_admin.run_job(...) the
 * CLI makes, so a scheduled run does exactly what `jobs run` does and is recorded in
 * the same history.
 */

export interface ScheduledJob {
  job: JobName;
  jobname: string;
  schedule: string;
  command: string;
  database: string;
  jobid: number | null;
}

/** The pg_cron job name: the database is part of it, so several databases can share one pg_cron. */
export function cronJobName(database: string, job: JobName): string {
  return `alumni ${database} ${job}`;
}

export function cronCommand(job: JobName, retention = DEFAULT_AUDIT_RETENTION): string {
  const options = job === 'purge-audit' ? `, '${JSON.stringify({ older_than: retention }).replace(/'/g, "''")}'` : '';
  return `CALL alumni_admin.run_job('${job}', 'pg_cron ${job}'${options})`;
}

/** Where pg_cron is: this database, or the one named by cron.database_name on the same server. */
async function withCronDatabase<T>(db: Kysely<DB>, url: string, work: (cron: Kysely<DB>, database: string) => Promise<T>): Promise<T> {
  const { rows } = await sql<{ installed: boolean; database: string; cron_database: string | null }>`
    select exists (select 1 from pg_extension where extname = 'pg_cron') as installed,
           current_database() as database,
           current_setting('cron.database_name', true) as cron_database`.execute(db);
  const here = rows[0]!;
  if (here.installed) return work(db, here.database);
  if (!here.cron_database || here.cron_database === here.database) {
    throw new UsageError(problem('jobs.pg_cron_missing'));
  }
  const target = new URL(url);
  target.pathname = `/${encodeURIComponent(here.cron_database)}`;
  const cron = await serverKysely(target.toString());
  try {
    const { rows: there } = await sql<{ installed: boolean }>`
      select exists (select 1 from pg_extension where extname = 'pg_cron') as installed`.execute(cron);
    if (!there[0]!.installed) {
      throw new UsageError(problem('jobs.pg_cron_not_created', { database: here.cron_database }));
    }
    return await work(cron, here.database);
  } finally {
    await cron.destroy();
  }
}

/** Registers (or updates) the jobs in pg_cron; running it again changes nothing. */
export async function scheduleJobs(db: Kysely<DB>, url: string, jobs: JobName[], retention?: string): Promise<ScheduledJob[]> {
  return withCronDatabase(db, url, async (cron, database) => {
    const scheduled: ScheduledJob[] = [];
    for (const job of jobs) {
      const jobname = cronJobName(database, job);
      const command = cronCommand(job, retention);
      const { schedule } = JOBS[job];
      const { rows } = await sql<{ jobid: number }>`
        select cron.schedule_in_database(${jobname}, ${schedule}, ${command}, ${database}) as jobid`.execute(cron);
      scheduled.push({ job, jobname, schedule, command, database, jobid: Number(rows[0]!.jobid) });
    }
    return scheduled;
  });
}

export async function unscheduleJobs(
  db: Kysely<DB>,
  url: string,
  jobs: JobName[],
): Promise<Array<{ job: JobName; jobname: string; removed: boolean }>> {
  return withCronDatabase(db, url, async (cron, database) => {
    const removed = [];
    for (const job of jobs) {
      const jobname = cronJobName(database, job);
      const { rows } = await sql<{ jobid: number }>`
        select cron.unschedule(jobid) as done, jobid from cron.job where jobname = ${jobname}`.execute(cron);
      removed.push({ job, jobname, removed: rows.length > 0 });
    }
    return removed;
  });
}
