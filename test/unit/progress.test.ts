import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { Output } from '../../src/cli/output.js';
import { importProgress, progressDelay, PROGRESS_DELAY_MS, startStatus } from '../../src/cli/progress.js';
import { renderIn, setLanguage, t } from '../../src/i18n/messages.js';

/** An Output whose stderr records what is written: a terminal `columns` wide, or not a terminal. */
function output(stderrTTY: boolean, columns = 80) {
  const writes: string[] = [];
  const stream = (tty: boolean) => {
    const s = Object.assign(new PassThrough(), { isTTY: tty, columns: tty ? columns : undefined });
    s.write = ((chunk: string | Buffer) => {
      writes.push(chunk.toString());
      return true;
    }) as typeof s.write;
    return s;
  };
  const io: Io = { stdin: new PassThrough(), stdout: stream(false), stderr: stream(stderrTTY), env: {} };
  return { out: new Output(io), text: () => writes.join('') };
}

/** The lines a terminal showed one after the other (each frame redraws the same line). */
const frames = (text: string) =>
  text
    .split(/\r|\n/)
    .flatMap((line) => line.split('\u001b[1G'))
    .map((frame) => stripVTControlCharacters(frame))
    .filter((frame) => frame.trim() !== '');

/** An import of 1,000 rows of `file`: read, started, half done, then done. */
async function importOf(out: Output, file: string, label = (name: string | null) => t('progress.importing_users', { file: name })) {
  const progress = await importProgress(out, { ALUMNI_PROGRESS_DELAY_MS: '0' }, label);
  progress.hooks.onReading!(file);
  progress.hooks.onStart!({ encoding: 'utf-8', delimiter: ';', unknownColumns: [], totalBytes: 100_000, totalRows: 1_000 });
  progress.hooks.onProgress!({ rows: 500, bytes: 50_000, totalBytes: 100_000 });
  progress.hooks.onProgress!({ rows: 1_000, bytes: 100_000, totalBytes: 100_000 });
  progress.hooks.onEnd!();
  progress.stop();
}

afterEach(() => setLanguage({ language: 'en', source: 'default' }));

describe('progress (src/cli/progress.ts)', () => {
  it('reads the delay before a status line from ALUMNI_PROGRESS_DELAY_MS, else 200 ms', () => {
    expect(PROGRESS_DELAY_MS).toBeLessThan(500);
    expect(progressDelay({})).toBe(PROGRESS_DELAY_MS);
    expect(progressDelay({ ALUMNI_PROGRESS_DELAY_MS: '0' })).toBe(0);
    expect(progressDelay({ ALUMNI_PROGRESS_DELAY_MS: ' 50 ' })).toBe(50);
    expect(progressDelay({ ALUMNI_PROGRESS_DELAY_MS: 'soon' })).toBe(PROGRESS_DELAY_MS);
  });

  it('a status line stopped before its delay never shows; one shown is cleared when stopped', () => {
    const quick = output(true);
    startStatus(quick.out, {}, 'Opening the database…').stop();
    expect(quick.text()).toBe('');

    const shown = output(true);
    const status = startStatus(shown.out, { ALUMNI_PROGRESS_DELAY_MS: '0' }, 'Opening the database…');
    expect(stripVTControlCharacters(shown.text())).toContain('Opening the database…');
    status.stop();
    expect(shown.text().endsWith('\r\u001b[K')).toBe(true);
  });

  it('off a terminal, neither a status line nor the bar writes anything', async () => {
    const { out, text } = output(false);
    startStatus(out, { ALUMNI_PROGRESS_DELAY_MS: '0' }, 'Opening the database…').stop();
    await importOf(out, '/data/promo.csv');
    expect(text()).toBe('');
  });

  it.each([60, 80, 100, 140])(
    'at %i columns every frame of the import fits on its line, with rows/s and the time left',
    async (columns) => {
      const { out, text } = output(true, columns);
      await importOf(out, '/data/promotion-2024-genie-informatique.csv');
      const shown = frames(text());
      expect(shown[0]).toMatch(/Reading promotion-2024-genie-informatique\.csv…/);
      const bars = shown.filter((frame) => frame.startsWith('Importing users'));
      expect(bars.length).toBeGreaterThan(0);
      for (const bar of bars) expect([...bar].length).toBeLessThan(columns);
      expect(bars.at(-1)).toMatch(/100% \| (1,000 rows \| )?[\d,]+ rows\/s \| 0 s left$/);
      // The file's name is on the bar only where there is room for it.
      if (columns >= 140) expect(bars.at(-1)).toContain('Importing users from promotion-2024-genie-informatique.csv');
      if (columns <= 80) expect(bars.at(-1)).toMatch(/^Importing users [█░]/);
    },
  );

  it('in French: the label, lignes/s and the time left', async () => {
    setLanguage({ language: 'fr', source: '--lang' });
    const { out, text } = output(true, 80);
    await importOf(out, 'promo.csv', (file) => t('progress.importing_orgs', { file }));
    const shown = frames(text());
    expect(shown[0]).toMatch(/Lecture de promo\.csv…/);
    expect(shown.at(-1)).toMatch(/^Import des organisations( depuis promo\.csv)? [█░]+ 100 % \| .*lignes\/s \| fin dans 0 s$/);
  });

  it('says the time left to the second, then in minutes and seconds, then in hours and minutes', () => {
    const left = (language: 'en' | 'fr', seconds: number | null) => renderIn(language, 'progress.time_left', { seconds });
    expect([null, 4.4, 65, 3_725].map((s) => left('en', s))).toEqual(['… left', '4 s left', '1 min 05 s left', '1 h 02 min left']);
    expect([null, 4.4, 65, 3_725].map((s) => left('fr', s))).toEqual([
      'fin dans …',
      'fin dans 4 s',
      'fin dans 1 min 05 s',
      'fin dans 1 h 02 min',
    ]);
  });
});
