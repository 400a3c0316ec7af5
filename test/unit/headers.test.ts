import { describe, expect, it } from 'vitest';
import { normaliseHeader, oneSlipApart, type HeaderSpec } from '../../src/import/headers.js';
import { ORG_HEADERS } from '../../src/import/orgs/headers.js';
import { ROSTER_HEADERS } from '../../src/import/roster/headers.js';

describe('header aliases', () => {
  it.each([
    ['roster', ROSTER_HEADERS],
    ['partner list', ORG_HEADERS],
  ] as Array<[string, HeaderSpec<string>]>)('no header of the %s names two fields once normalised', (_kind, spec) => {
    const fieldOf = new Map<string, string[]>();
    for (const [field, names] of Object.entries(spec.aliases))
      for (const name of [field, ...names])
        fieldOf.set(normaliseHeader(name), [...new Set([...(fieldOf.get(normaliseHeader(name)) ?? []), field])]);
    expect([...fieldOf].filter(([, fields]) => fields.length > 1)).toEqual([]);
  });

  it('counts a letter added, left out, replaced or two swapped as one slip, and nothing more', () => {
    for (const [a, b] of <Array<[string, string]>>[
      ['prenon', 'prenom'],
      ['prenomm', 'prenom'],
      ['preom', 'prenom'],
      ['promotoin', 'promotion'],
    ])
      expect([a, b, oneSlipApart(a, b)]).toEqual([a, b, true]);
    for (const [a, b] of <Array<[string, string]>>[
      ['prenom', 'prenom'],
      ['prneon', 'prenom'],
      ['promotoni', 'promotion'],
      ['abc', 'abcde'],
    ])
      expect([a, b, oneSlipApart(a, b)]).toEqual([a, b, false]);
  });
});
