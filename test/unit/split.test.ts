import { describe, expect, it } from 'vitest';
import { MAX_RECORD_LINES, RecordSplitter, type SplitRecord } from '../../src/import/split.js';

const whole = (text: string): SplitRecord[] => [...new RecordSplitter(';').split(text, true)];

/** The same text given one character at a time, as chunks of a stream may cut it anywhere. */
const byCharacter = (text: string): SplitRecord[] => {
  const splitter = new RecordSplitter(';');
  return [...[...text].flatMap((char) => [...splitter.split(char)]), ...splitter.split('', true)];
};

describe('splitting CSV text into records', () => {
  const text = 'a;b\r\n"x\r\ny";"q""q"\n\r"open;1\rlast;"2"\r\n"z" ;3\n';

  it('gives the same records whatever the chunks, with the line each starts on', () => {
    const expected = [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\r\ny', 'q"q'] },
      { line: 4, cells: [''] },
      { line: 5, cells: ['"open;1'], raw: '"open;1', broken: 'text_after_quote' },
      { line: 6, cells: ['last', '2'] },
      { line: 7, cells: ['"z" ;3'], raw: '"z" ;3', broken: 'text_after_quote' },
    ];
    expect(whole(text)).toEqual(expected);
    expect(byCharacter(text)).toEqual(expected);
  });

  it(`lets a quoted cell span ${MAX_RECORD_LINES} lines, not more`, () => {
    const cell = (lines: number) => `"${Array.from({ length: lines }, (_, i) => `l${i}`).join('\n')}";end\nnext;row\n`;
    expect(whole(cell(MAX_RECORD_LINES)).map((record) => record.line)).toEqual([1, MAX_RECORD_LINES + 1]);
    const broken = whole(cell(MAX_RECORD_LINES + 1));
    expect(broken[0]).toMatchObject({
      line: 1,
      raw: '"l0',
      broken: 'unclosed_quote',
    });
    expect(broken[1]).toMatchObject({ line: 2, cells: ['l1'] });
    expect(broken.at(-1)).toMatchObject({ line: MAX_RECORD_LINES + 2, cells: ['next', 'row'] });
  });

  it('takes a quote still open at the end of the text as its line alone', () => {
    expect(byCharacter('"a;b\nc;d')).toEqual([
      { line: 1, cells: ['"a;b'], raw: '"a;b', broken: 'unclosed_at_end' },
      { line: 2, cells: ['c', 'd'] },
    ]);
  });
});
