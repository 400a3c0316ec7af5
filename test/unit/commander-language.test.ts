import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable, Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { commanderErrorText, readCommanderError } from '../../src/cli/commander-language.js';
import { AlumniError, ExitCode, NotFoundError, problem, UsageError } from '../../src/errors.js';
import { setLanguage, type MessageKey } from '../../src/i18n/messages.js';
import { reportError } from '../../src/main.js';
import { runMain } from '../support/main.js';

/**
 * Commander's own words in the language of the run (src/cli/commander-language.ts), and
 * the JSON error object src/main.ts writes for a failure under --json: its code and
 * values never change with the language, its message does. In-process, without a database.
 */

afterEach(() => setLanguage({ language: 'en', source: 'default' }));

describe('help pages', () => {
  it("writes Commander's titles and the program's descriptions in French", async () => {
    const fr = await runMain(['--lang', 'fr', '--help']);
    expect(fr.code).toBe(0);
    expect(fr.stdout).toMatch(/^Utilisation : alumni \[options\] \[command\]/);
    expect(fr.stdout).toContain('\nOptions :\n');
    // The top level lists its commands under headings (src/cli/help-groups.ts).
    expect(fr.stdout).toContain('\nPersonnes et promotions :\n');
    expect(fr.stdout).toContain("afficher l'aide de la commande");
    expect(fr.stdout).toContain('afficher le numéro de version');
    expect(fr.stdout).toContain('langue des messages : fr ou en');
    expect(fr.stdout).not.toMatch(/Usage:|Options:|Commands:|display help/);

    const en = await runMain(['--lang', 'en', '--help']);
    expect(en.stdout).toMatch(/^Usage: alumni \[options\] \[command\]/);
    expect(en.stdout).toContain('\nOptions:\n');
    expect(en.stdout).toContain('\nPeople and rosters:\n');
    expect(en.stdout).toContain('display help for command');
  });

  it('writes a subcommand help, its choices and its default in the language of the locale', async () => {
    const fr = await runMain(['users', 'import', '--help'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(fr.code).toBe(0);
    expect(fr.stdout).toMatch(/^Utilisation : alumni users import \[options\]/);
    // Help wraps its descriptions to the width: words compared with their spaces joined.
    expect(fr.stdout.replace(/\s+/g, ' ')).toContain('par défaut : "given-first"');

    const c = await runMain(['users', 'import', '--help'], { env: { LANG: 'C' } });
    expect(c.stdout).toMatch(/^Usage: alumni users import \[options\]/);
    expect(c.stdout.replace(/\s+/g, ' ')).toContain('default: "given-first"');
  });

  it("writes an option's choices in the language", async () => {
    const fr = await runMain(['--help'], { env: { LC_ALL: 'fr_FR.UTF-8' } });
    // Help wraps its lines: compare the words.
    expect(fr.stdout.replace(/\s+/g, ' ')).toContain('(valeurs possibles : "en", "fr")');
    const en = await runMain(['--help'], { env: { LC_ALL: 'C.UTF-8', LANG: 'fr_FR.UTF-8' } });
    expect(en.stdout.replace(/\s+/g, ' ')).toContain('(choices: "en", "fr")');
  });

  it('`help <command>` too', async () => {
    const fr = await runMain(['help', 'stats'], { env: { ALUMNI_LANG: 'fr' } });
    expect(fr.code).toBe(0);
    expect(fr.stdout).toMatch(/^Utilisation : alumni stats \[options\] \[command\]/);
    expect(fr.stdout).toContain('Commandes :');
  });
});

interface Case {
  what: string;
  argv: string[];
  code: MessageKey;
  values: Record<string, unknown>;
  fr: string;
  en: string;
}

// Each of Commander's errors the catalog knows, as a person causes it.
const CASES: Case[] = [
  {
    what: 'an unknown command, with a suggestion',
    argv: ['users', 'lst'],
    code: 'cli.error.unknown_command',
    values: { name: 'lst', suggestions: ['list'] },
    fr: 'commande inconnue : « lst »\n(Vouliez-vous dire list ?)',
    en: "unknown command 'lst'\n(Did you mean list?)",
  },
  {
    what: 'an unknown option, with a suggestion',
    argv: ['users', 'list', '--limt', '3'],
    code: 'cli.error.unknown_option',
    values: { flag: '--limt', suggestions: ['--limit'] },
    fr: 'option inconnue : « --limt »\n(Vouliez-vous dire --limit ?)',
    en: "unknown option '--limt'\n(Did you mean --limit?)",
  },
  {
    what: 'a missing argument',
    argv: ['users', 'show'],
    code: 'cli.error.missing_argument',
    values: { name: 'ref' },
    fr: "il manque l'argument obligatoire « ref »",
    en: "missing required argument 'ref'",
  },
  {
    what: "an option's missing value",
    argv: ['users', 'list', '--limit'],
    code: 'cli.error.option_missing_argument',
    values: { flags: '--limit <n>' },
    fr: "l'option « --limit <n> » attend une valeur",
    en: "option '--limit <n>' argument missing",
  },
  {
    what: 'a mandatory option left out',
    argv: ['offers', 'extend', '00000000-0000-4000-8000-000000000300'],
    code: 'cli.error.missing_mandatory_option',
    values: { flags: '--until <date>' },
    fr: "l'option « --until <date> » est obligatoire",
    en: "required option '--until <date>' not specified",
  },
  {
    what: 'two conflicting options',
    argv: ['users', 'export', '--csv', '--xlsx', join(tmpdir(), 'alumni-never-written.xlsx')],
    code: 'cli.error.conflicting_option',
    values: { option: '--xlsx <file>', other: '--csv' },
    fr: 'les options « --xlsx <file> » et « --csv » ne vont pas ensemble',
    en: "option '--xlsx <file>' cannot be used with option '--csv'",
  },
  {
    what: 'too many arguments',
    argv: ['users', 'show', 'a', 'b'],
    code: 'cli.error.excess_arguments',
    values: { command: 'show', expected: 1, received: 2 },
    fr: "trop d'arguments pour « show » : 1 attendu, 2 reçus.",
    en: "too many arguments for 'show'. Expected 1 argument but got 2.",
  },
];

describe("Commander's errors", () => {
  for (const c of CASES) {
    it(`${c.what}: said in French and in English, exit 2`, async () => {
      const fr = await runMain(['--lang', 'fr', ...c.argv]);
      expect(fr.code).toBe(ExitCode.usage);
      expect(fr.stdout).toBe('');
      expect(fr.stderr).toBe(`erreur : ${c.fr}\n(--help pour l'utilisation)\n`);
      const en = await runMain(['--lang', 'en', ...c.argv]);
      expect(en.code).toBe(ExitCode.usage);
      expect(en.stderr).toBe(`error: ${c.en}\n(run with --help for usage)\n`);
    });

    it(`${c.what}: under --json, one JSON error object whose code and values do not depend on the language`, async () => {
      const objects: Record<string, unknown>[] = [];
      for (const [language, message] of [
        ['fr', c.fr],
        ['en', c.en],
      ] as const) {
        const result = await runMain(['--json', '--lang', language, ...c.argv]);
        expect(result.code).toBe(ExitCode.usage);
        expect(result.stdout).toBe('');
        expect(result.stderr.endsWith('\n')).toBe(true);
        expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
        const parsed = JSON.parse(result.stderr) as { error: { code: string; message: string; values: unknown } };
        expect(Object.keys(parsed)).toEqual(['error']);
        expect(parsed.error).toEqual({ code: c.code, message, values: c.values });
        objects.push({ code: parsed.error.code, values: parsed.error.values });
      }
      expect(objects[0]).toEqual(objects[1]);
    });
  }

  it('an --lang Commander refuses: its choices in the words of the locale', async () => {
    const fr = await runMain(['--lang', 'de', 'users', 'list'], { env: { LANG: 'fr_SN.UTF-8' } });
    expect(fr.code).toBe(ExitCode.usage);
    expect(fr.stderr).toBe(
      "erreur : la valeur « de » de l'option « --lang <language> » n'est pas valable. Valeurs possibles : en, fr.\n(--help pour l'utilisation)\n",
    );
    const c = await runMain(['--json', '--lang', 'de', 'users', 'list'], { env: { LANG: 'C' } });
    expect(JSON.parse(c.stderr)).toEqual({
      error: {
        code: 'cli.error.invalid_option_value',
        message: "option '--lang <language>' argument 'de' is invalid. Allowed choices are en, fr.",
        values: { flags: '--lang <language>', value: 'de', reason: 'Allowed choices are en, fr.' },
      },
    });
  });

  it('reads each pattern back, and leaves an unknown message as it is', () => {
    setLanguage({ language: 'fr', source: '--lang', value: 'fr' });
    expect(readCommanderError("error: unknown option '--x'\n(Did you mean one of --y, --z?)\n")).toEqual({
      code: 'cli.error.unknown_option',
      values: { flag: '--x', suggestions: ['--y', '--z'] },
      message: "option inconnue : « --x »\n(Vouliez-vous dire l'une de ces options : --y, --z ?)",
    });
    expect(readCommanderError("error: command-argument value 'x' is invalid for argument 'role'. Allowed choices are a, b.")).toMatchObject(
      {
        code: 'cli.error.invalid_argument_value',
        values: { name: 'role', value: 'x' },
        message: "la valeur « x » de l'argument « role » n'est pas valable. Valeurs possibles : a, b.",
      },
    );
    expect(readCommanderError('error: too many arguments. Expected 0 arguments but got 1.')).toMatchObject({
      values: { command: '', expected: 0, received: 1 },
      message: "trop d'arguments : 0 attendu, 1 reçu.",
    });
    expect(readCommanderError('error: something new in Commander')).toBeUndefined();
    expect(commanderErrorText('error: something new in Commander\n')).toBe('erreur : something new in Commander\n');
  });
});

/** Fake streams for reportError. */
function fakeIo(): { io: Io; stdout: () => string; stderr: () => string } {
  const text = { stdout: '', stderr: '' };
  const sink = (name: 'stdout' | 'stderr') =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        text[name] += chunk.toString();
        done();
      },
    });
  const io: Io = { stdin: Readable.from([]), stdout: sink('stdout'), stderr: sink('stderr'), env: {} };
  return { io, stdout: () => text.stdout, stderr: () => text.stderr };
}

describe('the JSON error object of src/main.ts', () => {
  // A key of the core catalog stands for any area's: what matters is the code and values.
  const coded = () => new UsageError(problem('cli.error.missing_mandatory_option', { flags: '--html <file>' }));

  it('gives the code, the message in the language of the run and the values', () => {
    for (const [language, message] of [
      ['fr', "l'option « --html <file> » est obligatoire"],
      ['en', "required option '--html <file>' not specified"],
    ] as const) {
      setLanguage({ language, source: '--lang', value: language });
      const { io, stdout, stderr } = fakeIo();
      expect(reportError(coded(), io, ['--json', 'stats', 'report'])).toBe(ExitCode.usage);
      expect(stdout()).toBe('');
      expect(JSON.parse(stderr())).toEqual({
        error: { code: 'cli.error.missing_mandatory_option', message, values: { flags: '--html <file>' } },
      });
    }
  });

  it("turns the data model's fields into the command's flags, in the values and in the message", () => {
    setLanguage({ language: 'fr', source: '--lang', value: 'fr' });
    const error = new UsageError({
      code: 'cli.error.conflicting_option' as MessageKey,
      values: { option: '--prix', other: '--payante', field: 'devise', otherFields: ['prix', 'inconnu'] } as never,
    });
    const { io, stderr } = fakeIo();
    reportError(error, io, ['--json'], { devise: '--devise', prix: '--prix' });
    expect(JSON.parse(stderr()).error.values).toEqual({
      option: '--prix',
      other: '--payante',
      field: '--devise',
      otherFields: ['--prix', 'inconnu'],
    });
  });

  it('shows the code with --verbose, in the words of the language', () => {
    setLanguage({ language: 'fr', source: 'LANG', value: 'fr_FR.UTF-8' });
    const { io, stderr } = fakeIo();
    expect(reportError(coded(), io, ['--verbose', '--no-color'])).toBe(ExitCode.usage);
    expect(stderr()).toContain("erreur : l'option « --html <file> » est obligatoire\n");
    expect(stderr()).toContain('code : cli.error.missing_mandatory_option');
    const quiet = fakeIo();
    reportError(coded(), quiet.io, ['--no-color']);
    expect(quiet.stderr()).not.toContain('cli.error.missing_mandatory_option');
  });

  it('a message not yet in the catalogs has no code; an unexpected error is `internal`, exit 1', () => {
    setLanguage({ language: 'fr', source: '--lang', value: 'fr' });
    const plain = fakeIo();
    expect(reportError(new NotFoundError('No user "x"'), plain.io, ['--json'])).toBe(ExitCode.notFound);
    expect(JSON.parse(plain.stderr())).toEqual({ error: { code: null, message: 'No user "x"', values: {} } });

    const crash = fakeIo();
    expect(reportError(new TypeError('x is undefined\n  more'), crash.io, ['--json'])).toBe(ExitCode.failure);
    expect(JSON.parse(crash.stderr())).toEqual({ error: { code: 'internal', message: 'x is undefined', values: {} } });

    const human = fakeIo();
    reportError(new TypeError('x is undefined'), human.io, ['--no-color']);
    expect(human.stderr()).toContain('x is undefined (--verbose pour les détails)');
  });

  it('keeps the exit code of the error', () => {
    const { io } = fakeIo();
    expect(reportError(new AlumniError('nope', ExitCode.notPermitted), io, ['--json'])).toBe(ExitCode.notPermitted);
  });
});
