import { describe, expect, it } from 'vitest';
import { enumValue, yesNoValue } from '../../src/cli/options.js';
import { OUTCOMES, QUEUE_ALIASES, QUEUES } from '../../src/services/moderation/names.js';
import { ROLES_UTILISATEUR as ROLES, STATUTS_UTILISATEUR as STATUTS } from '../../src/enums.js';
import { CellError, employment, matchEnum, parseYesNo, year as graduationYear } from '../../src/values.js';

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
