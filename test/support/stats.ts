import type { Insertable, Kysely } from 'kysely';
import type { DB, Utilisateur } from '../../src/db/schema.js';

/**
 * A roster whose figures are known by heart:
 * - 2020, Génie informatique: 10 graduates, 6 working, 2 searching, 2 unknown (80 % known, 75 % employed);
 * - 2021, no field: 3 graduates, nobody answered (0 % known, no employment rate);
 * - 2022, Génie civil: 6 graduates, 1 working, 2 searching, 3 unknown (50 %, 33.33 %);
 * plus a teacher with a year and a student without one, whom the statistics leave out.
 * Sonatel employs three 2020 graduates now (and had a fourth, and has an intern), Orange Bénin one.
 */
export async function rosterWithKnownFigures(db: Kysely<DB>): Promise<void> {
  const people: Array<Insertable<Utilisateur>> = [];
  const add = (
    year: number | null,
    domaine: string | null,
    travailleur: boolean | null,
    count: number,
    statut: 'etudiant' | 'enseignant' = 'etudiant',
  ) => {
    for (let i = 0; i < count; i++) {
      const n = people.length;
      people.push({ nom_complet: `Diplômé ${n}`, matricule: `ST-${n}`, statut, annee_sortie: year, domaine, travailleur });
    }
  };
  add(2020, 'Génie informatique', true, 6);
  add(2020, 'Génie informatique', false, 2);
  add(2020, 'Génie informatique', null, 2);
  add(2021, null, null, 3);
  add(2022, 'Génie civil', true, 1);
  add(2022, 'Génie civil', false, 2);
  add(2022, 'Génie civil', null, 3);
  add(2020, 'Génie informatique', true, 1, 'enseignant');
  add(null, 'Génie civil', true, 1);
  await db
    .insertInto('domaine_reference')
    .values([{ nom_domaine: 'Génie informatique' }, { nom_domaine: 'Génie civil' }])
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db
    .insertInto('annee_reference')
    .values([2020, 2021, 2022].map((annee) => ({ annee })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  const ids = (await db.insertInto('utilisateur').values(people).returning('id').execute()).map((r) => r.id);
  const [sonatel, orange] = await db
    .insertInto('organisation')
    .values([
      { nom_organisation: 'Sonatel', type_organisation: 'entreprise', statut: 'active' },
      { nom_organisation: 'Orange Bénin', type_organisation: 'entreprise', statut: 'active' },
    ])
    .returning('id')
    .execute();
  await db
    .insertInto('contact_organisation')
    .values([
      { utilisateur_id: ids[0]!, organisation_id: sonatel!.id, role_contact: 'employe' },
      { utilisateur_id: ids[1]!, organisation_id: sonatel!.id, role_contact: 'employe', date_fin: '2999-01-01' },
      { utilisateur_id: ids[2]!, organisation_id: sonatel!.id, role_contact: 'contact_rh' },
      { utilisateur_id: ids[3]!, organisation_id: sonatel!.id, role_contact: 'employe', date_debut: '2019-01-01', date_fin: '2020-01-01' },
      { utilisateur_id: ids[4]!, organisation_id: sonatel!.id, role_contact: 'stagiaire' },
      { utilisateur_id: ids[5]!, organisation_id: orange!.id, role_contact: 'employe' },
    ])
    .execute();
}
