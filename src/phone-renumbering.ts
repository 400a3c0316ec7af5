/**
 * National renumberings: numbers written before a country changed its numbering plan
 * are valid under that old plan, and are migrated to today's form instead of being
 * rejected. libphonenumber's metadata only knows today's plan, so the old plans live
 * here, one entry per renumbering, each with its source and date.
 *
 * A rule gives the prefix put before an old national number. Where the old number alone
 * cannot tell which prefix it gets (an Ivorian fixed line of MTN or Moov), the rule says
 * so and the number is rejected with that reason rather than stored wrong.
 */
export interface Renumbering {
  /** ISO 3166 country code and its calling code. */
  country: string;
  callingCode: string;
  /** The day the new plan took effect (YYYY-MM-DD). */
  effective: string;
  source: string;
  /** Length of a national number under the old plan. */
  oldLength: number;
  rules: Array<{ pattern: RegExp; prefix: string; what: string }>;
  /** Said when an old-length number matches no rule, if that is not simply "invalid": the message's code. */
  unresolved?: { pattern: RegExp; reason: UnresolvedReason };
}

export const RENUMBERINGS: Renumbering[] = [
  {
    country: 'BJ',
    callingCode: '229',
    effective: '2024-11-30',
    source: 'ARCEP Bénin: every number moves from 8 to 10 digits by a leading 01',
    oldLength: 8,
    rules: [{ pattern: /^\d{8}$/, prefix: '01', what: 'every mobile and fixed number' }],
  },
  {
    country: 'CI',
    callingCode: '225',
    effective: '2021-01-31',
    source: "ARTCI, plan national de numérotation à 10 chiffres: the old number gets its operator's prefix",
    oldLength: 8,
    rules: [
      // Old mobile numbers began with 0 or 4-9 (2 and 3 were fixed lines); the operator
      // is told by the second digit.
      { pattern: /^[04-9][0-3]\d{6}$/, prefix: '01', what: 'Moov mobile' },
      { pattern: /^[04-9][4-6]\d{6}$/, prefix: '05', what: 'MTN mobile' },
      { pattern: /^[04-9][7-9]\d{6}$/, prefix: '07', what: 'Orange mobile' },
      // Orange's (ex-CI Télécom) fixed blocks, as today's plan lists them behind 27.
      { pattern: /^(?:20[23]|21[2357]|22[245]|23[45]|24[3-5]|306|31[69]|3[2-6]7)\d{5}$/, prefix: '27', what: 'Orange fixed line' },
    ],
    unresolved: {
      pattern: /^[23]\d{7}$/,
      reason: 'import.phone.ci_old_fixed_line',
    },
  },
];

const BY_CALLING_CODE = new Map(RENUMBERINGS.map((r) => [r.callingCode, r]));

/** The messages (catalog keys, with the number as `value`) saying why a renumbering cannot tell. */
export type UnresolvedReason = 'import.phone.ci_old_fixed_line';

export type Migration = { number: string; renumbering: Renumbering } | { unresolved: UnresolvedReason } | undefined;

/**
 * Today's national number for `national` (digits, under country code `callingCode`),
 * when it has the length of a renumbered country's old plan and a rule covers it.
 */
export function migrateNationalNumber(callingCode: string, national: string): Migration {
  const renumbering = BY_CALLING_CODE.get(callingCode);
  if (!renumbering || national.length !== renumbering.oldLength) return undefined;
  const rule = renumbering.rules.find((r) => r.pattern.test(national));
  if (rule) return { number: rule.prefix + national, renumbering };
  if (renumbering.unresolved?.pattern.test(national)) return { unresolved: renumbering.unresolved.reason };
  return undefined;
}
