import { describe, expect, it } from 'vitest';
import { enumValue, yesNoValue } from '../../src/cli/options.js';
import { OUTCOMES, QUEUE_ALIASES, QUEUES } from '../../src/services/moderation/names.js';
import { ROLES_UTILISATEUR as ROLES, STATUTS_UTILISATEUR as STATUTS } from '../../src/enums.js';
import { CellError, email, employment, matchEnum, parseYesNo, year as graduationYear } from '../../src/values.js';

/** A CellError with this message (its problem, code and values, aside). */
const refusal = (message: string) => expect.objectContaining({ message }) as unknown as Error;

describe('fixed values', () => {
  it('match without regard to case, accents, or a space, - or _ between words', () => {
    for (const text of ['etudiant', 'Etudiant', 'ÉTUDIANT', ' étudiant ']) expect(matchEnum(text, STATUTS), text).toBe('etudiant');
    for (const text of ['personnel_admin', 'Personnel Admin', 'personnel-admin', 'PERSONNEL  ADMIN'])
      expect(matchEnum(text, STATUTS), text).toBe('personnel_admin');
    expect(matchEnum('Admin', ROLES)).toBe('admin');
    expect(matchEnum('Super-Admin', ROLES)).toBe('super_admin');
    for (const text of ['', ' ', 'etud', 'etudiants', 'superadmin', 'admin!'])
      expect(matchEnum(text, [...STATUTS, ...ROLES]), text).toBeUndefined();
  });

  it('take aliases the same way: queues and outcomes', () => {
    expect(matchEnum('Organisation', ['orgs'], { organisation: 'orgs' })).toBe('orgs');
    const queue = (text: string, flag = 'Unknown queue') => enumValue(flag, text, QUEUES, QUEUE_ALIASES);
    expect(queue('ORGS')).toBe('orgs');
    expect(queue('Groupes')).toBe('groups');
    expect(queue('Formation')).toBe('formations');
    expect(enumValue('--outcome', 'Rejected', OUTCOMES)).toBe('rejected');
    expect(() => queue('offers')).toThrow('Unknown queue "offers": use one of formations, groups, orgs.');
    expect(() => queue('offers', '--queue')).toThrow('--queue "offers": use one of formations, groups, orgs.');
    expect(() => enumValue('--outcome', 'pending', OUTCOMES)).toThrow(
      expect.objectContaining({ exitCode: 2, message: '--outcome "pending": use one of approved, rejected, withdrawn.' }),
    );
  });

  it('are refused with exit 2, listing the values', () => {
    expect(() => enumValue('--statut', 'eleve', STATUTS)).toThrow(
      expect.objectContaining({
        exitCode: 2,
        message: '--statut "eleve": use one of etudiant, enseignant, directeur, personnel_admin, personnel_technique.',
      }),
    );
  });
});

describe('yes/no values', () => {
  it('are oui/non, yes/no, true/false and 1/0, in any case, accents or not', () => {
    for (const text of ['oui', 'OUI', 'Oui', 'ouï', 'yes', 'YES', 'true', 'True', '1', ' 1 ']) expect(parseYesNo(text), text).toBe(true);
    for (const text of ['non', 'NON', 'nön', 'no', 'No', 'false', 'FALSE', '0']) expect(parseYesNo(text), text).toBe(false);
  });

  it('refuse every other word with exit 2, listing the vocabulary', () => {
    for (const text of ['peut-être', '', 'o', 'n', 'y', 'x', 'vrai', 'faux', '-1', '2', 'oui!', 'yes please']) {
      expect(parseYesNo(text), text).toBeUndefined();
      expect(() => yesNoValue('--actif', text), text).toThrow(
        expect.objectContaining({ exitCode: 2, message: `--actif ${JSON.stringify(text)}: use oui/non, yes/no, true/false or 1/0.` }),
      );
    }
  });
});

describe('e-mail addresses (RFC 5322 dot-atom, RFC 6531, IDNA)', () => {
  it('accept an internationalised domain, stored in its ASCII form: both spellings are one address', () => {
    expect(email('fatou@école.sn')).toBe('fatou@xn--cole-9oa.sn');
    expect(email('Fatou@XN--cole-9oa.SN')).toBe('fatou@xn--cole-9oa.sn');
    expect(email(' Fatou@ÉCOLE.SN ')).toBe('fatou@xn--cole-9oa.sn');
    expect(email('fatou@e\u0301cole.sn')).toBe('fatou@xn--cole-9oa.sn');
  });

  it('accept the characters a dot-atom allows, and a non-ASCII local part (RFC 6531), stored NFC and lower-cased', () => {
    for (const address of ["o'brien+promo2019@gmail.com", 'a.b-c_d@ecole.sn', 'x!#$%&*/=?^`{|}~@ecole.sn'])
      expect(email(address), address).toBe(address);
    expect(email('Adèle.Diop@Ecole.SN')).toBe('adèle.diop@ecole.sn');
    expect(email('ade\u0300le@ecole.sn')).toBe('adèle@ecole.sn');
  });

  it.each([
    ['issa.@gmail.com', 'a dot cannot start or end the part before the @'],
    ['.issa@gmail.com', 'a dot cannot start or end the part before the @'],
    ['issa..diallo@gmail.com', 'two dots in a row'],
    ['paul.at.example', 'it has no @'],
    ['issa@@gmail.com', 'it has more than one @'],
    ['@gmail.com', 'nothing before the @'],
    ['issa@', 'nothing after the @'],
    ['issa diallo@gmail.com', 'it holds a space, which cannot be written before the @'],
    ['issa\u00a0diallo@gmail.com', 'it holds a space, which cannot be written before the @'],
    ['issa\u200b@gmail.com', 'it holds U+200B, which cannot be written before the @'],
    ['"issa"@gmail.com', 'it holds ", which cannot be written before the @'],
    ['Issa <issa@gmail.com>', 'it holds a space, which cannot be written before the @'],
    ['issa@gmail', '"gmail" is not a domain name'],
    ['issa@gmail..com', '"gmail..com" is not a domain name'],
    ['issa@-gmail.com', '"-gmail.com" is not a domain name'],
    ['issa@gmail.com.', '"gmail.com." is not a domain name'],
    ['issa@exa_mple.com', '"exa_mple.com" is not a domain name'],
    ['issa@192.168.1.1', '"192.168.1.1" is not a domain name'],
  ])('refuse %s (%s)', (address, why) => {
    expect(() => email(address)).toThrow(refusal(`e-mail "${address}" is not a valid address (${why})`));
  });

  it('refuse a local part over 64 bytes and an address over 254 characters', () => {
    expect(() => email(`${'é'.repeat(33)}@ecole.sn`)).toThrow(/more than 64 bytes before the @/);
    expect(() => email(`issa@${['a', 'b', 'c', 'd'].map((letter) => letter.repeat(63)).join('.')}.sn`)).toThrow(
      /longer than 254 characters/,
    );
  });
});

describe('roster cells registrars write', () => {
  it('read a graduation year as a year, a class (Promo 2019) or the school year it ends', () => {
    for (const [cell, year] of [
      ['2019', 2019],
      ['Promo 2019', 2019],
      ['PROMOTION 2019', 2019],
      ['promo.2019', 2019],
      ['2018-2019', 2019],
      ['2018 / 2019', 2019],
      ['2018\u20132019', 2019],
      ['2018-19', 2019],
      ['1999-00', 2000],
      ['Promo 2018-2019', 2019],
    ] as const)
      expect([cell, graduationYear(cell)]).toEqual([cell, year]);
    for (const cell of ['2018-2020', '2019-2018', '2018-20', '19', 'Promo', 'deux mille'])
      expect(() => graduationYear(cell)).toThrow(CellError);
  });

  it('read employment as yes/no or a situation: working, searching, or neither (null)', () => {
    for (const [cell, stored] of [
      ['À SON COMPTE', true],
      ['a son compte', true],
      ['Salariée', true],
      ['chomeur', false],
      ['En recherche d\u2019emploi', false],
      ['En poursuite d\u2019études', null],
      ['ETUDIANTE', null],
      ['x', true],
      ['', null],
    ] as const)
      expect([cell, employment(cell)]).toEqual([cell, stored]);
    expect(() => employment('Peut-être')).toThrow(CellError);
  });
});
