import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { formatsFor } from '../../src/i18n/format.js';
import { ROOT } from '../support/cli.js';

const NNBSP = '\u202f'; // narrow no-break space: French thousands, and before %
const NBSP = '\u00a0';
/** Any of the no-break spaces French puts in numbers, shown as `␣` for the assertion. */
const spaces = (text: string) => text.replace(/[\u202f\u00a0]/g, '␣');

/** Numbers, money, dates and plurals as each language writes them (src/i18n/format.ts). */
describe('formats', () => {
  const fr = formatsFor('fr');
  const en = formatsFor('en');

  it('writes French thousands with a narrow no-break space, English with a comma', () => {
    expect(fr.integer(1234)).toBe(`1${NNBSP}234`);
    expect(fr.integer(1234567)).toBe(`1${NNBSP}234${NNBSP}567`);
    expect(fr.integer(999)).toBe('999');
    expect(en.integer(1234)).toBe('1,234');
    expect(fr.integer(1234.6)).toBe(`1${NNBSP}235`);
    expect(fr.decimal(1234.5)).toBe(`1${NNBSP}234,5`);
    expect(fr.decimal(3.14159, 3)).toBe('3,142');
    expect(en.decimal(1234.5)).toBe('1,234.5');
  });

  it('writes percentages with a decimal comma and a no-break space before % in French', () => {
    // ICU puts a no-break space before % (U+00A0 in Node 20's CLDR, U+202F in later ones):
    // either keeps the sign on the number's line.
    expect(spaces(fr.percent(83.71))).toBe('83,71␣%');
    expect(en.percent(83.71)).toBe('83.71%');
    expect(spaces(fr.percent(50, 0))).toBe('50␣%');
    expect(spaces(fr.percent(1234.5, 1))).toBe('1␣234,5␣%');
    expect(fr.percent(1234.5, 1).startsWith(`1${NNBSP}234`)).toBe(true);
    expect(spaces(fr.percent(100))).toBe('100,00␣%');
    expect(en.percent(12.5, 1)).toBe('12.5%');
  });

  it('writes the CFA franc without decimals as FCFA, other currencies with two decimals and their code', () => {
    expect(fr.money(25000, 'XOF')).toBe(`25${NNBSP}000 FCFA`);
    expect(fr.money(25000, 'xaf')).toBe(`25${NNBSP}000 FCFA`);
    expect(en.money(25000, 'XOF')).toBe('25,000 FCFA');
    expect(fr.money(150000.4, 'XOF')).toBe(`150${NNBSP}000 FCFA`);
    expect(fr.money(450, 'EUR')).toBe('450,00 EUR');
    expect(en.money(1234.5, 'EUR')).toBe('1,234.50 EUR');
    // No other space than the narrow one inside a French number.
    expect(spaces(fr.money(1234567, 'XOF'))).toBe('1␣234␣567 FCFA');
    expect(fr.money(1234567, 'XOF')).not.toContain(NBSP);
  });

  it('writes a date and a time with `à` in French, a comma in English, hours on 24', () => {
    // Dates are shown in the local time zone: the instant is built in it.
    const local = new Date(2026, 11, 7, 14, 22, 45);
    expect(fr.date(local)).toBe('7 déc. 2026');
    expect(fr.dateTime(local)).toBe('7 déc. 2026 à 14:22');
    expect(en.date(local)).toBe('7 Dec 2026');
    expect(en.dateTime(local)).toBe('7 Dec 2026, 14:22');
    expect(fr.dateTime(new Date(2026, 0, 3, 9, 5))).toBe('3 janv. 2026 à 09:05');
  });

  it('respects TZ: the same instant is another hour (and day) elsewhere', () => {
    // The time zone is read when a process starts: each TZ in its own child process,
    // running this very source (esbuild strips its types).
    const scratch = mkdtempSync(join(tmpdir(), 'alumni-formats-'));
    try {
      const module = join(scratch, 'format.mjs');
      writeFileSync(module, transformSync(readFileSync(join(ROOT, 'src/i18n/format.ts'), 'utf8'), { loader: 'ts', format: 'esm' }).code);
      const script = `import { formatsFor } from ${JSON.stringify(pathToFileURL(module).href)};
        process.stdout.write(formatsFor(process.argv[1]).dateTime(new Date('2026-12-07T23:30:00Z')));`;
      const at = (tz: string, language: string) => {
        const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, language], {
          env: { PATH: process.env.PATH, TZ: tz },
          encoding: 'utf8',
        });
        if (run.status !== 0) throw new Error(run.stderr);
        return run.stdout;
      };
      expect(at('Africa/Dakar', 'fr')).toBe('7 déc. 2026 à 23:30');
      expect(at('Europe/Paris', 'fr')).toBe('8 déc. 2026 à 00:30');
      expect(at('America/Montreal', 'en')).toBe('7 Dec 2026, 18:30');
      expect(at('UTC', 'en')).toBe('7 Dec 2026, 23:30');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('chooses one or other by each language: French 0 and 1 are singular, English only 1', () => {
    const forms = { one: 'ligne', other: 'lignes' };
    expect([0, 1, 2].map((n) => fr.plural(n, forms))).toEqual(['ligne', 'ligne', 'lignes']);
    expect([0, 1, 2].map((n) => en.plural(n, { one: 'row', other: 'rows' }))).toEqual(['rows', 'row', 'rows']);
    expect(fr.plural(1.5, forms)).toBe('ligne');
  });

  it('joins lists with et / and', () => {
    expect(fr.list(['a', 'b', 'c'])).toBe('a, b et c');
    expect(en.list(['a', 'b', 'c'])).toBe('a, b and c');
    expect(fr.list(['a'])).toBe('a');
  });
});
