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
      /^error: A user with matricule M-1 already exists.*\n.*duplicate key value violates unique constraint "idx_utilisateur_matricule"/,
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
        'The group is full: it has as many active members as its max_membres allows.',
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
        'The field Génie civil is already in domaine_reference.',
      ],
      [
        () => t.db.insertInto('domaine_reference').values({ nom_domaine: 'GENIE CIVIL' }).execute(),
        'A field with the same name (genie civil), without regard to case or accents, is already in domaine_reference.',
      ],
      [() => t.db.insertInto('annee_reference').values({ annee: 2024 }).execute(), 'The year 2024 is already in annee_reference.'],
      [
        // Sans limite has two active members.
        () => t.db.updateTable('groupe').set({ max_membres: 1 }).where('nom_groupe', '=', 'Sans limite').execute(),
        'max_membres cannot be below the active members of the group: remove members first.',
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

  it('other database errors stay unexpected failures (exit 1)', async () => {
    const check = await violation(() => t.db.insertInto('utilisateur').values({ nom_complet: 'Personne' }).execute());
    expect(report(check)).toEqual({
      code: 1,
      stderr:
        'error: new row for relation "utilisateur" violates check constraint "utilisateur_identifiable" (run with --verbose for details)\n',
    });
  });

  it('every unique constraint and unique index of the platform tables has its sentence', async () => {
    // Random uuid primary keys cannot collide; the statistics view is written by refresh-stats alone.
    const { rows } = await sql<{ name: string }>`
      select ix.relname as name
        from pg_index i
        join pg_class ix on ix.oid = i.indexrelid
        join pg_class tb on tb.oid = i.indrelid
        join pg_namespace ns on ns.oid = tb.relnamespace
       where i.indisunique and ns.nspname = 'public' and tb.relkind = 'r' and tb.relname <> 'badge'
         and not (i.indisprimary and i.indnatts = 1
                  and (select atttypid from pg_attribute where attrelid = i.indrelid and attnum = i.indkey[0]) = 'uuid'::regtype)
       order by 1`.execute(t.db);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.map((r) => r.name).filter((name) => !(name in CONSTRAINT_SENTENCES))).toEqual([]);
  });
});
