import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { runMain } from '../support/main.js';
import { createServerDatabase, type TestDatabase } from '../support/databases.js';
import { rosterDir, writeRoster } from '../support/rosters.js';

/**
 * The roster and partner-list imports in French (issue 26): the reasons of the rejects
 * file, the warnings, the summary and the ledger in the run's language, the file's
 * `line` and `reason` headers and every --json output the same in both languages.
 */
const ACTOR = ['--as', 'fatou@ecole.example'];
const HEADER = ['Nom complet', 'Matricule', 'E-mail', 'Année de sortie', 'Filière', 'Travailleur', 'Remarque'];

/** The rejects file's rows as records (its BOM aside). */
function rejects(path: string): Array<Record<string, string>> {
  return parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { columns: true, delimiter: ';' });
}

describe('the imports in French', () => {
  let t: TestDatabase;
  let dir: string;
  let env: Record<string, string>;
  let roster: string;

  beforeAll(async () => {
    t = await createServerDatabase();
    dir = rosterDir();
    env = { ...t.env };
    await t.db
      .insertInto('annee_reference')
      .values([{ annee: 2024 }])
      .execute();
    await t.db
      .insertInto('domaine_reference')
      .values([{ nom_domaine: 'Gestion' }])
      .execute();
    await t.db
      .insertInto('utilisateur')
      .values({
        nom_complet: 'Fatou Sall',
        email: 'fatou@ecole.example',
        role: 'super_admin',
        mot_de_passe_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2VlZA$ZmFrZQ',
      })
      .execute();
    roster = writeRoster(dir, 'promo.csv', [
      HEADER,
      ['Awa Diop', 'M-1', 'awa@ucad.sn', '2024', 'Gestion', 'oui', ''],
      ['', 'M-2', 'pas-une-adresse', '2024', 'Gestion', 'peut-être', ''],
      ['Issa Ba', 'M-3', '', '2030', 'Gestio', 'non', ''],
      ['Moussa Fall', '', '', '2024', 'Télécoms', '', 'à revoir'],
    ]);
  });
  afterAll(() => t.close());

  it('writes the reasons in French, joined by "; ", under the unchanged line and reason headers; exit 3', async () => {
    const result = await runCli(['users', 'import', roster, '--lang', 'fr', '--rejects', 'rejets-fr.csv', ...ACTOR], { env, cwd: dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('attention : Colonne inconnue ignorée : Remarque.');
    expect(result.stderr).toContain(
      `attention : 3 lignes rejetées : voyez ${join(dir, 'rejets-fr.csv')} (corrigez-le et importez-le tel quel).`,
    );
    // The summary's labels are words, in French.
    for (const label of ['Lues', 'Ajoutées', 'Mises à jour', 'Inchangées', 'Ignorées', 'Rejetées', 'Durée', 'Lignes par seconde'])
      expect(result.stdout).toContain(label);
    expect(result.stdout).not.toMatch(/\binserted\b|\brejected\b/);

    const text = readFileSync(join(dir, 'rejets-fr.csv'), 'utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFNom complet;Matricule;E-mail;Année de sortie;Filière;Travailleur;Remarque;line;reason');
    const rows = rejects(join(dir, 'rejets-fr.csv'));
    expect(rows.map((row) => row.line)).toEqual(['3', '4', '5']);
    expect(rows[0]!.reason).toBe(
      [
        'le nom est vide',
        "l'adresse e-mail « pas-une-adresse » n'est pas valide (il n'y a pas de @)",
        "la situation professionnelle « peut-être » n'est ni oui/non (yes/no, 1/0, x) ni une situation comme En emploi, En recherche ou Étudiant",
      ].join('; '),
    );
    expect(rows[1]!.reason).toBe(
      [
        "l'année de sortie 2030 ne fait pas partie des années de sortie (ajoutez-la, ou utilisez --create-missing-references)",
        'la filière « Gestio » ne fait pas partie des filières : vouliez-vous dire « Gestion » ? (alumni refs fields alias "Gestion" "Gestio")',
      ].join('; '),
    );
    expect(rows[2]!.reason).toBe(
      'le matricule est vide; la filière « Télécoms » ne fait pas partie des filières (ajoutez-la, ou utilisez --create-missing-references)',
    );
    // No schema name is left in a reason.
    for (const row of rows) expect(row.reason).not.toMatch(/nom_complet|matricule is|annee_reference|domaine_reference|travailleur/);
  });

  it('writes the same rows with English reasons under --lang en, with no column name in them', async () => {
    const result = await runCli(['users', 'import', roster, '--lang', 'en', '--rejects', 'rejects-en.csv', '--dry-run', ...ACTOR], {
      env,
      cwd: dir,
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('warning: Ignoring unknown column(s): Remarque.');
    const rows = rejects(join(dir, 'rejects-en.csv'));
    expect(rows.map((row) => row.line)).toEqual(['3', '4', '5']);
    expect(rows[0]!.reason).toMatch(
      /^the name is empty; e-mail "pas-une-adresse" is not a valid address \(it has no @\); employment situation/,
    );
    expect(rows[1]!.reason).toContain('graduation year 2030 is not among the graduation years');
    expect(rows[2]!.reason).toBe(
      'the matricule is empty; field "Télécoms" is not among the fields (add it, or use --create-missing-references)',
    );
  });

  it('says what a dry run would create, in French', async () => {
    const file = writeRoster(dir, 'nouveaux.csv', [
      ['Nom complet', 'Matricule', 'Année de sortie', 'Filière'],
      ['Awa Diop', 'N-1', '2031', 'Agronomie'],
    ]);
    const result = await runCli(['users', 'import', file, '--dry-run', '--create-missing-references', ...ACTOR], {
      env: { ...env, ALUMNI_LANG: 'fr' },
      cwd: dir,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Seraient créées : 1 filière : Agronomie ; 1 année de sortie : 2031.');
    expect(result.stderr).toContain("Essai à blanc : rien n'a été enregistré dans la base.");
  });

  it('refuses a file without a matricule column in French under LANG=fr_FR.UTF-8, exit 2', async () => {
    const file = writeRoster(dir, 'sans-matricule.csv', [
      ['Nom complet', 'E-mail'],
      ['Awa Diop', 'awa@ucad.sn'],
    ]);
    const result = await runCli(['users', 'import', file, ...ACTOR], { env: { ...env, LANG: 'fr_FR.UTF-8' }, cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "erreur : Le fichier n'a pas de colonne pour le matricule (ses colonnes : Nom complet, E-mail) ; désignez-en une avec --map 'Colonne=matricule'.\n",
    );
  });

  it('refuses a bad --delimiter in French, and gives the code under --json whatever the language', async () => {
    const fr = await runCli(['users', 'import', roster, '--delimiter', '|', '--lang', 'fr', ...ACTOR], { env, cwd: dir });
    expect(fr.code).toBe(2);
    expect(fr.stderr).toBe('erreur : --delimiter « | » : utilisez , ; ou tab.\n');
    const codes = await Promise.all(
      ['fr', 'en'].map((lang) =>
        runCli(['users', 'import', roster, '--delimiter', '|', '--json', '--lang', lang, ...ACTOR], { env, cwd: dir }),
      ),
    );
    for (const result of codes)
      expect(JSON.parse(result.stderr)).toMatchObject({ error: { code: 'import.option.delimiter', values: { value: '|' } } });
  });

  it('prints the same --json summary in both languages (its timing aside)', async () => {
    const run = async (lang: string) => {
      const result = await runCli(['users', 'import', roster, '--dry-run', '--json', '--lang', lang, '--rejects', 'json.csv', ...ACTOR], {
        env,
        cwd: dir,
      });
      expect(result.code).toBe(3);
      return result.stdout.replace(/"(seconds|rows_per_second)": [\d.]+/g, '"$1": 0');
    };
    expect(await run('fr')).toBe(await run('en'));
  });

  it('lists the ledger with French labels, dates and statuses; its --json and --csv are the same in both languages', async () => {
    // A table is for a terminal (off one, the rows are tab-separated without a header).
    const table = await runMain(['users', 'imports', '--columns', 'all', '--lang', 'fr'], {
      env: { ...env, NO_COLOR: '1' },
      stdoutTTY: true,
      columns: 250,
    });
    expect(table.code).toBe(0);
    for (const label of ['Début', 'Fichier', 'Par', 'État', 'Lues', 'Ajoutées', 'Rejetées']) expect(table.stdout).toContain(label);
    expect(table.stdout).toContain('terminé');
    expect(table.stdout).not.toContain('started_at');
    for (const format of [['--json'], ['--csv']]) {
      const [fr, en] = await Promise.all(['fr', 'en'].map((lang) => runCli(['users', 'imports', ...format, '--lang', lang], { env })));
      expect(fr!.code).toBe(0);
      expect(fr!.stdout).toBe(en!.stdout);
    }
    const csv = await runCli(['users', 'imports', '--csv', '--lang', 'fr'], { env });
    expect(csv.stdout.split('\n')[0]).toBe('started_at,file,by,mode,status,read,ins.,upd.,same,skip,rej.,id');
  });

  it('shows the import options in French in the help', async () => {
    const help = await runCli(['users', 'import', '--help', '--lang', 'fr']);
    expect(help.code).toBe(0);
    // Commander wraps the descriptions to the terminal's width.
    const text = help.stdout.replace(/\s+/g, ' ');
    expect(text).toContain("le fichier CSV ou le classeur Excel (.xlsx), ou - pour l'entrée standard");
    expect(text).toContain("--all-or-nothing ne rien enregistrer si une seule ligne n'est pas valide");
    expect(text).toContain('les connues (par matricule)');
  });

  it('writes the partner list reasons in French', async () => {
    const file = writeRoster(dir, 'partenaires.csv', [
      ['Nom', 'Site web', 'Date de création'],
      ['Orange Bénin', 'https://orange.bj', '12/05/2001'],
      ['', 'pas un site', '31/02/2001'],
    ]);
    const result = await runCli(['orgs', 'import', file, '--lang', 'fr', '--rejects', 'orgs-rejets.csv', ...ACTOR], { env, cwd: dir });
    expect(result.code).toBe(3);
    // A row refused on reading comes before one refused on writing.
    const rows = rejects(join(dir, 'orgs-rejets.csv'));
    expect(rows.map((row) => row.line)).toEqual(['3', '2']);
    expect(rows[1]!.reason).toBe("le type d'organisation est vide, et une nouvelle organisation en a besoin (une colonne Type, ou --type)");
    expect(rows[0]!.reason).toBe(
      [
        "le nom de l'organisation est vide",
        "le site web « pas un site » n'est pas une adresse web (écrivez-la https://…)",
        "la date de création « 31/02/2001 » n'est pas une date (JJ/MM/AAAA ou AAAA-MM-JJ)",
      ].join('; '),
    );
  });
});
