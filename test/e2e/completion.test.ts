import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI, ROOT, runCli } from '../support/cli.js';
import { createServerDatabase, embeddedDataDir, type TestDatabase } from '../support/databases.js';

/**
 * Shell completion as a user gets it: the script `alumni completion bash` prints, sourced
 * in a real bash, its `_alumni` function driven through COMP_WORDS/COMP_CWORD as bash
 * does at a Tab (and once at a real Tab in an interactive bash), calling the built CLI
 * found on PATH as `alumni`, on the demo data.
 */

const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** A directory with `alumni` in it (the built CLI), to put first on PATH. */
function alumniOnPath(): { dir: string; path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'alumni-bin-'));
  writeFileSync(join(dir, 'alumni'), `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(CLI)} "$@"\n`);
  chmodSync(join(dir, 'alumni'), 0o755);
  return { dir, path: `${dir}:${process.env.PATH ?? ''}`, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Each line of `lines` completed by bash: the words typed (the last one under the
 * cursor, as bash splits them: `--statut=en` is `--statut`, `=`, `en`), and what
 * `_alumni` leaves in COMPREPLY.
 */
function bashCompletions(lines: string[][], env: Record<string, string>): string[][] {
  const script = [
    'source <(alumni completion bash) || exit 9',
    'complete -p alumni >/dev/null || exit 8',
    'try() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=(); _alumni; printf "%s\\n" "${COMPREPLY[@]}" "--- $?"; }',
    ...lines.map((words) => `try ${['alumni', ...words].map(quote).join(' ')}`),
  ].join('\n');
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', script], {
    cwd: ROOT,
    env: { HOME: tmpdir(), ...env },
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const sections = result.stdout.split(/^--- (\d+)\n/m);
  const replies: string[][] = [];
  for (let i = 0; i + 1 < sections.length; i += 2) {
    expect(sections[i + 1], `_alumni's status for ${lines[replies.length]!.join(' ')}`).toBe('0');
    replies.push(sections[i]!.split('\n').filter((line) => line !== ''));
  }
  expect(replies).toHaveLength(lines.length);
  return replies;
}

// Under CI (.ci/run installs both shells) a missing shell fails the test rather than skipping it.
const installed = (shell: string) => process.env.CI === 'true' || spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

/** An interactive shell on a real pseudo-terminal (util-linux `script`): keys in, the screen's text out. */
function terminal(command: string, env: Record<string, string>) {
  const shell = spawn('script', ['--quiet', '--flush', '--command', command, '/dev/null'], {
    cwd: ROOT,
    env: { HOME: tmpdir(), TERM: 'xterm', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let raw = '';
  shell.stdout.on('data', (chunk) => (raw += chunk));
  // zsh moves its cursor back with backspaces while it redraws: left out, as carriage returns.
  const screen = () => stripVTControlCharacters(raw).replace(/[\r\b]/g, '');
  return {
    type: (keys: string) => shell.stdin.write(keys),
    waitFor: (pattern: RegExp) =>
      vi.waitFor(
        () => {
          if (!pattern.test(screen())) throw new Error(`the terminal never showed ${pattern}:\n${screen()}`);
        },
        { timeout: 30_000, interval: 50 },
      ),
    close: () => {
      shell.stdin.end();
      shell.kill('SIGKILL');
    },
  };
}

describe('alumni completion bash, in a real bash, on the embedded demo database', () => {
  let data: ReturnType<typeof embeddedDataDir>;
  let bin: ReturnType<typeof alumniOnPath>;
  let env: Record<string, string>;
  beforeAll(async () => {
    data = embeddedDataDir();
    bin = alumniOnPath();
    env = { PATH: bin.path, ALUMNI_DATA_DIR: data.dataDir };
    expect((await runCli(['fixtures', 'load'], { env })).code).toBe(0);
  }, 120_000);
  afterAll(() => {
    data.remove();
    bin.remove();
  });

  it('completes nouns, verbs, options, fixed values, group and organisation names, and file names', () => {
    const [
      noun,
      nouns,
      verb,
      option,
      statut,
      statutInline,
      queue,
      jobs,
      role,
      group,
      quoted,
      accented,
      allGroups,
      org,
      file,
      freeText,
      hidden,
    ] = bashCompletions(
      [
        ['gr'],
        [''],
        ['groups', 'sh'],
        ['users', 'list', '--sta'],
        ['users', 'list', '--statut', ''],
        ['users', 'list', '--statut', '=', 'en'],
        ['validate', 'list', 'f'],
        ['jobs', 'run', 'purge-'],
        ['groups', 'members', 'set-role', 'Promo 2024', 'x', ''],
        ['groups', 'show', 'Pro'],
        ['groups', 'show', '"Pro'],
        ['groups', 'members', 'add', 'dev'],
        ['groups', 'members', 'add', ''],
        ['offers', 'list', '--org', 'son'],
        ['users', 'import', 'fixtures/roster-s'],
        ['groups', 'add', '--nom', ''],
        ['__'],
      ],
      env,
    );
    expect(noun).toEqual(['groups']);
    expect(nouns).toEqual(expect.arrayContaining(['users', 'orgs', 'offers', 'groups', 'validate', 'jobs', 'stats', 'completion', 'help']));
    expect(nouns).not.toContain('__complete');
    expect(verb).toEqual(['show']);
    expect(option).toEqual(['--statut']);
    expect(statut).toEqual(['etudiant', 'enseignant', 'directeur', 'personnel_admin', 'personnel_technique']);
    expect(statutInline).toEqual(['enseignant']);
    expect(queue).toEqual(['formations']);
    expect(jobs).toEqual(['purge-messages', 'purge-audit']);
    expect(role).toEqual(['membre', 'moderateur', 'admin']);
    // Escaped for bash as typed, unless the word was begun with a quote.
    expect(group).toEqual(['Promo\\ 2024']);
    expect(quoted).toEqual(['Promo 2024']);
    expect(accented).toEqual(['Développeurs\\ du\\ Sahel']);
    expect(allGroups).toEqual([
      'Bureau\\ des\\ anciens',
      'Club\\ génie\\ civil',
      'Développeurs\\ du\\ Sahel',
      'Investissement\\ rapide',
      'Promo\\ 2024',
    ]);
    expect(org).toEqual(['Sonatel']);
    expect(file).toEqual(['fixtures/roster-sample.csv']);
    expect(freeText).toEqual([]);
    expect(hidden).toEqual([]);
  }, 120_000);

  it('completes at a real Tab in an interactive bash', async () => {
    const bash = terminal('bash --norc --noprofile -i', { ...env, PS1: '$ ' });
    try {
      bash.type('source <(alumni completion bash) && echo READY\n');
      await bash.waitFor(/^READY$/m);
      bash.type('alumni groups sh\t');
      await bash.waitFor(/\$ alumni groups show $/m);
      bash.type('Pro\t');
      await bash.waitFor(/\$ alumni groups show Promo\\ 2024 $/m);
      // The completed line runs: the name is the group's.
      bash.type('\n');
      await bash.waitFor(/Les diplômés 2024\./);
    } finally {
      bash.close();
    }
  }, 120_000);

  it.skipIf(!installed('zsh'))(
    'completes at a real Tab in an interactive zsh (where zsh is installed)',
    async () => {
      const zsh = terminal('zsh -f -i', { ...env, PS1: '%% ', LANG: 'C.UTF-8' });
      try {
        zsh.type('autoload -U compinit && compinit -u && source <(alumni completion zsh) && echo READY\n');
        await zsh.waitFor(/^READY$/m);
        zsh.type('alumni groups sh\t');
        await zsh.waitFor(/alumni groups show $/m);
        zsh.type('Pro\t');
        await zsh.waitFor(/alumni groups show +Promo\\ 2024/);
        zsh.type('\n');
        await zsh.waitFor(/Les diplômés 2024\./);
      } finally {
        zsh.close();
      }
    },
    120_000,
  );

  it.skipIf(!installed('fish'))('completes in fish, descriptions included (where fish is installed)', () => {
    const lines = [
      'alumni groups sh',
      'alumni users list --statut en',
      "alumni groups show 'Pro",
      'alumni offers list --org=son',
      'alumni users import fixtures/roster-s',
    ];
    const script = ['alumni completion fish | source', ...lines.map((line) => `complete -C ${quote(line)}; echo ---`)].join('\n');
    const result = spawnSync('fish', ['--no-config', '-c', script], { cwd: ROOT, env: { HOME: tmpdir(), ...env }, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.split('---\n').slice(0, -1)).toEqual([
      'show\tevery field, members counted, moderators, last message, moderation decisions\n',
      'enseignant\n',
      'Promo 2024\n',
      '--org=Sonatel\n',
      'fixtures/roster-sample.csv\n',
    ]);
  });

  it('never creates an embedded database to complete a name, nor writes anything but candidates', async () => {
    const missing = join(tmpdir(), `alumni-no-database-${process.pid}`);
    const result = await runCli(['__complete', '--', 'groups', 'show', ''], { env: { ALUMNI_DATA_DIR: missing } });
    expect(result).toMatchObject({ code: 0, stdout: ':nofiles\n', stderr: '' });
    expect(existsSync(missing)).toBe(false);
  });
});

describe('the hidden completion command on a server', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createServerDatabase();
    expect((await runCli(['fixtures', 'load'], { env: t.env })).code).toBe(0);
  }, 120_000);
  afterAll(() => t.close());

  it('answers names from DATABASE_URL or the --database-url on the line, one a line, then the directive', async () => {
    const fromEnv = await runCli(['__complete', '--', 'groups', 'update', 'b'], { env: t.env });
    expect(fromEnv).toMatchObject({ code: 0, stdout: 'Bureau des anciens\n:nofiles\n', stderr: '' });
    const fromLine = await runCli(['__complete', '--', '--database-url', t.url!, 'orgs', 'show', 'orange'], {});
    expect(fromLine).toMatchObject({ code: 0, stdout: 'Orange Digital Center\n:nofiles\n', stderr: '' });
  });

  it('describes commands and options after a tab, for zsh and fish', async () => {
    const result = await runCli(['__complete', '--', 'stats', 'report', '--p'], {});
    expect(result.stdout).toMatch(/^--pdf\t\S.*\n:nofiles\n$/);
  });

  it('prints no name, no error and exits 0 when the server does not answer', async () => {
    const result = await runCli(['__complete', '--', 'groups', 'show', ''], {
      env: { DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/none' },
    });
    expect(result).toMatchObject({ code: 0, stdout: ':nofiles\n', stderr: '' });
  });
});

describe('alumni completion zsh and fish', () => {
  // Where zsh or fish is missing (.ci/run installs them), the scripts are checked for what
  // they call; where it is there, parsed too (and run above).
  it.each([
    ['zsh', /^#compdef alumni$/m, /__complete -- /, /compdef _alumni alumni/],
    ['fish', /^function __alumni_complete$/m, /__complete -- /, /complete -c alumni -f -a '\(__alumni_complete\)'/],
  ])('%s: the script calls the hidden command and registers itself', async (shell, ...patterns) => {
    const result = await runCli(['completion', shell], {});
    expect(result.code).toBe(0);
    for (const pattern of patterns) expect(result.stdout).toMatch(pattern);
    expect(result.stdout).not.toMatch(/\\\$/);
    if (installed(shell)) {
      const file = join(mkdtempSync(join(tmpdir(), 'alumni-completion-')), `alumni.${shell}`);
      writeFileSync(file, result.stdout);
      expect(spawnSync(shell, ['-n', file], { encoding: 'utf8' }).stderr).toBe('');
    }
  });

  it('refuses another shell with the accepted ones (exit 2), and says how to set it up in its help', async () => {
    const refused = await runCli(['completion', 'tcsh'], {});
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('bash, zsh, fish');
    const help = await runCli(['completion', '--help'], {});
    expect(help.stdout).toContain('source <(alumni completion bash)');
    expect(help.stdout).toContain('~/.config/fish/completions/alumni.fish');
  });
});
