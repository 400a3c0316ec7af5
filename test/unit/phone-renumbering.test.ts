import { describe, expect, it } from 'vitest';
import { RENUMBERINGS } from '../../src/phone-renumbering.js';
import { phone } from '../../src/phone.js';
import { CellError } from '../../src/values.js';

describe('phone numbers written before a national renumbering', () => {
  it('keeps each renumbering with its source and date', () => {
    expect(RENUMBERINGS.map((r) => [r.country, r.callingCode, r.effective])).toEqual([
      ['BJ', '229', '2024-11-30'],
      ['CI', '225', '2021-01-31'],
    ]);
    for (const r of RENUMBERINGS) expect(r.source).not.toBe('');
  });

  describe('Benin, 30 November 2024: 01 before every old 8-digit number', () => {
    it.each([
      ['97 12 34 56', 'BJ', '+2290197123456'], // mobile (MTN)
      ['66 12 34 56', 'BJ', '+2290166123456'], // mobile (Moov)
      ['51.23.45.67', 'BJ', '+2290151234567'], // mobile, dots
      ['96-11-22-33', 'BJ', '+2290196112233'], // mobile, dashes
      ['21 30 12 34', 'BJ', '+2290121301234'], // fixed (Cotonou)
      ['+229 97 12 34 56', undefined, '+2290197123456'],
      ['00229 97 12 34 56', undefined, '+2290197123456'],
      ['(+229) 97 12 34 56', undefined, '+2290197123456'],
      ['+22997123456', 'SN', '+2290197123456'], // the country code wins over --country
      ['01 97 12 34 56', 'BJ', '+2290197123456'], // already today's form
      ['+229 01 97 12 34 56', undefined, '+2290197123456'],
    ])('%s (--country %s) → %s', (written, country, stored) => {
      expect(phone(written, country as 'BJ' | undefined)).toBe(stored);
    });
  });

  describe("Côte d'Ivoire, 31 January 2021: the operator's prefix before every old 8-digit number", () => {
    it.each([
      ['07 12 34 56', '+2250707123456', 'Orange mobile (second digit 7)'],
      ['48 12 34 56', '+2250748123456', 'Orange mobile (second digit 8)'],
      ['09 87 65 43', '+2250709876543', 'Orange mobile (second digit 9)'],
      ['05 12 34 56', '+2250505123456', 'MTN mobile (second digit 5)'],
      ['44 12 34 56', '+2250544123456', 'MTN mobile (second digit 4)'],
      ['66 12 34 56', '+2250566123456', 'MTN mobile (second digit 6)'],
      ['01 23 45 67', '+2250101234567', 'Moov mobile (second digit 1)'],
      ['40 12 34 56', '+2250140123456', 'Moov mobile (second digit 0)'],
      ['53 12 34 56', '+2250153123456', 'Moov mobile (second digit 3)'],
      ['20 21 23 45', '+2252720212345', 'Orange fixed, Abidjan Plateau'],
      ['22 44 55 66', '+2252722445566', 'Orange fixed, Cocody'],
      ['31 63 12 34', '+2252731631234', 'Orange fixed, Bouaké'],
      ['07 07 12 34 56', '+2250707123456', "already today's form"],
      ['27 20 21 23 45', '+2252720212345', "already today's form, fixed"],
    ])('%s → %s (%s)', (written, stored) => {
      expect(phone(written, 'CI')).toBe(stored);
      expect(phone(`+225 ${written}`, undefined)).toBe(stored);
    });

    it('rejects an old fixed number whose operator the number cannot tell, saying what to write', () => {
      expect(() => phone('20 01 23 45', 'CI')).toThrow(/8-digit Ivorian fixed number from before 31 January 2021 .*10-digit form/);
    });
  });

  it.each([
    ['9712345', 'BJ', 'too short'],
    ['971234567', 'BJ', 'nine digits'],
    ['81 23 45 67', 'BJ', 'no such old prefix'],
    ['12 34 56 78', 'CI', 'no such old prefix'],
    ['+229 97 12', undefined, 'too short'],
  ])('still rejects %s (%s: %s) with its reason', (written, country, _why) => {
    expect(() => phone(written, country as 'BJ' | undefined)).toThrow(CellError);
    expect(() => phone(written, country as 'BJ' | undefined)).toThrow(/is not a valid number/);
  });

  it('refuses a default country phone numbers cannot be read for (exit 2), rather than rejecting every national number', () => {
    expect(() => phone('77 123 45 67', 'ZZ' as 'SN')).toThrow(
      expect.objectContaining({ exitCode: 2, message: expect.stringMatching(/Country code "ZZ"/) }),
    );
  });

  it("leaves other countries to today's plan", () => {
    expect(phone('77 123 45 67', 'SN')).toBe('+221771234567');
    expect(() => phone('97 12 34 56', 'SN')).toThrow(/not a valid number for SN/);
  });
});
