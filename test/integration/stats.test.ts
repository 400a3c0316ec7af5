import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/services/jobs.js';
import { overview } from '../../src/services/stats-overview.js';
import { employmentByField, employmentByYear, topEmployers } from '../../src/services/stats.js';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { rosterWithKnownFigures } from '../support/stats.js';

describe.each(BACKENDS)('statistics on the %s back end', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await rosterWithKnownFigures(t.db);
  });
  afterAll(() => t.close());

  it('per class year, from the view once refresh-stats has run: the known figures, a silent year without division by zero', async () => {
    const before = await employmentByYear(t.db);
    expect(before.items).toEqual([]);
    const run = await runJob(t.db, 'refresh-stats', 'alumni/test stats');
    expect(run.status).toBe('ok');
    const after = await employmentByYear(t.db);
    expect(after.refreshed_at!.getTime()).toBeGreaterThan(before.refreshed_at!.getTime());
    expect(after.items).toEqual([
      {
        annee_sortie: 2020,
        total_diplomes: 10,
        nb_travaillent: 6,
        nb_recherche: 2,
        nb_inconnu: 2,
        taux_connaissance: 80,
        taux_emploi: 75,
      },
      { annee_sortie: 2021, total_diplomes: 3, nb_travaillent: 0, nb_recherche: 0, nb_inconnu: 3, taux_connaissance: 0, taux_emploi: null },
      {
        annee_sortie: 2022,
        total_diplomes: 6,
        nb_travaillent: 1,
        nb_recherche: 2,
        nb_inconnu: 3,
        taux_connaissance: 50,
        taux_emploi: 33.33,
      },
    ]);
    // The same employment rate as the view's own column.
    const view = await t.db.selectFrom('stats_emploi_par_annee').select(['annee_sortie', 'taux_emploi']).orderBy('annee_sortie').execute();
    expect(view.map((v) => (v.taux_emploi === null ? null : Number(v.taux_emploi)))).toEqual(after.items.map((i) => i.taux_emploi));
    expect((await employmentByYear(t.db, { from: 2021, to: 2021 })).items.map((i) => i.annee_sortie)).toEqual([2021]);
    expect((await employmentByYear(t.db, { from: 2021 })).items.map((i) => i.annee_sortie)).toEqual([2021, 2022]);
  });

  it('per field, by name, the unrecorded field last; a year range narrows it', async () => {
    expect(await employmentByField(t.db)).toEqual([
      {
        domaine: 'Génie civil',
        total_diplomes: 6,
        nb_travaillent: 1,
        nb_recherche: 2,
        nb_inconnu: 3,
        taux_connaissance: 50,
        taux_emploi: 33.33,
      },
      {
        domaine: 'Génie informatique',
        total_diplomes: 10,
        nb_travaillent: 6,
        nb_recherche: 2,
        nb_inconnu: 2,
        taux_connaissance: 80,
        taux_emploi: 75,
      },
      { domaine: null, total_diplomes: 3, nb_travaillent: 0, nb_recherche: 0, nb_inconnu: 3, taux_connaissance: 0, taux_emploi: null },
    ]);
    expect((await employmentByField(t.db, { from: 2022, to: 2022 })).map((f) => [f.domaine, f.total_diplomes])).toEqual([
      ['Génie civil', 6],
    ]);
  });

  it('top employers per class: current contacts only, interns left out, the most graduates first', async () => {
    expect(await topEmployers(t.db, {}, 3)).toEqual([
      { annee_sortie: 2020, organisation_id: expect.any(String), nom_organisation: 'Sonatel', alumni: 3 },
      { annee_sortie: 2020, organisation_id: expect.any(String), nom_organisation: 'Orange Bénin', alumni: 1 },
    ]);
    expect(await topEmployers(t.db, {}, 1)).toHaveLength(1);
    expect(await topEmployers(t.db, { from: 2021 }, 3)).toEqual([]);
  });

  it('overview: every value of the schema as a key, zeros included', async () => {
    const refreshesBefore = (await overview(t.db)).job_run['refresh-stats'].ok;
    await runJob(t.db, 'refresh-stats', 'alumni/test stats');
    const counts = await overview(t.db);
    expect(counts.utilisateur.statut).toEqual({ etudiant: 20, enseignant: 1, directeur: 0, personnel_admin: 0, personnel_technique: 0 });
    expect(counts.utilisateur.role).toEqual({ user: 21, admin: 0, super_admin: 0 });
    expect(counts.organisation.statut).toEqual({ active: 2, inactive: 0, en_attente: 0 });
    expect(counts.organisation.type_organisation).toMatchObject({ entreprise: 2, ONG: 0 });
    expect(counts.stage.statut).toEqual({ active: 0, expiree: 0, pourvue: 0 });
    expect(counts.formation).toEqual({ total: 0, en_attente: 0 });
    expect(counts.moderation).toEqual({ formation: 0, groupe: 0, organisation: 0 });
    expect(counts.job_run['refresh-stats']).toEqual({ running: 0, ok: refreshesBefore + 1, failed: 0, locked: 0 });
    expect(counts.job_run['purge-audit']).toEqual({ running: 0, ok: 0, failed: 0, locked: 0 });
    expect(counts.import_run.users).toEqual({ running: 0, completed: 0, failed: 0, rolled_back: 0 });
  });
});
