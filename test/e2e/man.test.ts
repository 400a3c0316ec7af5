import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { Command } from '@commander-js/extra-typings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { ExitCode } from '../../src/errors.js';
import { setLanguage } from '../../src/i18n/messages.js';
import { Interruption } from '../../src/interrupt.js';
import { buildProgram } from '../../src/program.js';
import { ROOT } from '../support/cli.js';

/**
 * The manual pages as `man` shows them: scripts/man.mjs (the build's last step) writes
 * them from the command tree into a scratch directory, and `man -l` renders each at 80
 * columns. A command, option, environment variable or exit code the page does not
 * document fails here.
 */

const SECTIONS = ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'COMMANDS', 'OPTIONS', 'ENVIRONMENT', 'EXIT STATUS', 'EXAMPLES', 'SEE ALSO'];

/** The page rendered by man at 80 columns, as plain text. */
function render(file: string): string {
  const result = spawnSync('man', ['--warnings', '-l', file], {
    env: { PATH: process.env.PATH ?? '', MANWIDTH: '80', MANPAGER: 'cat', PAGER: 'cat', LANG: 'C.UTF-8' },
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

/** The text of a section of a rendered page: from its heading to the next one. */
function section(page: string, name: string): string {
  const start = page.search(new RegExp(`^${name}$`, 'm'));
  expect(start, `section ${name}`).toBeGreaterThanOrEqual(0);
  const rest = page.slice(start + name.length);
  const end = rest.search(/^[A-Z][A-Z ]+$/m);
  return end === -1 ? rest : rest.slice(0, end);
}

/** Every leaf command of the tree, as its words: [['users', 'list'], …], hidden ones left out. */
function leafCommands(): string[][] {
  setLanguage({ language: 'en', source: 'default' });
  const sink = new Writable({ write: (_c, _e, done) => done() });
  const io: Io = { stdin: Readable.from([]), stdout: sink, stderr: sink, env: {} };
  const program = buildProgram(io, { exitCode: 0, interruption: new Interruption() }) as unknown as Command;
  const leaves: string[][] = [];
  const walk = (command: Command, words: string[]) => {
    for (const sub of command.commands as Command[]) {
      if ((sub as unknown as { _hidden: boolean })._hidden) continue;
      const path = [...words, sub.name()];
      if (sub.commands.length === 0) leaves.push(path);
      else walk(sub, path);
    }
  };
  walk(program, []);
  return leaves;
}

describe('the manual pages', () => {
  let dir: string;
  let pages: Map<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'alumni-man-'));
    const generated = spawnSync(process.execPath, [join(ROOT, 'scripts', 'man.mjs'), '--out', dir], { encoding: 'utf8' });
    expect(generated.stderr).toBe('');
    expect(generated.status).toBe(0);
    pages = new Map(readdirSync(dir).map((file) => [file, render(join(dir, file))]));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('man alumni has every section, the synopsis and the global options', () => {
    const page = pages.get('alumni.1')!;
    for (const name of SECTIONS) section(page, name);
    expect(page).toMatch(/^ALUMNI\(1\) +alumni manual +ALUMNI\(1\)$/m);
    expect(section(page, 'NAME')).toContain('alumni - ');
    expect(section(page, 'SYNOPSIS')).toContain('alumni [global-options] noun verb [arguments] [options]');
    const options = section(page, 'OPTIONS');
    for (const flag of ['--database-url url', '--json', '--as user', '--verbose', '--no-color', '--lang language'])
      expect(options).toContain(flag);
    expect(section(page, 'DESCRIPTION')).toContain('This manual is the reference, in English');
    expect(section(page, 'EXAMPLES')).toContain('alumni users import fixtures/roster-sample.csv');
    expect(section(page, 'SEE ALSO')).toContain('alumni-users(1)');
    // Nothing wider than the terminal but the examples, which are typed as shown.
    const wide = page.split('\n').filter((line) => line.length > 80 && !/^ {14}\S/.test(line));
    expect(wide).toEqual([]);
  });

  it('documents every command of the tree in man alumni, and each with its options in its noun page', () => {
    const overview = section(pages.get('alumni.1')!, 'COMMANDS');
    const leaves = leafCommands();
    expect(leaves.length).toBeGreaterThan(60);
    const missing: string[] = [];
    for (const words of leaves) {
      const usage = new RegExp(`^ {7}alumni ${words.join(' ')}(?: |$)`, 'm');
      if (!usage.test(overview)) missing.push(`alumni.1: alumni ${words.join(' ')}`);
      const nounPage = pages.get(`alumni-${words[0]}.1`);
      if (!nounPage || !usage.test(section(nounPage, 'SYNOPSIS'))) missing.push(`alumni-${words[0]}.1: alumni ${words.join(' ')}`);
    }
    expect(missing).toEqual([]);
    expect(overview).not.toContain('__complete');
    const groups = section(pages.get('alumni-groups.1')!, 'COMMANDS');
    expect(groups).toMatch(/alumni groups members add \[options\] group \[people\.\.\.\]\n +add people to the group/);
    expect(groups).toContain('--role role');
    expect(groups).toContain('--from-users');
    expect(section(pages.get('alumni-orgs.1')!, 'COMMANDS')).toContain('--statut statut');
    expect(section(pages.get('alumni-offers.1')!, 'COMMANDS')).toContain('--type-emploi type');
  });

  it('lists every ALUMNI_ variable of the sources in ENVIRONMENT, and every exit code in EXIT STATUS', () => {
    const page = pages.get('alumni.1')!;
    const environment = section(page, 'ENVIRONMENT');
    const sources = spawnSync('grep', ['-rhoE', '\\bALUMNI_[A-Z_]+', join(ROOT, 'src')], { encoding: 'utf8' }).stdout;
    const variables = [...new Set(sources.split('\n').filter(Boolean))];
    expect(variables.length).toBeGreaterThan(5);
    for (const name of [...variables, 'DATABASE_URL', 'NO_COLOR', 'LANG', 'TZ'])
      expect(environment, name).toMatch(new RegExp(`^ {7}${name}\\b|, ${name}\\b`, 'm'));
    const status = section(page, 'EXIT STATUS');
    for (const code of Object.values(ExitCode)) expect(status).toMatch(new RegExp(`^ {7}${code}\\b`, 'm'));
  });

  it('package.json lists every page the build writes, and the build wrote them into man/', () => {
    const { man, files } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { man: string[]; files: string[] };
    expect(man.map((file) => file.replace(/^\.\/man\//, '')).sort()).toEqual([...pages.keys()].sort());
    expect(files).toContain('man');
    for (const file of man) expect(existsSync(join(ROOT, file)), `${file} (npm run build)`).toBe(true);
  });
});
