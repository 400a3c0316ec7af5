import { Readable, Writable } from 'node:stream';
import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { describe, expect, it } from 'vitest';
import { complete, type Completion } from '../../src/cli/completion.js';
import type { Io } from '../../src/cli/io.js';
import { QUEUES } from '../../src/services/moderation/names.js';
import { setLanguage } from '../../src/i18n/messages.js';
import { Interruption } from '../../src/interrupt.js';
import { buildProgram } from '../../src/program.js';
import { runMain } from '../support/main.js';

/** Completion read from the command tree, in process: what the hidden command answers for each command line. */
setLanguage({ language: 'en', source: 'default' });
const sink = new Writable({ write: (_c, _e, done) => done() });
const io: Io = { stdin: Readable.from([]), stdout: sink, stderr: sink, env: {} };
const tree = buildProgram(io, { exitCode: 0, interruption: new Interruption() }) as unknown as CommandUnknownOpts;
const values = (words: string[]) => complete(tree, words).candidates.map((candidate) => candidate.value);

describe('completion from the command tree', () => {
  it('completes nouns, then verbs, after global options and their values', () => {
    expect(values(['--lang', 'fr', '--json', 'us'])).toEqual(['users']);
    expect(values(['refs', ''])).toEqual(['fields', 'years', 'help']);
    expect(values(['refs', 'fields', 're'])).toEqual(['rename']);
  });

  it("completes a command's options and the global ones, but not --version below the root", () => {
    const options = values(['offers', 'add', '--']);
    expect(options).toEqual(expect.arrayContaining(['--type-emploi', '--devise', '--help', '--as', '--json', '--database-url', '--lang']));
    expect(options).not.toContain('--version');
    expect(values(['-'])).toContain('--version');
  });

  it("completes an option's fixed values, in both forms, and nothing for free text", () => {
    expect(values(['validate', 'history', '--queue', ''])).toEqual([...QUEUES]);
    expect(complete(tree, ['offers', 'list', '--type=e'])).toMatchObject({ candidates: [{ value: 'emploi' }], valuePrefix: '--type=' });
    expect(values(['groups', 'list', '--valide', ''])).toEqual(['oui', 'non']);
    expect(values(['groups', 'add', '--max', ''])).toEqual(['none']);
    expect(values(['users', 'import', 'x.csv', '--mode', ''])).toEqual(['upsert', 'insert', 'update']);
    expect(values(['users', 'list', '--search', ''])).toEqual([]);
    expect(values(['--lang', ''])).toEqual(['en', 'fr']);
  });

  it('completes fixed arguments, a variadic one at every position', () => {
    expect(values(['validate', 'approve', ''])).toEqual([...QUEUES]);
    expect(values(['validate', 'approve', 'groups', ''])).toEqual([]);
    expect(values(['jobs', 'run', 'expire-offers', 'refresh-stats', 'pu'])).toEqual(['purge-messages', 'purge-audit']);
    expect(values(['orgs', 'set-status', 'Sonatel', ''])).toEqual(['active', 'inactive', 'en_attente']);
  });

  it('asks the database for group and organisation names, and the shell for files', () => {
    const asked = (words: string[]): Completion['names'] => complete(tree, words).names;
    expect(asked(['groups', 'members', 'remove', 'Pro'])).toEqual({ kind: 'group', prefix: 'Pro' });
    expect(asked(['groups', 'members', 'remove', 'Promo 2024', ''])).toBeUndefined();
    expect(asked(['orgs', 'contacts', 'add', 'son'])).toEqual({ kind: 'organisation', prefix: 'son' });
    expect(asked(['orgs', 'merge', 'Sonatel', 'Sona'])).toEqual({ kind: 'organisation', prefix: 'Sona' });
    expect(asked(['offers', 'add', '--org', ''])).toEqual({ kind: 'organisation', prefix: '' });
    expect(complete(tree, ['stats', 'report', '--pdf', 'rep']).files).toBe(true);
    expect(complete(tree, ['orgs', 'import', '']).files).toBe(true);
  });

  it('takes every word after -- as an argument', () => {
    expect(values(['validate', 'approve', '--', '-'])).toEqual([]);
    expect(complete(tree, ['groups', 'show', '--', '-x']).names).toEqual({ kind: 'group', prefix: '-x' });
  });

  it('keeps the hidden command out of every list, and its run out of the usage errors', async () => {
    expect(values(['__'])).toEqual([]);
    const run = await runMain(['__complete', '--', 'users', 'list', '--help', '--statut', 'pe']);
    expect(run).toMatchObject({ code: 0, stderr: '', stdout: 'personnel_admin\npersonnel_technique\n:nofiles\n' });
  });
});
