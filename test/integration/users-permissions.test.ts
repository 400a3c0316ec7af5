import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleUtilisateur } from '../../src/db/schema.js';
import { createServerDatabase, type TestDatabase } from '../support/databases.js';
import { runMain } from '../support/main.js';

type Actor = 'admin' | 'super_admin';
type Target = RoleUtilisateur | 'self';
type Field = 'identity' | 'password' | 'role' | 'activation';

/**
 * Who may change whom (the README's table): a super_admin everything; a plain admin
 * the identity, password and active state of user accounts and of their own account,
 * never a role. Deactivating oneself is refused to everyone (2).
 */
const EXPECTED: Record<Actor, Record<Target, Record<Field, number>>> = {
  admin: {
    user: { identity: 0, password: 0, activation: 0, role: 77 },
    admin: { identity: 77, password: 77, activation: 77, role: 77 },
    super_admin: { identity: 77, password: 77, activation: 77, role: 77 },
    self: { identity: 0, password: 0, activation: 2, role: 77 },
  },
  super_admin: {
    user: { identity: 0, password: 0, activation: 0, role: 0 },
    admin: { identity: 0, password: 0, activation: 0, role: 0 },
    super_admin: { identity: 0, password: 0, activation: 0, role: 0 },
    self: { identity: 0, password: 0, activation: 2, role: 0 },
  },
};

/** The role each set-role case gives: a different one, and a promotion when it is a plain admin's own. */
const NEW_ROLE: Record<RoleUtilisateur, RoleUtilisateur> = { user: 'admin', admin: 'super_admin', super_admin: 'admin' };

const CASES = (Object.keys(EXPECTED) as Actor[]).flatMap((actor) =>
  (Object.keys(EXPECTED[actor]) as Target[]).flatMap((target) =>
    (Object.keys(EXPECTED[actor][target]) as Field[]).map((field) => [actor, field, target, EXPECTED[actor][target][field]] as const),
  ),
);

describe('who may change whose account, through the CLI in process', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createServerDatabase();
    // Someone other than the actors stays super_admin, whatever the cases do to theirs.
    await t.db
      .insertInto('utilisateur')
      .values({ nom_complet: 'Direction', email: 'direction@ecole.example', role: 'super_admin' })
      .execute();
  });
  afterAll(() => t.close());

  const account = async (role: RoleUtilisateur) => {
    const key = randomUUID().slice(0, 8);
    return t.db
      .insertInto('utilisateur')
      .values({
        nom_complet: `Compte ${key}`,
        matricule: `M-${key}`,
        email: `${key}@ecole.example`,
        role,
        mot_de_passe_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2VlZA$YW5jaWVu',
      })
      .returning(['id', 'matricule', 'role'])
      .executeTakeFirstOrThrow();
  };
  const stored = (id: string) => t.db.selectFrom('utilisateur').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it.each(CASES)('%s changing the %s of %s: exit %i', async (actor, field, target, code) => {
    const acting = await account(actor);
    const changed = target === 'self' ? acting : await account(target);
    const ref = changed.matricule!;
    const argv: Record<Field, string[]> = {
      identity: ['users', 'update', ref, '--email', `repris-${randomUUID().slice(0, 8)}@pirate.example`, '--matricule', ''],
      password: ['users', 'update', ref, '--password-stdin'],
      activation: ['users', 'deactivate', ref],
      role: ['users', 'set-role', ref, NEW_ROLE[changed.role]],
    };
    const before = await stored(changed.id);
    const result = await runMain(argv[field], {
      env: { ...t.env, ALUMNI_ACTOR: acting.matricule! },
      stdin: field === 'password' ? 'un autre mot de passe\n' : undefined,
    });
    expect(result.code).toBe(code);
    const after = await stored(changed.id);
    if (code !== 0) {
      expect(after).toEqual(before);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      if (code === 77) expect(result.stderr).toMatch(/only a super_admin may/i);
      return;
    }
    expect(result.stderr).not.toContain('error');
    const expected: Record<Field, Partial<typeof after>> = {
      identity: { email: expect.stringMatching(/^repris-/) as unknown as string, matricule: null },
      password: { mot_de_passe_hash: expect.stringMatching(/^\$argon2id\$/) as unknown as string },
      activation: { est_actif: false },
      role: { role: NEW_ROLE[changed.role] },
    };
    expect(after).toMatchObject(expected[field]);
    if (field === 'password') expect(after.mot_de_passe_hash).not.toBe(before.mot_de_passe_hash);
  });

  it.each([
    ['admin', 'user', 0],
    ['admin', 'admin', 77],
    ['admin', 'super_admin', 77],
    ['super_admin', 'admin', 0],
    ['super_admin', 'super_admin', 0],
  ] as const)('%s adding an account with role %s: exit %i', async (actor, role, code) => {
    const acting = await account(actor);
    const matricule = `NEW-${randomUUID().slice(0, 8)}`;
    const result = await runMain(
      ['users', 'add', '--nom', 'Nouveau Compte', '--matricule', matricule, '--role', role, '--password-stdin'],
      {
        env: { ...t.env, ALUMNI_ACTOR: acting.matricule! },
        stdin: 'un mot de passe neuf\n',
      },
    );
    expect(result.code).toBe(code);
    const added = await t.db.selectFrom('utilisateur').select('role').where('matricule', '=', matricule).executeTakeFirst();
    expect(added).toEqual(code === 0 ? { role } : undefined);
  });

  it('a plain admin adding a super_admin is refused before any word about the password', async () => {
    const acting = await account('admin');
    const matricule = `NEW-${randomUUID().slice(0, 8)}`;
    // No terminal and no --password-stdin: a permitted add would warn that the account has no password.
    const result = await runMain(['users', 'add', '--nom', 'Intrus', '--matricule', matricule, '--role', 'super_admin'], {
      env: { ...t.env, ALUMNI_ACTOR: acting.matricule! },
    });
    expect(result).toEqual({ code: 77, stdout: '', stderr: 'error: Only a super_admin may give or change roles.\n' });
    expect(await t.db.selectFrom('utilisateur').select('id').where('matricule', '=', matricule).executeTakeFirst()).toBeUndefined();
  });

  it.each([
    ['admin', 'super_admin', 'user', 3],
    ['admin', 'admin', '', 3],
    ['admin', 'self', '', 0],
    ['admin', 'self', 'user', 3],
    ['admin', 'user', 'user', 0],
    ['super_admin', 'admin', 'user', 0],
    ['super_admin', 'super_admin', '', 0],
  ] as const)("%s importing a roster row for a %s account's matricule, role column '%s': exit %i", async (actor, target, role, code) => {
    const acting = await account(actor);
    const changed = target === 'self' ? acting : await account(target);
    const before = await stored(changed.id);
    const dir = mkdtempSync(join(tmpdir(), 'alumni-permissions-'));
    const [file, rejects] = [join(dir, 'roster.csv'), join(dir, 'rejects.csv')];
    const email = `repris-${randomUUID().slice(0, 8)}@pirate.example`;
    writeFileSync(file, `Nom;Matricule;Email;Role\r\nRepris;${changed.matricule};${email};${role}\r\n`);
    const result = await runMain(['users', 'import', file, '--mode', 'update', '--rejects', rejects], {
      env: { ...t.env, ALUMNI_ACTOR: acting.matricule! },
    });
    expect(result.code).toBe(code);
    const after = await stored(changed.id);
    if (code === 3) {
      expect(after).toEqual(before);
      expect(readFileSync(rejects, 'utf8')).toContain(
        `matricule ${changed.matricule} is a ${changed.role} account, which only a super_admin may change or give a role`,
      );
    } else expect(after).toMatchObject({ email, role: role || changed.role, nom_complet: 'Repris' });
  });

  it('an account made admin by another session while users update waits for its row: refused (77), nothing written', async () => {
    const acting = await account('admin');
    const changed = await account('user');
    const before = await stored(changed.id);
    const other = new pg.Client({ connectionString: t.url });
    await other.connect();
    try {
      // A super_admin's set-role, not yet committed: the row is locked, its role still reads user.
      await other.query('begin');
      await other.query("update utilisateur set role = 'admin' where id = $1", [changed.id]);
      const update = runMain(['users', 'update', changed.matricule!, '--email', 'pris@pirate.example'], {
        env: { ...t.env, ALUMNI_ACTOR: acting.matricule! },
      });
      // Until the command waits for that row lock (it has passed the first check by then).
      for (;;) {
        const { rows } = await sql<{ waiting: number }>`
          select count(*)::int as waiting from pg_stat_activity
           where datname = current_database() and wait_event_type = 'Lock'`.execute(t.db);
        if (rows[0]!.waiting > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await other.query('commit');
      const result = await update;
      expect(result.code).toBe(77);
      expect(result.stderr).toBe(
        'error: This account has role admin; only a super_admin may change its name, e-mail, matricule or other details.\n',
      );
      expect(await stored(changed.id)).toEqual({ ...before, role: 'admin', updated_at: expect.any(Date) as unknown as Date });
    } finally {
      await other.end();
    }
  });
});
