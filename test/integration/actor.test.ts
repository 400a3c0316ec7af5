import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveActor } from '../../src/services/actor.js';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/databases.js';

describe.each(BACKENDS)('acting administrator on the %s back end', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await t.db
      .insertInto('utilisateur')
      .values([
        { nom_complet: 'Fatou Sall', matricule: 'ADM-1', email: 'fatou@ecole.example', role: 'super_admin' },
        { nom_complet: 'Jérôme Kaboré', matricule: 'ADM-2', email: 'jerome@ecole.example', role: 'admin' },
        { nom_complet: 'Ancien Admin', matricule: 'ADM-3', email: 'ancien@ecole.example', role: 'admin', est_actif: false },
        { nom_complet: 'Élève Lambda', matricule: 'ETU-1', email: 'eleve@ecole.example' },
      ])
      .execute();
  });
  afterAll(() => t.close());

  it('finds an active administrator by e-mail (any case), matricule or id', async () => {
    const byEmail = await resolveActor(t.db, 'Jerome@Ecole.Example');
    expect(byEmail).toMatchObject({ matricule: 'ADM-2', role: 'admin' });
    expect(await resolveActor(t.db, 'ADM-1')).toMatchObject({ email: 'fatou@ecole.example', role: 'super_admin' });
    expect(await resolveActor(t.db, byEmail.id)).toMatchObject({ matricule: 'ADM-2' });
  });

  it.each([
    [undefined, /--as/],
    ['', /--as/],
    ['personne@ecole.example', /No user/],
    ['ADM-3', /deactivated/],
    ['ETU-1', /role "user"/],
  ])('refuses %j with exit code 77', async (ref, message) => {
    await expect(resolveActor(t.db, ref)).rejects.toMatchObject({ exitCode: 77, message: expect.stringMatching(message) });
  });

  it('refuses an admin where a super_admin is required', async () => {
    await expect(resolveActor(t.db, 'ADM-2', { requireSuperAdmin: true })).rejects.toMatchObject({ exitCode: 77 });
    await expect(resolveActor(t.db, 'ADM-1', { requireSuperAdmin: true })).resolves.toMatchObject({ role: 'super_admin' });
  });
});
