import { PassThrough } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { CONSTRAINT_SENTENCES } from '../../src/db/constraints.js';
import { reportError } from '../../src/main.js';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/databases.js';

/** What src/main.ts makes of an error: exit code and stderr. */
function report(error: unknown, argv: string[] = []): { code: number; stderr: string } {
  const stderr = new PassThrough();
  let text = '';
  stderr.on('data', (chunk) => (text += chunk));
  const io: Io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr, env: {} };
  const code = reportError(error, io, argv);
  return { code, stderr: text };
}

/** The error the database raises for `write`; the test fails if it raises none. */
async function violation(write: () => Promise<unknown>): Promise<unknown> {
  try {
    await write();
  } catch (error) {
    return error;
  }
  throw new Error('the write was expected to violate a constraint');
}

describe.each(BACKENDS)('constraint violations become one sentence, exit 2, on the %s back end', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await t.db.insertInto('annee_reference').values({ annee: 2024 }).execute();
    await t.db.insertInto('domaine_reference').values({ nom_domaine: 'Génie civil' }).execute();
    await t.db.insertInto('utilisateur').values({ nom_complet: 'Awa Ndiaye', email: 'awa@ecole.sn', matricule: 'M-1' }).execute();
  });
  afterAll(() => t.close());

  // Each write bypasses the services' own checks, as the second of two racing sessions does.
  it('a second user with the same e-mail, in another case', async () => {
    const error = await violation(() => t.db.insertInto('utilisateur').values({ nom_complet: 'Intruse', email: 'AWA@ecole.sn' }).execute());
    const { code, stderr } = report(error);
    expect(code).toBe(2);
    expect(stderr).toBe('error: A user with e-mail awa@ecole.sn already exists (see alumni users show awa@ecole.sn).\n');
    expect(stderr).not.toMatch(/duplicate key/);
  });

  it('a user given a matricule that is taken; --verbose adds the database error', async () => {
    const other = await t.db
      .insertInto('utilisateur')
      .values({ nom_complet: 'Moussa Diop', matricule: 'M-2' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const error = await violation(() => t.db.updateTable('utilisateur').set({ matricule: 'M-1' }).where('id', '=', other.id).execute());
    expect(report(error)).toEqual({ code: 2, stderr: 'error: A user with matricule M-1 already exists (see alumni users show M-1).\n' });
    const verbose = report(error, ['users', 'update', '--verbose']);
    expect(verbose.code).toBe(2);
    expect(verbose.stderr).toMatch(
      /^error: A user with matricule M-1 already exists.*\ncode: database\.constraint\.idx_utilisateur_matricule\n.*duplicate key value violates unique constraint "idx_utilisateur_matricule"/,
    );
  });

  it('groups, members, principal contacts, fields and years', async () => {
    const user = await t.db.selectFrom('utilisateur').select('id').where('matricule', '=', 'M-1').executeTakeFirstOrThrow();
    const group = await t.db
      .insertInto('groupe')
      .values({ nom_groupe: 'Anciens 2010', max_membres: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const org = await t.db
      .insertInto('organisation')
      .values({ nom_organisation: 'Sonatel', type_organisation: 'entreprise' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.insertInto('membre_groupe').values({ groupe_id: group.id, utilisateur_id: user.id }).execute();
    await t.db
      .insertInto('contact_organisation')
      .values({ organisation_id: org.id, utilisateur_id: user.id, role_contact: 'contact_rh', est_contact_principal: true })
      .execute();
    const newcomer = await t.db
      .insertInto('utilisateur')
      .values({ nom_complet: 'Khady Fall', matricule: 'M-3' })
      .returning('id')
      .executeTakeFirstOrThrow();

    const unlimited = await t.db.insertInto('groupe').values({ nom_groupe: 'Sans limite' }).returning('id').executeTakeFirstOrThrow();
    await t.db
      .insertInto('membre_groupe')
      .values([user.id, newcomer.id].map((utilisateur_id) => ({ groupe_id: unlimited.id, utilisateur_id })))
      .execute();
    const cases: Array<[() => Promise<unknown>, string]> = [
      [
        () => t.db.insertInto('groupe').values({ nom_groupe: 'Anciens 2010' }).execute(),
        'A group named Anciens 2010 already exists; choose another name.',
      ],
      [
        () => t.db.insertInto('groupe').values({ nom_groupe: 'ANCIENS 2010' }).execute(),
        'A group with the same name (anciens 2010), without regard to case or accents, already exists; choose another name.',
      ],
      [
        () => t.db.insertInto('membre_groupe').values({ groupe_id: group.id, utilisateur_id: user.id, est_actif: false }).execute(),
        'This user is already a member of this group.',
      ],
      [
        () => t.db.insertInto('membre_groupe').values({ groupe_id: group.id, utilisateur_id: newcomer.id }).execute(),
        'The group is full: it has as many active members as its member limit allows.',
      ],
      [
        () =>
          t.db
            .insertInto('contact_organisation')
            .values({ organisation_id: org.id, utilisateur_id: newcomer.id, role_contact: 'employe', est_contact_principal: true })
            .execute(),
        'This organisation already has a principal contact; an organisation has at most one.',
      ],
      [
        () => t.db.insertInto('domaine_reference').values({ nom_domaine: 'Génie civil' }).execute(),
        'The field Génie civil is already in the list of fields.',
      ],
      [
        () => t.db.insertInto('domaine_reference').values({ nom_domaine: 'GENIE CIVIL' }).execute(),
        'A field with the same name (genie civil), without regard to case or accents, is already in the list of fields.',
      ],
      [
        () => t.db.insertInto('annee_reference').values({ annee: 2024 }).execute(),
        'The year 2024 is already in the list of graduation years.',
      ],
      [
        // Sans limite has two active members.
        () => t.db.updateTable('groupe').set({ max_membres: 1 }).where('nom_groupe', '=', 'Sans limite').execute(),
        "A group's member limit cannot be below its active members: remove members first.",
      ],
    ];
    for (const [write, sentence] of cases) expect(report(await violation(write))).toEqual({ code: 2, stderr: `error: ${sentence}\n` });
  });

  it('a constraint not in the map still gets a sentence naming it, exit 2; foreign keys too', async () => {
    await sql`create table badge (code text constraint badge_code_unique unique)`.execute(t.db);
    await sql`insert into badge values ('or')`.execute(t.db);
    const unique = await violation(() => sql`insert into badge values ('or')`.execute(t.db));
    expect(report(unique)).toEqual({
      code: 2,
      stderr: 'error: Another row already has code = or (unique constraint badge_code_unique).\n',
    });

    const missing = await violation(() =>
      t.db.insertInto('utilisateur').values({ nom_complet: 'Sans année', matricule: 'M-9', annee_sortie: 1999 }).execute(),
    );
    expect(report(missing)).toEqual({
      code: 2,
      stderr: 'error: There is no annee_reference with annee_sortie = 1999 (foreign key utilisateur_annee_sortie_fkey).\n',
    });
    await t.db.updateTable('utilisateur').set({ annee_sortie: 2024 }).where('matricule', '=', 'M-1').execute();
    const referenced = await violation(() => t.db.deleteFrom('annee_reference').where('annee', '=', 2024).execute());
    expect(report(referenced)).toEqual({
      code: 2,
      stderr: 'error: This row is still referred to from utilisateur (foreign key utilisateur_annee_sortie_fkey).\n',
    });
  });

  it('a check or NOT NULL constraint is a sentence too, exit 2; other database errors stay unexpected failures (exit 1)', async () => {
    const unidentifiable = await violation(() => t.db.insertInto('utilisateur').values({ nom_complet: 'Personne' }).execute());
    expect(report(unidentifiable)).toEqual({
      code: 2,
      stderr: 'error: A user needs a matricule or an e-mail; this change would leave the account with neither.\n',
    });
    const unnamed = await violation(() => sql`insert into utilisateur (matricule, nom_complet) values ('M-8', null)`.execute(t.db));
    expect(report(unnamed)).toEqual({ code: 2, stderr: 'error: utilisateur.nom_complet needs a value.\n' });
    await sql`alter table badge add constraint badge_code_court check (length(code) < 5)`.execute(t.db);
    const unmapped = await violation(() => sql`insert into badge values ('platine')`.execute(t.db));
    expect(report(unmapped)).toEqual({ code: 2, stderr: 'error: The database refuses this value (check constraint badge_code_court).\n' });

    const other = await violation(() => sql`select 1 / 0`.execute(t.db));
    expect(report(other)).toEqual({ code: 1, stderr: 'error: division by zero (run with --verbose for details)\n' });
  });

  it('every constraint of the schema has its sentence', async () => {
    // Check, unique, exclusion and primary-key constraints and unique indexes, by name.
    // Random uuid primary keys cannot collide; the migrator's own tables are Kysely's;
    // foreign keys and NOT NULL columns have a sentence naming them (shown above).
    const { rows } = await sql<{ name: string }>`
      select con.conname as name
        from pg_constraint con
        join pg_namespace ns on ns.oid = con.connamespace
       where ns.nspname in ('public', 'alumni_admin') and con.contype in ('c', 'u', 'x', 'p')
         and con.conrelid::regclass::text not in ('badge', 'alumni_admin.kysely_migration', 'alumni_admin.kysely_migration_lock')
         and not (con.contype = 'p' and cardinality(con.conkey) = 1
                  and (select atttypid from pg_attribute where attrelid = con.conrelid and attnum = con.conkey[1]) = 'uuid'::regtype)
      union
      select ix.relname
        from pg_index i
        join pg_class ix on ix.oid = i.indexrelid
        join pg_class tb on tb.oid = i.indrelid
        join pg_namespace ns on ns.oid = tb.relnamespace
       where i.indisunique and not i.indisprimary and ns.nspname in ('public', 'alumni_admin') and tb.relkind = 'r'
         and tb.relname <> 'badge'
       order by 1`.execute(t.db);
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.map((r) => r.name).filter((name) => !(name in CONSTRAINT_SENTENCES))).toEqual([]);
  });
});
