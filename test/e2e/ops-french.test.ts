import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripVTControlCharacters } from 'node:util';
import { runCli } from '../support/cli.js';
import { runMain } from '../support/main.js';
import { createServerDatabase, embeddedDataDir, type TestDatabase } from '../support/databases.js';

/**
 * jobs, doctor, migrate, audit and fixtures in French (issue 26): a French locale or
 * --lang fr gives French sentences, tables, durations and dates; cron's LANG=C gives
 * English; JSON and CSV are byte for byte the same in both languages.
 */
describe('the operations commands in French, end to end on a server', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createServerDatabase();
  });
  afterAll(() => t.close());

  const french = (args: string[]) => runCli(args, { env: { ...t.env, LANG: 'fr_FR.UTF-8' } });
  const cron = (args: string[]) => runCli(args, { env: { ...t.env, LANG: 'C' } });
  /** On a terminal (in process): tables with their headers, what a person reads. */
  const frenchOnTerminal = async (args: string[]) => {
    const result = await runMain(args, { env: { ...t.env, LANG: 'fr_FR.UTF-8' }, stdoutTTY: true, columns: 120 });
    return { ...result, stdout: stripVTControlCharacters(result.stdout) };
  };

  it('jobs run: one line per job in French under a French locale, in English under LANG=C', async () => {
    const fr = await french(['jobs', 'run', 'expire-offers', 'refresh-stats']);
    expect(fr.code).toBe(0);
    expect(fr.stderr).toBe('');
    const lines = fr.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^expire-offers {2}ok {2}0 stage, 0 emploi {2}\d+(,\d+)? s$/);
    expect(lines[1]).toMatch(/^refresh-stats {2}ok {2}.* {2}\d+(,\d+)? s$/);

    const dry = await french(['jobs', 'run', 'purge-messages', '--dry-run']);
    expect(dry.stdout).toMatch(/^purge-messages {2}essai à blanc, changerait {2}/);

    const en = await cron(['jobs', 'run', 'expire-offers']);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^expire-offers {2}ok {2}0 stages, 0 emplois {2}\d+\.\d\ds\n$/);
    // Installed (migrated) a week ago: purge-audit's first Sunday run is past and it never ran.
    const weekAgo = new Date(Date.now() - 8 * 86_400_000).toISOString();
    await sql`update alumni_admin.kysely_migration set timestamp = ${weekAgo}`.execute(t.db);
    const check = await cron(['jobs', 'check']);
    expect(check.stdout).toMatch(/^purge-audit {2}never ran successfully$/m);
    const checkFr = await french(['jobs', 'check']);
    expect(checkFr.code).toBe(1);
    expect(checkFr.stdout).toMatch(/^purge-audit {2}n'a jamais réussi$/m);
    expect(checkFr.stdout).toMatch(/^expire-offers {2}ok$/m);
  });

  it('jobs refusals, tables and help in French; exit codes unchanged', async () => {
    const unknown = await french(['jobs', 'run', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'erreur : Tâche inconnue « nope » : les tâches sont expire-offers, purge-messages, refresh-stats, purge-audit.\n',
    );
    const both = await runCli(['jobs', 'run', 'expire-offers', '--all', '--lang', 'fr'], { env: t.env });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Donnez des noms de tâches ou --all, pas les deux.');
    const wait = await french(['jobs', 'run', 'expire-offers', '--wait', '1.5']);
    expect(wait.code).toBe(2);
    expect(wait.stderr).toContain('--wait « 1.5 » : indiquez un nombre entier de 0 à 86\u202f400.');
    const retention = await french(['jobs', 'run', 'purge-audit', '--older-than', '3m']);
    expect(retention.code).toBe(2);
    expect(retention.stderr).toContain('« m » est ambigu : écrivez min (minutes) ou mo (mois)');

    const history = await frenchOnTerminal(['jobs', 'history', 'expire-offers']);
    expect(history.code).toBe(0);
    expect(history.stdout).toMatch(/^Début +Tâche +État +Durée/);
    // A date as a French reader writes it, in the local time zone: "7 déc. 2026 à 14:22".
    expect(history.stdout).toMatch(/^\d{1,2} \S+ \d{4} à \d\d:\d\d +expire-offers +ok +\d+,\d\d s/m);
    // Off a terminal: tab-separated rows, the time in ISO 8601 with its offset, the words still French.
    const piped = await french(['jobs', 'history', 'expire-offers']);
    expect(piped.stdout.split('\n')[0]!.split('\t').slice(0, 3)).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/),
      'expire-offers',
      'ok',
    ]);
    const list = await frenchOnTerminal(['jobs', 'list']);
    expect(list.stdout).toMatch(/^Tâche +État +Dernière exécution +Durée +Prochaine/);
    expect(list.stdout).toContain('jamais');

    const help = await french(['jobs', 'run', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('exécuter des tâches maintenant, chacune sous son verrou');
    expect(help.stdout).toContain('toutes les tâches');
    const crontab = await french(['jobs', 'crontab']);
    expect(crontab.stdout).toContain("# Tâches de maintenance d'alumni : à coller dans `crontab -e`");
    // cron's LANG=C would give English: the crontab keeps the language it was asked in.
    expect(crontab.stdout).toMatch(/^ALUMNI_LANG=fr$/m);
    expect((await cron(['jobs', 'crontab'])).stdout).not.toContain('ALUMNI_LANG');
  });

  it('doctor says which language is in use and why, in that language', async () => {
    const fr = await french(['doctor']);
    expect(fr.code).toBe(0);
    expect(fr.stdout).toMatch(/^Langue :\s+fr \(d'après LANG=fr_FR\.UTF-8\)$/m);
    expect(fr.stdout).toMatch(/^Version du schéma :\s+\d{14}_\w+$/m);
    expect(fr.stdout).toMatch(/^Migrations en attente :\s+aucune$/m);
    expect(fr.stdout).toMatch(/Conservation de l'audit :\s+365 jours \(purge-audit\) : /);
    expect(fr.stdout).toMatch(/^utilisateur\ttable\t/m);
    expect(fr.stderr).toContain('La base est en bonne santé.');
    const onTerminal = await frenchOnTerminal(['doctor']);
    expect(onTerminal.stdout).toMatch(/^Table +Type +Taille +Lignes \(estim\.\)$/m);

    const en = await cron(['doctor']);
    expect(en.stdout).toMatch(/^Language:\s+en \(from LANG=C\)$/m);
    expect(en.stderr).toContain('The database is healthy.');
    const option = await runCli(['doctor', '--lang', 'fr'], { env: { ...t.env, LANG: 'C' } });
    expect(option.stdout).toMatch(/^Langue :\s+fr \(d'après --lang fr\)$/m);
    const alumni = await runCli(['doctor'], { env: { ...t.env, ALUMNI_LANG: 'en', LANG: 'fr_FR.UTF-8' } });
    expect(alumni.stdout).toMatch(/^Language:\s+en \(from ALUMNI_LANG=en\)$/m);

    // The JSON gives the choice too; it is the only key that differs with the language.
    const jsonFr = JSON.parse((await french(['doctor', '--json'])).stdout) as Record<string, unknown>;
    const jsonEn = JSON.parse((await cron(['doctor', '--json'])).stdout) as Record<string, unknown>;
    expect(jsonFr.language).toEqual({ language: 'fr', source: 'LANG', value: 'fr_FR.UTF-8' });
    expect(jsonEn.language).toEqual({ language: 'en', source: 'LANG', value: 'C' });
    const { language: _fr, tables: _frTables, ...restFr } = jsonFr;
    const { language: _en, tables: _enTables, ...restEn } = jsonEn;
    expect(restFr).toEqual(restEn);
  });

  it('migrate, audit and a refused connection in French', async () => {
    const status = await frenchOnTerminal(['migrate', 'status']);
    expect(status.stdout).toMatch(/^Migration +État$/m);
    expect(status.stdout).toMatch(/_jobs_preview +appliquée$/m);
    expect((await french(['migrate', 'status'])).stdout).toMatch(/^\d{14}_jobs_preview\tappliquée$/m);
    const latest = await french(['migrate']);
    expect(latest.stderr).toMatch(/Rien à faire : le schéma est à la version \d{14}_\w+\./);

    const missing = await french(['audit', 'show', 'nope']);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toBe("erreur : Aucune entrée d'audit « nope ».\n");
    const action = await french(['audit', 'list', '--action', 'créer']);
    expect(action.code).toBe(2);
    expect(action.stderr).toContain('--action « créer » : choisissez parmi insert, update, delete.');

    const refused = await runCli(['doctor', '--lang', 'fr'], { env: { DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x' } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'erreur : Connexion impossible au serveur PostgreSQL 127.0.0.1:1 : connexion refusée (le serveur est-il démarré ?).\n',
    );
    const badUrl = await runCli(['doctor', '--lang', 'fr'], { env: { DATABASE_URL: 'mysql://u:p@h/x' } });
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('DATABASE_URL commence par « mysql:// » et non par postgres://');
  });

  it('--json and --csv are byte for byte the same under --lang fr and --lang en', async () => {
    const commands = [
      ['jobs', 'list', '--json'],
      ['jobs', 'check', '--json'],
      ['jobs', 'history', '--json'],
      ['jobs', 'history', '--csv'],
      ['jobs', 'crontab', '--json'],
      ['migrate', 'status', '--json'],
      ['audit', 'list', '--json'],
      ['audit', 'list', '--csv'],
    ];
    for (const args of commands) {
      const [fr, en] = await Promise.all([
        runCli([...args, '--lang', 'fr'], { env: t.env }),
        runCli([...args, '--lang', 'en'], { env: t.env }),
      ]);
      expect(fr.code, args.join(' ')).toBe(en.code);
      expect(fr.stdout, args.join(' ')).toBe(en.stdout);
      expect(fr.stdout.length, args.join(' ')).toBeGreaterThan(2);
    }
    // A failure under --json: the same code and values, the message in the run's language.
    const [fr, en] = await Promise.all([
      runCli(['jobs', 'run', 'nope', '--json', '--lang', 'fr'], { env: t.env }),
      runCli(['jobs', 'run', 'nope', '--json', '--lang', 'en'], { env: t.env }),
    ]);
    const errFr = JSON.parse(fr.stderr) as { error: { code: string; values: unknown; message: string } };
    const errEn = JSON.parse(en.stderr) as { error: { code: string; values: unknown; message: string } };
    expect(errFr.error.code).toBe('jobs.unknown');
    expect(errFr.error.values).toEqual(errEn.error.values);
    expect(errFr.error.message).toMatch(/^Tâche inconnue/);
    expect(errEn.error.message).toMatch(/^Unknown job/);
  });

  it('fixtures load in French', async () => {
    const loaded = await french(['fixtures', 'load']);
    expect(loaded.code).toBe(0);
    // Off a terminal: one tab-separated line per table.
    expect(loaded.stdout).toMatch(/^utilisateur :\s+\d+$/m);
    expect(loaded.stderr).toContain('Données de démonstration chargées.');
    const again = await french(['fixtures', 'load']);
    expect(again.stderr).toContain("Les données de démonstration étaient déjà chargées : rien n'a changé.");
  });
});

describe('the embedded database in French', () => {
  it('says it is being created and migrated, and that another process holds it, in French', async () => {
    const { dataDir, remove } = embeddedDataDir({ migrated: false });
    try {
      const created = await runCli(['migrate', 'status', '--lang', 'fr'], { env: { ALUMNI_DATA_DIR: dataDir } });
      expect(created.code).toBe(0);
      expect(created.stderr).toContain(`Création de la base intégrée dans ${dataDir} (première utilisation, quelques secondes)…`);
      const doctor = await runCli(['doctor'], { env: { ALUMNI_DATA_DIR: dataDir, LC_ALL: 'fr_FR.UTF-8' } });
      expect(doctor.stderr).toMatch(/Base intégrée migrée \(\d+ migrations appliquées\)\./);
      expect(doctor.stdout).toMatch(/^Langue :\s+fr \(d'après LC_ALL=fr_FR\.UTF-8\)$/m);

      // This test's own process holds the lock: alive, on this host.
      writeFileSync(join(dataDir, 'alumni.lock'), JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      const locked = await runCli(['doctor', '--lang', 'fr'], { env: { ALUMNI_DATA_DIR: dataDir, ALUMNI_LOCK_WAIT_MS: '0' } });
      expect(locked.code).toBe(75);
      expect(locked.stderr).toMatch(
        new RegExp(
          `^erreur : Un autre processus alumni utilise la base intégrée \\(processus ${process.pid}, depuis le .+ à \\d\\d:\\d\\d\\) ; réessayez quand il aura fini`,
        ),
      );
      const badWait = await runCli(['doctor', '--lang', 'fr'], { env: { ALUMNI_DATA_DIR: dataDir, ALUMNI_LOCK_WAIT_MS: '3s' } });
      expect(badWait.code).toBe(2);
      expect(badWait.stderr).toContain('ALUMNI_LOCK_WAIT_MS doit être un nombre entier de millisecondes');
    } finally {
      remove();
    }
  });
});
