import { describe, expect, it } from 'vitest';
import { runMain } from '../support/main.js';

/** The flags every CSV import takes, checked as they are parsed: no database is opened. */
describe.each([['users'], ['orgs']])('%s import flags', (noun) => {
  it.each([
    ['--encoding', '', /^error: --encoding "" is not supported; use utf-8 or windows-1252 \(latin1\)\.\n/],
    ['--encoding', 'utf-16', /^error: --encoding "utf-16" is not supported; use utf-8 or windows-1252 \(latin1\)\.\n/],
    ['--delimiter', '', /^error: --delimiter "": use , ; or tab\.\n/],
    ['--delimiter', '|', /^error: --delimiter "\|": use , ; or tab\.\n/],
  ])('refuses %s %j with exit 2, naming the accepted values', async (flag, value, message) => {
    const result = await runMain([noun, 'import', 'roster.csv', flag, value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('cuts a long refused value in its message', async () => {
    const result = await runMain([noun, 'import', 'roster.csv', '--delimiter', 'x'.repeat(5000)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: --delimiter "${'x'.repeat(60)}… (4,940 more characters)": use , ; or tab.\n`);
  });
});
