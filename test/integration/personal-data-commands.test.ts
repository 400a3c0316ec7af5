import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAs } from '../../src/db/session.js';
import { countRows, createServerDatabase, type TestDatabase } from '../support/databases.js';
import { runMain } from '../support/main.js';
import { findValues, seedPerson } from '../support/personal.js';

/** `users export-data|erase`, `audit list` of erased and deleted actors, `doctor`'s retention, in process through main(argv, io). */
describe('personal data commands', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  let root: { id: string };
  beforeAll(async () => {
    t = await createServerDatabase();
    env = { ...t.env, ALUMNI_ACTOR: 'direction@ecole.example' };
    await t.db.insertInto('annee_reference').values({ annee: 2022 }).execute();
    await t.db.insertInto('domaine_reference').values({ nom_domaine: 'Informatique' }).execute();
    root = await t.db
      .insertInto('utilisateur')
      .values({ nom_complet: 'Direction', email: 'direction@ecole.example', role: 'super_admin' })
      .returning('id')
      .executeTakeFirstOrThrow();
  });
  afterAll(() => t.close());

  it('export-data: one JSON document off a terminal (with or without --json), a summary on one; unknown person 4', async () => {
    const person = await seedPerson(t.db, root, 'CMD', 2022);
    const piped = await runMain(['users', 'export-data', person.matricule], { env });
    expect(piped).toMatchObject({ code: 0, stderr: '' });
    const data = JSON.parse(piped.stdout);
    expect(Object.keys(data)).toEqual([
      'account',
      'contacts',
      'group_memberships',
      'messages',
      'offers_created',
      'groups_created',
      'moderation_decisions',
      'imports',
      'audit_about',
      'audit_by',
    ]);
    expect(data.account).toMatchObject({ email: person.email, has_password: true });
    expect(piped.stdout).not.toContain('mot_de_passe_hash');
    expect(
      JSON.parse(
        (await runMain(['users', 'export-data', person.email, '--json'], { stdoutTTY: true, env: { ...env, NO_COLOR: '1' } })).stdout,
      ),
    ).toEqual(data);
    const summary = await runMain(['users', 'export-data', person.email], { stdoutTTY: true, env: { ...env, NO_COLOR: '1' } });
    expect(summary.code).toBe(0);
    expect(summary.stdout).toMatch(/messages: +2\n/);
    expect(summary.stdout).toMatch(/offers created: +3\n/);
    expect(summary.stdout).toContain(person.nom_complet);
    const unknown = await runMain(['users', 'export-data', 'nobody@nowhere.example'], { env });
    expect(unknown).toMatchObject({ code: 4, stdout: '' });
  });

  it('erase: refused without --yes off a terminal (nothing written), --dry-run lists, --yes erases, twice finds nothing to do', async () => {
    const person = await seedPerson(t.db, root, 'DEL', 2022);
    const audit = await countRows(t.db, 'audit_log');
    const unasked = await runMain(['users', 'erase', person.matricule], { env });
    expect(unasked.code).toBe(2);
    expect(unasked.stderr).toContain('give --yes to confirm');
    const dry = await runMain(['users', 'erase', person.matricule, '--dry-run', '--json'], { env });
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      id: person.id,
      dry_run: true,
      erased: false,
      nothing_to_do: false,
      rows: { message: 2 },
    });
    const dryText = await runMain(['users', 'erase', person.matricule, '--dry-run'], { env });
    expect(dryText.stdout).toMatch(/Account: +Full name, Matricule, E-mail/);
    expect(dryText.stderr).toContain('Dry run: nothing was changed.');
    expect(await countRows(t.db, 'audit_log')).toBe(audit);
    expect(await findValues(t.db, [person.matricule])).not.toEqual([]);

    const erased = await runMain(['users', 'erase', person.matricule, '--yes', '--json'], { env });
    expect(erased).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(erased.stdout)).toMatchObject({
      id: person.id,
      dry_run: false,
      erased: true,
      rows: { message: 2, contact_organisation: 1 },
    });
    expect(await findValues(t.db, person.values)).toEqual([]);
    const written = await countRows(t.db, 'audit_log');
    const again = await runMain(['users', 'erase', person.id, '--yes'], { env });
    expect(again.code).toBe(0);
    expect(again.stderr).toBe(`✔ ${person.id}: erased already, nothing to do.\n`);
    // Not asked either: nothing to confirm.
    expect((await runMain(['users', 'erase', person.id, '--json'], { env })).code).toBe(0);
    expect(await countRows(t.db, 'audit_log')).toBe(written);
  });

  it('erase: a super_admin (the last one here) by an admin 77, no actor 77, unknown person 4', async () => {
    await t.db.insertInto('utilisateur').values({ nom_complet: 'Adjointe', email: 'adjointe@ecole.example', role: 'admin' }).execute();
    const last = await runMain(['users', 'erase', 'direction@ecole.example', '--yes'], {
      env: { ...env, ALUMNI_ACTOR: 'adjointe@ecole.example' },
    });
    expect(last).toMatchObject({ code: 77, stderr: 'error: This account has role super_admin; only a super_admin may erase it.\n' });
    expect((await runMain(['users', 'erase', 'adjointe@ecole.example', '--yes'], { env: t.env })).code).toBe(77);
    expect((await runMain(['users', 'erase', 'nobody@nowhere.example', '--yes'], { env })).code).toBe(4);
    expect(await countRows(t.db, 'utilisateur', sql`efface_le is not null and email = 'adjointe@ecole.example'`)).toBe(0);
  });

  it('audit list and show: an erased actor as (erased), a deleted one by its id', async () => {
    const [erasedActor, deletedActor] = await t.db
      .insertInto('utilisateur')
      .values([
        { nom_complet: 'Ancienne admin', email: 'ancienne@ecole.example', role: 'admin' },
        { nom_complet: 'Partie admin', email: 'partie@ecole.example', role: 'admin' },
      ])
      .returning('id')
      .execute();
    for (const [actor, year] of [
      [erasedActor!, 2101],
      [deletedActor!, 2102],
    ] as const) {
      await writeAs(t.db, { actorId: actor.id, userAgent: 'alumni/test' }, (trx) =>
        trx.insertInto('annee_reference').values({ annee: year }).execute(),
      );
    }
    await t.db.deleteFrom('utilisateur').where('id', '=', deletedActor!.id).execute();
    expect((await runMain(['users', 'erase', 'ancienne@ecole.example', '--yes'], { env })).code).toBe(0);
    const listed = await runMain(['audit', 'list', '--table', 'annee_reference', '--json'], { env });
    const entries = JSON.parse(listed.stdout) as Array<{ id: string; utilisateur_id: string; acteur: string | null }>;
    expect(entries.find((e) => e.utilisateur_id === erasedActor!.id)).toMatchObject({ acteur: '(erased)' });
    const deleted = entries.find((e) => e.utilisateur_id === deletedActor!.id)!;
    expect(deleted).toMatchObject({ acteur: null });
    const table = await runMain(['audit', 'list', '--table', 'annee_reference'], {
      env: { ...env, NO_COLOR: '1' },
      stdoutTTY: true,
      columns: 200,
    });
    expect(table.stdout).toContain('(erased)');
    expect(table.stdout).toContain(deletedActor!.id);
    const byId = await runMain(['audit', 'list', '--actor', deletedActor!.id, '--json'], { env });
    expect(JSON.parse(byId.stdout)).toEqual([expect.objectContaining({ id: deleted.id, table_name: 'annee_reference' })]);
    const shown = await runMain(['audit', 'show', deleted.id], { stdoutTTY: true, env: { ...env, NO_COLOR: '1' } });
    expect(shown.stdout).toMatch(new RegExp(`By: +${deletedActor!.id}`));
  });

  it('doctor shows each retention rule: a message due and one not yet, an audit entry past the retention', async () => {
    const author = await t.db
      .insertInto('utilisateur')
      .values({ nom_complet: 'Autrice', email: 'autrice@ecole.example' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const group = await t.db
      .insertInto('groupe')
      .values({ nom_groupe: 'Rétention', createur_id: author.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const nextDeletion = new Date('2099-06-01T00:00:00Z');
    await t.db
      .insertInto('message')
      .values([
        {
          groupe_id: group.id,
          utilisateur_id: author.id,
          texte: 'À supprimer',
          date_suppression_auto: sql<Date>`now() - interval '1 day'`,
        },
        { groupe_id: group.id, utilisateur_id: author.id, texte: 'Plus tard', date_suppression_auto: nextDeletion },
        { groupe_id: group.id, utilisateur_id: author.id, texte: 'Gardé' },
      ])
      .execute();
    const old = new Date('2001-02-03T04:05:06Z');
    await t.db
      .insertInto('audit_log')
      .values({ table_name: 'annee_reference', action: 'INSERT', nouveau_data: JSON.stringify({ annee: 1999 }), created_at: old })
      .execute();
    const runs = await countRows(t.db, 'alumni_admin.import_run');
    const entries = await countRows(t.db, 'audit_log');
    const report = await runMain(['doctor', '--json'], { env: { ...env, ALUMNI_AUDIT_RETENTION: '90d' } });
    expect(JSON.parse(report.stdout).retention).toEqual({
      audit_log: { retention: '90 days', entries, oldest: old.toISOString(), past_retention: 1 },
      message: { with_deletion_date: 2, due: 1, next_deletion: nextDeletion.toISOString() },
      import_run: { retention: 'kept', runs, oldest: runs ? expect.any(String) : null },
    });
    const text = await runMain(['doctor'], { stdoutTTY: true, env: { ...env, NO_COLOR: '1' } });
    expect(text.stdout).toMatch(/Audit retention:\s+365 days \(purge-audit\)/);
    expect(text.stdout).toMatch(/Message deletion:\s+at each message's own deletion date \(purge-messages\)/);
    expect(text.stdout).toMatch(/Import ledger:\s+kept: \d+ runs/);
  });
});
