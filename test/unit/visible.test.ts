import { describe, expect, it } from 'vitest';
import { visible, visibleLines } from '../../src/cli/visible.js';

/** Any character a terminal would act on or reorder text by, rather than show. */
// eslint-disable-next-line no-control-regex -- matching controls is the point
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/**
 * From the Big List of Naughty Strings (minimaxir/big-list-of-naughty-strings): its
 * "Terminal escape codes", the bidirectional overrides of "Trick Unicode" and "Right-To-
 * Left Strings", and control characters of "Special Unicode Characters Union"; plus the
 * window title and C1 forms of issue 24.
 */
const NAUGHTY: Array<[string, string]> = [
  [
    'Roses are \u001b[0;31mred\u001b[0m, violets are \u001b[0;34mblue. Hope you enjoy terminal hue',
    'Roses are \\x1b[0;31mred\\x1b[0m, violets are \\x1b[0;34mblue. Hope you enjoy terminal hue',
  ],
  ['But now...\u001b[20Cfor my greatest trick...\u001b[8m', 'But now...\\x1b[20Cfor my greatest trick...\\x1b[8m'],
  [
    'The quic\b\b\b\b\b\bk brown fo\u0007\u0007\u0007x... [Beep]',
    'The quic\\x08\\x08\\x08\\x08\\x08\\x08k brown fo\\x07\\x07\\x07x... [Beep]',
  ],
  ['\u001b]0;pwned\u0007', '\\x1b]0;pwned\\x07'],
  ['\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\', '\\x1b]8;;https://evil.example\\x1b\\click\\x1b]8;;\\x1b\\'],
  ['\u009b31mC1 CSI\u009d0;title\u009c', '\\x9b31mC1 CSI\\x9d0;title\\x9c'],
  ['\u202a\u202atest\u202a', '\\u202a\\u202atest\\u202a'],
  ['\u202btest\u202b', '\\u202btest\\u202b'],
  ['\u2066test\u2067', '\\u2066test\\u2067'],
  ['admin\u202egnp.exe', 'admin\\u202egnp.exe'],
  [
    '\u200eleft\u200fright\u061carabic\u2068first\u2069\u202c\u202d',
    '\\u200eleft\\u200fright\\u061carabic\\u2068first\\u2069\\u202c\\u202d',
  ],
  ['\u0000\u0001\u001f\u007f\u0080\u0085\u009f', '\\x00\\x01\\x1f\\x7f\\x80\\x85\\x9f'],
  ['tab\there\rover\nnext', 'tab\\there\\rover\\nnext'],
];

describe('visible', () => {
  it.each(NAUGHTY)('shows %j as escapes, with no raw control left', (text, shown) => {
    expect(visible(text)).toBe(shown);
    expect(visible(text)).not.toMatch(RAW_CONTROL);
  });

  it('leaves printable text as it is: accents, other scripts, emoji, a backslash of the data', () => {
    for (const text of ['Jérôme Kaboré', 'Ндиайе', 'مدرسة', '👩🏾‍🎓 Awa', 'C:\\dossier\\x1b', '« guillemets » ’', '']) {
      expect(visible(text)).toBe(text);
      expect(visibleLines(text)).toBe(text);
    }
  });
});

describe('visibleLines', () => {
  it('keeps line breaks (LF, and CRLF as LF) and escapes every other control, a lone CR and a tab included', () => {
    expect(visibleLines('one\r\ntwo\nthree')).toBe('one\ntwo\nthree');
    expect(visibleLines('a\rb\tc\u001b[2Jd\u202ee')).toBe('a\\rb\\tc\\x1b[2Jd\\u202ee');
  });

  it.each(NAUGHTY)('leaves no raw control but line feeds in %j', (text) => {
    expect(visibleLines(text).replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
  });
});
