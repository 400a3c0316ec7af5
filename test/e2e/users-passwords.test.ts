import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, finished, ROOT, runCli } from '../support/cli.js';
import { createServerDatabase, embeddedDataDir, type TestDatabase } from '../support/databases.js';
import { openDatabase } from '../../src/db/connect.js';
import { startInPty } from '../support/pty.js';

const OLD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2VlZA$YW5jaWVu';

describe('users update --password-stdin, end to end on a server', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createServerDatabase();
    await t.db
      .insertInto('utilisateur')
      .values([
        { nom_complet: 'Fatou Sall', email: 'fatou@ecole.example', role: 'super_admin', mot_de_passe_hash: OLD_HASH },
        { nom_complet: 'Jérôme Kaboré', matricule: 'ADM-1', role: 'admin', mot_de_passe_hash: OLD_HASH },
        { nom_complet: 'Awa Ndiaye', matricule: 'U-1', role: 'user', mot_de_passe_hash: OLD_HASH },
      ])
      .execute();
    env = { ...t.env, ALUMNI_ACTOR: 'fatou@ecole.example' };
  });
  afterAll(() => t.close());

  const hashOf = async (ref: string) =>
    (
      await t.db
        .selectFrom('utilisateur')
        .select('mot_de_passe_hash')
        .where((eb) => eb.or([eb('matricule', '=', ref), eb('email', '=', ref)]))
        .executeTakeFirstOrThrow()
    ).mot_de_passe_hash;

  it("echo x | alumni --as ADMIN users update SUPER_ADMIN --password-stdin: refused (77), the super_admin's password unchanged", async () => {
    const result = await runCli(['--as', 'ADM-1', 'users', 'update', 'fatou@ecole.example', '--password-stdin'], {
      env: t.env,
      input: 'x\n',
    });
    expect(result.code).toBe(77);
    expect(result.stderr).toBe('error: This account has role super_admin; only a super_admin may change its password.\n');
    expect(await hashOf('fatou@ecole.example')).toBe(OLD_HASH);
  });

  it.each([
    ['nothing', Buffer.alloc(0), 'a password cannot be empty or only spaces'],
    ['a line break', Buffer.from('\n'), 'a password cannot be empty or only spaces'],
    ['only spaces', Buffer.from('          \n'), 'a password cannot be empty or only spaces'],
    ['spaces and tabs', Buffer.from(' \t  \t   \r\n'), 'a password cannot be empty or only spaces'],
    ['bytes that are not UTF-8', Buffer.from([0x6d, 0x6f, 0x74, 0xff, 0xfe, 0x70, 0x61, 0x73, 0x73, 0x65, 0x0a]), 'it is not UTF-8 text'],
    ['two lines', Buffer.from('premiere ligne\nseconde ligne\n'), 'a password cannot hold control characters (tab, line break, escape)'],
    ['1025 bytes', Buffer.from(`${'é'.repeat(512)}x\n`), 'a password holds at most 1,024 bytes (UTF-8)'],
    ['10 MB', Buffer.alloc(10 * 1024 * 1024, 'a'), 'a password holds at most 1,024 bytes (UTF-8)'],
  ])('stdin holding %s: exit 2, one sentence, nothing written', async (_what, input, problem) => {
    const result = await runCli(['users', 'update', 'U-1', '--password-stdin'], { env, input });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`error: The password from --password-stdin is refused: ${problem}.\n`);
    expect(await hashOf('U-1')).toBe(OLD_HASH);
  });

  it('an endless stdin is refused once past the longest password, not read to its end', async () => {
    // `yes` writes for ever: reading stdin whole would never finish.
    const child = spawn('sh', ['-c', 'yes motdepasse | "$@"', 'sh', process.execPath, CLI, 'users', 'update', 'U-1', '--password-stdin'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result = await finished(child);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('error: The password from --password-stdin is refused: a password holds at most 1,024 bytes (UTF-8).\n');
    expect(await hashOf('U-1')).toBe(OLD_HASH);
  });

  it('one trailing line break (echo) or CRLF is not part of the password; spaces inside and around are', async () => {
    const { verify } = await import('@node-rs/argon2');
    for (const [input, password] of [
      ['mot de passe\n', 'mot de passe'],
      ['mot de passe\r\n', 'mot de passe'],
      ['  mot de passe  ', '  mot de passe  '],
    ] as const) {
      const result = await runCli(['users', 'update', 'U-1', '--password-stdin'], { env, input });
      expect(result.code).toBe(0);
      expect(await verify((await hashOf('U-1'))!, password)).toBe(true);
    }
  });

  it('on a terminal the same rule holds: ten spaces are refused at the prompt, and a refused admin is never asked', async () => {
    const pty = startInPty(['users', 'add', '--nom', 'Binta Fall', '--matricule', 'PTY-1'], env);
    try {
      let at = await pty.waitFor(/Password/);
      pty.type('          \r');
      at = await pty.waitFor(/A password cannot be empty or only spaces\./, at);
      pty.type('\u0015motdepasse-1\r');
      await pty.waitFor(/Password again/, at);
      pty.type('motdepasse-1\r');
      expect(await pty.exited).toBe(0);
    } finally {
      pty.kill();
    }
    expect(await hashOf('PTY-1')).toMatch(/^\$argon2id\$/);

    const refused = startInPty(
      ['--as', 'ADM-1', 'users', 'add', '--nom', 'Intrus', '--matricule', 'PTY-2', '--role', 'super_admin'],
      t.env,
    );
    try {
      expect(await refused.exited).toBe(77);
      expect(refused.screen).toContain('Only a super_admin may give or change roles.');
      expect(refused.screen).not.toContain('Password');
    } finally {
      refused.kill();
    }
  });
});

describe('users add --password-stdin on the embedded database', () => {
  it('creates the first super_admin: the permission checked on one opening, the account written on the next', async () => {
    const { dataDir, remove } = embeddedDataDir();
    try {
      const added = await runCli(
        ['users', 'add', '--nom', 'Fatou Sall', '--email', 'fatou@ecole.example', '--role', 'super_admin', '--password-stdin'],
        {
          env: { ALUMNI_DATA_DIR: dataDir },
          input: 'correct horse battery\n',
        },
      );
      expect(added.stderr).toContain('Created Fatou Sall (fatou@ecole.example).');
      expect(added.code).toBe(0);
      const again = await runCli(
        ['users', 'add', '--nom', 'Intrus', '--email', 'intrus@x.sn', '--role', 'super_admin', '--password-stdin'],
        {
          env: { ALUMNI_DATA_DIR: dataDir },
          input: 'correct horse battery\n',
        },
      );
      expect(again).toMatchObject({ code: 77, stderr: 'error: A super_admin exists already: act as one (--as) to add users.\n' });
      const handle = await openDatabase({ backend: 'embedded', dataDir });
      try {
        const rows = await handle.db.selectFrom('utilisateur').select(['email', 'role', 'mot_de_passe_hash']).execute();
        expect(rows).toEqual([
          { email: 'fatou@ecole.example', role: 'super_admin', mot_de_passe_hash: expect.stringMatching(/^\$argon2id\$/) },
        ]);
      } finally {
        await handle.close();
      }
    } finally {
      remove();
    }
  });
});
