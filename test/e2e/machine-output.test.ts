import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { Command } from '@commander-js/extra-typings';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { buildProgram } from '../../src/program.js';
import { Interruption } from '../../src/interrupt.js';
import { ROOT, runCli, type CliResult } from '../support/cli.js';
import { databaseCopies } from '../support/database-copies.js';
import { withDatabase } from '../support/global-setup.js';

/**
 * Machine output never changes with the language (issue 26): every command that writes
 * --json or --csv runs under `--lang fr` and under `--lang en` against the same seeded
 * database (the demo data, a roster and a partner list imported, every job run), and
 * stdout must be byte-identical and the exit code the same. A refusal under --json
 * writes a JSON error object whose code and values are the same in both languages
 * (only its message is translated).
 *
 * What depends on the clock and not on the language is masked before comparing, in
 * both outputs alike: an instant where the two runs differ by less than five minutes
 * (the time a command ran, `since` a month ago) and the timings of a run (`seconds`,
 * `rows_per_second`). Commands that write run each language on its own copy of the
 * seeded database, and what the run generates (new uuids, the time it wrote) is masked
 * too; nothing else.
 */

const SONATEL = '00000000-0000-4000-8000-000000000100';
const CLOUD = '00000000-0000-4000-8000-000000000110';
const PROMO = '00000000-0000-4000-8000-000000000600';
const CLUB = '00000000-0000-4000-8000-000000000603';
const STAGE = '00000000-0000-4000-8000-000000000300';
const EMPLOI = '00000000-0000-4000-8000-000000000400';
const FORMATION_PENDING = '00000000-0000-4000-8000-000000000504';
const GROUP_PENDING = '00000000-0000-4000-8000-000000000602';
const ORG_PENDING = '00000000-0000-4000-8000-000000000107';
const MESSAGE = '00000000-0000-4000-8000-000000000802';
const ALUMNA = 'adele.sow1@alumni.example';
const TEACHER = 'k.nguessan@ecole.example';

interface Case {
  /** The arguments after `--lang xx`; a function of the seeded run's values (an audit id). */
  args: string[] | ((seed: Seed) => string[]);
  /** The exit code on main, when it is not 0 (a refusal, `jobs check` failing). */
  exit?: number;
}
interface Seed {
  auditId: string;
  scratch: string;
}

// Commands that only read: both languages on the same database. Grouped per noun.
const READS: Record<string, Case[]> = {
  users: [
    { args: ['users', 'list', '--json'] },
    { args: ['users', 'list', '--csv'] },
    { args: ['users', 'list', '--json', '--limit', '5', '--statut', 'etudiant', '--travailleur', 'oui'] },
    { args: ['users', 'list', '--csv', '--annee', '2018', '--domaine', 'Gestion'] },
    { args: ['users', 'show', ALUMNA, '--json'] },
    { args: ['users', 'export'] },
    { args: ['users', 'export', '--csv', '--role', 'admin'] },
    { args: ['users', 'export', '--excel'] },
    { args: ['users', 'export', '--json'] },
    { args: ['users', 'imports', '--json'] },
    { args: ['users', 'imports', '--csv'] },
    { args: ['users', 'export-data', ALUMNA, '--json'] },
    { args: ['users', 'export-data', ALUMNA] },
    { args: ['users', 'erase', ALUMNA, '--dry-run', '--json'] },
    {
      args: (s) => [
        'users',
        'import',
        join(ROOT, 'fixtures/roster-sample.csv'),
        '--dry-run',
        '--json',
        '--rejects',
        join(s.scratch, 'r.csv'),
      ],
      exit: 3,
    },
    { args: ['users', 'show', 'nobody@nowhere.example', '--json'], exit: 4 },
    { args: ['users', 'list', '--json', '--annee', 'deux-mille'], exit: 2 },
  ],
  orgs: [
    { args: ['orgs', 'list', '--json'] },
    { args: ['orgs', 'list', '--csv', '--statut', 'active'] },
    { args: ['orgs', 'search', 'développeurs', '--json'] },
    { args: ['orgs', 'search', 'numérique', '--csv'] },
    { args: ['orgs', 'show', SONATEL, '--json'] },
    { args: ['orgs', 'show', 'sonatel', '--json'] },
    { args: ['orgs', 'duplicates', '--json'] },
    { args: ['orgs', 'duplicates', '--csv'] },
    { args: ['orgs', 'imports', '--json'] },
    { args: ['orgs', 'imports', '--csv'] },
    { args: ['orgs', 'contacts', 'list', SONATEL, '--json'] },
    { args: ['orgs', 'contacts', 'list', SONATEL, '--csv'] },
    { args: ['orgs', 'merge', SONATEL, CLOUD, '--dry-run', '--json'] },
    {
      args: (s) => ['orgs', 'import', join(ROOT, 'fixtures/partenaires.csv'), '--dry-run', '--json', '--rejects', join(s.scratch, 'p.csv')],
      exit: 3,
    },
    { args: ['orgs', 'show', 'Nulle Part SARL', '--json'], exit: 4 },
  ],
  offers: [
    { args: ['offers', 'list', '--json'] },
    { args: ['offers', 'list', '--csv'] },
    { args: ['offers', 'list', '--json', '--type', 'formation'] },
    { args: ['offers', 'search', 'développeurs', '--json'] },
    { args: ['offers', 'search', 'stage', '--csv'] },
    { args: ['offers', 'show', STAGE, '--json'] },
    { args: ['offers', 'show', FORMATION_PENDING, '--json'] },
    { args: ['offers', 'expiring', '--json'] },
    { args: ['offers', 'expiring', '--csv', '--within', '30d'] },
    { args: ['offers', 'show', '00000000-0000-4000-8000-00000000ffff', '--json'], exit: 4 },
  ],
  groups: [
    { args: ['groups', 'list', '--json'] },
    { args: ['groups', 'list', '--csv'] },
    { args: ['groups', 'show', PROMO, '--json'] },
    { args: ['groups', 'members', 'list', PROMO, '--json'] },
    { args: ['groups', 'members', 'list', CLUB, '--csv', '--all'] },
    { args: ['groups', 'messages', 'list', PROMO, '--json'] },
    { args: ['groups', 'messages', 'list', PROMO, '--csv', '--include-deleted'] },
    { args: ['groups', 'show', 'Aucun Groupe', '--json'], exit: 4 },
  ],
  validate: [
    { args: ['validate', 'list', '--json'] },
    { args: ['validate', 'list', '--csv'] },
    { args: ['validate', 'history', '--json'] },
    { args: ['validate', 'history', '--csv'] },
  ],
  refs: [
    { args: ['refs', 'fields', 'list', '--json'] },
    { args: ['refs', 'fields', 'list', '--csv'] },
    { args: ['refs', 'years', 'list', '--json'] },
    { args: ['refs', 'years', 'list', '--csv'] },
  ],
  jobs: [
    { args: ['jobs', 'list', '--json'] },
    { args: ['jobs', 'history', '--json'] },
    { args: ['jobs', 'history', '--csv'] },
    { args: ['jobs', 'crontab', '--json'] },
    { args: ['jobs', 'check', '--json'] },
    { args: ['jobs', 'run', 'purge-audit', '--dry-run', '--json'] },
    { args: ['jobs', 'run', '--all', '--dry-run', '--json'] },
    { args: ['jobs', 'run', 'no-such-job', '--json'], exit: 2 },
  ],
  stats: [
    { args: ['stats', 'employment', '--json'] },
    { args: ['stats', 'employment', '--csv'] },
    { args: ['stats', 'employment', '--json', '--from', '2018', '--to', '2022'] },
    { args: ['stats', 'domains', '--json'] },
    { args: ['stats', 'domains', '--csv', '--annee', '2018'] },
    { args: ['stats', 'overview', '--json'] },
  ],
  settings: [
    { args: ['settings', 'list', '--json'] },
    { args: ['settings', 'list', '--csv'] },
    { args: ['settings', 'get', 'school-name', '--json'], exit: 4 },
  ],
  audit: [
    { args: ['audit', 'list', '--json'] },
    { args: ['audit', 'list', '--csv'] },
    { args: ['audit', 'list', '--json', '--table', 'utilisateur', '--limit', '5'] },
    { args: (s) => ['audit', 'show', s.auditId, '--json'] },
  ],
  ops: [
    { args: ['doctor', '--json'] },
    { args: ['migrate', 'status', '--json'] },
    { args: ['fixtures', 'load', '--json'] },
    { args: ['migrate', 'latest', '--json'] },
  ],
  usage: [
    { args: ['users', 'lst', '--json'], exit: 2 },
    { args: ['users', 'list', '--json', '--limt', '3'], exit: 2 },
    { args: ['stats', 'report', '--json'], exit: 2 },
    { args: ['users', 'show', '--json'], exit: 2 },
  ],
};

// Commands that write: each language on its own copy of the seeded database.
const WRITES: Record<string, Case[]> = {
  users: [
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
        '--json',
      ],
    },
    { args: ['users', 'update', ALUMNA, '--titre', 'Ingénieure', '--travailleur', 'non', '--json'] },
    { args: ['users', 'deactivate', ALUMNA, '--json'] },
    { args: ['users', 'activate', 'francoise.ndour@ecole.example', '--json'] },
    { args: ['users', 'set-role', TEACHER, 'admin', '--json'] },
    { args: ['users', 'erase', ALUMNA, '--yes', '--json'] },
    { args: ['users', 'imports', 'undo', 'last', '--dry-run', '--json'] },
    { args: ['users', 'imports', 'undo', 'last', '--yes', '--deactivate-kept', '--json'] },
    {
      args: (s) => ['users', 'import', join(ROOT, 'fixtures/roster-sample.csv'), '--json', '--rejects', join(s.scratch, 'w.csv')],
      exit: 3,
    },
    { args: ['users', 'add', '--nom', 'Doublon', '--email', ALUMNA, '--no-password', '--json'], exit: 2 },
  ],
  orgs: [
    { args: ['orgs', 'imports', 'undo', 'last', '--yes', '--json'] },
    { args: ['orgs', 'add', '--nom', 'Kër Code', '--type', 'startup', '--ville', 'Dakar', '--json'] },
    { args: ['orgs', 'update', SONATEL, '--ville', 'Rufisque', '--json'] },
    { args: ['orgs', 'set-status', CLOUD, 'inactive', '--json'] },
    { args: ['orgs', 'contacts', 'add', CLOUD, TEACHER, '--role', 'employe', '--json'] },
    { args: ['orgs', 'contacts', 'remove', SONATEL, 'adele.sow1@alumni.example', '--yes', '--json'] },
    { args: ['orgs', 'contacts', 'set-principal', SONATEL, 'adele.sow1@alumni.example', '--json'] },
    { args: ['orgs', 'merge', SONATEL, CLOUD, '--yes', '--json'] },
  ],
  offers: [
    { args: ['offers', 'add', '--type', 'emploi', '--titre', 'Technicien réseau', '--org', SONATEL, '--type-emploi', 'hybride', '--json'] },
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
        '--json',
      ],
    },
    { args: ['offers', 'close', EMPLOI, '--json'] },
    { args: ['offers', 'extend', STAGE, '--until', '2099-01-31', '--json'] },
    { args: ['offers', 'add', '--type', 'formation', '--titre', 'Sans devise', '--prix', '10', '--json'], exit: 2 },
  ],
  groups: [
    { args: ['groups', 'add', '--nom', 'Promo 2025', '--type', 'public', '--json'] },
    { args: ['groups', 'update', CLUB, '--description', 'Chantiers, visites et stages.', '--json'] },
    { args: ['groups', 'members', 'add', PROMO, TEACHER, '--json'] },
    { args: ['groups', 'members', 'add', PROMO, '--from-users', '--annee', '2018', '--json'] },
    { args: ['groups', 'members', 'remove', PROMO, 'aissatou.kone2@alumni.example', '--yes', '--json'] },
    { args: ['groups', 'members', 'set-role', PROMO, 'aissatou.kone2@alumni.example', 'moderateur', '--json'] },
    { args: ['groups', 'messages', 'delete', MESSAGE, '--yes', '--json'] },
  ],
  validate: [
    { args: ['validate', 'approve', 'formations', FORMATION_PENDING, '--json'] },
    { args: ['validate', 'approve', 'groups', GROUP_PENDING, '--json'] },
    { args: ['validate', 'reject', 'orgs', ORG_PENDING, '--reason', 'Organisation inconnue.', '--json'] },
    { args: ['validate', 'reopen', 'formations', '00000000-0000-4000-8000-000000000505', '--json'] },
    { args: ['validate', 'reject', 'groups', GROUP_PENDING, '--json'], exit: 2 },
  ],
  refs: [
    { args: ['refs', 'fields', 'add', 'Génie des procédés', '--json'] },
    { args: ['refs', 'fields', 'rename', 'Gestion', 'Gestion des entreprises', '--json'] },
    { args: ['refs', 'fields', 'alias', 'Génie informatique', 'Informatique', '--json'] },
    { args: ['refs', 'fields', 'deactivate', 'Agroalimentaire', '--json'] },
    { args: ['refs', 'years', 'add', '2028', '--json'] },
    { args: ['refs', 'years', 'open', '2027', '--json'] },
    { args: ['refs', 'years', 'close', '2016', '--json'] },
  ],
  jobs: [
    { args: ['jobs', 'run', 'expire-offers', '--json'] },
    { args: ['jobs', 'run', '--all', '--json'] },
    // No pg_cron on the test server: a refusal, the same in both languages.
    { args: ['jobs', 'schedule', '--json'], exit: 2 },
    { args: ['jobs', 'unschedule', '--json'], exit: 2 },
  ],
  settings: [{ args: ['settings', 'set', 'school-name', 'Lycée technique Maurice Delafosse', '--json'] }],
};

/**
 * Leaf commands deliberately not run here, and why. Every other leaf command of the tree
 * must appear above: a new command fails this test until it is placed.
 */
const NOT_RUN: Record<string, string> = {
  'migrate up': 'no pending migration on a migrated database: the same output as migrate latest',
  'migrate down': 'drops the schema the others need; its --json is tested by test/e2e/migrate.test.ts',
  'migrate make': 'writes a source file in the repository, not a database',
  'validate review': 'interactive: no --json or --csv (test/e2e/language-sweep.test.ts runs it on a terminal)',
  'stats report': 'writes the HTML/PDF report (human output): test/e2e/language-sweep.test.ts reads it',
  completion: 'prints a shell script, the same in both languages: test/e2e/completion.test.ts',
  __complete: 'hidden, for the completion scripts: candidates, one a line (test/e2e/completion.test.ts)',
};

const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

describe('machine output is the same in French and English', () => {
  const adminUrl = () => inject('serverAdminUrl');
  let seeded: string;
  let seed: Seed;
  let seededAt: number;

  const copies = databaseCopies(adminUrl, 't_mo');
  const newDatabase = copies.copy;
  const run = (database: string, language: 'fr' | 'en', args: string[]): Promise<CliResult> =>
    runCli(['--lang', language, ...args], {
      env: { DATABASE_URL: withDatabase(adminUrl(), database), ALUMNI_ACTOR: 'direction@ecole.example', TZ: 'Africa/Dakar' },
      cwd: seed.scratch,
    });

  beforeAll(async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'alumni-machine-'));
    seed = { auditId: '', scratch };
    seeded = await newDatabase(inject('serverTemplate'));
    const steps = [
      ['fixtures', 'load'],
      ['users', 'import', join(ROOT, 'fixtures/roster-sample.csv'), '--rejects', join(scratch, 'seed-roster.csv')],
      ['orgs', 'import', join(ROOT, 'fixtures/partenaires.csv'), '--rejects', join(scratch, 'seed-orgs.csv')],
      ['validate', 'reject', 'formations', '00000000-0000-4000-8000-000000000505', '--reason', 'Promesses de gains.'],
      ['jobs', 'run', '--all'],
    ];
    for (const step of steps) {
      const result = await run(seeded, 'en', step);
      if (result.code !== 0 && result.code !== 3) throw new Error(`seeding: ${step.join(' ')} exited ${result.code}: ${result.stderr}`);
    }
    const url = withDatabase(adminUrl(), seeded);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // Every table's free-space and visibility maps made now: doctor's sizes stay put.
      await client.query('vacuum analyze');
      seed.auditId = (await client.query<{ id: string }>('select id from audit_log order by created_at desc, id limit 1')).rows[0]!.id;
    } finally {
      await client.end();
    }
    seededAt = Date.now();
  }, 180_000);

  afterAll(async () => {
    await copies.dropAll();
    if (seed?.scratch) rmSync(seed.scratch, { recursive: true, force: true });
  });

  const argsOf = (c: Case) => (typeof c.args === 'function' ? c.args(seed) : c.args);
  const title = (c: Case) =>
    (typeof c.args === 'function' ? c.args({ auditId: '<audit id>', scratch: '$TMP' }) : c.args).join(' ').replaceAll(ROOT, '.');

  /** The JSON error object's code and values (its message is the language's). */
  const errorOf = (stderr: string) => {
    const parsed = JSON.parse(stderr) as { error: { code: unknown; values: unknown; message: unknown } };
    expect(typeof parsed.error.message).toBe('string');
    return { code: parsed.error.code, values: parsed.error.values };
  };

  const compare = (args: string[], fr: CliResult, en: CliResult, expectedExit: number, mask: (text: string) => string = (t) => t) => {
    const context = `alumni ${args.join(' ')}\n--- fr stderr:\n${fr.stderr}\n--- en stderr:\n${en.stderr}`;
    expect(fr.code, context).toBe(expectedExit);
    expect(en.code, context).toBe(fr.code);
    // doctor says which language is in use and why: the one value that follows --lang.
    const stdout = (r: CliResult) => (args[0] === 'doctor' ? withoutLanguage(r.stdout) : r.stdout);
    const [frOut, enOut] = sameClock(stdout(fr), stdout(en));
    expect(mask(frOut), context).toBe(mask(enOut));
    if (expectedExit === 0) expect(fr.stdout.length, context).toBeGreaterThan(0);
    if (expectedExit !== 0 && args.includes('--json') && fr.stderr.trim().startsWith('{')) {
      const [frErr, enErr] = sameClock(fr.stderr, en.stderr);
      expect(errorOf(mask(frErr)), context).toEqual(errorOf(mask(enErr)));
    }
  };

  for (const [area, cases] of Object.entries(READS)) {
    describe(`${area}, reading`, () => {
      for (const c of cases) {
        it(title(c), async () => {
          const args = argsOf(c);
          const fr = await run(seeded, 'fr', args);
          const en = await run(seeded, 'en', args);
          compare(args, fr, en, c.exit ?? 0);
        });
      }
    });
  }

  for (const [area, cases] of Object.entries(WRITES)) {
    describe(`${area}, writing (each language on its own copy)`, () => {
      for (const c of cases) {
        it(title(c), async () => {
          const args = argsOf(c);
          const [frDb, enDb] = [await newDatabase(seeded), await newDatabase(seeded)];
          const fr = await run(frDb, 'fr', args);
          const en = await run(enDb, 'en', args);
          compare(args, fr, en, c.exit ?? 0, generatedMasked(seededAt));
        });
      }
    });
  }

  it('covers every leaf command of the tree (or says why not)', () => {
    const covered = new Set<string>();
    for (const cases of [...Object.values(READS), ...Object.values(WRITES)]) {
      for (const c of cases) covered.add(commandPath(typeof c.args === 'function' ? c.args({ auditId: 'x', scratch: '/x' }) : c.args));
    }
    const missing = leafCommands().filter((path) => !covered.has(path) && !Object.hasOwn(NOT_RUN, path));
    expect(missing).toEqual([]);
    // And every --csv of the tree is run.
    const csvRun = new Set<string>();
    for (const cases of [...Object.values(READS), ...Object.values(WRITES)]) {
      for (const c of cases) {
        const args = typeof c.args === 'function' ? c.args({ auditId: 'x', scratch: '/x' }) : c.args;
        if (args.includes('--csv')) csvRun.add(commandPath(args));
      }
    }
    expect(leafCommands({ withOption: '--csv' }).filter((path) => !csvRun.has(path))).toEqual([]);
  });
});

/** doctor's JSON without the language it reports (its key names `lang`/`language`). */
function withoutLanguage(stdout: string): string {
  try {
    const parsed = JSON.parse(stdout) as Record<string, unknown>;
    for (const key of Object.keys(parsed)) if (/^lang(uage)?$/i.test(key)) delete parsed[key];
    return JSON.stringify(parsed, null, 2);
  } catch {
    return stdout;
  }
}

const TIMINGS = /"(seconds|rows_per_second|duration(?:_\w+)?|elapsed(?:_\w+)?|\w+_ms)": -?[\d.]+(?:e[+-]?\d+)?/g;
const CLOSE = 5 * 60_000;

/**
 * Both outputs with what only the clock changes masked alike: timings, and each pair of
 * instants (the n-th of one output, the n-th of the other) that differ by less than
 * five minutes. Equal instants, and any other difference, are left for the comparison.
 */
function sameClock(a: string, b: string): [string, string] {
  const timed = (text: string) => text.replace(TIMINGS, '"$1": <timing>');
  const [ta, tb] = [timed(a), timed(b)];
  const ia = [...ta.matchAll(ISO)].map((m) => m[0]);
  const ib = [...tb.matchAll(ISO)].map((m) => m[0]);
  if (ia.length !== ib.length) return [ta, tb];
  const clock = ia.map((x, i) => x !== ib[i] && Math.abs(Date.parse(x) - Date.parse(ib[i]!)) < CLOSE);
  let n = 0;
  const ma = ta.replace(ISO, (x) => (clock[n++] ? '<clock>' : x));
  n = 0;
  const mb = tb.replace(ISO, (x) => (clock[n++] ? '<clock>' : x));
  return [ma, mb];
}

/** Masks the uuids and instants a write generated: instants after the seeding, uuids not of the demo data's fixed form. */
function generatedMasked(seededAt: number): (text: string) => string {
  return (text) =>
    text
      .replace(UUID, (id) => (id.startsWith('00000000-0000-4000-8000-') ? id : '<uuid>'))
      .replace(ISO, (instant) => (Date.parse(instant) >= seededAt - 1000 ? '<now>' : instant));
}

/** The command path of some arguments: `orgs contacts list` for `orgs contacts list X --json`. */
function commandPath(args: string[]): string {
  const tree = program();
  const words: string[] = [];
  let current: Command = tree;
  for (const arg of args) {
    const sub = current.commands.find((c) => c.name() === arg) as Command | undefined;
    if (!sub) break;
    words.push(arg);
    current = sub;
  }
  return words.join(' ');
}

function leafCommands(options: { withOption?: string } = {}): string[] {
  const paths: string[] = [];
  const walk = (command: Command, words: string[]) => {
    for (const sub of command.commands as Command[]) {
      const path = [...words, sub.name()];
      if (sub.commands.length === 0) {
        if (!options.withOption || sub.options.some((o) => o.long === options.withOption)) paths.push(path.join(' '));
      } else walk(sub, path);
    }
  };
  walk(program(), []);
  return paths;
}

let tree: Command | undefined;
function program(): Command {
  if (tree) return tree;
  const sink = new Writable({ write: (_c, _e, done) => done() });
  const io: Io = { stdin: Readable.from([]), stdout: sink, stderr: sink, env: {} };
  tree = buildProgram(io, { exitCode: 0, interruption: new Interruption() }) as Command;
  return tree;
}
