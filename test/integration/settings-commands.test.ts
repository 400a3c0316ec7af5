import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDatabase, type CommandDatabase } from '../support/command-database.js';
import { BACKENDS } from '../support/databases.js';
import { runMain } from '../support/main.js';

const SCHOOL = 'Lycée technique Maurice Delafosse';

/**
 * `alumni settings` (issue 27, point 9: the school's name on the report), in process on
 * both back ends: who may set, what is stored, the audit entry each change leaves.
 */
describe.each(BACKENDS)('settings commands on the %s back end', (backend) => {
  let env: Record<string, string>;
  let database: CommandDatabase;
  const withDb: CommandDatabase['withDb'] = (work) => database.withDb(work);
  let adminId: string;

  beforeAll(async () => {
    database = await commandDatabase(backend);
    env = { ...database.env };
    adminId = await withDb(async (db) => {
      const [admin] = await db
        .insertInto('utilisateur')
        .values([
          { nom_complet: 'Admin', email: 'admin@ecole.example', role: 'admin' },
          { nom_complet: 'Awa Diop', email: 'awa@alumni.example' },
        ])
        .returning('id')
        .execute();
      return admin!.id;
    });
  });
  afterAll(async () => {
    await database.close();
  });

  const audit = () =>
    withDb(
      async (db) =>
        (
          await sql<{ action: string; utilisateur_id: string | null; user_agent: string; ancien: string | null; nouveau: string | null }>`
          select action, utilisateur_id, user_agent, ancien_data->>'valeur' as ancien, nouveau_data->>'valeur' as nouveau
            from audit_log where table_name = 'parametre' order by created_at, id`.execute(db)
        ).rows,
    );

  it('before anything is set: list says "(not set)", get exits 4 with the command that sets it', async () => {
    const list = await runMain(['settings', 'list'], { env });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/school-name\W+\(not set\)/);
    expect(JSON.parse((await runMain(['settings', 'list', '--json'], { env })).stdout)).toEqual([
      { cle: 'school-name', valeur: null, modifie_le: null, modifie_par: null, modifie_par_ref: null },
    ]);
    const get = await runMain(['settings', 'get', 'school-name'], { env });
    expect(get.code).toBe(4);
    expect(get.stdout).toBe('');
    expect(get.stderr).toBe('error: The setting school-name is not set: set it with alumni settings set school-name VALUE --as ADMIN.\n');
  });

  it('set needs an administrator; a known key; a value', async () => {
    const nobody = await runMain(['settings', 'set', 'school-name', SCHOOL], { env });
    expect(nobody.code).toBe(77);
    const alumna = await runMain(['settings', 'set', 'school-name', SCHOOL, '--as', 'awa@alumni.example'], { env });
    expect(alumna.code).toBe(77);
    const unknown = await runMain(['settings', 'set', 'school-colour', 'bleu', '--as', 'admin@ecole.example'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown setting "school-colour": the settings are school-name.');
    const blank = await runMain(['settings', 'set', 'school-name', '  ', '--as', 'admin@ecole.example'], { env });
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain('The setting school-name needs a value.');
    expect(await audit()).toEqual([]);
  });

  it('set stores the value (spaces tidied) as the administrator, audited; the same value again changes nothing', async () => {
    const set = await runMain(['settings', 'set', 'School_Name', `  ${SCHOOL.replace(' ', '   ')} `, '--as', 'admin@ecole.example'], {
      env,
    });
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(new RegExp(`^Value\\W+${SCHOOL}$`, 'm'));
    expect(set.stdout).toMatch(/^By\W+admin@ecole\.example$/m);
    expect(set.stderr).toContain('Setting school-name saved.');
    const again = await runMain(['settings', 'set', 'school-name', SCHOOL, '--as', 'admin@ecole.example', '--json'], { env });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ cle: 'school-name', valeur: SCHOOL, modifie_par: adminId });
    const renamed = await runMain(['settings', 'set', 'school-name', 'Lycée Delafosse', '--as', 'admin@ecole.example', '--lang', 'fr'], {
      env,
    });
    expect(renamed.code).toBe(0);
    expect(renamed.stderr).toContain('Paramètre school-name enregistré.');

    expect(await audit()).toEqual([
      { action: 'INSERT', utilisateur_id: adminId, user_agent: expect.stringMatching(/settings set/), ancien: null, nouveau: SCHOOL },
      {
        action: 'UPDATE',
        utilisateur_id: adminId,
        user_agent: expect.stringMatching(/settings set/),
        ancien: SCHOOL,
        nouveau: 'Lycée Delafosse',
      },
    ]);
    const get = await runMain(['settings', 'get', 'school-name'], { env });
    expect(get).toEqual({ code: 0, stdout: 'Lycée Delafosse\n', stderr: '' });
    const [listed] = JSON.parse((await runMain(['settings', 'list', '--json'], { env })).stdout);
    expect(listed).toMatchObject({ cle: 'school-name', valeur: 'Lycée Delafosse', modifie_par_ref: 'admin@ecole.example' });
    expect(Date.parse(listed.modifie_le)).not.toBeNaN();
  });
});
