import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import { writeAs } from '../../src/db/session.js';
import { BACKENDS, countRows, createTestDatabase, type TestDatabase } from '../support/databases.js';

/** The promises of the schema (migrations/*_schema_initial.up.sql), on both back ends. */
describe.each(BACKENDS)('schema on the %s back end', (backend) => {
  let t: TestDatabase;
  let db: Kysely<DB>;

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    db = t.db;
    await db
      .insertInto('annee_reference')
      .values([{ annee: 2022 }, { annee: 2023 }, { annee: 2024 }])
      .execute();
    await db
      .insertInto('domaine_reference')
      .values([{ nom_domaine: 'Génie informatique' }, { nom_domaine: 'Gestion' }])
      .execute();
  });
  afterAll(() => t.close());

  let serial = 0;
  async function addUser(values: Partial<Parameters<ReturnType<Kysely<DB>['insertInto']>['values']>[0]> = {}) {
    serial += 1;
    return db
      .insertInto('utilisateur')
      .values({ nom_complet: `Personne ${serial}`, matricule: `T-${backend}-${serial}`, ...values } as never)
      .returning(['id'])
      .executeTakeFirstOrThrow();
  }
  async function addOrganisation(nom = `Organisation ${++serial}`, description: string | null = null) {
    return db
      .insertInto('organisation')
      .values({ nom_organisation: nom, type_organisation: 'entreprise', description })
      .returning(['id'])
      .executeTakeFirstOrThrow();
  }
  async function sqlState(promise: Promise<unknown>): Promise<{ code?: string; constraint?: string }> {
    try {
      await promise;
    } catch (error) {
      return error as { code?: string; constraint?: string };
    }
    throw new Error('expected the database to refuse this statement');
  }

  describe('principal contacts', () => {
    it('allows any number of non-principal contacts but at most one principal per organisation', async () => {
      const org = await addOrganisation();
      const other = await addOrganisation();
      const users = await Promise.all([addUser(), addUser(), addUser(), addUser()]);
      const contact = (userId: string, orgId: string, principal: boolean) =>
        db
          .insertInto('contact_organisation')
          .values({ utilisateur_id: userId, organisation_id: orgId, role_contact: 'employe', est_contact_principal: principal })
          .execute();

      await contact(users[0]!.id, org.id, false);
      await contact(users[1]!.id, org.id, false);
      await contact(users[2]!.id, org.id, true);
      const refused = await sqlState(contact(users[3]!.id, org.id, true));
      expect(refused.code).toBe('23505');
      // Another organisation has its own principal contact.
      await contact(users[3]!.id, other.id, true);

      expect(await countRows(db, 'contact_organisation', sql`organisation_id = ${org.id}`)).toBe(3);
      expect(await countRows(db, 'contact_organisation', sql`organisation_id = ${org.id} and est_contact_principal`)).toBe(1);
    });
  });

  describe('French full-text search', () => {
    beforeAll(async () => {
      const org = await addOrganisation('École Supérieure de Commerce', null);
      await addOrganisation('Atelier Numérique', 'Nous recrutons des développeurs pour notre école de code.');
      await db
        .insertInto('stage')
        .values([
          { titre: 'Développeur web', type_stage: 'professionnel', description: 'Stage à Dakar', organisation_id: org.id },
          { titre: 'Comptable', type_stage: 'academique', description: 'Assister le développeur de la paie' },
        ])
        .execute();
      await db
        .insertInto('emploi')
        .values({ titre: 'Développeuse mobile', type_emploi: 'hybride', description: 'Équipe produit' })
        .execute();
      await db
        .insertInto('formation')
        .values({ titre: 'Maintenance informatique', type_formation: 'en_ligne', description: 'Pour développeurs débutants' })
        .execute();
    });

    const search = async (table: 'stage' | 'emploi' | 'formation' | 'organisation', text: string) => {
      const column = table === 'organisation' ? 'nom_organisation' : 'titre';
      const { rows } = await sql<{ label: string }>`
        select ${sql.ref(column)} as label from ${sql.table(table)}
         where search_vector @@ websearch_to_tsquery('fr', ${text})
         order by ts_rank(search_vector, websearch_to_tsquery('fr', ${text})) desc`.execute(db);
      return rows.map((r) => r.label);
    };

    it('finds a singular word from its plural (stemming), ranking title matches first', async () => {
      expect(await search('stage', 'développeurs')).toEqual(['Développeur web', 'Comptable']);
    });

    it('finds accented text from a search typed without accents', async () => {
      expect(await search('stage', 'developpeur')).toEqual(['Développeur web', 'Comptable']);
      expect(await search('organisation', 'ecole')).toEqual(['École Supérieure de Commerce', 'Atelier Numérique']);
    });

    it('searches emploi and formation too', async () => {
      expect(await search('formation', 'developpeur')).toEqual(['Maintenance informatique']);
      expect(await search('formation', 'maintenance & informatique')).toEqual(['Maintenance informatique']);
      expect(await search('emploi', 'equipe')).toEqual(['Développeuse mobile']);
    });

    it('finds an organisation with no description by its name', async () => {
      expect(await search('organisation', 'commerce')).toEqual(['École Supérieure de Commerce']);
    });
  });

  describe('updated_at', () => {
    it('is set by the database on every update and kept by an update that changes nothing', async () => {
      const old = '2020-01-01T00:00:00Z';
      const org = await db
        .insertInto('organisation')
        .values({ nom_organisation: 'Horloge SA', type_organisation: 'startup', created_at: old, updated_at: old })
        .returning('id')
        .executeTakeFirstOrThrow();
      const updatedAt = async () =>
        (await db.selectFrom('organisation').select('updated_at').where('id', '=', org.id).executeTakeFirstOrThrow()).updated_at;

      await db
        .updateTable('organisation')
        .set({ ville: sql`ville` })
        .where('id', '=', org.id)
        .execute();
      expect((await updatedAt()).toISOString()).toBe('2020-01-01T00:00:00.000Z');

      await db.updateTable('organisation').set({ ville: 'Abidjan' }).where('id', '=', org.id).execute();
      expect((await updatedAt()).getTime()).toBeGreaterThan(Date.parse('2025-01-01'));
    });
  });

  describe('employment statistics', () => {
    it('refreshes concurrently and computes rates without dividing by zero', async () => {
      await addUser({ annee_sortie: 2022, travailleur: true });
      await addUser({ annee_sortie: 2022, travailleur: true });
      await addUser({ annee_sortie: 2022, travailleur: false });
      await addUser({ annee_sortie: 2022, travailleur: null });
      await addUser({ annee_sortie: 2023, travailleur: null }); // nobody in 2023 answered
      await addUser({ annee_sortie: 2024, travailleur: true, statut: 'enseignant' }); // not a graduate

      await sql`refresh materialized view concurrently stats_emploi_par_annee`.execute(db);
      const { rows } = await sql<Record<string, unknown>>`
        select annee_sortie, total_diplomes, nb_travaillent, nb_recherche, taux_emploi
          from stats_emploi_par_annee order by annee_sortie`.execute(db);
      expect(rows).toEqual([
        { annee_sortie: 2022, total_diplomes: 4, nb_travaillent: 2, nb_recherche: 1, taux_emploi: '66.67' },
        { annee_sortie: 2023, total_diplomes: 1, nb_travaillent: 0, nb_recherche: 0, taux_emploi: null },
      ]);
    });

    it('records when the statistics were refreshed', async () => {
      await sql`update alumni_admin.view_refresh set refreshed_at = '2001-01-01'`.execute(db);
      await sql`select alumni_refresh_stats()`.execute(db);
      const { rows } = await sql<{ refreshed_at: Date }>`select refreshed_at from alumni_admin.view_refresh`.execute(db);
      expect(rows[0]!.refreshed_at.getFullYear()).toBeGreaterThan(2001);
    });
  });

  describe('refusals', () => {
    it('refuses unknown enum values, bad foreign keys and duplicate unique values', async () => {
      expect((await sqlState(addUser({ statut: 'astronaute' as never }))).code).toBe('22P02');
      expect((await sqlState(addUser({ annee_sortie: 1999 }))).code).toBe('23503');
      expect((await sqlState(addUser({ domaine: 'Astrologie' }))).code).toBe('23503');
      await addUser({ matricule: 'DUP-1', email: 'dup@ecole.example' });
      expect((await sqlState(addUser({ matricule: 'DUP-1' }))).code).toBe('23505');
      // E-mail addresses are unique whatever their case.
      expect((await sqlState(addUser({ email: 'DUP@Ecole.Example' }))).code).toBe('23505');
      expect((await sqlState(db.insertInto('domaine_reference').values({ nom_domaine: 'genie INFORMATIQUE' }).execute())).code).toBe(
        '23505',
      );
      expect(await countRows(db, 'utilisateur', sql`matricule = 'DUP-1' or lower(email) = 'dup@ecole.example'`)).toBe(1);
    });
  });

  describe('ON DELETE', () => {
    it('deleting a user removes their contacts and memberships and keeps what they wrote, and the audit keeps their id', async () => {
      const user = await addUser({ annee_sortie: 2024, domaine: 'Gestion' });
      const org = await addOrganisation();
      await db
        .insertInto('contact_organisation')
        .values({ utilisateur_id: user.id, organisation_id: org.id, role_contact: 'contact_rh' })
        .execute();
      const group = await db
        .insertInto('groupe')
        .values({ nom_groupe: `G-${backend}-del`, createur_id: user.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('membre_groupe').values({ utilisateur_id: user.id, groupe_id: group.id }).execute();
      await db.insertInto('message').values({ groupe_id: group.id, utilisateur_id: user.id, texte: 'Bonjour' }).execute();
      const stage = await db
        .insertInto('stage')
        .values({ titre: 'Stage', type_stage: 'ouvrier', createur_id: user.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      const formation = await db
        .insertInto('formation')
        .values({ titre: 'F', type_formation: 'hybride' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('validation_formation')
        .values({ formation_id: formation.id, validateur_id: user.id, est_approuve: true })
        .execute();
      await writeAs(db, { actorId: user.id, userAgent: 'test' }, (trx) =>
        trx.updateTable('organisation').set({ ville: 'Lomé' }).where('id', '=', org.id).execute(),
      );

      await db.deleteFrom('utilisateur').where('id', '=', user.id).execute();

      expect(await countRows(db, 'contact_organisation', sql`utilisateur_id = ${user.id}`)).toBe(0);
      expect(await countRows(db, 'membre_groupe', sql`utilisateur_id = ${user.id}`)).toBe(0);
      expect(await countRows(db, 'message', sql`groupe_id = ${group.id} and utilisateur_id is null`)).toBe(1);
      expect(await countRows(db, 'groupe', sql`id = ${group.id} and createur_id is null`)).toBe(1);
      expect(await countRows(db, 'stage', sql`id = ${stage.id} and createur_id is null`)).toBe(1);
      expect(await countRows(db, 'validation_formation', sql`formation_id = ${formation.id} and validateur_id is null`)).toBe(1);
      // The audit keeps the actor's id: audit_log.utilisateur_id has no foreign key (personal_data migration).
      expect(
        await countRows(db, 'audit_log', sql`table_name = 'organisation' and user_agent = 'test' and utilisateur_id = ${user.id}`),
      ).toBe(1);
    });

    it('deleting an organisation, a group or a formation takes what belongs to it and detaches offers', async () => {
      const user = await addUser();
      const org = await addOrganisation();
      await db
        .insertInto('contact_organisation')
        .values({ utilisateur_id: user.id, organisation_id: org.id, role_contact: 'employe' })
        .execute();
      await db.insertInto('validation_organisation').values({ organisation_id: org.id, est_approuve: true }).execute();
      const emploi = await db
        .insertInto('emploi')
        .values({ titre: 'Poste', type_emploi: 'hybride', organisation_id: org.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.deleteFrom('organisation').where('id', '=', org.id).execute();
      expect(await countRows(db, 'contact_organisation', sql`organisation_id = ${org.id}`)).toBe(0);
      expect(await countRows(db, 'validation_organisation', sql`organisation_id = ${org.id}`)).toBe(0);
      expect(await countRows(db, 'emploi', sql`id = ${emploi.id} and organisation_id is null`)).toBe(1);

      const group = await db
        .insertInto('groupe')
        .values({ nom_groupe: `G-${backend}-gone` })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('membre_groupe').values({ utilisateur_id: user.id, groupe_id: group.id }).execute();
      await db.insertInto('message').values({ groupe_id: group.id, texte: 'Salut' }).execute();
      await db.insertInto('validation_groupe').values({ groupe_id: group.id, est_approuve: false, commentaire: 'Doublon' }).execute();
      await db.deleteFrom('groupe').where('id', '=', group.id).execute();
      for (const table of ['membre_groupe', 'message', 'validation_groupe']) {
        expect(await countRows(db, table, sql`groupe_id = ${group.id}`)).toBe(0);
      }

      const formation = await db
        .insertInto('formation')
        .values({ titre: 'F2', type_formation: 'presentiel' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('validation_formation')
        .values({ formation_id: formation.id, est_approuve: false, commentaire: 'Incomplet' })
        .execute();
      await db.deleteFrom('formation').where('id', '=', formation.id).execute();
      expect(await countRows(db, 'validation_formation', sql`formation_id = ${formation.id}`)).toBe(0);
    });

    it('refuses to delete a reference in use, and renaming a field follows into the users', async () => {
      await db.insertInto('domaine_reference').values({ nom_domaine: 'Électronique' }).execute();
      const user = await addUser({ domaine: 'Électronique', annee_sortie: 2023 });
      // ON DELETE RESTRICT: PostgreSQL 15 reports foreign_key_violation, 18 restrict_violation.
      const refusedCodes = ['23503', '23001'];
      expect(refusedCodes).toContain(
        (await sqlState(db.deleteFrom('domaine_reference').where('nom_domaine', '=', 'Électronique').execute())).code,
      );
      expect(refusedCodes).toContain((await sqlState(db.deleteFrom('annee_reference').where('annee', '=', 2023).execute())).code);
      await db
        .updateTable('domaine_reference')
        .set({ nom_domaine: 'Électronique et systèmes' })
        .where('nom_domaine', '=', 'Électronique')
        .execute();
      const row = await db.selectFrom('utilisateur').select('domaine').where('id', '=', user.id).executeTakeFirstOrThrow();
      expect(row.domaine).toBe('Électronique et systèmes');
    });
  });

  describe('audit', () => {
    it('logs inserts, updates and deletes with the actor and user agent, never a password hash', async () => {
      const admin = await addUser({ role: 'admin', email: `admin-${backend}@ecole.example` });
      const session = { actorId: admin.id, userAgent: 'alumni/0.0.0 test audit' };
      const before = await countRows(db, 'audit_log');
      const created = await writeAs(db, session, (trx) =>
        trx
          .insertInto('utilisateur')
          .values({ nom_complet: 'Aïssatou Diop', matricule: `AUD-${backend}`, mot_de_passe_hash: 'secret-hash' })
          .returning('id')
          .executeTakeFirstOrThrow(),
      );
      await writeAs(db, session, (trx) =>
        trx.updateTable('utilisateur').set({ titre: 'Ingénieure', mot_de_passe_hash: 'other-hash' }).where('id', '=', created.id).execute(),
      );
      await writeAs(db, session, (trx) => trx.deleteFrom('utilisateur').where('id', '=', created.id).execute());

      const entries = await db
        .selectFrom('audit_log')
        .selectAll()
        .where(sql<boolean>`coalesce(nouveau_data, ancien_data) ->> 'id' = ${created.id}`)
        .orderBy('created_at')
        .execute();
      expect(entries.map((e) => e.action).sort()).toEqual(['DELETE', 'INSERT', 'UPDATE']);
      for (const entry of entries) {
        expect(entry.utilisateur_id).toBe(admin.id);
        expect(entry.user_agent).toBe('alumni/0.0.0 test audit');
        expect(entry.table_name).toBe('utilisateur');
        expect(JSON.stringify(entry)).not.toContain('hash');
      }
      const update = entries.find((e) => e.action === 'UPDATE')!;
      expect((update.ancien_data as Record<string, unknown>).titre).toBeNull();
      expect((update.nouveau_data as Record<string, unknown>).titre).toBe('Ingénieure');
      expect(await countRows(db, 'audit_log')).toBe(before + 3);
    });

    it('writes no audit row for an update that changes nothing, and none for bookkeeping tables', async () => {
      const before = await countRows(db, 'audit_log');
      await db
        .updateTable('utilisateur')
        .set({ nom_complet: sql`nom_complet` })
        .execute();
      await sql`update alumni_admin.view_refresh set refreshed_at = now()`.execute(db);
      expect(await countRows(db, 'audit_log')).toBe(before);
    });

    it('logs a bulk insert row by row from one statement-level trigger call', async () => {
      const before = await countRows(db, 'audit_log', sql`table_name = 'utilisateur' and action = 'INSERT'`);
      await sql`insert into utilisateur (nom_complet, matricule)
                select 'Bulk ' || i, ${`BULK-${backend}-`} || i from generate_series(1, 500) i`.execute(db);
      expect(await countRows(db, 'audit_log', sql`table_name = 'utilisateur' and action = 'INSERT'`)).toBe(before + 500);
    });
  });

  describe('group size', () => {
    it('refuses a member beyond max_membres', async () => {
      const group = await db
        .insertInto('groupe')
        .values({ nom_groupe: `Petit-${backend}`, max_membres: 2 })
        .returning('id')
        .executeTakeFirstOrThrow();
      const [a, b, c] = await Promise.all([addUser(), addUser(), addUser()]);
      await db
        .insertInto('membre_groupe')
        .values([
          { utilisateur_id: a!.id, groupe_id: group.id },
          { utilisateur_id: b!.id, groupe_id: group.id },
        ])
        .execute();
      expect((await sqlState(db.insertInto('membre_groupe').values({ utilisateur_id: c!.id, groupe_id: group.id }).execute())).code).toBe(
        '23514',
      );
      // A member who left frees a place.
      await db.updateTable('membre_groupe').set({ est_actif: false }).where('utilisateur_id', '=', a!.id).execute();
      await db.insertInto('membre_groupe').values({ utilisateur_id: c!.id, groupe_id: group.id }).execute();
      expect(await countRows(db, 'membre_groupe', sql`groupe_id = ${group.id} and est_actif`)).toBe(2);
    });
  });

  describe('maintenance functions', () => {
    it('expire-offers expires active offers past their end date, and only those', async () => {
      const ids = await db
        .insertInto('stage')
        .values([
          { titre: 'Fini hier', type_stage: 'ouvrier', date_fin: sql`current_date - 1` as never },
          { titre: 'Finit aujourd’hui', type_stage: 'ouvrier', date_fin: sql`current_date` as never },
          { titre: 'Déjà pourvu', type_stage: 'ouvrier', date_fin: sql`current_date - 5` as never, statut: 'pourvue' },
        ])
        .returning(['titre'])
        .execute();
      expect(ids).toHaveLength(3);
      await db
        .insertInto('emploi')
        .values({
          titre: 'Expiré',
          type_emploi: 'hybride',
          date_publication: sql`current_date - 30` as never,
          date_expiration: sql`current_date - 2` as never,
        })
        .execute();
      const { rows } = await sql<{ result: Record<string, number> }>`select alumni_expire_offers() as result`.execute(db);
      expect(rows[0]!.result).toEqual({ stage: 1, emploi: 1 });
      const statuses = await db
        .selectFrom('stage')
        .select(['titre', 'statut'])
        .where('titre', 'in', ['Fini hier', 'Finit aujourd’hui', 'Déjà pourvu'])
        .orderBy('titre')
        .execute();
      expect(statuses).toEqual([
        { titre: 'Déjà pourvu', statut: 'pourvue' },
        { titre: 'Fini hier', statut: 'expiree' },
        { titre: 'Finit aujourd’hui', statut: 'active' },
      ]);
    });

    it('purge-messages deletes messages past their deletion time and leaves their group', async () => {
      const group = await db
        .insertInto('groupe')
        .values({ nom_groupe: `Purge-${backend}` })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('message')
        .values([
          { groupe_id: group.id, texte: 'périmé', date_suppression_auto: sql`now() - interval '1 day'` as never },
          { groupe_id: group.id, texte: 'à garder', date_suppression_auto: sql`now() + interval '1 day'` as never },
          { groupe_id: group.id, texte: 'pour toujours' },
        ])
        .execute();
      await sql`select alumni_purge_messages()`.execute(db);
      const left = await db.selectFrom('message').select('texte').where('groupe_id', '=', group.id).orderBy('texte').execute();
      expect(left.map((m) => m.texte)).toEqual(['pour toujours', 'à garder']);
      expect(await countRows(db, 'groupe', sql`id = ${group.id}`)).toBe(1);
    });
  });
});
