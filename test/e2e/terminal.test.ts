import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultReasons } from '../../src/commands/validate/shared.js';
import { openDatabase } from '../../src/db/connect.js';
import { createPGlite } from '../../src/db/pglite.js';
import { runCli } from '../support/cli.js';
import { countRows, createServerDatabase, embeddedDataDir, type TestDatabase } from '../support/databases.js';
import { seedModerationUsers } from '../support/moderation.js';
import { findValues, seedPerson, type SeededPerson } from '../support/personal.js';
import { ptyPerTest } from '../support/pty.js';

/** Sessions of the current test, killed after it should it fail half-way. */
const startInPty = ptyPerTest();

describe('on a terminal with stderr or stdout redirected', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  let authorId: string;
  let files: string;

  beforeAll(async () => {
    t = await createServerDatabase();
    env = { ...t.env, ALUMNI_ACTOR: 'm1@ecole.example' };
    authorId = (await seedModerationUsers(t.db)).author;
    files = mkdtempSync(join(tmpdir(), 'alumni-terminal-'));
  });
  afterAll(async () => {
    rmSync(files, { recursive: true, force: true });
    await t.close();
  });

  it('validate review 2>review.log: cards, keys and reason templates are all on the screen, none in the log', async () => {
    const ids = (
      await t.db
        .insertInto('groupe')
        .values(
          ['Club Echo', 'Club Foxtrot'].map((nom_groupe, i) => ({
            nom_groupe,
            createur_id: authorId,
            description: `Le groupe ${nom_groupe}.`,
            created_at: sql`now() - make_interval(days => ${10 - i})`,
          })),
        )
        .returning('id')
        .execute()
    ).map((r) => r.id);
    const log = join(files, 'review.log');
    const pty = startInPty(['validate', 'review', 'groups'], env, { stderrTo: log });
    let at = await pty.waitFor(
      /groups: card 1, 2 waiting[\s\S]*Group · Club Echo[\s\S]*Created by\s*│\s*awa@exemple\.sn[\s\S]*\[a\]pprove/,
    );
    pty.type('a');
    at = await pty.waitFor(/Approved: Club Echo[\s\S]*card 2, 1 waiting[\s\S]*Club Foxtrot[\s\S]*\[a\]pprove/, at);
    pty.type('r');
    at = await pty.waitFor(new RegExp(`Reason[\\s\\S]*${defaultReasons()[0]!.slice(0, 20)}[\\s\\S]*Type a reason`), at);
    pty.type('\r');
    at = await pty.waitFor(/Rejected: Club Foxtrot/, at);
    expect(await pty.exited).toBe(0);
    expect(pty.screen.slice(at)).toMatch(/1 approved, 1 rejected, 0 skipped/);
    expect(readFileSync(log, 'utf8')).toBe('');
    const decided = await t.db
      .selectFrom('validation_groupe')
      .select(['groupe_id', 'est_approuve', 'commentaire'])
      .where('groupe_id', 'in', ids)
      .execute();
    expect(decided.map((d) => [ids.indexOf(d.groupe_id), d.est_approuve, d.commentaire]).sort()).toEqual([
      [0, true, null],
      [1, false, defaultReasons()[0]],
    ]);
  });

  it('validate review | cat: stdin is a terminal but stdout is not, so it refuses (exit 2), naming approve/reject', async () => {
    const pty = startInPty(['validate', 'review'], env, { pipeStdout: true });
    await pty.waitFor(/needs a terminal.*validate approve\|reject/);
    expect(await pty.exited).toBe(2);
  });

  it('users add 2>log asks for the password on the screen; with stdout piped it does not ask', async () => {
    const log = join(files, 'users.log');
    const pty = startInPty(['users', 'add', '--nom', 'Binta Fall', '--matricule', 'PTY-1'], env, { stderrTo: log });
    const at = await pty.waitFor(/Password/);
    pty.type('motdepasse-1\r');
    await pty.waitFor(/Password again/, at);
    pty.type('motdepasse-1\r');
    expect(await pty.exited).toBe(0);
    expect(pty.screen).not.toContain('motdepasse-1');
    expect(readFileSync(log, 'utf8')).toMatch(/Created Binta Fall \(PTY-1\)/);

    const piped = startInPty(['users', 'add', '--nom', 'Cheikh Ba', '--matricule', 'PTY-2', '--json'], env, { pipeStdout: true });
    await piped.waitFor(/No terminal to type a password/);
    expect(await piped.exited).toBe(0);
    const hashes = await t.db
      .selectFrom('utilisateur')
      .select(['matricule', 'mot_de_passe_hash'])
      .where('matricule', 'in', ['PTY-1', 'PTY-2'])
      .orderBy('matricule')
      .execute();
    expect(hashes.map((u) => [u.matricule, u.mot_de_passe_hash?.startsWith('$argon2id$') ?? null])).toEqual([
      ['PTY-1', true],
      ['PTY-2', null],
    ]);
  });

  it('doctor > report.txt on a terminal: the report holds no escape code', async () => {
    const report = join(files, 'report.txt');
    const pty = startInPty(['doctor'], env, { stdoutTo: report });
    expect(await pty.exited).toBe(0);
    const text = readFileSync(report, 'utf8');
    expect(text).toMatch(/^Schema version:\s+\d{14}/m);
    expect(text).not.toContain('\u001b');
  });
});

describe('data holding terminal escapes, on a terminal', () => {
  /** A roster cell as issue 24 found it: a colour, a window title, a C1 CSI and a bidi override. */
  const HOSTILE = 'Awa \u001b[0;31mRED\u001b]0;pwned\u0007 \u009b2J\u202eevil';
  const SHOWN = 'Awa \\x1b[0;31mRED\\x1b]0;pwned\\x07 \\x9b2J\\u202eevil';
  /** What the terminal must never get from the data. */
  const RAW = ['\u001b[0;31m', '\u001b]0;pwned', '\u0007', '\u009b', '\u202e'];
  let t: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await createServerDatabase();
    env = { ...t.env, ALUMNI_ACTOR: 'm1@ecole.example' };
    const { author } = await seedModerationUsers(t.db);
    await t.db.insertInto('utilisateur').values({ nom_complet: HOSTILE, titre: HOSTILE, matricule: 'ESC-1' }).execute();
    await t.db
      .insertInto('groupe')
      .values({ nom_groupe: `Club ${HOSTILE}`, createur_id: author, description: `Première ligne\r\n${HOSTILE}` })
      .execute();
  });
  afterAll(() => t.close());

  it.each([
    ['users show', ['users', 'show', 'ESC-1']],
    // The name alone, so the table does not cut it to the terminal's width.
    ['users list', ['users', 'list', '--search', 'ESC-', '--columns', 'nom_complet']],
  ])('%s: the terminal gets the escapes shown, never sent', async (_name, args) => {
    const pty = startInPty(args, env);
    expect(await pty.exited).toBe(0);
    for (const raw of RAW) expect(pty.raw).not.toContain(raw);
    expect(pty.raw).toContain(SHOWN);
    // The tool's own colour (bold labels, cyan headers) is still there.
    expect(['\u001b[1m', '\u001b[36m'].some((colour) => pty.raw.includes(colour))).toBe(true);
  });

  it('an error echoing the REF given shows its escapes', async () => {
    const pty = startInPty(['users', 'show', HOSTILE], env);
    expect(await pty.exited).toBe(4);
    for (const raw of RAW) expect(pty.raw).not.toContain(raw);
    expect(pty.screen).toContain(`error: No user "${SHOWN}"`);
  });

  it('validate review: the card, its description and the decision line show the escapes of a title', async () => {
    const pty = startInPty(['validate', 'review', 'groups'], env);
    let at = await pty.waitFor(/Group · Club[\s\S]*\[a\]pprove/);
    pty.type('o');
    at = await pty.waitFor(/Première ligne\n.*evil/, at);
    pty.type('a');
    await pty.waitFor(/Approved: Club .*evil[\s\S]*0 skipped/, at);
    expect(await pty.exited).toBe(0);
    for (const raw of RAW) expect(pty.raw).not.toContain(raw);
    expect(pty.raw).toContain(`Group · Club ${SHOWN}`);
    expect(pty.raw).toContain(`Approved: Club ${SHOWN}`);
    expect(pty.screen).toContain(`Première ligne\n${SHOWN}`);
  });

  it('validate review --reasons FILE: a template is shown escaped in the picker, and stored as written', async () => {
    const { author } = await t.db
      .selectFrom('utilisateur')
      .select('id as author')
      .where('matricule', '=', 'ETU-1')
      .executeTakeFirstOrThrow();
    const { id } = await t.db
      .insertInto('groupe')
      .values({ nom_groupe: 'Club Reasons', createur_id: author, description: 'Un groupe.' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const dir = mkdtempSync(join(tmpdir(), 'alumni-reasons-'));
    try {
      const reasons = join(dir, 'reasons.txt');
      writeFileSync(reasons, `Hors sujet ${HOSTILE}\n`);
      const pty = startInPty(['validate', 'review', 'groups', '--reasons', reasons], env);
      let at = await pty.waitFor(/Group · Club Reasons[\s\S]*\[a\]pprove/);
      pty.type('r');
      at = await pty.waitFor(/Reason[\s\S]*Hors sujet[\s\S]*Type a reason/, at);
      pty.type('\r');
      await pty.waitFor(/Rejected: Club Reasons[\s\S]*1 rejected/, at);
      expect(await pty.exited).toBe(0);
      for (const raw of RAW) expect(pty.raw).not.toContain(raw);
      expect(pty.raw).toContain(`Hors sujet ${SHOWN}`);
      const decided = await t.db
        .selectFrom('validation_groupe')
        .select('commentaire')
        .where('groupe_id', '=', id)
        .executeTakeFirstOrThrow();
      expect(decided.commentaire).toBe(`Hors sujet ${HOSTILE}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('users erase on a terminal, embedded database', () => {
  let dataDir: string;
  let remove: () => void;
  let root: { id: string };
  const env = () => ({ ALUMNI_DATA_DIR: dataDir, ALUMNI_ACTOR: 'direction@ecole.example' });
  /** Opens the data directory (the CLI must not be using it), runs `work`, closes it. */
  const inDatabase = async <T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> => {
    const handle = await openDatabase({ backend: 'embedded', dataDir });
    try {
      return await work(handle.db);
    } finally {
      await handle.close();
    }
  };

  beforeAll(async () => {
    ({ dataDir, remove } = embeddedDataDir());
    root = await inDatabase(async (db) => {
      await db.insertInto('annee_reference').values({ annee: 2017 }).execute();
      await db.insertInto('domaine_reference').values({ nom_domaine: 'Informatique' }).execute();
      return db
        .insertInto('utilisateur')
        .values({ nom_complet: 'Direction', email: 'direction@ecole.example', role: 'super_admin' })
        .returning('id')
        .executeTakeFirstOrThrow();
    });
  });
  afterAll(() => remove());

  it('asks; while it waits the database is free for another command; answering no writes nothing', async () => {
    const { person, audit } = await inDatabase(async (db) => {
      const seeded: SeededPerson = await seedPerson(db, root, 'PTN', 2017);
      return { person: seeded, audit: await countRows(db, 'audit_log') };
    });
    const pty = startInPty(['users', 'erase', person.matricule], env());
    const at = await pty.waitFor(/Erase PD-PTN for good[\s\S]*\(y\/N\)/);
    // Not waiting for the lock (ALUMNI_LOCK_WAIT_MS=0): the prompt holds no database open.
    const meanwhile = await runCli(['users', 'export-data', person.matricule], { env: { ...env(), ALUMNI_LOCK_WAIT_MS: '0' } });
    expect(meanwhile.stderr).toBe('');
    expect(JSON.parse(meanwhile.stdout).account).toMatchObject({ matricule: person.matricule, est_actif: true });
    pty.type('n\r');
    await pty.waitFor(/Not confirmed: nothing was changed\./, at);
    expect(await pty.exited).toBe(2);
    await inDatabase(async (db) => {
      expect(await countRows(db, 'audit_log')).toBe(audit);
      expect(await countRows(db, 'utilisateur', sql`efface_le is not null`)).toBe(0);
      expect(await findValues(db, [person.matricule, person.email])).not.toEqual([]);
    });
  }, 60_000);

  it('asks; answering yes erases', async () => {
    const person = await inDatabase((db) => seedPerson(db, root, 'PTY', 2017));
    const pty = startInPty(['users', 'erase', person.email], env());
    const at = await pty.waitFor(/Erase awa\.pty@perso\.example for good[\s\S]*\(y\/N\)/);
    pty.type('y\r');
    await pty.waitFor(/Erased; the account [0-9a-f-]{36} stays, inactive/, at);
    expect(await pty.exited).toBe(0);
    await inDatabase(async (db) => {
      expect(await findValues(db, person.values)).toEqual([]);
      expect(await countRows(db, 'utilisateur', sql`efface_le is not null and id = ${person.id}`)).toBe(1);
    });
  }, 60_000);
});

describe('a spinner whose work fails', () => {
  it('a failed migration of the embedded database ends its spinner with ✖, then the error, and the process exits', async () => {
    const { dataDir, remove } = embeddedDataDir();
    try {
      // The two newest migrations look pending, though their objects exist: applying them fails.
      const migrations = readdirSync(join(import.meta.dirname, '../../migrations'))
        .filter((f) => f.endsWith('.up.sql'))
        .sort();
      const pglite = await createPGlite(join(dataDir, 'pgdata'));
      await pglite.query('delete from alumni_admin.kysely_migration where name >= $1', [migrations.at(-2)!.replace('.up.sql', '')]);
      await pglite.close();

      const pty = startInPty(['doctor'], { ALUMNI_DATA_DIR: dataDir });
      await pty.waitFor(/error: /);
      expect(await pty.exited).toBe(1);
      // Whatever the newest migration is, the database's own error, after the ✖.
      expect(pty.screen).toMatch(/✖ Migrating the embedded database…\nerror: Migration \d{14}_\w+ failed and was rolled back: [^\n]+\n*$/);
    } finally {
      remove();
    }
  });
});
