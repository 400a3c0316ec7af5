import type { DecisionView } from '../services/moderation/index.js';
import { currentLanguage, formats, renderIn, t } from '../i18n/messages.js';
import type { Language } from '../i18n/language.js';

/** How moderation decisions and waiting times read, in validate, offers show and groups show. */

/**
 * How long something has waited: "12m", "5h", "3d" (French "12 min", "5 h", "3 j").
 * `language` is the run's unless given: CSV cells are written in English whatever the
 * language, since machine output does not change with it.
 */
export function age(since: Date, now: Date = new Date(), language: Language = currentLanguage()): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  if (minutes < 60) return renderIn(language, 'validate.age.minutes', { n: minutes });
  if (minutes < 48 * 60) return renderIn(language, 'validate.age.hours', { n: Math.floor(minutes / 60) });
  return renderIn(language, 'validate.age.days', { n: Math.floor(minutes / 1440) });
}

/** A moment to the minute, in the local time zone and the run's language: "7 déc. 2026 à 14:22". */
export function minute(date: Date): string {
  return formats().dateTime(date);
}

/** One line per decision: when, outcome, who, why, and its withdrawal. */
export function describeDecision(d: DecisionView): string {
  return t('validate.decision.line', {
    at: minute(d.date_validation),
    approved: d.est_approuve,
    by: d.validateur,
    comment: d.commentaire,
    withdrawnAt: d.annulee_le ? minute(d.annulee_le) : null,
    withdrawnBy: d.annulateur,
  });
}
