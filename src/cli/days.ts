import { formats } from '../i18n/messages.js';

/** A calendar day (YYYY-MM-DD) as a person reads it: `7 déc. 2026`; null stays null. */
export function humanDay(text: string | null | undefined): string | null {
  if (!text) return null;
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  return formats().date(new Date(year, month - 1, day));
}
