import { Argument, Option, type Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { csvOption, dryRunOption, limitOption, olderThanOption, wholeNumber } from '../../cli/options.js';
import { problem, UsageError } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import { JOB_NAMES, type JobName } from '../../services/job-names.js';
import { matchEnum } from '../../values.js';
import type { Lazy, OptsOf } from '../types.js';
import { columnsOption } from '../../cli/columns.js';

const JOB_LIST = JOB_NAMES.join(', ');

/** A job's name, matched ignoring case, accents and separators ("Expire_Offers"). */
function jobName(text: string): JobName {
  const job = matchEnum(text, JOB_NAMES);
  if (!job) throw new UsageError(problem('jobs.unknown', { name: text, jobs: JOB_NAMES }));
  return job;
}

/** [jobs...]: each name checked as Commander reads it; the verb receives JobNames. */
const jobsArgument = (description: string) =>
  new Argument('[jobs...]', description).argParser((text: string, previous: JobName[] = []) => [...previous, jobName(text)]);

const retentionOption = (description: string) => olderThanOption(t('jobs.retention', { description }));

const list = (jobs: CommandUnknownOpts) => jobs.command('list').description(t('jobs.list.description')).addOption(columnsOption());
export type JobsListOpts = OptsOf<typeof list>;

const run = (jobs: CommandUnknownOpts) =>
  jobs
    .command('run')
    .description(t('jobs.run.description'))
    .addArgument(jobsArgument(JOB_LIST))
    .addOption(new Option('--all', t('jobs.run.all')))
    .addOption(dryRunOption(t('jobs.run.dry_run')))
    .addOption(new Option('--wait <seconds>', t('jobs.run.wait')).argParser((text: string) => wholeNumber('--wait', text, 0, 86_400)))
    .addOption(retentionOption(t('jobs.run.older_than')));
export type JobsRunOpts = OptsOf<typeof run>;

const history = (jobs: CommandUnknownOpts) =>
  jobs
    .command('history')
    .description(t('jobs.history.description'))
    .addArgument(new Argument('[job]', JOB_LIST).argParser(jobName))
    .addOption(limitOption(50))
    .addOption(csvOption())
    .addOption(columnsOption());
export type JobsHistoryOpts = OptsOf<typeof history>;

const crontab = (jobs: CommandUnknownOpts) => jobs.command('crontab').description(t('jobs.crontab.description'));

const schedule = (jobs: CommandUnknownOpts) =>
  jobs
    .command('schedule')
    .description(t('jobs.schedule.description'))
    .addArgument(jobsArgument(t('jobs.argument.default_all', { jobs: JOB_LIST })))
    .addOption(retentionOption(t('jobs.schedule.older_than')));
export type JobsScheduleOpts = OptsOf<typeof schedule>;

const unschedule = (jobs: CommandUnknownOpts) =>
  jobs
    .command('unschedule')
    .description(t('jobs.unschedule.description'))
    .addArgument(jobsArgument(t('jobs.argument.default_all', { jobs: JOB_LIST })));

const check = (jobs: CommandUnknownOpts) => jobs.command('check').description(t('jobs.check.description'));

export function registerJobs(program: Command, lazy: Lazy): void {
  const jobs = program.command('jobs').description(t('jobs.description'));
  list(jobs).action(lazy(() => import('./list.js')));
  run(jobs).action(lazy(() => import('./run.js')));
  history(jobs).action(lazy(() => import('./history.js')));
  crontab(jobs).action(lazy(() => import('./crontab.js')));
  schedule(jobs).action(lazy(() => import('./schedule.js')));
  unschedule(jobs).action(lazy(() => import('./unschedule.js')));
  check(jobs).action(lazy(() => import('./check.js')));
}
