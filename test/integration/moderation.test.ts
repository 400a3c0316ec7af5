import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverKysely } from '../../src/db/connect.js';
import type { DB } from '../../src/db/schema.js';
import type { WriteSession } from '../../src/db/session.js';
import {
  decide,
  decideMany,
  listDecisions,
  listPending,
  loadCard,
  pendingCounts,
  reopen,
  Review,
  type QueueName,
} from '../../src/services/moderation/index.js';
import { seedModerationUsers } from '../support/moderation.js';
import { ADVISORY_HERE, BACKENDS, countRows, createTestDatabase, type TestDatabase } from '../support/databases.js';

const UA = 'alumni/test validate';

describe.each(BACKENDS)('moderation on the %s back end', (backend) => {
  let t: TestDatabase;
  let m1: WriteSession;
  let m2: WriteSession;
  let authorId: string;
  let orgId: string;

  /** A pending formation created `daysAgo` days ago. */
  async function formation(titre: string, daysAgo: number, extra: Record<string, unknown> = {}): Promise<string> {
    const row = await t.db
      .insertInto('formation')
      .values({
        titre,
        type_formation: 'presentiel',
        createur_id: authorId,
        organisation_id: orgId,
        description: `Description de ${titre}`,
        created_at: sql`now() - make_interval(days => ${daysAgo})`,
        ...extra,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const pendingIds = async (queue: QueueName) => (await listPending(t.db, queue)).map((i) => i.id);

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    const users = await seedModerationUsers(t.db);
    m1 = { actorId: users.moderator1, userAgent: UA };
    m2 = { actorId: users.moderator2, userAgent: UA };
    authorId = users.author;
    orgId = (
      await t.db
        .insertInto('organisation')
        .values({ nom_organisation: 'Sonatel', type_organisation: 'entreprise', statut: 'active' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  it('lists each queue oldest first with its creator and organisation, and counts them', async () => {
    const recent = await formation('Excel avancé', 1);
    const old = await formation('Gestion de projet', 10, { est_payante: true, prix: '150000', devise: 'XOF' });
    await t.db.insertInto('groupe').values({ nom_groupe: 'Promo 2020', createur_id: authorId }).execute();
    await t.db.insertInto('organisation').values({ nom_organisation: 'Startup Dakar', type_organisation: 'entreprise' }).execute();
    const items = await listPending(t.db, 'formations');
    expect(items.map((i) => i.id)).toEqual([old, recent]);
    expect(items[0]).toMatchObject({
      title: 'Gestion de projet',
      createur: 'awa@exemple.sn',
      nom_organisation: 'Sonatel',
      organisation_id: orgId,
    });
    expect(await listPending(t.db, 'groups')).toMatchObject([{ title: 'Promo 2020', createur: 'awa@exemple.sn', nom_organisation: null }]);
    expect(await listPending(t.db, 'orgs')).toMatchObject([{ title: 'Startup Dakar', createur: null }]);
    const counts = await pendingCounts(t.db);
    expect(counts.map((c) => [c.queue, c.pending])).toEqual([
      ['formations', 2],
      ['groups', 1],
      ['orgs', 1],
    ]);
    const card = await loadCard(t.db, 'formations', old);
    expect(card).toMatchObject({ pending: true, description: 'Description de Gestion de projet' });
    expect(card!.facts).toContainEqual({ key: 'price', value: '150000.00 XOF' });
  });

  it('approving makes the item valid, records who and when, audits it as the moderator, and never brings it back', async () => {
    const id = await formation('Python pour la finance', 5);
    const outcome = await decide(t.db, m1, 'formations', id, { approve: true });
    expect(outcome.status).toBe('approved');
    const row = await t.db.selectFrom('formation').select('est_valide').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.est_valide).toBe(true);
    const decisions = await t.db.selectFrom('validation_formation').selectAll().where('formation_id', '=', id).execute();
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ validateur_id: m1.actorId, est_approuve: true, commentaire: null });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['table_name', 'action', 'utilisateur_id', 'user_agent'])
      .where(sql`coalesce(nouveau_data->>'id', nouveau_data->>'formation_id')`, '=', id)
      .where('action', '!=', 'INSERT' as never)
      .execute();
    expect(audit).toEqual([{ table_name: 'formation', action: 'UPDATE', utilisateur_id: m1.actorId, user_agent: UA }]);
    expect(
      await countRows(
        t.db,
        'audit_log',
        sql`table_name = 'validation_formation' and nouveau_data->>'formation_id' = ${id} and utilisateur_id = ${m1.actorId}`,
      ),
    ).toBe(1);

    // Modified after approval: still out of the queue.
    await t.db.updateTable('formation').set({ lieu: 'Thiès' }).where('id', '=', id).execute();
    expect(await pendingIds('formations')).not.toContain(id);
    const again = await decide(t.db, m2, 'formations', id, { approve: false, reason: 'Trop tard' });
    expect(again).toMatchObject({ status: 'already_decided', last: { approved: true, by: 'm1@ecole.example', at: expect.any(Date) } });
    expect(await countRows(t.db, 'validation_formation', sql`formation_id = ${id}`)).toBe(1);
  });

  it('a rejection needs a reason, leaves the item unpublished and out of the queue until it is modified', async () => {
    const id = await formation('Marketing digital', 4);
    await expect(decide(t.db, m1, 'formations', id, { approve: false, reason: '  ' })).rejects.toMatchObject({ exitCode: 2 });
    expect(await countRows(t.db, 'validation_formation', sql`formation_id = ${id}`)).toBe(0);
    expect((await decide(t.db, m1, 'formations', id, { approve: false, reason: 'Dates manquantes' })).status).toBe('rejected');
    expect(await pendingIds('formations')).not.toContain(id);
    expect((await t.db.selectFrom('formation').select('est_valide').where('id', '=', id).executeTakeFirstOrThrow()).est_valide).toBe(false);
    // An update that changes nothing is no modification.
    await t.db.updateTable('formation').set({ titre: 'Marketing digital' }).where('id', '=', id).execute();
    expect(await pendingIds('formations')).not.toContain(id);
    await t.db.updateTable('formation').set({ date_debut: '2027-01-10' }).where('id', '=', id).execute();
    expect(await pendingIds('formations')).toContain(id);
    const card = await loadCard(t.db, 'formations', id);
    expect(card!.decisions).toMatchObject([{ est_approuve: false, commentaire: 'Dates manquantes', validateur: 'm1@ecole.example' }]);
  });

  it('groups and organisations: approval publishes (valid group, active organisation); a rejected organisation stays en_attente', async () => {
    const [g] = await t.db.insertInto('groupe').values({ nom_groupe: 'Club IA', createur_id: authorId }).returning('id').execute();
    const [a, b] = await t.db
      .insertInto('organisation')
      .values([
        { nom_organisation: 'Cabinet Sy', type_organisation: 'entreprise' },
        { nom_organisation: 'Spam SARL', type_organisation: 'entreprise' },
      ])
      .returning('id')
      .execute();
    expect((await decide(t.db, m1, 'groups', g!.id, { approve: true })).status).toBe('approved');
    expect((await t.db.selectFrom('groupe').select('est_valide').where('id', '=', g!.id).executeTakeFirstOrThrow()).est_valide).toBe(true);
    expect((await decide(t.db, m1, 'orgs', a!.id, { approve: true })).status).toBe('approved');
    expect((await decide(t.db, m2, 'orgs', b!.id, { approve: false, reason: 'Pas une vraie entreprise' })).status).toBe('rejected');
    const statuses = await t.db.selectFrom('organisation').select(['id', 'statut']).where('id', 'in', [a!.id, b!.id]).execute();
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.statut]))).toEqual({ [a!.id]: 'active', [b!.id]: 'en_attente' });
    expect(await pendingIds('orgs')).not.toContain(b!.id);
    expect(
      await countRows(t.db, 'validation_organisation', sql`validateur_id = ${m2.actorId} and commentaire = 'Pas une vraie entreprise'`),
    ).toBe(1);
    expect(await countRows(t.db, 'validation_groupe', sql`groupe_id = ${g!.id} and est_approuve`)).toBe(1);
  });

  it('refuses a decision on an item modified since it was shown', async () => {
    const id = await formation('Comptabilité', 3);
    const card = await loadCard(t.db, 'formations', id);
    await t.db.updateTable('formation').set({ description: 'Nouvelle description' }).where('id', '=', id).execute();
    const outcome = await decide(t.db, m1, 'formations', id, { approve: true }, card!.version);
    expect(outcome).toEqual({ queue: 'formations', id, status: 'changed' });
    expect(await countRows(t.db, 'validation_formation', sql`formation_id = ${id}`)).toBe(0);
    const fresh = await loadCard(t.db, 'formations', id);
    expect((await decide(t.db, m1, 'formations', id, { approve: true }, fresh!.version)).status).toBe('approved');
  });

  it('several ids: unknown ones stop everything (exit 4); decided ones are reported and skipped', async () => {
    const x = await formation('Anglais des affaires', 2);
    const y = await formation('Leadership', 2);
    const missing = '00000000-0000-4000-8000-00000000dead';
    await expect(decideMany(t.db, m1, 'formations', [x, missing, 'pas-un-id'], { approve: true })).rejects.toMatchObject({
      exitCode: 4,
      message: expect.stringContaining(`${missing}, pas-un-id`),
    });
    expect(await countRows(t.db, 'validation_formation', sql`formation_id in (${x}, ${y})`)).toBe(0);
    await decide(t.db, m2, 'formations', y, { approve: true });
    const result = await decideMany(t.db, m1, 'formations', [x, y, x.toUpperCase()], { approve: false, reason: 'Hors périmètre' });
    expect(result.outcomes.map((o) => [o.id, o.status])).toEqual([
      [x, 'rejected'],
      [y, 'already_decided'],
    ]);
    expect(result).toMatchObject({ decided: 1, skipped: 1 });
  });

  it('reopen withdraws the decision (kept, marked), puts the item back, and is audited', async () => {
    const approved = await formation('Data science', 6);
    const rejected = await formation('Couture', 6);
    await decide(t.db, m1, 'formations', approved, { approve: true });
    await decide(t.db, m1, 'formations', rejected, { approve: false, reason: 'Doublon' });

    const undo = await reopen(t.db, m2, 'formations', approved);
    expect(undo).toMatchObject({ status: 'reopened', withdrawn: [{ est_approuve: true }] });
    expect((await t.db.selectFrom('formation').select('est_valide').where('id', '=', approved).executeTakeFirstOrThrow()).est_valide).toBe(
      false,
    );
    expect((await reopen(t.db, m2, 'formations', rejected)).status).toBe('reopened');
    expect(await pendingIds('formations')).toEqual(expect.arrayContaining([approved, rejected]));
    const marks = await t.db
      .selectFrom('validation_formation')
      .select(['annulee_par', 'annulee_le'])
      .where('formation_id', 'in', [approved, rejected])
      .execute();
    expect(marks).toHaveLength(2);
    for (const mark of marks) expect(mark).toMatchObject({ annulee_par: m2.actorId, annulee_le: expect.any(Date) });
    expect(
      await countRows(t.db, 'audit_log', sql`table_name = 'validation_formation' and action = 'UPDATE' and utilisateur_id = ${m2.actorId}`),
    ).toBe(2);

    expect((await reopen(t.db, m2, 'formations', approved)).status).toBe('not_decided');
    // An organisation approved, then made inactive, is reactivated by hand, not reopened.
    const org = (
      await t.db
        .insertInto('organisation')
        .values({ nom_organisation: 'Fermée SA', type_organisation: 'entreprise' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await decide(t.db, m1, 'orgs', org, { approve: true });
    await t.db.updateTable('organisation').set({ statut: 'inactive' }).where('id', '=', org).execute();
    expect(await reopen(t.db, m2, 'orgs', org.toUpperCase())).toMatchObject({
      status: 'not_reopenable',
      withdrawn: [],
    });
    expect((await t.db.selectFrom('organisation').select('statut').where('id', '=', org).executeTakeFirstOrThrow()).statut).toBe(
      'inactive',
    );
    expect(await countRows(t.db, 'validation_organisation', sql`organisation_id = ${org} and annulee_le is null`)).toBe(1);
    await expect(reopen(t.db, m2, 'formations', '00000000-0000-4000-8000-00000000beef')).rejects.toMatchObject({ exitCode: 4 });
    // Decided again after the reopening: once, normally.
    expect((await decide(t.db, m1, 'formations', approved, { approve: true })).status).toBe('approved');
  });

  it('history: newest first, filtered by queue, moderator, outcome and date', async () => {
    // Its own decisions (the test passes alone), read among whatever else is recorded.
    const [kept, refused, withdrawnItem] = [
      await formation('Hist gardée', 3),
      await formation('Hist refusée', 3),
      await formation('Hist retirée', 3),
    ];
    const org = (
      await t.db
        .insertInto('organisation')
        .values({ nom_organisation: 'Hist Spam SARL', type_organisation: 'entreprise' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await decide(t.db, m1, 'formations', kept, { approve: true });
    await decide(t.db, m2, 'formations', refused, { approve: false, reason: 'Hors sujet' });
    await decide(t.db, m1, 'orgs', org, { approve: false, reason: 'Pas une vraie entreprise' });
    await decide(t.db, m1, 'formations', withdrawnItem, { approve: true });
    await reopen(t.db, m2, 'formations', withdrawnItem);
    const ours = <D extends { title: string }>(decisions: D[]) => decisions.filter((d) => d.title.startsWith('Hist '));

    const all = await listDecisions(t.db);
    const times = all.map((d) => d.date_validation.getTime());
    expect(times).toEqual([...times].sort((p, q) => q - p));
    expect(ours(all).map((d) => d.title)).toEqual(['Hist retirée', 'Hist Spam SARL', 'Hist refusée', 'Hist gardée']);
    const byM2 = await listDecisions(t.db, { moderator: 'm2@ecole.example' });
    for (const d of byM2) expect([d.validateur_id, d.annulee_par]).toContain(m2.actorId);
    expect(ours(byM2).map((d) => d.title)).toEqual(['Hist retirée', 'Hist refusée']);
    const orgs = await listDecisions(t.db, { queue: 'orgs', outcome: 'rejected' });
    expect(ours(orgs).map((d) => [d.title, d.commentaire])).toEqual([['Hist Spam SARL', 'Pas une vraie entreprise']]);
    expect(ours(await listDecisions(t.db, { outcome: 'withdrawn' })).map((d) => d.title)).toEqual(['Hist retirée']);
    expect(await listDecisions(t.db, { since: new Date('2099-01-01') })).toEqual([]);
  });

  it('a review holds its card: decisions elsewhere skip it, and it decides it once', async () => {
    const id = await formation('Card tenue', 400);
    await Review.run(t.db, m1, async (review) => {
      const card = await review.claimNext('formations', new Set());
      expect(card!.id).toBe(id); // the oldest
      if (backend === 'server') {
        // Another session (another moderator's script) cannot decide it meanwhile.
        const other = await serverKysely(t.url!);
        try {
          expect((await decide(other, m2, 'formations', id, { approve: true })).status).toBe('held');
          // However the id is spelled.
          expect((await decide(other, m2, 'formations', id.toUpperCase(), { approve: true })).status).toBe('held');
        } finally {
          await other.destroy();
        }
      }
      expect((await review.decide(card!, { approve: false, reason: 'Trop ancien' })).status).toBe('rejected');
      const next = await review.claimNext('formations', new Set());
      expect(next?.id).not.toBe(id);
    });
    expect(await countRows(t.db, 'validation_formation', sql`formation_id = ${id}`)).toBe(1);
  });

  // Needs a second session: the server only (the embedded database has one).
  if (backend === 'server')
    it('two reviews at once never get the same card; a closed review holds nothing', async () => {
      // Enough waiting cards for both, whatever the other tests left.
      for (let i = 0; i < 6; i += 1) await formation(`Carte ${i}`, 2);
      const a = new Set<string>();
      const b = new Set<string>();
      const second = await serverKysely(t.url!);
      try {
        await Review.run(t.db, m1, async (first) => {
          await Review.run(second, m2, async (other) => {
            for (let i = 0; i < 3; i += 1) {
              const x = await first.claimNext('formations', a);
              const y = await other.claimNext('formations', b);
              expect(x && y && x.id !== y.id).toBe(true);
              a.add(x!.id);
              b.add(y!.id);
            }
          });
        });
        expect(await countRows(second as Kysely<DB>, 'pg_locks', ADVISORY_HERE)).toBe(0);
      } finally {
        await second.destroy();
      }
    });
});
