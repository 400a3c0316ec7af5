import { execFileSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase, type TestDatabase } from '../support/databases.js';
import { runMain } from '../support/main.js';
import { rosterWithKnownFigures } from '../support/stats.js';

/** `alumni stats`, in process through main(argv, io): exit codes, JSON, CSV, the terminal table, the report's HTML. */
describe('stats commands', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  let scratch: string;
  beforeAll(async () => {
    t = await createServerDatabase();
    env = t.env;
    scratch = mkdtempSync(join(tmpdir(), 'alumni-stats-'));
    await rosterWithKnownFigures(t.db);
  });
  afterAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    await t.close();
  });
  const json = async (args: string[]) => {
    const result = await runMain([...args, '--json'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout);
  };

  it('employment --refresh runs the refresh-stats job (recorded in its history), then prints the figures and the refresh time', async () => {
    const figures = await json(['stats', 'employment', '--refresh']);
    expect(figures.items).toEqual([
      expect.objectContaining({ annee_sortie: 2020, total_diplomes: 10, taux_connaissance: 80, taux_emploi: 75 }),
      expect.objectContaining({ annee_sortie: 2021, total_diplomes: 3, nb_inconnu: 3, taux_connaissance: 0, taux_emploi: null }),
      expect.objectContaining({ annee_sortie: 2022, total_diplomes: 6, taux_emploi: 33.33 }),
    ]);
    const runs = await t.db
      .selectFrom('alumni_admin.job_run')
      .select(['job', 'status', 'user_agent'])
      .where('job', '=', 'refresh-stats')
      .orderBy('id', 'desc')
      .execute();
    expect(runs[0]).toEqual({
      job: 'refresh-stats',
      status: 'ok',
      user_agent: expect.stringMatching(/^alumni\/\S+ stats employment refresh-stats$/),
    });
    const refreshed = await t.db
      .selectFrom('alumni_admin.view_refresh')
      .select('refreshed_at')
      .where('view_name', '=', 'stats_emploi_par_annee')
      .executeTakeFirstOrThrow();
    expect(new Date(figures.refreshed_at)).toEqual(new Date(refreshed.refreshed_at));

    const history = await json(['jobs', 'history', 'refresh-stats']);
    expect(history[0]).toMatchObject({ job: 'refresh-stats', status: 'ok' });
  });

  it('employment --refresh while another run of refresh-stats holds its lock: exit 75, the run recorded as locked', async () => {
    const holder = new pg.Client({ connectionString: t.url });
    await holder.connect();
    try {
      await holder.query(`select pg_advisory_lock(hashtext('alumni job'), hashtext('refresh-stats'))`);
      const result = await runMain(['stats', 'employment', '--refresh'], { env });
      expect(result.code).toBe(75);
      expect(result.stderr).toContain('refresh-stats is running elsewhere (its lock is held)');
      expect(result.stdout).toBe('');
      const last = await t.db
        .selectFrom('alumni_admin.job_run')
        .select('status')
        .where('job', '=', 'refresh-stats')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(last.status).toBe('locked');
    } finally {
      await holder.end();
    }
  });

  it('employment on a terminal: a Unicode bar per year in the table, — where there is no rate; # outside UTF-8', async () => {
    await runMain(['stats', 'employment', '--refresh'], { env });
    const utf8 = await runMain(['stats', 'employment'], { env: { ...env, LANG: 'C.UTF-8' }, stdoutTTY: true, columns: 160 });
    expect(utf8.code).toBe(0);
    const row = (year: number, text: string) =>
      stripVTControlCharacters(text)
        .split('\n')
        .find((line) => line.startsWith(`${year} `))!;
    expect(row(2020, utf8.stdout)).toContain('80.00%');
    expect(row(2020, utf8.stdout)).toContain('75.00%');
    expect(row(2020, utf8.stdout)).toContain('███████████████ ');
    expect(row(2021, utf8.stdout)).toMatch(/0\.00% +—\s*$/);
    expect(row(2022, utf8.stdout)).toContain('██████▋');
    expect(utf8.stderr).toMatch(/^Statistics view last refreshed \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d \(\d+ min ago\)/);
    // Headers in people's words, not the view's column names (CSV keeps those).
    expect(stripVTControlCharacters(utf8.stdout)).toMatch(
      /^Class +Graduates +Working +Knowledge rate +Net employment rate +Employment 0–100%$/m,
    );
    expect(utf8.stdout).not.toMatch(/total_diplomes|nb_travaillent|taux_emploi|annee_sortie/);

    const ascii = await runMain(['stats', 'employment'], {
      env: { ...env, LANG: 'fr_FR.UTF-8', LC_ALL: 'C' },
      stdoutTTY: true,
      columns: 160,
    });
    expect(row(2020, ascii.stdout)).toMatch(/ #{15}\s*$/);
    expect(ascii.stdout).not.toContain('█');

    // Off a terminal: no bars, no escape codes.
    const piped = await runMain(['stats', 'employment'], { env: { ...env, LANG: 'C.UTF-8' } });
    expect(piped.stdout).not.toMatch(/[█#]/);
    expect(piped.stdout).not.toContain('\u001b[');
    expect(piped.stdout).not.toContain('Employment 0–100%');
    // Tab-separated rows with no header, plain numbers, every default column.
    expect(piped.stdout.split('\n')).toContain('2022\t6\t1\t50\t33.33');
    // Those searching and those not known on demand.
    const chosen = await runMain(['stats', 'employment', '--columns', 'annee_sortie,nb_recherche,nb_inconnu'], { env });
    expect(chosen.stdout.split('\n')).toContain('2022\t2\t3');
  });

  it('employment --csv: plain numbers, an empty cell where there is no rate; --from/--to narrow it', async () => {
    await runMain(['stats', 'employment', '--refresh'], { env });
    const csv = await runMain(['stats', 'employment', '--csv', '--from', '2021', '--to', '2022'], { env, stdoutTTY: true });
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe(
      [
        'annee_sortie,total_diplomes,nb_travaillent,nb_recherche,nb_inconnu,taux_connaissance,taux_emploi',
        '2021,3,0,0,3,0,',
        '2022,6,1,2,3,50,33.33',
        '',
      ].join('\n'),
    );
  });

  it('refuses --from after --to, and a year that is not one, with exit 2', async () => {
    const reversed = await runMain(['stats', 'employment', '--from', '2022', '--to', '2020'], { env });
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toContain('--from 2022 is after --to 2020');
    const notYear = await runMain(['stats', 'domains', '--annee', 'vingt'], { env });
    expect(notYear.code).toBe(2);
    expect(notYear.stderr).toContain('--annee "vingt": give a year such as 2024.');
  });

  it('domains: per field, the unrecorded field as null in JSON; --annee', async () => {
    expect(
      (await json(['stats', 'domains'])).map((f: { domaine: string | null; taux_emploi: number | null }) => [f.domaine, f.taux_emploi]),
    ).toEqual([
      ['Génie civil', 33.33],
      ['Génie informatique', 75],
      [null, null],
    ]);
    expect(await json(['stats', 'domains', '--annee', '2020'])).toEqual([
      expect.objectContaining({ domaine: 'Génie informatique', total_diplomes: 10 }),
    ]);
    const table = await runMain(['stats', 'domains'], { env });
    expect(table.stdout).toContain('(not recorded)');
  });

  it('overview --json: the schema names as keys', async () => {
    const counts = await json(['stats', 'overview']);
    expect(Object.keys(counts)).toEqual([
      'utilisateur',
      'organisation',
      'stage',
      'emploi',
      'formation',
      'groupe',
      'moderation',
      'since',
      'import_run',
      'job_run',
    ]);
    expect(counts.utilisateur.statut.etudiant).toBe(20);
    expect(counts.organisation.type_organisation).toMatchObject({ entreprise: 2, ONG: 0, institution_publique: 0 });
    // "label: value" lines, the time imports and runs are counted from local on a terminal.
    const shown = await runMain(['stats', 'overview'], { env, stdoutTTY: true });
    const table = { stdout: stripVTControlCharacters(shown.stdout) };
    expect(table.stdout).toMatch(/^Users by status: +etudiant 20 · enseignant 1 · /m);
    expect(table.stdout).toMatch(/^Organisations by type: +entreprise 2 · /m);
    expect(table.stdout).toMatch(/^Runs of refresh-stats: +running \d+ · ok \d+ · failed \d+ · locked \d+$/m);
    expect(table.stdout).not.toMatch(/\bof\b.*\bby\b.*\bvalue\b/);
    expect(table.stdout).toMatch(/^Imports and job runs since \(30 days\): +\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d$/m);
    expect(shown.stderr).toBe('');
    // Off a terminal the same lines, the time in ISO 8601 with its offset.
    const piped = await runMain(['stats', 'overview'], { env });
    expect(piped.stdout).toMatch(/^Imports and job runs since \(30 days\): \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/m);
  });

  it('report: one HTML file with no script and no URL; small classes hidden with their complement, and the report says so', async () => {
    await runMain(['stats', 'employment', '--refresh'], { env });
    const file = join(scratch, 'report.html');
    const result = await runMain(['stats', 'report', '--html', file, '--json'], { env });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ html: file, school: null, classes: 3, fields: 3, min_cell: 5 });
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script|https?:|\/\/[a-z]|url\((?!#)|<link|<img|@import/i);
    expect(html.match(/<svg /g)).toHaveLength(3);
    // 2021 (3 graduates) is hidden; alone it could be recomputed from the total, so the
    // smallest other class (2022, 6) is hidden too; 2020 is shown.
    expect(html).toContain('<th scope="row">2021</th><td class="num">n&#60;5</td>');
    expect(html).toContain('<th scope="row">2022</th><td class="num">hidden†</td>');
    expect(html).toContain(
      '<th scope="row">2020</th><td class="num">10</td><td class="num">6</td><td class="num">2</td><td class="num">2</td><td class="num">80.00%</td><td class="num">75.00%</td>',
    );
    expect(html).toContain('<tr class="total"><th scope="row">All</th><td class="num">19</td>');
    expect(html).toContain('Figures over fewer than 5 graduates are hidden');
    // Employers only for the class shown; a count below the threshold is not printed.
    expect(html).toContain('<strong>2020</strong>: Sonatel (n&#60;5), Orange Bénin (n&#60;5)');
    expect(html).toContain('<strong>2021</strong>: hidden');
    // Methodology: each definition and the refresh date.
    expect(html).toContain(
      'Employment rate (taux net d&#39;emploi)</dt>\n<dd>Numerator: graduates working. Denominator: graduates whose situation is known',
    );
    expect(html).toContain(
      'Knowledge rate</dt>\n<dd>Numerator: graduates whose situation is known (working + searching). Denominator: all graduates.',
    );
    expect(html).toMatch(/the figures the database keeps per class, last brought up to date \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d\./);
    // In plain language: no column or table name.
    expect(html).not.toMatch(/annee_sortie|travailleur|stats_emploi_par_annee|<code>/);
    expect(html).toContain('<dt>Working</dt>\n<dd>A graduate who has told the school that they have a job.</dd>');

    const lower = await runMain(['stats', 'report', '--html', file, '--min-cell', '3'], { env });
    expect(lower.code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('hidden†');
  });

  it('report --pdf without a usable Chromium: exit 2 naming the Debian package, nothing written', async () => {
    const file = join(scratch, 'no-browser.html');
    const result = await runMain(['stats', 'report', '--html', file, '--pdf', join(scratch, 'x.pdf')], {
      env: { ...env, ALUMNI_CHROMIUM: join(scratch, 'no-such-chromium') },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('install the Debian package `chromium`');
    expect(existsSync(file)).toBe(false);
  });

  it('report: an output path that cannot be a file is refused before the database is opened (exit 2, one sentence)', async () => {
    const dir = mkdtempSync(join(scratch, 'paths-'));
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const aFile = join(dir, 'a-file');
    writeFileSync(aFile, 'kept');
    const cases: Array<[string, RegExp]> = [
      ['', /^error: The path of the (HTML|PDF) report is empty; give a file name with --(html|pdf)\.$/],
      ['  ', /is empty; give a file name with --(html|pdf)\.$/],
      [join(dir, 'missing', 'report.html'), /: its folder .*missing does not exist; choose another with --(html|pdf)\.$/],
      [join(aFile, 'report.html'), /a-file\/report\.html: a part of its path is not a directory; choose another/],
      [dir, /^error: Cannot write the (HTML|PDF) report .*: it is a directory; choose another with --(html|pdf)\.$/],
      [`${join(dir, 'new')}/`, /: that names a directory; choose a file name with --(html|pdf)\.$/],
      ['/dev/full', /report \/dev\/full: it is not a regular file \(a device, a FIFO or a socket\); choose another/],
      [fifo, /it is not a regular file/],
    ];
    // Nothing listens there: a command that opened the database would exit 1.
    const nowhere = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
    for (const [path, message] of cases) {
      for (const argv of [
        ['stats', 'report', '--html', path],
        ['stats', 'report', '--html', join(dir, 'ok.html'), '--pdf', path],
      ]) {
        const result = await runMain(argv, { env: nowhere });
        expect(result.code, argv.join(' ')).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.trim(), argv.join(' ')).toMatch(message);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
      }
    }
    const same = await runMain(['stats', 'report', '--html', join(dir, 'r'), '--pdf', join(dir, '.', 'r')], { env: nowhere });
    expect(same.code).toBe(2);
    expect(same.stderr.trim()).toBe('error: --html and --pdf name the same file: give two files.');
    expect(readdirSync(dir).sort()).toEqual(['a-file', 'fifo']);
    expect(readFileSync(aFile, 'utf8')).toBe('kept');
  });

  it('report --pdf with a Chromium that does not start: exit 2, one sentence, neither file written (the previous HTML kept)', async () => {
    const dir = mkdtempSync(join(scratch, 'broken-chromium-'));
    const html = join(dir, 'report.html');
    writeFileSync(html, 'the previous report');
    const result = await runMain(['stats', 'report', '--html', html, '--pdf', join(dir, 'report.pdf')], {
      env: { ...env, ALUMNI_CHROMIUM: '/bin/false' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(
      /^error: Chromium \(\/bin\/false\) did not start \(.+\): point ALUMNI_CHROMIUM at a working Chromium, or install the Debian package `chromium`\.$/,
    );
    expect(readdirSync(dir)).toEqual(['report.html']);
    expect(readFileSync(html, 'utf8')).toBe('the previous report');
  });

  it('report over an existing file replaces it whole, keeping its permissions, and leaves no temporary file', async () => {
    const dir = mkdtempSync(join(scratch, 'replace-'));
    mkdirSync(join(dir, 'sub'));
    const html = join(dir, 'sub', 'report.html');
    writeFileSync(html, 'the previous report', { mode: 0o640 });
    const result = await runMain(['stats', 'report', '--html', `${dir}/sub/../sub/report.html`], { env });
    expect(result.code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>/i);
    expect(statSync(html).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['report.html']);
  });
});
