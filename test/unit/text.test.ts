import { describe, expect, it } from 'vitest';
import { quoted, shortened, shortList } from '../../src/text.js';

describe('values quoted in messages', () => {
  it('keeps a value of 60 characters or fewer whole', () => {
    expect(shortened('x'.repeat(60))).toBe('x'.repeat(60));
    expect(quoted('Awa')).toBe('"Awa"');
  });

  it('cuts a longer one after 60 characters and says how many more there were, in the same digits whatever the locale', () => {
    expect(shortened('A'.repeat(500_000))).toBe(`${'A'.repeat(60)}… (499,940 more characters)`);
  });

  it('never cuts a character outside the BMP in two', () => {
    const text = `${'x'.repeat(59)}😀${'y'.repeat(10)}`;
    expect(shortened(text)).toBe(`${'x'.repeat(59)}… (12 more characters)`);
  });

  it('lists ten items at most, each shortened, then how many more', () => {
    expect(shortList(['a', 'b'])).toBe('a, b');
    const items = Array.from({ length: 2_490 }, (_, i) => `c${i}`);
    expect(shortList(items)).toBe('c0, c1, c2, c3, c4, c5, c6, c7, c8, c9 and 2,480 more');
  });
});
