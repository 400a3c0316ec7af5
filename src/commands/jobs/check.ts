import { ExitCode } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import { problemText } from './shared.js';

/** For monitoring: exit 1, naming the jobs, when one is failing or overdue. */
export const run: CommandRun = async (ctx) => {
  const { jobStates } = await import('../../services/jobs.js');
  const states = await ctx.withDb(({ db }) => jobStates(db));
  const problems = states.filter((s) => s.problem);
  if (ctx.out.json)
    ctx.out.writeJson(
      states.map(({ job, problem, last_success_at, next_due_at }) => ({
        job,
        ok: !problem,
        problem: problem ? problemText(problem, 'en') : null,
        last_success_at,
        next_due_at,
      })),
    );
  else for (const s of states) ctx.out.line(`${s.job}  ${s.problem ? problemText(s.problem) : t('jobs.check.ok')}`);
  return problems.length ? ExitCode.failure : ExitCode.ok;
};
