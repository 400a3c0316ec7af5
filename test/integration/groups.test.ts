import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WriteSession } from '../../src/db/session.js';
import { deleteMessages, listMessages } from '../../src/services/group-messages.js';
import { addMembers, removeMembers, setMemberRole } from '../../src/services/group-members.js';
import { addGroup, updateGroup } from '../../src/services/group-writes.js';
import { listGroups, listMembers, showGroup } from '../../src/services/groups.js';
import { BACKENDS, countRows, createTestDatabase, type TestDatabase } from '../support/databases.js';

describe.each(BACKENDS)('groups on the %s back end', (backend) => {
  let t: TestDatabase;
  let session: WriteSession;

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    const admin = await t.db
      .insertInto('utilisateur')
      .values({ nom_complet: 'Admin Groupes', email: 'admin@ecole.example', role: 'admin' })
      .returning('id')
      .executeTakeFirstOrThrow();
    session = { actorId: admin.id, userAgent: 'alumni/test groups' };
    await t.db
      .insertInto('annee_reference')
      .values([{ annee: 2020 }, { annee: 2021 }])
      .execute();
    await t.db
      .insertInto('domaine_reference')
      .values([{ nom_domaine: 'Génie civil' }, { nom_domaine: 'Informatique' }])
      .execute();
  });
  afterAll(() => t.close());

  /** `count` people whose matricules start with `prefix`, in name order. */
  const people = async (prefix: string, count: number, values: { annee_sortie?: number; domaine?: string } = {}) =>
    t.db
      .insertInto('utilisateur')
      .values(
        Array.from({ length: count }, (_, i) => ({
          nom_complet: `${prefix} ${String(i).padStart(2, '0')}`,
          matricule: `${prefix}-${i}`,
          email: `${prefix.toLowerCase()}${i}@exemple.sn`,
          ...values,
        })),
      )
      .returning(['id', 'matricule'])
      .execute()
      .then((rows) => rows.map((r) => r.matricule!));
  const activeMembers = (groupeId: string) => countRows(t.db, 'membre_groupe', sql`groupe_id = ${groupeId} and est_actif`);
  const auditRows = () => countRows(t.db, 'audit_log');

  it('adds a group valid at once, created by the administrator; a name taken in another case or accents is refused', async () => {
    const group = await addGroup(t.db, session, { nom_groupe: ' Génie  civil 2020 ', type_groupe: 'prive', max_membres: 40 });
    expect(group).toMatchObject({
      nom_groupe: 'Génie civil 2020',
      type_groupe: 'prive',
      est_valide: true,
      max_membres: 40,
      createur_id: session.actorId,
      membres_actifs: 0,
    });
    const groups = await countRows(t.db, 'groupe');
    await expect(addGroup(t.db, session, { nom_groupe: 'GENIE CIVIL 2020' })).rejects.toMatchObject({
      constraint: 'idx_groupe_nom_normalise',
    });
    await expect(addGroup(t.db, session, { nom_groupe: '  ' })).rejects.toMatchObject({ exitCode: 2 });
    expect(await countRows(t.db, 'groupe')).toBe(groups);
  });

  it('lists with active members, filters by type, validity and name, pages by keyset', async () => {
    const club = await addGroup(t.db, session, { nom_groupe: 'Liste Club échecs', type_groupe: 'prive', max_membres: 5 });
    await t.db.insertInto('groupe').values({ nom_groupe: 'Liste En attente', est_valide: false }).execute();
    await addMembers(t.db, session, club.id, { refs: await people('LST', 2) }, 'membre');
    const listed = await listGroups(t.db, { search: 'liste' }, { limit: 10 });
    expect(listed.items.map((g) => [g.nom_groupe, g.membres_actifs, g.max_membres, g.est_valide])).toEqual([
      ['Liste Club échecs', 2, 5, true],
      ['Liste En attente', 0, null, false],
    ]);
    expect((await listGroups(t.db, { search: 'ECHECS', type: 'prive', valide: true }, { limit: 10 })).items).toHaveLength(1);
    expect((await listGroups(t.db, { search: 'liste', valide: false }, { limit: 10 })).items.map((g) => g.nom_groupe)).toEqual([
      'Liste En attente',
    ]);
    const first = await listGroups(t.db, { search: 'liste' }, { limit: 1 });
    const second = await listGroups(t.db, { search: 'liste' }, { limit: 1, after: first.next_after! });
    expect(second).toEqual({ items: [expect.objectContaining({ nom_groupe: 'Liste En attente' })], next_after: null });
  });

  it('shows members counted, moderators, the last message and the moderation decisions', async () => {
    const group = await addGroup(t.db, session, { nom_groupe: 'Show Promo', description: 'La promo.' });
    const [mod, member] = await people('SHW', 2);
    await addMembers(t.db, session, group.id, { refs: [mod!] }, 'moderateur');
    await addMembers(t.db, session, group.id, { refs: [member!] }, 'membre');
    const author = await t.db.selectFrom('utilisateur').select('id').where('matricule', '=', member!).executeTakeFirstOrThrow();
    await sql`insert into message (groupe_id, utilisateur_id, texte, created_at) values
      (${group.id}, ${author.id}, 'ancien', now() - interval '2 days'), (${group.id}, ${author.id}, 'récent', now() - interval '1 day')`.execute(
      t.db,
    );
    await t.db
      .insertInto('validation_groupe')
      .values({ groupe_id: group.id, validateur_id: session.actorId, est_approuve: true })
      .execute();
    const shown = await showGroup(t.db, 'show promo');
    expect(shown).toMatchObject({
      nom_groupe: 'Show Promo',
      membres_actifs: 2,
      createur: 'admin@ecole.example',
      messages: 2,
      moderateurs: [expect.objectContaining({ matricule: mod, role_membre: 'moderateur' })],
      decisions: [expect.objectContaining({ est_approuve: true, validateur: 'admin@ecole.example' })],
    });
    const newest = await sql<{ at: Date }>`select max(created_at) as at from message where groupe_id = ${group.id}`.execute(t.db);
    expect(shown.dernier_message_le).toEqual(newest.rows[0]!.at);
    await expect(showGroup(t.db, 'Nulle part')).rejects.toMatchObject({ exitCode: 4 });
  });

  it('update: only what changes is written; --max below the active members is refused, and by the database too', async () => {
    const group = await addGroup(t.db, session, { nom_groupe: 'Update Club', max_membres: 5 });
    await addMembers(t.db, session, group.id, { refs: await people('UPD', 3) }, 'membre');
    const audit = await auditRows();
    expect(await updateGroup(t.db, session, 'update club', { nom_groupe: 'Update Club', max_membres: 5 })).toMatchObject({
      changed: false,
    });
    expect(await auditRows()).toBe(audit);
    await expect(updateGroup(t.db, session, 'update club', { max_membres: 2 })).rejects.toMatchObject({
      exitCode: 2,
      // The service names the field; the command says it with its flag (groups-commands.test.ts).
      code: 'groups.max_below_members',
      values: { group: 'Update Club', members: 3, max: 2, field: 'max_membres' },
    });
    await expect(t.db.updateTable('groupe').set({ max_membres: 2 }).where('id', '=', group.id).execute()).rejects.toMatchObject({
      constraint: 'max_membres_below_members',
    });
    expect((await updateGroup(t.db, session, group.id, { max_membres: 3, description: 'Trois' })).group).toMatchObject({
      max_membres: 3,
      description: 'Trois',
    });
    expect((await updateGroup(t.db, session, group.id, { max_membres: null })).group.max_membres).toBeNull();
    // A limit set where there was none is checked as well.
    await expect(updateGroup(t.db, session, group.id, { max_membres: 2 })).rejects.toMatchObject({ exitCode: 2 });
    await expect(t.db.updateTable('groupe').set({ max_membres: 2 }).where('id', '=', group.id).execute()).rejects.toMatchObject({
      constraint: 'max_membres_below_members',
    });
  });

  it('30 concurrent additions to a group of 10 leave exactly 10 active members; each one too many is refused whole (exit 2, both numbers)', async () => {
    const group = await addGroup(t.db, session, { nom_groupe: 'Course aux places', max_membres: 10 });
    const matricules = await people('CRS', 30);
    // On the server each call runs on its own pooled connection; PGlite has one session, so there they queue.
    const results = await Promise.allSettled(matricules.map((m) => addMembers(t.db, session, group.id, { refs: [m] }, 'membre')));
    expect(await activeMembers(group.id)).toBe(10);
    const added = results.filter((r) => r.status === 'fulfilled');
    expect(added).toHaveLength(10);
    for (const r of added) expect(r.value).toMatchObject({ chosen: 1, refused: [], left_out: [], added: [expect.anything()] });
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused).toHaveLength(20);
    for (const r of refused) {
      expect(r.reason).toMatchObject({
        exitCode: 2,
        code: 'groups.members.no_room',
        values: { group: 'Course aux places', chosen: 1, room: 0 },
      });
    }
  });

  it('adding an active member again writes nothing, not even an audit entry', async () => {
    const group = await addGroup(t.db, session, { nom_groupe: 'Deux fois' });
    const [awa] = await people('TWC', 1);
    expect((await addMembers(t.db, session, group.id, { refs: [awa!] }, 'membre')).added).toHaveLength(1);
    const audit = await auditRows();
    const again = await addMembers(t.db, session, 'DEUX FOIS', { refs: [awa!, `twc0@exemple.sn`] }, 'admin');
    expect(again).toMatchObject({
      added: [],
      rejoined: [],
      refused: [],
      unchanged: [expect.objectContaining({ label: 'TWC 00 <twc0@exemple.sn>' })],
    });
    expect(await auditRows()).toBe(audit);
  });

  it('a person who leaves and comes back keeps one membership row', async () => {
    const group = await addGroup(t.db, session, { nom_groupe: 'Aller retour' });
    const [awa] = await people('RET', 1);
    await addMembers(t.db, session, group.id, { refs: [awa!] }, 'moderateur');
    const removed = await removeMembers(t.db, session, group.id, [awa!]);
    expect(removed.removed).toHaveLength(1);
    const left = await listMembers(t.db, group.id, { all: true });
    expect(left).toEqual([expect.objectContaining({ est_actif: false, date_sortie: expect.any(Date) })]);
    expect(await listMembers(t.db, group.id)).toEqual([]);
    expect((await removeMembers(t.db, session, group.id, [awa!])).skipped).toEqual([
      expect.objectContaining({ reason: { code: 'groups.members.skipped.left', values: undefined } }),
    ]);
    const back = await addMembers(t.db, session, group.id, { refs: [awa!] }, 'membre');
    expect(back.rejoined).toHaveLength(1);
    expect(await countRows(t.db, 'membre_groupe', sql`groupe_id = ${group.id}`)).toBe(1);
    expect(await listMembers(t.db, group.id)).toEqual([
      expect.objectContaining({ est_actif: true, date_sortie: null, role_membre: 'membre' }),
    ]);
  });

  it('an unknown group or person is exit 4, and nothing is written', async () => {
    const group = await addGroup(t.db, session, { nom_groupe: 'Inconnus' });
    const [known] = await people('UNK', 1);
    const audit = await auditRows();
    await expect(
      addMembers(t.db, session, group.id, { refs: [known!, 'personne@nulle.part', ' UNK-9', 'personne@nulle.part'] }, 'membre'),
    ).rejects.toMatchObject({
      exitCode: 4,
      // Every unknown one, once, in one sentence.
      message: expect.stringMatching(
        /^No users "personne@nulle\.part", "UNK-9" \(give an id, an e-mail or a matricule\); nothing was changed\./,
      ),
    });
    await expect(addMembers(t.db, session, 'Groupe fantôme', { refs: [known!] }, 'membre')).rejects.toMatchObject({ exitCode: 4 });
    await expect(removeMembers(t.db, session, group.id, ['personne@nulle.part'])).rejects.toMatchObject({ exitCode: 4 });
    expect(await auditRows()).toBe(audit);
    expect(await activeMembers(group.id)).toBe(0);
  });

  it('--from-users adds exactly the filtered people, in name order, up to the limit', async () => {
    await people('FRM', 4, { annee_sortie: 2020, domaine: 'Génie civil' });
    await people('FRX', 2, { annee_sortie: 2020, domaine: 'Informatique' });
    await people('FRY', 2, { annee_sortie: 2021, domaine: 'Génie civil' });
    const open = await addGroup(t.db, session, { nom_groupe: 'Promo GC 2020' });
    const report = await addMembers(t.db, session, open.id, { refs: [], fromUsers: { annee: 2020, domaine: 'genie civil' } }, 'membre');
    expect(report.added.map((p) => p.label)).toEqual([0, 1, 2, 3].map((i) => `FRM 0${i} <frm${i}@exemple.sn>`));
    const small = await addGroup(t.db, session, { nom_groupe: 'Promo GC 2020 bureau', max_membres: 3 });
    const promotion = { refs: [], fromUsers: { annee: 2020, domaine: 'Génie civil' } };
    const audit = await auditRows();
    // Four chosen, three places: refused before anything is written.
    await expect(addMembers(t.db, session, small.id, promotion, 'membre')).rejects.toMatchObject({
      exitCode: 2,
      code: 'groups.members.no_room',
      message:
        'Promo GC 2020 bureau has 3 places left but 4 people would join: nothing was added. ' +
        'Choose fewer, raise the limit (groups update --max), or give --fill to add the first 3.',
    });
    expect(await activeMembers(small.id)).toBe(0);
    expect(await auditRows()).toBe(audit);
    // fill: the first three by name, the fourth left out (not refused: nothing was tried).
    const limited = await addMembers(t.db, session, small.id, promotion, 'membre', { fill: true });
    expect(limited.added.map((p) => p.label)).toEqual([0, 1, 2].map((i) => `FRM 0${i} <frm${i}@exemple.sn>`));
    expect(limited).toMatchObject({
      chosen: 4,
      room: 3,
      refused: [],
      left_out: [{ id: expect.any(String), label: 'FRM 03 <frm3@exemple.sn>' }],
    });
    expect(await activeMembers(small.id)).toBe(3);
    // Members already take no place: the same four again need one place, and there is none.
    await expect(addMembers(t.db, session, small.id, promotion, 'membre')).rejects.toMatchObject({
      values: { chosen: 1, room: 0 },
    });
    const again = await addMembers(t.db, session, small.id, promotion, 'membre', { fill: true });
    expect(again).toMatchObject({ chosen: 1, room: 0, added: [], left_out: [{ label: 'FRM 03 <frm3@exemple.sn>' }] });
    expect(again.unchanged).toHaveLength(3);
  });

  it('--from-users leaves out erased accounts always and deactivated ones unless actif is given; no filter at all is refused', async () => {
    const [, deactivated, erased] = await people('FRE', 3, { annee_sortie: 2021, domaine: 'Informatique' });
    await t.db.updateTable('utilisateur').set({ est_actif: false }).where('matricule', 'in', [deactivated!, erased!]).execute();
    await t.db
      .updateTable('utilisateur')
      .set({ efface_le: sql`now()` })
      .where('matricule', '=', erased!)
      .execute();
    const group = await addGroup(t.db, session, { nom_groupe: 'Promo Info 2021' });
    const promotion = { annee: 2021, domaine: 'Informatique' };
    const active = await addMembers(t.db, session, group.id, { refs: [], fromUsers: promotion }, 'membre');
    expect(active.added.map((p) => p.label)).toEqual(['FRE 00 <fre0@exemple.sn>']);
    const deactivatedToo = await addMembers(t.db, session, group.id, { refs: [], fromUsers: { ...promotion, actif: false } }, 'membre');
    expect(deactivatedToo.added.map((p) => p.label)).toEqual(['FRE 01 <fre1@exemple.sn>']);
    const audit = await auditRows();
    for (const fromUsers of [{}, { annee: undefined, search: undefined }]) {
      await expect(addMembers(t.db, session, group.id, { refs: [], fromUsers }, 'membre')).rejects.toMatchObject({
        exitCode: 2,
        code: 'groups.members.every_account',
      });
    }
    expect(await auditRows()).toBe(audit);
    expect(await activeMembers(group.id)).toBe(2);

    // Named directly (only its id still finds it), the erased account is refused too.
    const { id: erasedId } = await t.db.selectFrom('utilisateur').select('id').where('matricule', '=', erased!).executeTakeFirstOrThrow();
    const named = await addMembers(t.db, session, group.id, { refs: [erasedId] }, 'membre');
    expect(named.added).toEqual([]);
    expect(named.refused).toEqual([
      { id: erasedId, label: expect.any(String), reason: { code: 'groups.members.refused.erased', values: undefined } },
    ]);
    expect(await auditRows()).toBe(audit);
    expect(await activeMembers(group.id)).toBe(2);
  });

  it('set-role changes an active member only, and the same role writes nothing', async () => {
    const group = await addGroup(t.db, session, { nom_groupe: 'Rôles' });
    const [awa, absent] = await people('ROL', 2);
    await addMembers(t.db, session, group.id, { refs: [awa!] }, 'membre');
    expect(await setMemberRole(t.db, session, group.id, awa!, 'moderateur')).toMatchObject({
      changed: true,
      member: { role_membre: 'moderateur' },
    });
    const audit = await auditRows();
    expect((await setMemberRole(t.db, session, group.id, awa!, 'moderateur')).changed).toBe(false);
    expect(await auditRows()).toBe(audit);
    await expect(setMemberRole(t.db, session, group.id, absent!, 'admin')).rejects.toMatchObject({ exitCode: 4 });
  });

  it('the database refuses a member added under REPEATABLE READ to a group with a limit', async () => {
    const group = await addGroup(t.db, session, { nom_groupe: 'Isolation', max_membres: 5 });
    const [awa] = await people('ISO', 1);
    const user = await t.db.selectFrom('utilisateur').select('id').where('matricule', '=', awa!).executeTakeFirstOrThrow();
    await expect(
      t.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute((trx) => trx.insertInto('membre_groupe').values({ groupe_id: group.id, utilisateur_id: user.id }).execute()),
    ).rejects.toMatchObject({ code: '0A000' });
    expect(await activeMembers(group.id)).toBe(0);
  });

  it('lists messages newest first with filters and pages (one transaction’s messages included); soft delete is audited', async () => {
    const group = await addGroup(t.db, session, { nom_groupe: 'Messagerie' });
    const [awa, moussa] = await people('MSG', 2);
    const ids = await t.db.selectFrom('utilisateur').select(['id', 'matricule']).where('matricule', 'in', [awa!, moussa!]).execute();
    const idOf = (m: string) => ids.find((u) => u.matricule === m)!.id;
    await sql`insert into message (groupe_id, utilisateur_id, texte, created_at) values
      (${group.id}, ${idOf(awa!)}, 'vieux', '2026-01-10T10:00:00Z'),
      (${group.id}, ${idOf(moussa!)}, 'février', '2026-02-10T10:00:00Z')`.execute(t.db);
    // Five written in one statement share their created_at to the microsecond.
    await sql`insert into message (groupe_id, utilisateur_id, texte)
      select ${group.id}, ${idOf(awa!)}, 'lot ' || n from generate_series(1, 5) n`.execute(t.db);

    const all = await listMessages(t.db, group.id, {}, { limit: 50 });
    expect(all.items).toHaveLength(7);
    expect(all.items.slice(-2).map((m) => m.texte)).toEqual(['février', 'vieux']);
    const paged: string[] = [];
    let after: string | undefined;
    do {
      const page = await listMessages(t.db, 'messagerie', {}, { limit: 2, after });
      paged.push(...page.items.map((m) => m.id));
      after = page.next_after ?? undefined;
    } while (after);
    expect(paged).toEqual(all.items.map((m) => m.id));

    const since = new Date('2026-02-01T00:00:00Z');
    const until = new Date('2026-03-01T00:00:00Z');
    expect((await listMessages(t.db, group.id, { since, until }, { limit: 50 })).items.map((m) => m.texte)).toEqual(['février']);
    expect((await listMessages(t.db, group.id, { author: `msg1@exemple.sn` }, { limit: 50 })).items).toEqual([
      expect.objectContaining({ texte: 'février', auteur: 'msg1@exemple.sn' }),
    ]);

    const target = all.items.find((m) => m.texte === 'vieux')!;
    const audit = await auditRows();
    const report = await deleteMessages(t.db, session, [target.id.toUpperCase()]);
    expect(report.deleted).toEqual([{ id: target.id, date_suppression_auto: expect.any(Date) }]);
    const inThirtyDays = Date.now() + 30 * 86_400_000;
    expect(Math.abs(report.deleted[0]!.date_suppression_auto.getTime() - inThirtyDays)).toBeLessThan(3_600_000);
    const audited = await t.db
      .selectFrom('audit_log')
      .select(['table_name', 'action', 'utilisateur_id', sql<boolean>`(nouveau_data->>'est_supprime')::boolean`.as('est_supprime')])
      .where('table_name', '=', 'message')
      .orderBy('created_at', 'desc')
      .limit(1)
      .execute();
    expect(audited).toEqual([{ table_name: 'message', action: 'UPDATE', utilisateur_id: session.actorId, est_supprime: true }]);
    expect(await auditRows()).toBe(audit + 1);
    expect((await listMessages(t.db, group.id, {}, { limit: 50 })).items).toHaveLength(6);
    expect(
      (await listMessages(t.db, group.id, { includeDeleted: true }, { limit: 50 })).items.find((m) => m.id === target.id),
    ).toMatchObject({
      est_supprime: true,
    });
    expect(await deleteMessages(t.db, session, [target.id])).toEqual({ deleted: [], already_deleted: [target.id] });
    expect(await auditRows()).toBe(audit + 1);
    await expect(
      deleteMessages(t.db, session, [all.items[0]!.id, '00000000-0000-4000-8000-0000000000ff', 'pas-un-id']),
    ).rejects.toMatchObject({
      exitCode: 4,
    });
    expect((await listMessages(t.db, group.id, {}, { limit: 50 })).items).toHaveLength(6);
  });
});
