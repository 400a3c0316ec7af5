import type { DecisionView } from '../services/moderation/index.js';

/** How moderation decisions and waiting times read, in validate, offers show and groups show. */

/** "3d", "5h", "12m": how long something has waited. */
export function age(since: Date, now: Date = new Date()): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  if (minutes < 60) return `${minutes}m`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)}h`;
  return `${Math.floor(minutes / 1440)}d`;
}

/** "2026-11-24 17:20" (UTC), for cards and history lines. */
export function minute(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

/** One line per decision: what, outcome, who, when, why. */
export function describeDecision(d: DecisionView): string {
  const outcome = d.est_approuve ? 'approved' : 'rejected';
  const withdrawn = d.annulee_le ? ` (withdrawn ${minute(d.annulee_le)} by ${d.annulateur ?? 'a deleted user'})` : '';
  const reason = d.commentaire ? `: ${d.commentaire}` : '';
  return `${minute(d.date_validation)} ${outcome} by ${d.validateur ?? 'a deleted user'}${reason}${withdrawn}`;
}
