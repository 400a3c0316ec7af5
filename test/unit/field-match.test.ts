import { describe, expect, it } from 'vitest';
import { abbreviates, likelyFields, oneEditApart } from '../../src/import/roster/field-match.js';

const FIELDS = ['Génie informatique', 'Génie civil', 'Télécommunications', 'Gestion', 'Géologie'];

describe('the field a roster probably meant (did you mean)', () => {
  it.each([
    ['Génie Info', ['Génie informatique']],
    ['GENIE-INFO.', ['Génie informatique']],
    ['Télécoms', ['Télécommunications']],
    ['Telecom', ['Télécommunications']],
    ['Génie Civ', ['Génie civil']],
    ['Genie informatiqe', ['Génie informatique']],
    ['Gestoin', ['Gestion']],
    ['Géologi', ['Géologie']],
  ])('%s → %j', (written, expected) => {
    expect(likelyFields(written, FIELDS)).toEqual(expected);
  });

  it.each([['Génie'], ['Info'], ['Gé Info'], ['Géographie'], ['Génie informatique appliquée'], ['Ge'], ['Ge civil']])(
    'suggests nothing for %s',
    (written) => {
      expect(likelyFields(written, FIELDS)).toEqual([]);
    },
  );

  it('names every field one edit away, sorted', () => {
    expect(likelyFields('Gestio', ['Gestion', 'Gestia'])).toEqual(['Gestia', 'Gestion']);
  });

  it('abbreviation: each word begins the field word in its place, three letters at least, a plural s dropped', () => {
    expect(abbreviates('Génie Info', 'Génie informatique')).toBe(true);
    expect(abbreviates('Info Génie', 'Génie informatique')).toBe(false);
    expect(abbreviates('Génie informatique', 'Génie informatique')).toBe(false);
    expect(abbreviates('Gé Info', 'Génie informatique')).toBe(false);
  });

  it('one edit: added, removed, replaced, or two neighbours swapped', () => {
    expect(oneEditApart('gestion', 'gestoin')).toBe(true);
    expect(oneEditApart('gestion', 'gestions')).toBe(true);
    expect(oneEditApart('gestion', 'gestin')).toBe(true);
    expect(oneEditApart('gestion', 'gastion')).toBe(true);
    expect(oneEditApart('gestion', 'gastian')).toBe(false);
    expect(oneEditApart('gestion', 'gestion')).toBe(false);
  });
});
