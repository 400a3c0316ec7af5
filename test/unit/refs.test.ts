import { describe, expect, it } from 'vitest';
import { normaliseIds } from '../../src/services/refs.js';

describe('normaliseIds', () => {
  it('keeps each id once in the order given, lower-cased; the rest trimmed, to be named as not found', () => {
    const id = '0b9c6a1e-2f4d-4c8a-9e3b-5d7f1a2c4e6b';
    expect(normaliseIds([` ${id.toUpperCase()} `, 'pas-un-id ', id, ' pas-un-id'])).toEqual({
      ids: [id, 'pas-un-id'],
      wellFormed: [id],
    });
    expect(normaliseIds([])).toEqual({ ids: [], wellFormed: [] });
  });
});
