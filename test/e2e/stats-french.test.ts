import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../src/i18n/en/stats.js';
import enReport from '../../src/i18n/en/report.js';
import fr from '../../src/i18n/fr/stats.js';
import frReport from '../../src/i18n/fr/report.js';
import { findChromium, launchChromium } from '../../src/report/chromium.js';
import { runJob } from '../../src/services/jobs.js';
import { runCli } from '../support/cli.js';
import { runMain } from '../support/main.js';
import { createServerDatabase, type TestDatabase } from '../support/databases.js';
import { rosterWithKnownFigures } from '../support/stats.js';

/**
 * The English sentences of the stats and report areas that French must not show: every
 * plain-string message of en/stats.ts and en/report.ts whose French differs (a dash or
 * a word both languages write alike cannot tell them apart), and the words of a table header.
 */
const englishLeft = (text: string): string[] => {
  const plain = (catalog: Record<string, unknown>, french: Record<string, unknown>) =>
    Object.entries(catalog)
      .filter(([key, value]) => typeof value === 'string' && value !== french[key] && value.length > 3)
      .map(([, value]) => value as string);
  return [...plain(en, fr), ...plain(enReport, frReport)].filter((sentence) => text.includes(sentence));
};

/** `alumni stats` under a French system or --lang fr, driving the built CLI; and the JSON and CSV that do not change. */
describe('stats in French', () => {
  let t: TestDatabase;
  let scratch: string;
  const french = { LANG: 'fr_FR.UTF-8' };
  beforeAll(async () => {
    t = await createServerDatabase();
    scratch = mkdtempSync(join(tmpdir(), 'alumni-stats-fr-'));
    await rosterWithKnownFigures(t.db);
    // École between E and F: a field and an organisation the C collation would put last.
    await t.db
      .insertInto('domaine_reference')
      .values([{ nom_domaine: 'École normale' }, { nom_domaine: 'Froid industriel' }, { nom_domaine: 'Eau' }])
      .execute();
    await t.db
      .insertInto('utilisateur')
      .values(
        ['École normale', 'Froid industriel', 'Eau'].flatMap((domaine, f) =>
          Array.from({ length: 5 }, (_, i) => ({
            nom_complet: `Diplômé ${domaine} ${i}`,
            matricule: `FR-${f}-${i}`,
            statut: 'etudiant' as const,
            annee_sortie: 2022,
            domaine,
            travailleur: i < 3,
          })),
        ),
      )
      .execute();
    await runJob(t.db, 'refresh-stats', 'alumni/test french');
  });
  afterAll(async () => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    await t?.close();
  });
  const run = (args: string[], env: Record<string, string> = {}) => runCli(args, { env: { ...t.env, ...env } });
  /** On a wide terminal (in process): the table with its headers, as a person reads it. */
  const onTerminal = async (args: string[], env: Record<string, string> = {}) => {
    const result = await runMain(args, { env: { ...t.env, ...env }, stdoutTTY: true, columns: 200 });
    return { ...result, stdout: stripVTControlCharacters(result.stdout) };
  };

  it('LANG=fr_FR.UTF-8: the table speaks French, in words and numbers, and the refresh line too', async () => {
    const result = await onTerminal(['stats', 'employment', '--columns', 'all'], french);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Promotion +Diplômés +En emploi +En recherche +Situation inconnue +Taux de connaissance +Taux net d'emploi/,
    );
    expect(result.stdout).toMatch(/^2020 +10 +6 +2 +2 +80,00\u00a0% +75,00\u00a0%/m);
    // Off a terminal: plain numbers, tab-separated.
    expect((await run(['stats', 'employment'], french)).stdout.split('\n')[0]).toBe('2020\t10\t6\t80\t75');
    expect(result.stdout).not.toMatch(/total_diplomes|nb_travaillent|annee_sortie|taux_emploi/);
    expect(result.stderr).toMatch(
      /^Statistiques par promotion mises à jour le \d{1,2} [a-zéû]+\.? \d{4} à \d\d:\d\d \(il y a \d+ min\) ; /,
    );
    expect(englishLeft(result.stdout + result.stderr)).toEqual([]);
  });

  it('LANG=C (cron): English, and none of the French', async () => {
    const frenchLeft = (text: string) =>
      [...Object.values(fr), ...Object.values(frReport)].filter(
        (value): value is string =>
          typeof value === 'string' && value.length > 3 && !Object.values(en).includes(value) && text.includes(value),
      );
    for (const args of [
      ['stats', 'employment'],
      ['stats', 'domains'],
      ['stats', 'overview'],
      ['stats', '--help'],
    ]) {
      const result = await run(args, { LANG: 'C' });
      expect(result.code, args.join(' ')).toBe(0);
      expect(frenchLeft(result.stdout + result.stderr), args.join(' ')).toEqual([]);
    }
    expect((await onTerminal(['stats', 'employment'], { LANG: 'C' })).stdout).toMatch(/^Class +Graduates +Working +/);
  });

  it('--lang fr: fields in French order (École between E and F), the unrecorded one last and named in French', async () => {
    const result = await run(['stats', 'domains', '--lang', 'fr']);
    expect(result.code).toBe(0);
    const fields = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t')[0]);
    expect(fields).toEqual(['Eau', 'École normale', 'Froid industriel', 'Génie civil', 'Génie informatique', '(non renseigné)']);
    expect((await onTerminal(['stats', 'domains', '--lang', 'fr'])).stdout).toMatch(/^Domaine +Diplômés +/);
  });

  it('--lang fr: the overview in labelled lines, not of / by / value', async () => {
    const result = await onTerminal(['stats', 'overview', '--lang', 'fr']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Utilisateurs par statut : +etudiant 35 · enseignant 1 · /m);
    expect(result.stdout).toMatch(/^Exécutions de la tâche refresh-stats : +en cours 0 · ok 1 · échec 0 · verrouillée 0$/m);
    expect(result.stdout).toMatch(/^Imports et exécutions depuis \(30 jours\) : +\d{1,2} [a-zéû]+\.? \d{4} à \d\d:\d\d$/m);
    expect(englishLeft(result.stdout + result.stderr)).toEqual([]);
  });

  it('--lang fr: a refusal in French with its exit code; --json gives the same code in both languages', async () => {
    const reversed = await run(['stats', 'employment', '--from', '2022', '--to', '2020', '--lang', 'fr']);
    expect(reversed.code).toBe(2);
    expect(reversed.stderr.trim()).toBe("erreur : --from 2022 est postérieur à --to 2020 : donnez d'abord l'année la plus ancienne.");
    const same = await run(['stats', 'report', '--html', join(scratch, 'r'), '--pdf', join(scratch, 'r'), '--lang', 'fr']);
    expect(same.code).toBe(2);
    expect(same.stderr.trim()).toBe('erreur : --html et --pdf désignent le même fichier : donnez deux fichiers différents.');
    const codes = await Promise.all(
      ['fr', 'en'].map(async (lang) => {
        const result = await run(['stats', 'employment', '--from', '2022', '--to', '2020', '--json', '--lang', lang]);
        expect(result.code).toBe(2);
        const { error } = JSON.parse(result.stderr);
        return [error.code, error.values];
      }),
    );
    expect(codes[0]).toEqual(['stats.range_reversed', { from: 2022, to: 2020 }]);
    expect(codes[1]).toEqual(codes[0]);
  });

  it('--lang fr --help: the stats pages in French', async () => {
    const stats = await run(['stats', '--help', '--lang', 'fr']);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toContain("statistiques d'insertion et rapport sur le devenir des diplômés");
    // Commander wraps descriptions at the width of the page: read them as one line.
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    expect(flat(stats.stdout)).toContain('employment [options] par promotion : diplômés, en emploi, en recherche, situation inconnue');
    const report = await run(['stats', 'report', '--help'], french);
    expect(flat(report.stdout)).toContain('masquer les chiffres portant sur moins de diplômés que ce nombre (par défaut : 5)');
    expect(report.stdout).toContain('écrire le rapport en HTML dans ce fichier');
    expect(englishLeft(stats.stdout + report.stdout)).toEqual([]);
  });

  it('JSON and CSV are byte for byte the same in French and in English', async () => {
    const commands = [
      ['stats', 'employment', '--json'],
      ['stats', 'employment', '--csv'],
      ['stats', 'domains', '--json'],
      ['stats', 'domains', '--csv'],
      ['stats', 'domains', '--annee', '2022', '--csv'],
      ['stats', 'overview', '--json'],
    ];
    for (const args of commands) {
      const [inFrench, inEnglish] = await Promise.all([run([...args, '--lang', 'fr']), run([...args, '--lang', 'en'])]);
      expect(inFrench.code, args.join(' ')).toBe(0);
      // The overview counts from "now minus 30 days": two runs differ by their start time only.
      const stable = (text: string) => text.replace(/"since": "[^"]+"/, '"since": …');
      expect(stable(inFrench.stdout), args.join(' ')).toBe(stable(inEnglish.stdout));
    }
    const csv = await run(['stats', 'domains', '--csv'], french);
    expect(csv.stdout.split('\n')[0]).toBe('domaine,total_diplomes,nb_travaillent,nb_recherche,nb_inconnu,taux_connaissance,taux_emploi');
    expect(csv.stdout).toContain('\nGénie informatique,10,6,2,2,80,75\n');
  });

  const chromiumPath = findChromium(process.env);
  it.skipIf(!chromiumPath && process.env.CI !== 'true')(
    'the report in French: its title, headings, charts and methodology in French, in the HTML, in Chromium and in the PDF',
    async () => {
      const html = join(scratch, 'rapport.html');
      const pdf = join(scratch, 'rapport.pdf');
      const made = await runCli(['stats', 'report', '--html', html, '--pdf', pdf, '--min-cell', '3'], {
        env: { ...t.env, ...french, ALUMNI_CHROMIUM: chromiumPath! },
        timeoutMs: 90_000,
      });
      expect(made.code).toBe(0);
      expect(made.stderr).toContain(`PDF écrit : ${pdf}`);
      expect(made.stderr).toContain(`Rapport écrit : ${html}`);
      const page = readFileSync(html, 'utf8');
      expect(page).toContain('<html lang="fr">');
      expect(page).toContain('<h1>Devenir des diplômés</h1>');
      expect(page).not.toMatch(/annee_sortie|travailleur|stats_emploi_par_annee|total_diplomes|<code>/);
      expect(englishLeft(page)).toEqual([]);

      const chromium = await launchChromium(chromiumPath!);
      try {
        const tab = await chromium.browser.newPage();
        await tab.setViewport({ width: 800, height: 1000 });
        await tab.goto(pathToFileURL(html).href, { waitUntil: 'load' });
        const seen = await tab.evaluate(() => ({
          headings: [...document.querySelectorAll('h2')].map((h) => h.textContent),
          charts: [...document.querySelectorAll('svg')].map((svg) => {
            const box = svg.getBoundingClientRect();
            const texts = [...svg.querySelectorAll('text')].map((text) => ({
              text: text.textContent ?? '',
              r: text.getBoundingClientRect(),
            }));
            return {
              label: svg.getAttribute('aria-label'),
              texts: texts.map((x) => x.text),
              overflowing: texts
                .filter(
                  ({ r }) => r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5,
                )
                .map(({ text }) => text),
            };
          }),
        }));
        expect(seen.headings).toEqual([
          'Par promotion',
          'Évolution au fil des promotions',
          'Par domaine',
          'Principaux employeurs par promotion',
          'Méthodologie',
        ]);
        expect(seen.charts.map((c) => c.label)).toEqual([
          "Taux de connaissance (diplômés dont la situation est connue, parmi tous les diplômés) et taux net d'emploi (diplômés en emploi, parmi ceux dont la situation est connue) par promotion, en pourcentage",
          "Taux de connaissance et taux net d'emploi au fil des promotions, en pourcentage",
          "Taux net d'emploi par domaine : diplômés en emploi, parmi les diplômés du domaine dont la situation est connue (en emploi ou en recherche), en pourcentage",
        ]);
        for (const chart of seen.charts) expect(chart.overflowing, chart.label ?? '').toEqual([]);
        // The legend and the axes: French words, French percentages.
        expect(seen.charts[0]!.texts).toEqual(
          expect.arrayContaining(['Taux de connaissance', "Taux net d'emploi", '50\u00a0%', '100\u00a0%']),
        );
        // École between E and F on the field chart's axis.
        const axis = seen.charts[2]!.texts.filter((text) => /^(Eau|École|Froid)/.test(text));
        expect(axis).toEqual(['Eau', 'École normale', 'Froid industriel']);
        await tab.close();
      } finally {
        await chromium.close();
      }

      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('Devenir des diplômés');
      expect(text).toContain('Méthodologie');
      expect(text).toContain("Taux net d'emploi");
      expect(text).toContain('Situation connue');
      // Every font embedded, as for the English PDF (test/e2e/stats-report.test.ts).
      const listing = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trimEnd().split('\n');
      const columns = [...listing[1]!.matchAll(/-+/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
      const fonts = listing.slice(2).map((line) => ({ name: line.slice(...columns[0]!).trim(), emb: line.slice(...columns[3]!).trim() }));
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((f) => f.emb !== 'yes')).toEqual([]);
    },
    120_000,
  );
});
