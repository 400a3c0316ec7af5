import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { maskConnectionString } from '../../db/url.js';
import { PACKAGE_ROOT } from '../../paths.js';
import { currentLanguage, t } from '../../i18n/messages.js';
import { renderLines } from '../../cli/render.js';
import type { CommandRun } from '../types.js';

/**
 * Ready-to-paste crontab lines. The database comes from the crontab's environment: its
 * URL is shown masked in a comment, never with its password.
 */
export const run: CommandRun = async (ctx) => {
  const { JOBS, JOB_NAMES } = await import('../../services/job-names.js');
  const command = realpathSync(join(PACKAGE_ROOT, 'bin', 'alumni.js'));
  const url = ctx.options.databaseUrl ?? ctx.io.env.DATABASE_URL;
  const lines = [
    t('jobs.crontab.header'),
    url
      ? t('jobs.crontab.database', { url: maskConnectionString(url) })
      : `ALUMNI_DATA_DIR=${ctx.io.env.ALUMNI_DATA_DIR ?? (await import('../../db/connect.js')).defaultDataDir(ctx.io.env)}`,
    `PATH=${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
    // cron runs its lines with LANG=C, which gives English: the language this was asked in is kept.
    ...(currentLanguage() === 'fr' ? [t('jobs.crontab.language'), 'ALUMNI_LANG=fr'] : []),
    t('jobs.crontab.log'),
  ];
  // cron runs the line with sh, and reads % as a line break.
  const quoted = `'${command.replace(/'/g, `'\\''`)}'`.replace(/%/g, '\\%');
  const entries = JOB_NAMES.map((job) => ({
    job,
    schedule: JOBS[job].schedule,
    command: `${quoted} jobs run ${job} >> "$HOME/alumni-jobs.log" 2>&1`,
  }));
  for (const entry of entries) lines.push(`${entry.schedule} ${entry.command}`);
  renderLines(ctx, entries, lines);
};
