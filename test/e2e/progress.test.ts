import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';
import { embeddedDataDir } from '../support/databases.js';
import { ptyPerTest } from '../support/pty.js';
import { HEADER, rosterDir, writeRoster } from '../support/rosters.js';

/** Sessions of the current test, killed after it should it fail half-way. */
const startInPty = ptyPerTest();

function roster(prefix: string, people: number): string[][] {
  const rows = [HEADER];
  for (let i = 0; i < people; i += 1) {
    rows.push([
      `Diplômé·e ${prefix} ${i}`,
      `${prefix}-${String(i).padStart(5, '0')}`,
      `${prefix.toLowerCase()}${i}@exemple.sn`,
      '2024',
      '',
      'Gestion',
      'oui',
    ]);
  }
  return rows;
}

/** Where `pattern` first shows on the screen; -1 when it never does. */
const at = (screen: string, pattern: RegExp) => screen.search(pattern);

/**
 * What a command shows while it works, on a terminal's stderr. The status lines show only
 * once a step has lasted a moment (200 ms); ALUMNI_PROGRESS_DELAY_MS=0 shows them at once,
 * so that no test depends on how long a step takes.
 */
describe('progress on a terminal, and none off it', () => {
  let dataDir: string;
  let remove: () => void;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    ({ dataDir, remove } = embeddedDataDir());
    dir = rosterDir();
    env = { ALUMNI_DATA_DIR: dataDir, ALUMNI_PROGRESS_DELAY_MS: '0' };
    const admin = await runCli(['users', 'add', '--nom', 'Admin', '--matricule', 'ADM', '--role', 'super_admin', '--no-password'], { env });
    expect(admin.code).toBe(0);
  });
  afterAll(() => remove());

  it('users import says it opens the database, reads the file, draws a bar with its label, rows/s and the time left, then vacuums', async () => {
    const file = writeRoster(dir, 'promo-en.csv', roster('EN', 2_000));
    const pty = startInPty(['users', 'import', file, '--as', 'ADM', '--create-missing-references', '--batch-size', '200'], env);
    expect(await pty.exited).toBe(0);
    const screen = pty.screen;
    const opening = at(screen, /Opening the database…/);
    const reading = at(screen, /Reading promo-en\.csv…/);
    // The bar: its label (what it does; the file's name too on a wide terminal), the share
    // done, (the rows read, on a wide terminal,) rows/s and the time left, estimated.
    const bar = at(
      screen,
      /Importing users( from promo-en\.csv)? [█░]{10,30} \d+% (\| [\d,]+ rows )?\| [\d,]+ rows\/s \| \d+ (h|min|s)( \d+ (min|s))? left/,
    );
    expect(opening).toBeGreaterThanOrEqual(0);
    expect(reading).toBeGreaterThan(opening);
    expect(bar).toBeGreaterThan(reading);
    // Once the rows are written, the embedded database is vacuumed (src/db/autovacuum.ts).
    expect(at(screen, /Vacuuming and analysing the embedded database…/)).toBeGreaterThan(bar);
  });

  it('in French: ouverture de la base, lecture du fichier, une barre avec son libellé, lignes/s et le temps restant', async () => {
    const file = writeRoster(dir, 'promo-fr.csv', roster('FR', 2_000));
    const pty = startInPty(
      ['users', 'import', file, '--as', 'ADM', '--create-missing-references', '--batch-size', '200', '--lang', 'fr'],
      env,
    );
    expect(await pty.exited).toBe(0);
    const screen = pty.screen;
    const opening = at(screen, /Ouverture de la base de données…/);
    const reading = at(screen, /Lecture de promo-fr\.csv…/);
    const bar = at(
      screen,
      /Import des utilisateurs( depuis promo-fr\.csv)? [█░]{10,30} \d+ % (\| [\d\u202f]+ lignes )?\| [\d\u202f]+ lignes\/s \| fin dans \d+ (h|min|s)( \d+ (min|s))?/,
    );
    expect(opening).toBeGreaterThanOrEqual(0);
    expect(reading).toBeGreaterThan(opening);
    expect(bar).toBeGreaterThan(reading);
    expect(at(screen, /Nettoyage et analyse de la base intégrée…/)).toBeGreaterThan(bar);
  });

  it("orgs import's bar says it imports organisations", async () => {
    const pty = startInPty(
      ['orgs', 'import', join(ROOT, 'fixtures', 'partenaires.csv'), '--as', 'ADM', '--rejects', join(dir, 'partenaires.rejects.csv')],
      env,
    );
    await pty.exited;
    expect(pty.screen).toMatch(/Reading partenaires\.csv…/);
    expect(pty.screen).toMatch(/Importing organisations( from partenaires\.csv)? [█░]+ \d+%/);
  });

  it('a command that is not an import says it opens the database too', async () => {
    const pty = startInPty(['users', 'list', '--search', 'EN-00001'], env);
    expect(await pty.exited).toBe(0);
    const opening = at(pty.screen, /Opening the database…/);
    expect(opening).toBeGreaterThanOrEqual(0);
    expect(at(pty.screen, /EN-00001/)).toBeGreaterThan(opening);
  });

  it('off a terminal (cron, a log) none of it is printed: stderr holds only what the import has to say', async () => {
    const file = writeRoster(dir, 'promo-cron.csv', roster('CRON', 500));
    const result = await runCli(['users', 'import', file, '--as', 'ADM', '--batch-size', '100'], { env });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/Opening|Reading|Importing|rows\/s|left|Vacuuming|[█░⠋]/);
    expect(result.stderr).not.toContain('\r');
    expect(result.stderr).not.toContain('\u001b');
    const listed = await runCli(['users', 'list', '--search', 'CRON-00001'], { env });
    expect(listed.code).toBe(0);
    expect(listed.stderr).toBe('');
  });
});
