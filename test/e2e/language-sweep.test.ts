import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { Command } from '@commander-js/extra-typings';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import type { Language } from '../../src/i18n/language.js';
import { Interruption } from '../../src/interrupt.js';
import { buildProgram } from '../../src/program.js';
import { distinctiveTexts, type CatalogText } from '../support/catalog-text.js';
import { ROOT, runCli } from '../support/cli.js';
import { databaseCopies } from '../support/database-copies.js';
import { withDatabase } from '../support/global-setup.js';
import { startInPty, type PtySession } from '../support/pty.js';

/**
 * The language sweep of issue 26: commands covering every noun (successes, refusals, not
 * found), every --help page of the command tree, a review session on a pseudo-terminal,
 * doctor and the outcome report, run by the built CLI under LANG=fr_FR.UTF-8 and under
 * LANG=C. It fails on any English sentence left in the French output and any French one
 * in the English output, naming the command and what it printed:
 *
 * - the other language's catalog: every plain-string message and every literal part of a
 *   function message (test/support/catalog-text.ts) that the two catalogs do not share;
 * - common words of the other language (`the`, `is`, `with`...; `le`, `est`, `avec`...)
 *   outside data: quoted values, the database's own values, the command's arguments,
 *   e-mails, paths, flags, `<placeholders>` and schema names are left out first.
 *
 * The list of commands is data, per area: add a case where a noun gains a command.
 */

interface Case {
  args: string[] | ((seed: Seed) => string[]);
  /** Written to stdin. */
  input?: string;
}
interface Seed {
  scratch: string;
}

const SONATEL = '00000000-0000-4000-8000-000000000100';
const CLOUD = '00000000-0000-4000-8000-000000000110';
const PROMO = '00000000-0000-4000-8000-000000000600';
const CLUB = '00000000-0000-4000-8000-000000000603';
const STAGE = '00000000-0000-4000-8000-000000000300';
const EMPLOI = '00000000-0000-4000-8000-000000000400';
const FORMATION_PENDING = '00000000-0000-4000-8000-000000000504';
const ORG_PENDING = '00000000-0000-4000-8000-000000000107';
const MESSAGE = '00000000-0000-4000-8000-000000000802';
const ALUMNA = 'adele.sow1@alumni.example';
const TEACHER = 'k.nguessan@ecole.example';
const NOBODY = '00000000-0000-4000-8000-00000000ffff';

// Human output, per area. Each language runs them in this order on its own copy of the seeded database.
const COMMANDS: Record<string, Case[]> = {
  users: [
    { args: ['users', 'list'] },
    { args: ['users', 'list', '--statut', 'etudiant', '--travailleur', 'oui', '--limit', '3'] },
    { args: ['users', 'show', ALUMNA] },
    {
      args: [
        'users',
        'add',
        '--nom',
        'Binta Sy',
        '--email',
        'binta.sy@alumni.example',
        '--statut',
        'etudiant',
        '--annee',
        '2020',
        '--no-password',
      ],
    },
    { args: ['users', 'update', ALUMNA, '--titre', 'Ingénieure', '--travailleur', 'non'] },
    { args: ['users', 'deactivate', 'binta.sy@alumni.example'] },
    { args: ['users', 'activate', 'binta.sy@alumni.example'] },
    { args: ['users', 'set-role', TEACHER, 'admin'] },
    { args: ['users', 'export-data', ALUMNA] },
    { args: ['users', 'erase', 'binta.sy@alumni.example', '--dry-run'] },
    { args: ['users', 'erase', 'binta.sy@alumni.example', '--yes'] },
    { args: ['users', 'imports'] },
    { args: (s) => ['users', 'import', join(ROOT, 'fixtures/roster-sample.csv'), '--dry-run', '--rejects', join(s.scratch, 'dry.csv')] },
    { args: (s) => ['users', 'import', join(ROOT, 'fixtures/roster-sample.csv'), '--rejects', join(s.scratch, 'roster-rejects.csv')] },
    // Refusals and not found.
    { args: ['users', 'show', 'nobody@nowhere.example'] },
    { args: ['users', 'add', '--nom', 'Doublon', '--email', ALUMNA, '--no-password'] },
    { args: ['users', 'update', ALUMNA, '--annee', '1850'] },
    { args: ['users', 'update', ALUMNA, '--domaine', 'Astrologie'] },
    { args: ['users', 'update', ALUMNA, '--travailleur', 'peut-être'] },
    { args: ['users', 'update', ALUMNA, '--email', 'pas-un-email'] },
    { args: ['users', 'set-role', TEACHER, 'roi'] },
    { args: ['users', 'list', '--limit', 'beaucoup'] },
    { args: ['users', 'list', '--after', 'pas-un-curseur'] },
    { args: ['users', 'import', '/nonexistent/roster.csv'] },
    { args: ['users', 'erase', ALUMNA] },
  ],
  import: [
    {
      args: (s) => [
        'users',
        'import',
        join(ROOT, 'fixtures/roster-libreoffice.xlsx'),
        '--dry-run',
        '--rejects',
        join(s.scratch, 'xlsx.csv'),
      ],
    },
    {
      args: (s) => [
        'users',
        'import',
        join(ROOT, 'fixtures/roster-sample.csv'),
        '--dry-run',
        '--all-or-nothing',
        '--rejects',
        join(s.scratch, 'aon.csv'),
      ],
    },
    {
      args: (s) => [
        'users',
        'import',
        join(ROOT, 'fixtures/roster-sample.csv'),
        '--dry-run',
        '--encoding',
        'ebcdic',
        '--rejects',
        join(s.scratch, 'x.csv'),
      ],
    },
    {
      args: (s) => [
        'users',
        'import',
        join(ROOT, 'fixtures/roster-sample.csv'),
        '--dry-run',
        '--delimiter',
        '::',
        '--rejects',
        join(s.scratch, 'x.csv'),
      ],
    },
    {
      args: (s) => [
        'users',
        'import',
        join(ROOT, 'fixtures/roster-sample.csv'),
        '--dry-run',
        '--map',
        'Nimporte=quoi',
        '--rejects',
        join(s.scratch, 'x.csv'),
      ],
    },
    { args: (s) => ['users', 'import', join(s.scratch, 'empty.csv'), '--dry-run'] },
    { args: (s) => ['users', 'import', join(s.scratch, 'headers-only.csv'), '--dry-run'] },
    {
      args: (s) => ['users', 'import', '-', '--dry-run', '--rejects', join(s.scratch, 'stdin.csv')],
      input: 'matricule,nom,prenom,email\nX-1,Diop,,pas-un-email\n',
    },
  ],
  orgs: [
    { args: ['orgs', 'list'] },
    { args: ['orgs', 'search', 'développeurs'] },
    { args: ['orgs', 'show', SONATEL] },
    { args: ['orgs', 'add', '--nom', 'Kër Code', '--type', 'startup', '--ville', 'Dakar'] },
    { args: ['orgs', 'update', SONATEL, '--ville', 'Rufisque'] },
    { args: ['orgs', 'set-status', CLOUD, 'inactive'] },
    { args: ['orgs', 'duplicates'] },
    { args: ['orgs', 'contacts', 'list', SONATEL] },
    { args: ['orgs', 'contacts', 'add', CLOUD, TEACHER, '--role', 'employe'] },
    { args: ['orgs', 'contacts', 'set-principal', SONATEL, ALUMNA] },
    { args: ['orgs', 'contacts', 'remove', CLOUD, TEACHER, '--yes'] },
    { args: ['orgs', 'merge', SONATEL, CLOUD, '--dry-run'] },
    { args: ['orgs', 'imports'] },
    { args: (s) => ['orgs', 'import', join(ROOT, 'fixtures/partenaires.csv'), '--rejects', join(s.scratch, 'orgs-rejects.csv')] },
    { args: ['orgs', 'show', 'Nulle Part SARL'] },
    { args: ['orgs', 'add', '--nom', 'Sonatel', '--type', 'entreprise'] },
    { args: ['orgs', 'add', '--nom', 'Sans Type'] },
    { args: ['orgs', 'update', SONATEL, '--site-web', 'ftp://sonatel'] },
    { args: ['orgs', 'update', SONATEL, '--date-creation', '2999-01-01'] },
    { args: ['orgs', 'set-status', CLOUD, 'fermee'] },
    { args: ['orgs', 'merge', SONATEL, SONATEL, '--yes'] },
  ],
  offers: [
    { args: ['offers', 'list'] },
    { args: ['offers', 'list', '--type', 'formation'] },
    { args: ['offers', 'search', 'développeurs'] },
    { args: ['offers', 'show', STAGE] },
    { args: ['offers', 'show', '00000000-0000-4000-8000-000000000500'] },
    { args: ['offers', 'expiring'] },
    { args: ['offers', 'add', '--type', 'emploi', '--titre', 'Technicien réseau', '--org', SONATEL, '--type-emploi', 'hybride'] },
    {
      args: [
        'offers',
        'add',
        '--type',
        'formation',
        '--titre',
        'Atelier Excel',
        '--type-formation',
        'presentiel',
        '--prix',
        '25000',
        '--devise',
        'XOF',
      ],
    },
    { args: ['offers', 'close', EMPLOI] },
    { args: ['offers', 'extend', STAGE, '--until', '2099-01-31'] },
    { args: ['offers', 'show', NOBODY] },
    { args: ['offers', 'add', '--type', 'formation', '--titre', 'Sans devise', '--prix', '10'] },
    { args: ['offers', 'add', '--type', 'formation', '--titre', 'Prix négatif', '--prix', '-3', '--devise', 'XOF'] },
    { args: ['offers', 'add', '--type', 'stage', '--titre', 'Stage', '--devise', 'ZZZ'] },
    { args: ['offers', 'add', '--type', 'emploi', '--titre', 'Hier', '--fin', '2001-01-01'] },
    { args: ['offers', 'extend', STAGE, '--until', 'demain'] },
    { args: ['offers', 'list', '--from', '31/02/2026'] },
  ],
  groups: [
    { args: ['groups', 'list'] },
    { args: ['groups', 'show', PROMO] },
    { args: ['groups', 'add', '--nom', 'Promo 2025', '--type', 'public'] },
    { args: ['groups', 'update', CLUB, '--description', 'Chantiers, visites et stages.'] },
    { args: ['groups', 'members', 'list', PROMO] },
    { args: ['groups', 'members', 'add', PROMO, TEACHER] },
    { args: ['groups', 'members', 'add', PROMO, '--from-users', '--annee', '2018'] },
    { args: ['groups', 'members', 'set-role', PROMO, TEACHER, 'moderateur'] },
    { args: ['groups', 'members', 'remove', PROMO, TEACHER, '--yes'] },
    { args: ['groups', 'messages', 'list', PROMO] },
    { args: ['groups', 'messages', 'delete', MESSAGE, '--yes'] },
    { args: ['groups', 'show', 'Aucun Groupe'] },
    { args: ['groups', 'add', '--nom', 'Promo 2024', '--type', 'public'] },
    { args: ['groups', 'update', '00000000-0000-4000-8000-000000000601', '--max', '1'] },
    {
      args: [
        'groups',
        'members',
        'add',
        '00000000-0000-4000-8000-000000000601',
        ALUMNA,
        TEACHER,
        'ousmane.seye@ecole.example',
        'helene.ba@ecole.example',
        'awa.thiam6@alumni.example',
        'moussa.diop7@alumni.example',
      ],
    },
    { args: ['groups', 'messages', 'delete', NOBODY, '--yes'] },
  ],
  validate: [
    { args: ['validate', 'list'] },
    { args: ['validate', 'history'] },
    { args: ['validate', 'approve', 'formations', FORMATION_PENDING] },
    { args: ['validate', 'reject', 'orgs', ORG_PENDING, '--reason', 'Organisation inconnue.'] },
    { args: ['validate', 'reopen', 'orgs', ORG_PENDING] },
    { args: ['validate', 'approve', 'formations', NOBODY] },
    { args: ['validate', 'reject', 'orgs', ORG_PENDING] },
    { args: ['validate', 'approve', 'articles', NOBODY] },
    { args: ['validate', 'review', 'groups'] },
  ],
  refs: [
    { args: ['refs', 'fields', 'list'] },
    { args: ['refs', 'years', 'list'] },
    { args: ['refs', 'fields', 'add', 'Génie des procédés'] },
    { args: ['refs', 'fields', 'rename', 'Gestion', 'Gestion des entreprises'] },
    { args: ['refs', 'fields', 'alias', 'Génie informatique', 'Informatique'] },
    { args: ['refs', 'fields', 'deactivate', 'Agroalimentaire'] },
    { args: ['refs', 'years', 'add', '2028'] },
    { args: ['refs', 'years', 'open', '2027'] },
    { args: ['refs', 'years', 'close', '2016'] },
    { args: ['refs', 'fields', 'add', 'genie informatique'] },
    { args: ['refs', 'fields', 'rename', 'Astrologie', 'Astronomie'] },
    { args: ['refs', 'years', 'add', 'deux-mille'] },
  ],
  jobs: [
    { args: ['jobs', 'list'] },
    { args: ['jobs', 'history'] },
    { args: ['jobs', 'crontab'] },
    { args: ['jobs', 'check'] },
    { args: ['jobs', 'run', 'expire-offers', '--dry-run'] },
    { args: ['jobs', 'run', '--all'] },
    { args: ['jobs', 'run', 'no-such-job'] },
    { args: ['jobs', 'run'] },
    { args: ['jobs', 'schedule'] },
    { args: ['jobs', 'unschedule'] },
    { args: ['jobs', 'run', 'purge-audit', '--older-than', 'longtemps'] },
  ],
  stats: [
    { args: ['stats', 'employment'] },
    { args: ['stats', 'employment', '--from', '2018', '--to', '2022', '--refresh'] },
    { args: ['stats', 'domains'] },
    { args: ['stats', 'domains', '--annee', '2018'] },
    { args: ['stats', 'overview'] },
    { args: ['stats', 'employment', '--from', '2030', '--to', '2020'] },
    { args: ['stats', 'report', '--html', '/nonexistent/dir/report.html'] },
    { args: ['stats', 'report', '--html', '/tmp/r.html', '--min-cell', '0'] },
  ],
  audit: [
    { args: ['audit', 'list'] },
    { args: ['audit', 'list', '--table', 'utilisateur', '--limit', '3'] },
    { args: ['audit', 'show', NOBODY] },
    { args: ['audit', 'list', '--since', 'hier'] },
  ],
  settings: [
    { args: ['settings', 'list'] },
    { args: ['settings', 'get', 'school-name'] },
    { args: ['settings', 'set', 'school-name', 'Lycée technique Maurice Delafosse'] },
    { args: ['settings', 'set', 'school-colour', 'bleu'] },
    { args: ['settings', 'set', 'school-name', ' '] },
  ],
  ops: [
    { args: ['doctor'] },
    { args: ['migrate', 'status'] },
    { args: ['migrate', 'latest'] },
    { args: ['fixtures', 'load'] },
    { args: ['migrate', 'down'] },
    { args: ['migrate', 'make'] },
  ],
  cli: [
    { args: [] },
    { args: ['users', 'lst'] },
    { args: ['users', 'list', '--limt', '3'] },
    { args: ['users', 'show'] },
    { args: ['users', 'show', 'a', 'b'] },
    { args: ['stats', 'report'] },
    { args: ['users', 'list', '--limit'] },
    { args: ['--lang', 'de', 'users', 'list'] },
    { args: ['users', 'list', '--as', 'nobody@nowhere.example'] },
    { args: ['users', 'list', '--database-url', 'postgres://nobody@127.0.0.1:1/none'] },
  ],
  // The scripts themselves are shell code, the same in both languages: not read here.
  completion: [
    { args: ['completion'] },
    { args: ['completion', 'tcsh'] },
    { args: ['__complete', '--', 'users', 'list', '--st'] },
    { args: ['__complete', '--', 'groups', 'show', 'Pro'] },
  ],
};

// Words of each language that the other does not write, looked for outside data.
// prettier-ignore
const COMMON_WORDS: Record<Language, string[]> = {
  en: [
    'the', 'and', 'with', 'without', 'which', 'is', 'are', 'was', 'were', 'has', 'have', 'been', 'not', 'cannot',
    "can't", "don't", 'must', 'should', 'would', 'will', 'could', 'this', 'that', 'these', 'those', 'there', 'their',
    'from', 'into', 'only', 'already', 'found', 'nothing', 'because', 'when', 'each', 'every', 'of', 'to', 'for', 'by',
    'its', 'it', 'name', 'created', 'updated', 'deleted', 'rows', 'row', 'graduates', 'working', 'searching', 'unknown',
    'rate', 'year', 'years', 'waiting', 'approved', 'rejected', 'skipped', 'written', 'loaded', 'days', 'hours', 'ago',
    'next', 'last', 'oldest', 'none', 'more', 'see', 'did', 'you', 'mean', 'no', 'or', 'one', 'user', 'all', 'any', 'new',
    'per', 'how', 'many', 'what', 'who', 'why', 'where',
  ],
  fr: [
    'le', 'la', 'les', 'des', 'du', 'une', "n'est", "c'est", 'sont', 'pas', 'avec', 'sans', 'pour', 'dans', 'aucun',
    'aucune', 'déjà', 'été', 'être', 'cette', 'ces', 'sur', 'qui', 'que', 'ou', 'et', 'au', 'aux', 'plus', 'ligne',
    'lignes', 'introuvable',
  ],
};

const LOCALES: Record<Language, string> = { fr: 'fr_FR.UTF-8', en: 'C' };
const OTHER: Record<Language, Language> = { fr: 'en', en: 'fr' };
const NAMES: Record<Language, string> = { fr: 'English', en: 'French' };

describe('language sweep: no English left under LANG=fr_FR.UTF-8, no French under LANG=C', () => {
  const adminUrl = () => inject('serverAdminUrl');
  const databases = {} as Record<Language, string>;
  let seed: Seed;
  /** The database's own text values, and the values the commands below write: data, whatever the language. */
  let data: Data = { values: [], words: new Set() };
  const texts = { en: distinctiveTexts('en'), fr: distinctiveTexts('fr') };

  const copies = databaseCopies(adminUrl, 't_sw');
  const newDatabase = copies.copy;
  const envOf = (language: Language): Record<string, string> => ({
    DATABASE_URL: withDatabase(adminUrl(), databases[language]),
    ALUMNI_ACTOR: 'direction@ecole.example',
    LANG: LOCALES[language],
    TZ: 'Africa/Dakar',
  });

  beforeAll(async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'alumni-sweep-'));
    seed = { scratch };
    writeFileSync(join(scratch, 'empty.csv'), '');
    writeFileSync(join(scratch, 'headers-only.csv'), 'matricule,nom,prenom\n');
    const seeded = await newDatabase(inject('serverTemplate'));
    const env = { DATABASE_URL: withDatabase(adminUrl(), seeded), ALUMNI_ACTOR: 'direction@ecole.example' };
    for (const step of [
      ['fixtures', 'load'],
      ['users', 'import', join(ROOT, 'fixtures/roster-sample.csv'), '--rejects', join(scratch, 'seed-roster.csv')],
      ['orgs', 'import', join(ROOT, 'fixtures/partenaires.csv'), '--rejects', join(scratch, 'seed-orgs.csv')],
      ['validate', 'reject', 'formations', '00000000-0000-4000-8000-000000000505', '--reason', 'Promesses de gains.'],
      ['jobs', 'run', '--all'],
    ]) {
      const result = await runCli(step, { env, cwd: scratch });
      if (result.code !== 0 && result.code !== 3) throw new Error(`seeding: ${step.join(' ')} exited ${result.code}: ${result.stderr}`);
    }
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      const tables = await client.query<{ name: string }>(
        `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      );
      const values = new Set<string>();
      // The schema's names (tables, views, columns), shown as data by audit, doctor, fixtures load.
      const names = await client.query<{ name: string }>(
        `select table_name as name from information_schema.tables where table_schema = 'public'
         union select column_name from information_schema.columns where table_schema = 'public'`,
      );
      for (const { name } of names.rows) values.add(name);
      for (const { name } of tables.rows) {
        const rows = await client.query<{ row: unknown }>(`select row_to_json(t) as row from "${name}" t`);
        for (const { row } of rows.rows) collectStrings(row, values);
      }
      for (const cases of Object.values(COMMANDS)) {
        for (const c of cases)
          for (const arg of typeof c.args === 'function' ? c.args(seed) : c.args) if (!arg.startsWith('-')) values.add(arg);
      }
      const kept = [...values].filter((v) => v.length >= 2).sort((a, b) => b.length - a.length);
      const words = new Set(kept.flatMap((v) => v.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u)).filter(Boolean));
      data = { values: kept, words };
    } finally {
      await client.end();
    }
    databases.fr = await newDatabase(seeded);
    databases.en = await newDatabase(seeded);
  }, 240_000);

  afterAll(async () => {
    await copies.dropAll();
    if (seed?.scratch) rmSync(seed.scratch, { recursive: true, force: true });
  });

  /**
   * What `language`'s output must not contain: the other language's catalog texts and
   * common words, outside data. A catalog text is looked for in the output as printed (a
   * phrase may wrap) and counts unless all of it lies in data (outsideData blanks data in
   * place, so the positions match).
   */
  const leftovers = (language: Language, output: string, args: string[]): string[] => {
    const other = OTHER[language];
    const prose = outsideData(output, [...args, seed.scratch, ROOT], data);
    const found: string[] = [];
    for (const { key, text } of texts[other] as CatalogText[]) {
      const pattern = wordPattern(text);
      const all = new RegExp(pattern.source, `${pattern.flags}g`);
      for (const match of output.matchAll(all)) {
        if (LETTER.test(prose.slice(match.index, match.index + match[0].length))) {
          found.push(`${NAMES[language]} catalog text ${JSON.stringify(text)} (${key})`);
          break;
        }
      }
    }
    const words = new Set<string>();
    for (const word of COMMON_WORDS[other]) {
      const match = wordPattern(word, 'i').exec(prose);
      if (match) words.add(`${word} (${JSON.stringify(context(prose, match.index, word.length))})`);
    }
    if (words.size > 0) found.push(`${NAMES[language]} words in: ${[...words].join(', ')}`);
    return found;
  };

  const report = (language: Language, args: string[], output: string, found: string[]) =>
    `LANG=${LOCALES[language]} alumni ${args.join(' ').replaceAll(seed.scratch, '$TMP').replaceAll(ROOT, '.')} printed:\n` +
    found.map((f) => `  - ${f}`).join('\n') +
    `\n--- its output:\n${output}`;

  const runBoth = async (args: string[], input?: string) => {
    const failures: string[] = [];
    for (const language of ['fr', 'en'] as const) {
      const result = await runCli(args, { env: envOf(language), cwd: seed.scratch, input });
      const output = `${result.stdout}${result.stderr}`;
      // A crash is not a language: the sweep needs an answer to read.
      if (/^\s+at /m.test(output)) failures.push(`LANG=${LOCALES[language]} alumni ${args.join(' ')} crashed:\n${output}`);
      const found = leftovers(language, output, args);
      if (found.length > 0) failures.push(report(language, args, output, found));
    }
    expect(failures.join('\n\n') || 'nothing left').toBe('nothing left');
  };

  for (const [area, cases] of Object.entries(COMMANDS)) {
    describe(area, () => {
      for (const c of cases) {
        const title =
          (typeof c.args === 'function' ? c.args({ scratch: '$TMP' }) : c.args).join(' ').replaceAll(ROOT, '.') || '(no command)';
        it(`alumni ${title}`, async () => {
          await runBoth(typeof c.args === 'function' ? c.args(seed) : c.args, c.input);
        });
      }
    });
  }

  describe('every --help page', () => {
    for (const path of commandPaths()) {
      it(`alumni ${[...path, '--help'].join(' ')}`, async () => {
        await runBoth([...path, '--help']);
      });
    }
    it('alumni help users', async () => {
      await runBoth(['help', 'users']);
    });
  });

  describe('a review session on a terminal', () => {
    const sessions: PtySession[] = [];
    afterEach(() => {
      for (const session of sessions.splice(0)) session.kill();
    });
    it('alumni validate review groups: two cards approved with `a`, the legend and the totals', async () => {
      const failures: string[] = [];
      for (const language of ['fr', 'en'] as const) {
        const env = envOf(language);
        // Each language reviews its own database's pending groups (the demo data's two).
        const pty = startInPty(['validate', 'review', 'groups'], env);
        sessions.push(pty);
        let at = await pty.waitFor(/Développeurs du Sahel/);
        pty.type('a');
        at = await pty.waitFor(/Investissement rapide/, at);
        pty.type('a');
        await pty.exited;
        const args = ['validate', 'review', 'groups'];
        const found = leftovers(language, pty.screen, args);
        if (found.length > 0) failures.push(report(language, args, pty.screen, found));
      }
      expect(failures.join('\n\n') || 'nothing left').toBe('nothing left');
    });
  });

  describe('the outcome report', () => {
    it('alumni stats report --html: its title, headings, legends, notes and methodology', async () => {
      const failures: string[] = [];
      for (const language of ['fr', 'en'] as const) {
        const file = join(seed.scratch, `report-${language}.html`);
        const args = ['stats', 'report', '--html', file, '--min-cell', '1'];
        const result = await runCli(args, { env: envOf(language), cwd: seed.scratch });
        expect(result.code, result.stderr).toBe(0);
        const text = htmlText(readFileSync(file, 'utf8'));
        const output = `${result.stdout}${result.stderr}\n${text}`;
        const found = leftovers(language, output, args);
        if (found.length > 0) failures.push(report(language, args, output, found));
      }
      expect(failures.join('\n\n') || 'nothing left').toBe('nothing left');
    });
  });

  it('runs a command of every noun', () => {
    const run = new Set(
      Object.values(COMMANDS).flatMap((cases) => cases.map((c) => (typeof c.args === 'function' ? c.args({ scratch: '' }) : c.args)[0])),
    );
    expect(commandPaths().filter((path) => path.length === 1 && !run.has(path[0]))).toEqual([]);
  });

  it('the check can fail: it finds English in an English line, French in a French one', () => {
    expect(leftovers('fr', 'error: missing required argument \u2018x\u2019, the file is not there', ['x']).length).toBeGreaterThan(0);
    expect(leftovers('en', "erreur : il manque l'argument obligatoire « x »", ['x']).length).toBeGreaterThan(0);
    // Data is data: a name or a value from the database, quoted or not, is no sentence.
    expect(leftovers('en', `« Le réseau des diplômés » ${data.values.find((d) => d.includes(' des ')) ?? ''}`, [])).toEqual([]);
    // A search's snippet of a description: a run of the data's words.
    expect(leftovers('en', '│ — Deux développeurs mobiles pour │', [])).toEqual([]);
    // Yet a sentence around it is not data.
    expect(leftovers('en', 'aucune ligne rejetée pour Sonatel', [])).not.toEqual([]);
    // Machine output, schema names, values a user types and argument names are no sentences...
    expect(leftovers('fr', '{\n  "has_password": false,\n  "role_membre": "membre"\n}\n', [])).toEqual([]);
    expect(leftovers('en', '│ utilisateur │ 48 │\n│ annee_reference │ 14 │', [])).toEqual([]);
    expect(leftovers('fr', '  --travailleur <oui|non>  en emploi ou non (oui/non, yes/no, 1/0)', [])).toEqual([]);
    expect(leftovers('fr', '  --max <n|none>  au plus ce nombre, ou none (sans limite)', [])).toEqual([]);
    expect(leftovers('fr', '  --outcome <outcome>  dans cet état : approved,\n      rejected, withdrawn', [])).toEqual([]);
    expect(leftovers('fr', 'Arguments :\n  name        son nom\n  new-name    le nouveau nom\n', [])).toEqual([]);
    // A help page's example: its command line is typed as it is, its comment is a sentence.
    expect(leftovers('fr', 'Exemples :\n  # Les formations refusées\n  $ alumni validate history --outcome rejected\n', [])).toEqual([]);
    expect(leftovers('fr', 'Exemples :\n  # The rejected trainings\n  $ alumni validate history\n', [])).not.toEqual([]);
    // ...but a sentence beside them still is.
    expect(leftovers('fr', '{\n  "ok": true\n}\nerror: the file is not there', [])).not.toEqual([]);
    expect(leftovers('fr', 'Arguments :\n  name        the name it shows\n', [])).not.toEqual([]);
    expect(leftovers('fr', 'Imports  running 0 · completed 2 · failed 0', [])).not.toEqual([]);
    expect(leftovers('en', '│ Groupe créé : Promo 2025 │', [])).not.toEqual([]);
  });
});

/** Every command of the tree (groups of commands too), as the words that reach it; the root is []. */
function commandPaths(): string[][] {
  const sink = new Writable({ write: (_c, _e, done) => done() });
  const io: Io = { stdin: Readable.from([]), stdout: sink, stderr: sink, env: {} };
  const program = buildProgram(io, { exitCode: 0, interruption: new Interruption() }) as Command;
  const paths: string[][] = [[]];
  const walk = (command: Command, words: string[]) => {
    for (const sub of command.commands as Command[]) {
      const path = [...words, sub.name()];
      paths.push(path);
      walk(sub, path);
    }
  };
  walk(program, []);
  return paths;
}

function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) collectStrings(item, into);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The source of a pattern matching `text` where it is not part of a longer word. */
const wholeWord = (text: string) => `(?<![\\p{L}\\p{N}_])${escape(text)}(?![\\p{L}\\p{N}_])`;
const patterns = new Map<string, RegExp>();
/** `text` as a whole word or phrase (not inside a longer word). */
function wordPattern(text: string, flags = ''): RegExp {
  const id = `${flags}\u0000${text}`;
  let pattern = patterns.get(id);
  if (!pattern) {
    const body = escape(text).replace(/ /g, '\\s+');
    pattern = new RegExp(`(?<![\\p{L}\\p{N}_'’-])${body}(?![\\p{L}\\p{N}_’-])`, `u${flags}`);
    patterns.set(id, pattern);
  }
  return pattern;
}

/** The database's own text: its values (longest first), and the words they are made of. */
interface Data {
  values: string[];
  words: Set<string>;
}

const LETTER = /\p{L}/u;
/** `text` blanked in place: the same length, its line breaks kept. */
const blanked = (text: string) => text.replace(/[^\n]/g, ' ');

/**
 * The prose of an output, blanked in place (same length, same lines): JSON documents
 * (machine output, never translated), quoted values, the database's values and schema
 * names, the command's own arguments, e-mails, URLs, paths, flags, placeholders, uuids,
 * schema names (with `_`), command lines (`alumni …`; a help page's example line, `  $ …`,
 * whole), and the words a user types: the names column of "Arguments:", values offered in
 * a placeholder (`<oui|non>`), after "choices:" or "valeurs possibles :", in a `yes/no`
 * pair or in a list of identifiers (`: approved, rejected, withdrawn`).
 */
function outsideData(output: string, args: string[], data: Data): string {
  let text = blankJson(output);
  const blank = (pattern: RegExp) => {
    text = text.replace(pattern, blanked);
  };
  blank(/«[^»]*»|"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’|`[^`\n]*`|(?<![\p{L}])'[^'\n]*'(?![\p{L}])/gu);
  // Words a user types: the values a placeholder offers (`<oui|non>`, `<n|none>`), wherever they are.
  const typed = new Set<string>();
  for (const [, inside = ''] of output.matchAll(/<([^>\n]*\|[^>\n]*)>/g)) {
    for (const value of inside.split('|')) if (/^[\p{L}_-]{2,}$/u.test(value)) typed.add(value);
  }
  // The names column of a help page's "Arguments:" section.
  text = text.replace(
    /^(Arguments ?:\n)((?:[ \t]+\S.*\n?)+)/gm,
    (_all, title: string, rows: string) =>
      title + rows.replace(/^([ \t]{1,4})(\S+)/gm, (_row, indent: string, name: string) => indent + blanked(name)),
  );
  // Whole words only: the value `de` is no part of `code`.
  const blankValue = (value: string) => {
    if (value.length >= 2 && text.includes(value)) blank(new RegExp(wholeWord(value), 'gu'));
  };
  for (const value of data.values) blankValue(value);
  for (const value of [...args, ...typed].sort((a, b) => b.length - a.length)) blankValue(value);
  // A piece of a value (a search's snippet, a value cut short): three words or more in a
  // row, each a word of the data, are data.
  text = text.replace(/[\p{L}\p{N}'’-]+(?:[\s,.;:()—–-]+[\p{L}\p{N}'’-]+){2,}/gu, (run) => {
    const words = run.split(/[\s,.;:()—–-]+/u).filter(Boolean);
    return words.every((word) => data.words.has(word.toLowerCase())) ? blanked(run) : run;
  });
  // (No lookbehind over spaces: blanked text has long runs of them.)
  text = text.replace(
    /(\b(?:choices|valeurs possibles)[ \t]?:?[ \t]?)([^).;]+)/giu,
    (_all, label: string, list: string) => label + blanked(list),
  );
  text = text.replace(/(:\s)([a-z][a-z_]*(?:,\s+[a-z][a-z_]*)+)/g, (_all, colon: string, list: string) => colon + blanked(list));
  blank(/(?<![\p{L}\p{N}/])[\p{L}\p{N}]+(?:\/[\p{L}\p{N}]+)+(?![\p{L}\p{N}/])/gu);
  // A help page's example command lines (`  $ alumni … --outcome rejected`): typed as they are, in any language.
  blank(/^ {2}\$ .*$/gm);
  blank(/\balumni(?:\/[\d.]+)?(?: [a-z-]+){0,3}/g);
  blank(/[\w.+-]+@[\w.-]+/g);
  blank(/\b[a-z]+:\/\/\S+/gi);
  text = text.replace(/(^|\s)([~.]?\/\S*)/g, (_all, before: string, path: string) => before + blanked(path));
  // What a user types after --columns: CSV names, or `all` (the same in every language).
  blank(/--columns\s+[\w,]+/g);
  blank(/--?[\w-]+/g);
  blank(/<[^>\n]*>|\[[^\]\n]*\]/g);
  blank(/\b\w+_\w+\b/g);
  blank(/\b[0-9a-f]{8}-[0-9a-f-]{27}\b/g);
  return text;
}

/** `output` with each JSON document in it (from a line opening with `{` or `[` to the line that closes it) blanked in place. */
function blankJson(output: string): string {
  const lines = output.split('\n');
  for (let start = 0; start < lines.length; start++) {
    if (!/^[[{]/.test(lines[start] ?? '')) continue;
    for (let end = start; end < lines.length; end++) {
      if (!(end === start ? /[}\]]\s*$/ : /^[}\]]\s*$/).test(lines[end] ?? '')) continue;
      const block = lines.slice(start, end + 1).join('\n');
      try {
        JSON.parse(block);
      } catch {
        continue;
      }
      for (let i = start; i <= end; i++) lines[i] = blanked(lines[i] ?? '');
      start = end;
      break;
    }
  }
  return lines.join('\n');
}

function context(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 30);
  return `${start > 0 ? '…' : ''}${text
    .slice(start, index + length + 30)
    .replace(/\s+/g, ' ')
    .trim()}…`;
}

/** The text a reader sees in the report: no script, no style, tags gone, entities read. */
function htmlText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<(?:title|desc)[^>]*>/gi, '\n')
    .replace(/\s(?:aria-label|alt|title)="([^"]*)"/gi, ' >$1< ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, code: string) => String.fromCodePoint(parseInt(code, 16)));
}
