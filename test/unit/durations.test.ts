import { describe, expect, it } from 'vitest';
import { durationRefusal, parseDuration, pointAhead, pointInTime, pointInTimeRefusal, toInterval } from '../../src/durations.js';
import { intervalValue, pointInTimeValue } from '../../src/cli/options.js';
import { renderIn, type MessageKey } from '../../src/i18n/messages.js';

const text = (p: { code: MessageKey; values?: unknown }, language: 'en' | 'fr' = 'en') => renderIn(language, p.code, p.values);

const REFUSED = [
  '30m',
  '3s',
  '7',
  '-1d',
  '1.5d',
  '',
  ' ',
  '0d',
  'd',
  '7 dd',
  '1001y',
  '12001mo',
  '2 fortnights',
  "1 day'; drop table audit_log; --",
];

describe('durations', () => {
  it('reads every unit, short or in words, singular or plural, with or without a space, in any case', () => {
    const cases: Array<[string, number, string]> = [
      ['90min', 90, 'minutes'],
      ['1 minute', 1, 'minutes'],
      ['45 minutes', 45, 'minutes'],
      ['12h', 12, 'hours'],
      ['1 hour', 1, 'hours'],
      ['36 hours', 36, 'hours'],
      ['7d', 7, 'days'],
      ['1 day', 1, 'days'],
      ['365 days', 365, 'days'],
      ['7D', 7, 'days'],
      ['2w', 2, 'weeks'],
      ['1 week', 1, 'weeks'],
      ['52weeks', 52, 'weeks'],
      ['6mo', 6, 'months'],
      ['1 month', 1, 'months'],
      ['18 Months', 18, 'months'],
      ['1y', 1, 'years'],
      ['1 year', 1, 'years'],
      [' 2 years ', 2, 'years'],
      ['1000y', 1000, 'years'],
    ];
    for (const [text, amount, unit] of cases) expect(parseDuration(text), text).toEqual({ amount, unit });
  });

  it('refuses a bare m, other units, missing units, signs, fractions, zero, nothing, and more than 1000 years', () => {
    for (const text of REFUSED) {
      expect(parseDuration(text), text).toBeUndefined();
      expect(pointInTime(text), text).toBeUndefined();
      expect(pointAhead(text), text).toBeUndefined();
      expect(() => intervalValue('--older-than', text), text).toThrow(expect.objectContaining({ exitCode: 2 }));
      expect(() => pointInTimeValue('--since', text), text).toThrow(expect.objectContaining({ exitCode: 2 }));
    }
  });

  it('gives PostgreSQL intervals, which retention and pg_cron store', () => {
    expect(toInterval(parseDuration('90min')!)).toBe('90 minutes');
    expect(toInterval(parseDuration('6mo')!)).toBe('6 months');
    expect(intervalValue('--older-than', '6mo')).toBe('6 months');
    expect(intervalValue('--older-than', '365 days')).toBe('365 days');
    expect(intervalValue('--older-than', '1y')).toBe('1 years');
    expect(() => intervalValue('--older-than', '12m')).toThrow(/"m" is ambiguous: write min or mo/);
  });

  it('counts back (or forward, for --within) from now, months as calendar months', () => {
    const now = new Date(2026, 2, 31, 10, 30);
    expect(pointInTime('90min', now)).toEqual(new Date(2026, 2, 31, 9, 0));
    expect(pointInTime('12h', now)).toEqual(new Date(2026, 2, 30, 22, 30));
    expect(pointInTime('7d', now)).toEqual(new Date(2026, 2, 24, 10, 30));
    expect(pointInTime('2w', now)).toEqual(new Date(2026, 2, 17, 10, 30));
    expect(pointInTime('1mo', now)).toEqual(new Date(2026, 1, 28, 10, 30));
    expect(pointInTime('6mo', now)).toEqual(new Date(2025, 8, 30, 10, 30));
    expect(pointInTime('1y', new Date(2028, 1, 29))).toEqual(new Date(2027, 1, 28));
    expect(pointAhead('2w', now)).toEqual(new Date(2026, 3, 14, 10, 30));
    expect(pointAhead('1mo', new Date(2026, 0, 31))).toEqual(new Date(2026, 1, 28));
    expect(pointAhead('2026-01-31', now)).toBeUndefined();
  });

  it('reads ISO dates (local midnight) and date-times, local without an offset', () => {
    expect(pointInTime('2026-01-31')).toEqual(new Date(2026, 0, 31));
    expect(pointInTime('2026-01-31T08:00')).toEqual(new Date(2026, 0, 31, 8, 0));
    expect(pointInTime('2026-01-31 08:00:15.5')).toEqual(new Date(2026, 0, 31, 8, 0, 15, 500));
    expect(pointInTime('2026-01-31T08:00:00Z')).toEqual(new Date(Date.UTC(2026, 0, 31, 8)));
    expect(pointInTime('2026-01-31T08:00:00.123456Z')).toEqual(new Date(Date.UTC(2026, 0, 31, 8, 0, 0, 123)));
    expect(pointInTime('2026-01-31T08:00+01:00')).toEqual(new Date(Date.UTC(2026, 0, 31, 7)));
    expect(pointInTime('2026-01-31T08:00-0530')).toEqual(new Date(Date.UTC(2026, 0, 31, 13, 30)));
    for (const text of [
      '2026-02-30',
      '2026-13-01',
      '2026-1-31',
      '31/01/2026',
      'March 7, 2026',
      '2026',
      'yesterday',
      '2026-01-31T25:00',
      '0099-01-01',
    ]) {
      expect(pointInTime(text), text).toBeUndefined();
    }
  });

  it('reads offsets up to 14 hours either way, and refuses impossible offsets, days and times with exit 2', () => {
    expect(pointInTime('2026-01-31T08:00+14:00')).toEqual(new Date(Date.UTC(2026, 0, 30, 18)));
    expect(pointInTime('2026-01-31T08:00-12:00')).toEqual(new Date(Date.UTC(2026, 0, 31, 20)));
    expect(pointInTime('2026-01-31T08:00+05:45')).toEqual(new Date(Date.UTC(2026, 0, 31, 2, 15)));
    expect(pointInTime('2026-01-31T08:00-14')).toEqual(new Date(Date.UTC(2026, 0, 31, 22)));
    const offsets = [
      '2026-01-31T08:00+99:00',
      '2026-01-31T08:00+14:01',
      '2026-01-31T08:00-1500',
      '2026-01-31T08:00+15',
      '2026-01-31T08:00+01:60',
    ];
    for (const text of offsets) {
      expect(pointInTime(text), text).toBeUndefined();
      expect(() => pointInTimeValue('--since', text), text).toThrow(
        expect.objectContaining({ exitCode: 2, message: expect.stringMatching(/an offset is at most 14 hours either way/) }),
      );
    }
    for (const text of [
      '2026-02-30',
      '2026-02-29T08:00Z',
      '2026-01-31T25:00',
      '2026-01-31T24:00',
      '2026-01-31T08:60',
      '2026-01-31T08:00:60+01:00',
    ]) {
      expect(() => pointInTimeValue('--until', text), text).toThrow(
        expect.objectContaining({ exitCode: 2, message: expect.stringMatching(/^--until ".*": give a date .*; no such date or time/) }),
      );
    }
  });

  it('refuses in one sentence naming the accepted forms', () => {
    expect(text(durationRefusal('--older-than', '3s'))).toBe(
      '--older-than "3s": give a duration, a whole number and min, h, d, w, mo or y (90min, 12h, 7d, 2w, 6mo, 1y).',
    );
    expect(text(durationRefusal('--older-than', '2000y'))).toMatch(/; at most 1000 years\.$/);
    expect(text(pointInTimeRefusal('--since', '30m'))).toBe(
      '--since "30m": give a date (2026-01-31, 2026-01-31T08:00, 2026-01-31T08:00+01:00) or a duration back from now, a whole number and min, h, d, w, mo or y (90min, 12h, 7d, 2w, 6mo, 1y); "m" is ambiguous: write min or mo.',
    );
  });

  it('says it in French too, the value between « »', () => {
    expect(text(durationRefusal('--older-than', '12m'), 'fr')).toBe(
      '--older-than « 12m » : indiquez une durée, un nombre entier suivi de min, h, d, w, mo ou y (90min, 12h, 7d, 2w, 6mo, 1y) ; « m » est ambigu : écrivez min (minutes) ou mo (mois).',
    );
    expect(text(durationRefusal('--older-than', '2000y'), 'fr')).toMatch(/ ; 1\u202f000 ans au plus\.$/);
  });
});
