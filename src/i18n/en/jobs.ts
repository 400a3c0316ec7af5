/** Why a job needs attention (src/services/jobs.ts jobStates). */
export type JobProblem = { kind: 'failed'; error: string | null } | { kind: 'never' } | { kind: 'overdue'; lastSuccess: string };

/** English messages of the jobs area: keys start with "jobs.". */
export default {
  // ---- help ----
  'jobs.description': 'maintenance jobs, for cron or on demand (they run as the system)',
  'jobs.list.description': 'each job: schedule, last run, next due time',
  'jobs.run.description': 'run jobs now, each under its lock: one summary line per job',
  'jobs.run.all': 'every job',
  'jobs.run.dry_run': 'count what would change, and show the first rows; write nothing',
  'jobs.run.wait': "when another run holds a job's lock, wait this long for it (default: exit 75 at once)",
  'jobs.run.older_than': 'purge-audit: entries older than this go',
  'jobs.history.description': 'runs, newest first',
  'jobs.crontab.description': 'crontab lines for the default schedules, ready to paste',
  'jobs.schedule.description': 'register the jobs in pg_cron (idempotent), running the same logic as `jobs run`',
  'jobs.schedule.older_than': 'purge-audit retention',
  'jobs.unschedule.description': 'remove the jobs from pg_cron',
  'jobs.check.description': 'for monitoring: exit 1 naming any job that is failing or overdue',
  'jobs.argument.default_all': (p: { jobs: string }) => `${p.jobs} (default: all)`,
  'jobs.retention': (p: { description: string }) => `${p.description}, e.g. 90d, 6mo, 1y (default: ALUMNI_AUDIT_RETENTION, else 365d)`,

  // ---- refusals ----
  'jobs.unknown': (p: { name: string; jobs: string[] }) => `Unknown job "${p.name}": the jobs are ${p.jobs.join(', ')}.`,
  'jobs.names_and_all': 'Give job names or --all, not both.',
  'jobs.none_named': (p: { jobs: string[] }) => `Name the jobs to run (${p.jobs.join(', ')}) or give --all.`,
  'jobs.schedule_embedded': 'pg_cron needs a PostgreSQL server; on the embedded database use `alumni jobs crontab`.',
  'jobs.unschedule_embedded': 'pg_cron needs a PostgreSQL server; the embedded database has nothing scheduled.',
  'jobs.pg_cron_missing':
    "pg_cron is not installed on this server: install the postgresql-15-cron package (or your version's), set shared_preload_libraries = 'pg_cron' and cron.database_name in postgresql.conf, restart PostgreSQL, run CREATE EXTENSION pg_cron in that database, then try again; or use `alumni jobs crontab`.",
  'jobs.pg_cron_not_created': (p: { database: string }) =>
    `pg_cron is loaded but not created in its database ${p.database}: run CREATE EXTENSION pg_cron there, then try again.`,

  // ---- what a run says (one line per job, for cron's log) ----
  'jobs.status.ok': 'ok',
  'jobs.status.failed': 'failed',
  'jobs.status.locked': 'locked',
  'jobs.status.running': 'running',
  'jobs.status.dry_run': 'dry run, would change',
  'jobs.took': (p: { seconds: number }) => `${p.seconds.toFixed(2)}s`,
  'jobs.no_rows': '-',
  'jobs.rows': (p: { table: string; count: number }) => {
    const n = p.count;
    const s = n === 1 ? '' : 's';
    switch (p.table) {
      case 'stage':
        return `${n} stage${s}`;
      case 'emploi':
        return `${n} emploi${s}`;
      case 'message':
        return `${n} message${s}`;
      case 'stats_emploi_par_annee':
        return `${n} statistics row${s}`;
      case 'audit_log':
        return `${n} audit entr${n === 1 ? 'y' : 'ies'}`;
      default:
        return `${p.table}=${n}`;
    }
  },
  'jobs.run.locked_hint': '(another run holds the lock; try later or use --wait)',
  'jobs.run.error': (p: { error: string }) => `error: ${p.error}`,
  'jobs.cause.detail': 'detail',
  'jobs.cause.hint': 'hint',
  'jobs.cause.where': 'where',
  'jobs.check.ok': 'ok',
  'jobs.problem': (p: JobProblem) =>
    p.kind === 'failed'
      ? `last run failed: ${p.error ?? 'no error recorded'}`
      : p.kind === 'never'
        ? 'never ran successfully'
        : `overdue: last success ${p.lastSuccess}, more than twice its period ago`,
  'jobs.schedule.line': (p: { job: string; schedule: string; jobid: number | null; jobname: string }) =>
    `${p.job}  ${p.schedule}  pg_cron job ${p.jobid} "${p.jobname}"`,
  'jobs.unschedule.removed': 'unscheduled',
  'jobs.unschedule.absent': 'was not scheduled',

  // ---- crontab ----
  'jobs.crontab.header': "# alumni maintenance jobs: paste into `crontab -e` (times are this machine's local time).",
  'jobs.crontab.database': (p: { url: string }) =>
    `# Set the database at the top of the crontab, with its real password:\n# DATABASE_URL=${p.url}`,
  'jobs.crontab.language': '# The summary lines in English (cron gives LANG=C):',
  'jobs.crontab.log': '# Each run appends one summary line (errors too) to ~/alumni-jobs.log; `alumni jobs check` tells whether they run.',

  // ---- table labels ----
  'jobs.label.job': 'Job',
  'jobs.label.schedule': 'Schedule',
  'jobs.label.last_run': 'Last run',
  'jobs.label.took': 'Took',
  'jobs.label.status': 'Status',
  'jobs.label.rows': 'Rows',
  'jobs.label.next_due': 'Next due',
  'jobs.label.started_at': 'Started',
  'jobs.label.by': 'By',
  'jobs.label.error': 'Error',
  'jobs.never': 'never',
  'jobs.history.empty': 'No run recorded yet.',
  'jobs.check.not_run_yet': (p: { due: string }) => `not run yet, first run due at ${p.due}`,
} satisfies Record<`jobs.${string}`, string | ((params: never) => string)>;
