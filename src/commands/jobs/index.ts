import type { Command } from '@commander-js/extra-typings';
import type { Lazy } from '../types.js';

export function registerJobs(program: Command, lazy: Lazy): void {
  const jobs = program.command('jobs').description('maintenance jobs, for cron or on demand (they run as the system)');
  const jobNames = 'expire-offers, purge-messages, refresh-stats, purge-audit';
  jobs.command('list').description('each job: schedule, last run, next due time').action(lazy(() => import('./list.js')));
  jobs
    .command('run')
    .description('run jobs now, each under its lock: one summary line per job')
    .argument('[jobs...]', jobNames)
    .option('--all', 'every job')
    .option('--dry-run', 'count what would change, and show the first rows; write nothing')
    .option('--wait <seconds>', 'when another run holds a job\'s lock, wait this long for it (default: exit 75 at once)')
    .option('--older-than <duration>', 'purge-audit: entries older than this go, e.g. 90d, 6mo, 1y (default: ALUMNI_AUDIT_RETENTION, else 365d)')
    .action(lazy(() => import('./run.js')));
  jobs
    .command('history')
    .description('runs, newest first')
    .argument('[job]', jobNames)
    .option('--limit <n>', 'how many', '50')
    .option('--csv', 'CSV on stdout')
    .action(lazy(() => import('./history.js')));
  jobs.command('crontab').description('crontab lines for the default schedules, ready to paste').action(lazy(() => import('./crontab.js')));
  jobs
    .command('schedule')
    .description('register the jobs in pg_cron (idempotent), running the same logic as `jobs run`')
    .argument('[jobs...]', `${jobNames} (default: all)`)
    .option('--older-than <duration>', 'purge-audit retention, e.g. 90d, 6mo, 1y (default: ALUMNI_AUDIT_RETENTION, else 365d)')
    .action(lazy(() => import('./schedule.js')));
  jobs
    .command('unschedule')
    .description('remove the jobs from pg_cron')
    .argument('[jobs...]', `${jobNames} (default: all)`)
    .action(lazy(() => import('./unschedule.js')));
  jobs.command('check').description('for monitoring: exit 1 naming any job that is failing or overdue').action(lazy(() => import('./check.js')));
}
