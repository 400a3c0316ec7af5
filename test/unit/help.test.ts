import { Readable, Writable } from 'node:stream';
import type { Command } from '@commander-js/extra-typings';
import { afterEach, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { EXAMPLES } from '../../src/cli/help-examples.js';
import { COMMAND_GROUPS } from '../../src/cli/help-groups.js';
import { setLanguage, t } from '../../src/i18n/messages.js';
import { Interruption } from '../../src/interrupt.js';
import { buildProgram } from '../../src/program.js';
import { runMain } from '../support/main.js';

/**
 * Help like gh's (issue 27, point 3), in process: every command has examples, every
 * subcommand lists the program's options it inherits, and the top level groups its nouns
 * under headings. test/e2e/help-examples.test.ts runs the examples themselves.
 */

afterEach(() => setLanguage({ language: 'en', source: 'default' }));

function program(): Command {
  const sink = new Writable({ write: (_c, _e, done) => done() });
  const io: Io = { stdin: Readable.from([]), stdout: sink, stderr: sink, env: {} };
  return buildProgram(io, { exitCode: 0, interruption: new Interruption() }) as unknown as Command;
}

/** Every command of the tree by its path (`users list`), with whether it has subcommands. */
function commands(): Array<{ path: string; leaf: boolean }> {
  const found: Array<{ path: string; leaf: boolean }> = [];
  const walk = (command: Command, words: string[]) => {
    for (const sub of command.commands as Command[]) {
      // A hidden command (completion's __complete) has no help page.
      if ((sub as unknown as { _hidden?: boolean })._hidden) continue;
      const path = [...words, sub.name()];
      found.push({ path: path.join(' '), leaf: sub.commands.length === 0 });
      walk(sub, path);
    }
  };
  walk(program(), []);
  return found;
}

const GLOBAL_OPTIONS = ['--database-url <url>', '--json', '--as <user>', '--verbose', '--no-color', '--lang <language>'];

describe('examples', () => {
  it('every command, leaf or noun, has one to three examples', () => {
    const missing = commands()
      .filter(({ path }) => !(EXAMPLES[path]?.length && EXAMPLES[path]!.length <= 3))
      .map(({ path, leaf }) => `${path}${leaf ? '' : ' (noun)'}: ${EXAMPLES[path]?.length ?? 0} examples`);
    expect(missing).toEqual([]);
  });

  it('names no command the tree does not have, and each example runs alumni', () => {
    const paths = new Set(['', ...commands().map((c) => c.path)]);
    expect(Object.keys(EXAMPLES).filter((path) => !paths.has(path))).toEqual([]);
    for (const [path, examples] of Object.entries(EXAMPLES)) {
      for (const example of examples) expect(example.run, path).toMatch(/^alumni /);
    }
  });

  it("a leaf's examples run that command", () => {
    const wrong: string[] = [];
    for (const { path, leaf } of commands()) {
      if (!leaf) continue;
      for (const example of EXAMPLES[path] ?? []) if (!example.run.includes(`alumni ${path}`)) wrong.push(`${path}: ${example.run}`);
    }
    expect(wrong).toEqual([]);
  });

  it('a page ends with its examples: what each does in the language of the run, the command line as typed', async () => {
    const en = await runMain(['users', 'list', '--help'], { env: { LANG: 'C' } });
    expect(en.code).toBe(0);
    expect(en.stdout).toContain(
      '\nExamples:\n' +
        '  # The graduates of 2022 in Génie informatique (accents and case ignored)\n' +
        '  $ alumni users list --annee 2022 --domaine "genie informatique"\n' +
        '\n' +
        '  # Deactivated accounts\n' +
        '  $ alumni users list --actif non\n',
    );
    const fr = await runMain(['users', 'list', '--help'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(fr.stdout).toContain(
      '\nExemples :\n' +
        '  # Les diplômés de 2022 en Génie informatique (accents et casse ignorés)\n' +
        '  $ alumni users list --annee 2022 --domaine "genie informatique"\n',
    );
  });

  it('wraps a long explanation to the page, each line a comment', async () => {
    const page = await runMain(['users', 'import', '--help'], { env: { LANG: 'C' } });
    const section = page.stdout.slice(page.stdout.indexOf('\nExamples:\n'));
    const comments = section.split('\n').filter((line) => line.startsWith('  #'));
    expect(comments.length).toBeGreaterThan(2);
    for (const line of comments) expect(line.length).toBeLessThanOrEqual(80);
  });
});

describe('inherited options', () => {
  it.each([['users', 'list'], ['users'], ['orgs', 'contacts', 'add'], ['doctor']])(
    '%s --help lists every global option under "Inherited options:", not --version',
    async (...path) => {
      const page = await runMain([...path, '--help'], { env: { LANG: 'C' } });
      expect(page.code).toBe(0);
      const start = page.stdout.indexOf('\nInherited options:\n');
      expect(start).toBeGreaterThan(0);
      const section = page.stdout.slice(start).split('\n\n')[0]!;
      for (const flags of GLOBAL_OPTIONS) expect(section).toMatch(new RegExp(`^  ${flags}\\s`, 'm'));
      expect(section).not.toContain('--version');
      expect(section).not.toContain('--help');
    },
  );

  it('in French too', async () => {
    const page = await runMain(['stats', 'report', '--help'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(page.stdout).toContain('\nOptions héritées :\n  --database-url <url>');
    expect(page.stdout).not.toContain('Inherited');
  });

  it('the top level has none (its options are its own)', async () => {
    const page = await runMain(['--help'], { env: { LANG: 'C' } });
    expect(page.stdout).not.toContain('Inherited options:');
    expect(page.stdout).toContain('\nOptions:\n  -V, --version');
  });
});

describe('the top-level help', () => {
  it('puts every noun under a heading', () => {
    const grouped = new Set(COMMAND_GROUPS.flatMap((group) => group.nouns));
    const nouns = commands()
      .map((c) => c.path)
      .filter((path) => !path.includes(' '));
    expect(nouns.filter((noun) => !grouped.has(noun))).toEqual([]);
  });

  it.each([
    ['en', 'C'],
    ['fr', 'fr_FR.UTF-8'],
  ] as const)('lists the nouns under their headings, in order (%s)', async (language, LANG) => {
    const page = await runMain(['--help'], { env: { LANG } });
    expect(page.code).toBe(0);
    setLanguage({ language, source: 'default' });
    // Heading → the command names listed under it, as printed.
    const listed: Array<[string, string[]]> = [];
    for (const block of page.stdout.split('\n\n')) {
      const [title, ...rows] = block.split('\n');
      if (!title || title.startsWith(' ')) continue;
      listed.push([title, rows.filter((row) => /^ {2}\S/.test(row)).map((row) => row.trim().split(/\s+/)[0]!)]);
    }
    const present = new Set(commands().map((c) => c.path));
    const expected = COMMAND_GROUPS.map((group): [string, string[]] => [t(group.heading), group.nouns.filter((noun) => present.has(noun))]);
    // `help [command]` is listed last, with the operations.
    expected.at(-1)![1].push('help');
    const headings = expected.map(([heading]) => heading);
    expect(listed.filter(([title]) => headings.includes(title))).toEqual(expected);
    expect(page.stdout).not.toMatch(/^(Commands:|Commandes :)$/m);
  });

  it("keeps a noun's own page ungrouped, its help command with its verbs", async () => {
    const page = await runMain(['users', '--help'], { env: { LANG: 'C' } });
    expect(page.stdout).toMatch(/\nCommands:\n(?: {2}.*\n)+ {2}help \[command\]/);
    expect(page.stdout).not.toContain('Operations:');
  });
});
