import { Argument, Option, type Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { csvOption, dryRunOption, limitOption, olderThanOption, wholeNumber } from '../../cli/options.js';
import { UsageError } from '../../errors.js';
import { JOB_NAMES, type JobName } from '../../services/job-names.js';
import { matchEnum } from '../../values.js';
import type { Lazy, OptsOf } from '../types.js';

const JOB_LIST = JOB_NAMES.join(', ');

/** A job's name, matched ignoring case, accents and separators ("Expire_Offers"). */
function jobName(text: string): JobName {
  const job = matchEnum(text, JOB_NAMES);
  if (!job) throw new UsageError(`Unknown job "${text}": the jobs are ${JOB_LIST}.`);
  return job;
}

/** [jobs...]: each name checked as Commander reads it; the verb receives JobNames. */
const jobsArgument = (description: string) =>
  new Argument('[jobs...]', description).argParser((text: string, previous: JobName[] = []) => [...previous, jobName(text)]);

const retentionOption = (description: string) =>
  olderThanOption(`${description}, e.g. 90d, 6mo, 1y (default: ALUMNI_AUDIT_RETENTION, else 365d)`);

const list = (jobs: CommandUnknownOpts) => jobs.command('list').description('each job: schedule, last run, next due time');

const run = (jobs: CommandUnknownOpts) =>
  jobs
    .command('run')
    .description('run jobs now, each under its lock: one summary line per job')
    .addArgument(jobsArgument(JOB_LIST))
    .addOption(new Option('--all', 'every job'))
    .addOption(dryRunOption('count what would change, and show the first rows; write nothing'))
    .addOption(
      new Option('--wait <seconds>', "when another run holds a job's lock, wait this long for it (default: exit 75 at once)").argParser(
        (text: string) => wholeNumber('--wait', text, 0, 86_400),
      ),
    )
    .addOption(retentionOption('purge-audit: entries older than this go'));
export type JobsRunOpts = OptsOf<typeof run>;

const history = (jobs: CommandUnknownOpts) =>
  jobs
    .command('history')
    .description('runs, newest first')
    .addArgument(new Argument('[job]', JOB_LIST).argParser(jobName))
    .addOption(limitOption(50))
    .addOption(csvOption());
export type JobsHistoryOpts = OptsOf<typeof history>;

const crontab = (jobs: CommandUnknownOpts) =>
  jobs.command('crontab').description('crontab lines for the default schedules, ready to paste');

const schedule = (jobs: CommandUnknownOpts) =>
  jobs
    .command('schedule')
    .description('register the jobs in pg_cron (idempotent), running the same logic as `jobs run`')
    .addArgument(jobsArgument(`${JOB_LIST} (default: all)`))
    .addOption(retentionOption('purge-audit retention'));
export type JobsScheduleOpts = OptsOf<typeof schedule>;

const unschedule = (jobs: CommandUnknownOpts) =>
  jobs
    .command('unschedule')
    .description('remove the jobs from pg_cron')
    .addArgument(jobsArgument(`${JOB_LIST} (default: all)`));

const check = (jobs: CommandUnknownOpts) =>
  jobs.command('check').description('for monitoring: exit 1 naming any job that is failing or overdue');

export function registerJobs(program: Command, lazy: Lazy): void {
  const jobs = program.command('jobs').description('maintenance jobs, for cron or on demand (they run as the system)');
  list(jobs).action(lazy(() => import('./list.js')));
  run(jobs).action(lazy(() => import('./run.js')));
  history(jobs).action(lazy(() => import('./history.js')));
  crontab(jobs).action(lazy(() => import('./crontab.js')));
  schedule(jobs).action(lazy(() => import('./schedule.js')));
  unschedule(jobs).action(lazy(() => import('./unschedule.js')));
  check(jobs).action(lazy(() => import('./check.js')));
}
