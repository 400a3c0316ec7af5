import { renderLines } from '../../cli/render.js';
import { ExitCode } from '../../errors.js';
import { formats, t } from '../../i18n/messages.js';
import type { JobState } from '../../services/jobs.js';
import type { CommandRun } from '../types.js';
import { problemText } from './shared.js';

/** A healthy job in words: ok, or not run yet with the time its first run is due. */
function healthy(state: JobState): string {
  return state.first_due_at ? t('jobs.check.not_run_yet', { due: formats().dateTime(state.first_due_at) }) : t('jobs.check.ok');
}

/**
 * For monitoring: exit 1, naming the jobs, when one is failing or overdue. A job that has
 * not run yet and whose first run is not due yet (a fresh install) is healthy.
 */
export const run: CommandRun = async (ctx) => {
  const { jobStates } = await import('../../services/jobs.js');
  const states = await ctx.withDb(({ db }) => jobStates(db));
  const problems = states.filter((s) => s.problem);
  renderLines(
    ctx,
    states.map(({ job, problem, last_success_at, next_due_at, first_due_at }) => ({
      job,
      ok: !problem,
      problem: problem ? problemText(problem, 'en') : null,
      last_success_at,
      next_due_at,
      first_due_at,
    })),
    states.map((s) => `${s.job}  ${s.problem ? problemText(s.problem) : healthy(s)}`),
  );
  return problems.length ? ExitCode.failure : ExitCode.ok;
};
