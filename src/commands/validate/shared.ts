import { readFileSync } from 'node:fs';
import { ExitCode, problem, UsageError } from '../../errors.js';
import type { Context } from '../../context.js';
import { renderDone } from '../../cli/render.js';
import { currentLanguage, formats, renderIn, t } from '../../i18n/messages.js';
import type { Language } from '../../i18n/language.js';
import type { BatchDecision, DecisionOutcome, QueueName, ReopenOutcome } from '../../services/moderation/index.js';

/** "Formation", "Groupe", "Organisation": a queue's item in words. */
export function queueLabel(queue: QueueName): string {
  return t(`validate.queue.${queue}`);
}

/** "2026-11-24 17:20" (UTC): a moment in machine output (the JSON `message`), the same everywhere. */
function utcMinute(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Why an item was not decided, in `language`, a moment written by `when`; null when it
 * was decided.
 */
function outcomeMessage(o: DecisionOutcome, language: Language, when: (date: Date) => string): string | null {
  const { queue, id } = o;
  switch (o.status) {
    case 'approved':
    case 'rejected':
      return null;
    case 'not_found':
      return renderIn(language, 'validate.no_item', { queue, id });
    case 'held':
      return renderIn(language, 'validate.status.held', { queue, id });
    case 'changed':
      return renderIn(language, 'validate.status.changed', { queue, id });
    case 'already_decided': {
      const last = o.last ?? null;
      return renderIn(language, 'validate.status.already_decided', {
        queue,
        id,
        approved: last ? last.approved : null,
        by: last?.by ?? null,
        at: last ? when(last.at) : null,
      });
    }
  }
}

/** What a person reads about an outcome: the run's language, times in the local time zone. */
export function sayOutcome(o: DecisionOutcome): string {
  return outcomeMessage(o, currentLanguage(), (date) => formats().dateTime(date)) ?? o.status;
}

/**
 * An outcome as JSON. Its `message` stays what it was before the catalogs, English with
 * UTC times: machine output does not change with the language or the time zone (`status`
 * is the code to script against).
 */
export function outcomeJson(o: DecisionOutcome) {
  return { queue: o.queue, id: o.id, status: o.status, message: outcomeMessage(o, 'en', utcMinute) };
}

/** A reopen's outcome as JSON, `message` in English (machine output). */
export function reopenJson(o: ReopenOutcome) {
  return { queue: o.queue, id: o.id, status: o.status, withdrawn: o.withdrawn, message: reopenMessage(o, 'en') };
}

/** Why an item was not reopened, in `language`; null when it was. */
export function reopenMessage(o: ReopenOutcome, language: Language): string | null {
  const { queue, id } = o;
  switch (o.status) {
    case 'reopened':
      return null;
    case 'held':
      return renderIn(language, 'validate.reopen.held', { queue, id });
    case 'not_reopenable':
      return renderIn(language, 'validate.reopen.not_reopenable', { queue, id });
    case 'not_decided':
      return renderIn(language, 'validate.reopen.not_decided', { queue, id });
  }
}

/**
 * approve/reject: every outcome as JSON; for a person, why each skipped item was skipped
 * (warnings) and one ✔ line of counts. Exit 3 when some were skipped.
 */
export function reportBatch(ctx: Context, result: BatchDecision): number {
  renderDone(
    ctx,
    { ...result, outcomes: result.outcomes.map(outcomeJson) },
    t('validate.batch.summary', { decided: result.decided, skipped: result.skipped }),
    result.outcomes.filter((o) => o.status !== 'approved' && o.status !== 'rejected').map(sayOutcome),
  );
  return result.skipped > 0 ? ExitCode.rejected : ExitCode.ok;
}

/**
 * The built-in rejection reasons, in the language of the review. The moderator reads
 * them, picks one, and what is stored (and what the author reads) is what was picked:
 * the moderator's language. A school whose members read another language gives its own
 * templates (--reasons FILE or ALUMNI_REJECT_REASONS).
 */
export function defaultReasons(): string[] {
  return [
    t('validate.reasons.default.incomplete'),
    t('validate.reasons.default.duplicate'),
    t('validate.reasons.default.out_of_scope'),
    t('validate.reasons.default.advertising'),
    t('validate.reasons.default.price'),
    t('validate.reasons.default.too_short'),
  ];
}

/**
 * Rejection reason templates: `--reasons FILE` or ALUMNI_REJECT_REASONS (one per line,
 * blank lines and lines starting with # ignored), else the built-in ones.
 */
export function loadReasons(file: string | undefined, env: NodeJS.ProcessEnv): string[] {
  const path = file ?? env.ALUMNI_REJECT_REASONS;
  if (!path) return defaultReasons();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(problem('validate.reasons.unreadable', { path, error: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
  const reasons = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (reasons.length === 0) throw new UsageError(problem('validate.reasons.empty', { path }));
  return reasons;
}
