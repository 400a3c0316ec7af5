/**
 * The maintenance jobs by name, apart from src/services/jobs.ts so that declaring the
 * commands (`alumni --help`) loads no database code.
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
