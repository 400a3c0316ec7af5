import { describe, expect, it } from 'vitest';
import { enumFlag, yesNoFlag } from '../../src/services/flags.js';
import { parseOutcome, parseQueue } from '../../src/services/moderation.js';
import { matchEnum, parseYesNo, ROLES, STATUTS } from '../../src/values.js';

describe('fixed values', () => {
  it('match without regard to case, accents, or a space, - or _ between words', () => {
    for (const text of ['etudiant', 'Etudiant', 'ÉTUDIANT', ' étudiant ']) expect(matchEnum(text, STATUTS), text).toBe('etudiant');
    for (const text of ['personnel_admin', 'Personnel Admin', 'personnel-admin', 'PERSONNEL  ADMIN']) expect(matchEnum(text, STATUTS), text).toBe('personnel_admin');
    expect(matchEnum('Admin', ROLES)).toBe('admin');
    expect(matchEnum('Super-Admin', ROLES)).toBe('super_admin');
    for (const text of ['', ' ', 'etud', 'etudiants', 'superadmin', 'admin!']) expect(matchEnum(text, [...STATUTS, ...ROLES]), text).toBeUndefined();
  });

  it('take aliases the same way: queues and outcomes', () => {
    expect(matchEnum('Organisation', ['orgs'], { organisation: 'orgs' })).toBe('orgs');
    expect(parseQueue('ORGS')).toBe('orgs');
    expect(parseQueue('Groupes')).toBe('groups');
    expect(parseQueue('Formation')).toBe('formations');
    expect(parseOutcome('Rejected')).toBe('rejected');
    expect(() => parseQueue('offers')).toThrow('Unknown queue "offers": use one of formations, groups, orgs.');
    expect(() => parseQueue('offers', '--queue')).toThrow('--queue "offers": use one of formations, groups, orgs.');
    expect(() => parseOutcome('pending')).toThrow(expect.objectContaining({ exitCode: 2, message: '--outcome "pending": use one of approved, rejected, withdrawn.' }));
  });

  it('are refused with exit 2, listing the values', () => {
    expect(() => enumFlag('--statut', 'eleve', STATUTS)).toThrow(
      expect.objectContaining({ exitCode: 2, message: '--statut "eleve": use one of etudiant, enseignant, directeur, personnel_admin, personnel_technique.' }),
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
      expect(() => yesNoFlag('--actif', text), text).toThrow(
        expect.objectContaining({ exitCode: 2, message: `--actif ${JSON.stringify(text)}: use oui/non, yes/no, true/false or 1/0.` }),
      );
    }
  });
});
