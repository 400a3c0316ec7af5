import { stripVTControlCharacters } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatsFor } from '../../src/i18n/format.js';
import { countRows, createServerDatabase, type TestDatabase } from '../support/databases.js';
import { runMain } from '../support/main.js';

/** `alumni groups`, in process through main(argv, io): exit codes, stdout/stderr, JSON, what lands in the database. */
describe('groups commands', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createServerDatabase();
    env = { ...t.env, ALUMNI_ACTOR: 'admin@ecole.example' };
    await t.db.insertInto('annee_reference').values({ annee: 2020 }).execute();
    await t.db.insertInto('utilisateur').values({ nom_complet: 'Admin', email: 'admin@ecole.example', role: 'admin' }).execute();
  });
  afterAll(() => t.close());
  const json = async (args: string[]) => {
    const result = await runMain([...args, '--json'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout);
  };
  const people = (prefix: string, count: number, annee_sortie?: number) =>
    t.db
      .insertInto('utilisateur')
      .values(Array.from({ length: count }, (_, i) => ({ nom_complet: `${prefix} ${i}`, matricule: `${prefix}-${i}`, annee_sortie })))
      .execute();

  it('add, list (paged JSON envelope, active/max), show, update', async () => {
    const added = await json(['groups', 'add', '--nom', 'Club Génie', '--type', 'Privé', '--max', '3', '--description', 'Chantiers']);
    expect(added).toMatchObject({ nom_groupe: 'Club Génie', type_groupe: 'prive', est_valide: true, max_membres: 3, membres_actifs: 0 });
    await json(['groups', 'add', '--nom', 'Club Théâtre']);
    expect(await json(['groups', 'list', '--search', 'club', '--limit', '1'])).toEqual({
      items: [expect.objectContaining({ nom_groupe: 'Club Génie', membres_actifs: 0, max_membres: 3 })],
      next_after: expect.any(String),
    });
    // On a terminal: a table with its header, yes/no in words, no id (a group is named by its name).
    const table = await runMain(['groups', 'list', '--search', 'club', '--type', 'prive'], { env, stdoutTTY: true, columns: 80 });
    expect(stripVTControlCharacters(table.stdout)).toMatch(/^Name +Type +Valid +Active members +Member limit\n/);
    expect(stripVTControlCharacters(table.stdout)).toMatch(/^Club Génie +prive +yes +0 +3$/m);
    expect(table.stdout).not.toContain(added.id);
    // Off a terminal: tab-separated rows, no header, the stored values.
    const piped = await runMain(['groups', 'list', '--search', 'club', '--type', 'prive'], { env });
    expect(piped.stdout).toBe('Club Génie\tprive\ttrue\t0\t3\n');
    const withId = await runMain(['groups', 'list', '--search', 'club', '--type', 'prive', '--columns', 'id,nom_groupe'], { env });
    expect(withId.stdout).toBe(`${added.id}\tClub Génie\n`);
    const nothing = await runMain(['groups', 'list', '--search', 'zzz'], { env, stdoutTTY: true });
    expect(nothing).toMatchObject({ code: 0, stdout: '', stderr: 'No group matches these filters.\n' });
    expect(await runMain(['groups', 'list', '--search', 'zzz'], { env })).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const csv = await runMain(['groups', 'list', '--search', 'club', '--valide', 'oui', '--csv'], { env });
    expect(csv.stdout.split('\n')[0]).toBe('nom_groupe,type_groupe,est_valide,membres_actifs,max_membres,id');
    expect(await json(['groups', 'show', 'club genie'])).toMatchObject({
      id: added.id,
      membres_actifs: 0,
      moderateurs: [],
      dernier_message_le: null,
      decisions: [],
      createur: 'admin@ecole.example',
    });
    // A decision reads as in validate history: minute, outcome, moderator, reason.
    await sql`insert into validation_groupe (groupe_id, validateur_id, est_approuve, commentaire, date_validation)
      select ${added.id}, id, true, 'Conforme', '2026-11-20T09:15:42Z' from utilisateur where email = 'admin@ecole.example'`.execute(t.db);
    const shown = await runMain(['groups', 'show', 'Club Génie'], { env, stdoutTTY: true });
    // In the local time zone, as the language writes a moment.
    const at = formatsFor('en').dateTime(new Date('2026-11-20T09:15:42Z'));
    expect(stripVTControlCharacters(shown.stdout)).toMatch(
      new RegExp(`^Moderation:\\s+${at} approved by admin@ecole\\.example: Conforme$`, 'm'),
    );
    expect(stripVTControlCharacters(shown.stdout)).toMatch(/^Valid:\s+yes$/m);
    expect(await json(['groups', 'update', 'CLUB GENIE', '--max', 'none'])).toMatchObject({ max_membres: null });
    const unchanged = await runMain(['groups', 'update', 'Club Génie', '--description', 'Chantiers'], { env });
    expect(unchanged.stderr).toContain('Club Génie: nothing changed.');
  });

  it('refusals: bad values and a --max below the members exit 2 with one sentence; unknown GROUP 4; no actor 77', async () => {
    await json(['groups', 'add', '--nom', 'Plein']);
    await people('PLN', 2);
    await json(['groups', 'members', 'add', 'Plein', 'PLN-0', 'PLN-1']);
    const before = await countRows(t.db, 'audit_log');
    for (const args of [
      ['groups', 'add', '--nom', 'X', '--type', 'secret'],
      ['groups', 'add', '--nom', 'X', '--max', '0'],
      ['groups', 'add', '--nom', 'PLEIN'],
      ['groups', 'add'],
      ['groups', 'update', 'Plein', '--max', '1'],
      ['groups', 'members', 'add', 'Plein', 'PLN-0', '--role', 'chef'],
      ['groups', 'members', 'add', 'Plein', '--annee', '2020'],
      ['groups', 'members', 'add', 'Plein'],
      ['groups', 'members', 'add', 'Plein', '--from-users'],
      ['groups', 'members', 'remove', 'Plein', 'PLN-0'],
      ['groups', 'messages', 'list', 'Plein', '--since', 'hier'],
    ]) {
      const refused = await runMain(args, { env });
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stdout).toBe('');
    }
    const below = await runMain(['groups', 'update', 'Plein', '--max', '1'], { env });
    expect(below.stderr).toBe(
      'error: Plein has 2 active members, more than --max 1: give --max 2 or more, or remove members first (alumni groups members remove).\n',
    );
    const everyone = await runMain(['groups', 'members', 'add', 'Plein', '--from-users'], { env });
    expect(everyone.stderr).toBe(
      'error: --from-users needs at least one users filter (--annee, --domaine, --statut...), or it would add every account.\n',
    );
    expect(await countRows(t.db, 'audit_log')).toBe(before);
    expect((await runMain(['groups', 'show', 'Nulle part'], { env })).code).toBe(4);
    expect((await runMain(['groups', 'members', 'list', 'Nulle part'], { env })).code).toBe(4);
    expect((await runMain(['groups', 'add', '--nom', 'Sans acteur'], { env: t.env })).code).toBe(77);
  });

  it('members add: more people than places is refused whole (exit 2, both numbers, no row); --fill adds the first; refusals summed up by reason', async () => {
    await json(['groups', 'add', '--nom', 'Petit', '--max', '2']);
    await people('PTT', 3);
    const before = await countRows(t.db, 'audit_log');
    const tooMany = await runMain(['groups', 'members', 'add', 'Petit', 'PTT-0', 'PTT-1', 'PTT-2'], { env });
    expect(tooMany).toMatchObject({ code: 2, stdout: '' });
    expect(tooMany.stderr).toBe(
      'error: Petit has 2 places left but 3 people would join: nothing was added. ' +
        'Choose fewer, raise the limit (groups update --max), or give --fill to add the first 2.\n',
    );
    const tooManyJson = await runMain(['groups', 'members', 'add', 'Petit', 'PTT-0', 'PTT-1', 'PTT-2', '--json'], { env });
    expect(JSON.parse(tooManyJson.stderr)).toMatchObject({
      error: { code: 'groups.members.no_room', values: { group: 'Petit', chosen: 3, room: 2 } },
    });
    expect(await countRows(t.db, 'membre_groupe', sql`groupe_id = (select id from groupe where nom_groupe = 'Petit')`)).toBe(0);
    expect(await countRows(t.db, 'audit_log')).toBe(before);

    const filled = await runMain(['groups', 'members', 'add', 'Petit', 'PTT-2', 'PTT-0', 'PTT-1', '--fill'], { env });
    expect(filled.code).toBe(0);
    // In the order given: PTT-2 and PTT-0 fit, PTT-1 is left out.
    expect(filled.stderr).toBe(
      '✔ Petit: 2 added, 0 back after leaving, 0 already members, 0 refused.\n' +
        'warning: 1 left out: the group had 2 places left (--fill added the first ones).\n' +
        'Give --verbose for the people, one per line.\n',
    );
    const listed = await runMain(['groups', 'members', 'list', 'Petit', '--json'], { env });
    expect(
      JSON.parse(listed.stdout)
        .map((m: { matricule: string }) => m.matricule)
        .sort(),
    ).toEqual(['PTT-0', 'PTT-2']);

    const verbose = await runMain(['groups', 'members', 'add', 'Petit', 'PTT-0', 'PTT-1', 'PTT-2', '--fill', '--verbose'], { env });
    expect(verbose.stderr).toBe(
      '✔ Petit: 0 added, 0 back after leaving, 2 already members, 0 refused.\n' +
        '2 already members: nothing changed for them.\n' +
        '  PTT 0 <PTT-0>\n' +
        '  PTT 2 <PTT-2>\n' +
        'warning: 1 left out: the group had 0 places left (--fill added the first ones).\n' +
        '  PTT 1 <PTT-1>\n',
    );
    const counted = await json(['groups', 'members', 'add', 'Petit', 'PTT-0', 'PTT-1', 'PTT-2', '--fill']);
    expect(counted).toMatchObject({
      counts: { chosen: 1, room: 0, added: 0, rejoined: 0, unchanged: 2, refused: 0, left_out: 1 },
      unchanged: [{ label: 'PTT 0 <PTT-0>' }, { label: 'PTT 2 <PTT-2>' }],
      left_out: [{ label: 'PTT 1 <PTT-1>' }],
    });

    const audit = await countRows(t.db, 'audit_log');
    const again = await runMain(['groups', 'members', 'add', 'Petit', 'PTT-0', '--json'], { env });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: [], rejoined: [], refused: [], unchanged: [{ label: 'PTT 0 <PTT-0>' }] });
    expect(await countRows(t.db, 'audit_log')).toBe(audit);
    // Refusals are one line per reason with its count, whatever their number.
    await people('GONE', 3);
    await t.db
      .updateTable('utilisateur')
      .set({ efface_le: sql`now()` })
      .where('matricule', 'like', 'GONE-%')
      .execute();
    const gone = await t.db.selectFrom('utilisateur').select('id').where('matricule', 'like', 'GONE-%').orderBy('matricule').execute();
    const erased = await runMain(['groups', 'members', 'add', 'Petit', 'PTT-0', ...gone.map((g) => g.id)], { env });
    expect(erased.code).toBe(3);
    expect(erased.stderr).toBe(
      '✔ Petit: 0 added, 0 back after leaving, 1 already members, 3 refused.\n' +
        '1 already a member: nothing changed for them.\n' +
        'warning: 3 not added: the account was erased (users erase).\n' +
        'Give --verbose for the people, one per line.\n',
    );
    const audited = await countRows(t.db, 'audit_log');
    const unknown = await runMain(['groups', 'members', 'add', 'Petit', 'PTT-2', 'NOBODY-1'], { env });
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toBe('error: No user "NOBODY-1" (give an id, an e-mail or a matricule); nothing was changed.\n');
    const unknowns = await runMain(['groups', 'members', 'add', 'Petit', 'NOBODY-1', 'PTT-2', 'NOBODY-2'], { env });
    expect(unknowns.stderr).toBe('error: No users "NOBODY-1", "NOBODY-2" (give an id, an e-mail or a matricule); nothing was changed.\n');
    expect(await countRows(t.db, 'audit_log')).toBe(audited);
  });

  it('members add --from-users takes the users list filters (--user-role for the account role); list, remove, set-role', async () => {
    await json(['groups', 'add', '--nom', 'Promo 2020']);
    await people('P20', 3, 2020);
    const report = await json(['groups', 'members', 'add', 'Promo 2020', '--from-users', '--annee', '2020', '--user-role', 'user']);
    expect(report.added.map((p: { label: string }) => p.label)).toEqual(['P20 0 <P20-0>', 'P20 1 <P20-1>', 'P20 2 <P20-2>']);
    const members = await json(['groups', 'members', 'list', 'Promo 2020']);
    expect(members).toHaveLength(3);
    // No e-mail: the email column is empty, the matricule in its own column.
    const csv = await runMain(['groups', 'members', 'list', 'Promo 2020', '--csv'], { env });
    expect(csv.stdout.split('\n').slice(0, 2)).toEqual([
      'nom_complet,email,matricule,role_membre,date_adhesion',
      expect.stringMatching(/^P20 0,,P20-0,membre,/),
    ]);
    expect((await runMain(['groups', 'members', 'remove', 'Promo 2020', 'P20-0', '--yes'], { env })).code).toBe(0);
    expect(await json(['groups', 'members', 'list', 'Promo 2020'])).toHaveLength(2);
    const all = await json(['groups', 'members', 'list', 'Promo 2020', '--all']);
    expect(all.at(-1)).toMatchObject({ matricule: 'P20-0', est_actif: false, date_sortie: expect.any(String) });
    const again = await runMain(['groups', 'members', 'remove', 'Promo 2020', 'P20-0', '--yes'], { env });
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('P20 0 <P20-0> left the group already: nothing to remove.');
    const allCsv = await runMain(['groups', 'members', 'list', 'Promo 2020', '--all', '--csv'], { env });
    expect(allCsv.stdout.split('\n')[0]).toBe('nom_complet,email,matricule,role_membre,date_adhesion,est_actif,date_sortie');
    expect(await json(['groups', 'members', 'set-role', 'Promo 2020', 'P20-1', 'Modérateur'])).toMatchObject({
      role_membre: 'moderateur',
      changed: true,
    });
    expect((await runMain(['groups', 'members', 'set-role', 'Promo 2020', 'P20-0', 'admin'], { env })).code).toBe(4);
    expect(await json(['groups', 'show', 'promo 2020'])).toMatchObject({ moderateurs: [expect.objectContaining({ matricule: 'P20-1' })] });
  });

  it('messages list (paged, filters) and delete (asks off a terminal, soft, audited; unknown id 4)', async () => {
    await json(['groups', 'add', '--nom', 'Bavards']);
    await people('BAV', 1);
    await sql`insert into message (groupe_id, utilisateur_id, texte)
      select g.id, u.id, 'message ' || n from groupe g, utilisateur u, generate_series(1, 3) n
       where g.nom_groupe = 'Bavards' and u.matricule = 'BAV-0'`.execute(t.db);
    const first = await json(['groups', 'messages', 'list', 'Bavards', '--limit', '2', '--author', 'BAV-0']);
    expect(first.items).toHaveLength(2);
    const rest = await json(['groups', 'messages', 'list', 'Bavards', '--limit', '2', '--after', first.next_after]);
    expect(rest).toEqual({ items: [expect.objectContaining({ auteur: 'BAV 0' })], next_after: null });
    const id: string = first.items[0].id;
    const unasked = await runMain(['groups', 'messages', 'delete', id], { env });
    expect(unasked.code).toBe(2);
    expect(unasked.stderr).toContain('give --yes');
    expect((await runMain(['groups', 'messages', 'delete', id, '00000000-0000-4000-8000-000000000000', '--yes'], { env })).code).toBe(4);
    expect(await countRows(t.db, 'message', sql`est_supprime`)).toBe(0);
    expect(await json(['groups', 'messages', 'delete', id, '--yes'])).toMatchObject({ deleted: [{ id }], already_deleted: [] });
    expect((await json(['groups', 'messages', 'list', 'Bavards'])).items).toHaveLength(2);
    // Deleted already: reported, not written again, exit 3 (as members remove and offers close when they skip one).
    const audit = await countRows(t.db, 'audit_log');
    const again = await runMain(['groups', 'messages', 'delete', id, first.items[1].id, '--yes'], { env });
    expect(again).toMatchObject({ code: 3, stdout: '' });
    expect(again.stderr).toBe(
      `warning: Message ${id} was deleted already: not written again.\n` +
        '✔ 1 message(s) deleted; purge-messages removes them for good after 30 days.\n',
    );
    const againJson = await runMain(['groups', 'messages', 'delete', id, '--yes', '--json'], { env });
    expect(againJson.code).toBe(3);
    expect(JSON.parse(againJson.stdout)).toEqual({ deleted: [], already_deleted: [id] });
    expect(await countRows(t.db, 'audit_log')).toBe(audit + 1);
    const withDeleted = await json(['groups', 'messages', 'list', 'Bavards', '--include-deleted']);
    expect(withDeleted.items.find((m: { id: string }) => m.id === id)).toMatchObject({ est_supprime: true });
    const audited = await sql<{ user_agent: string }>`
      select user_agent from audit_log where table_name = 'message' and action = 'UPDATE' and nouveau_data->>'id' = ${id}`.execute(t.db);
    expect(audited.rows).toEqual([{ user_agent: expect.stringMatching(/^alumni\/\S+ groups messages delete$/) }]);
  });
});
