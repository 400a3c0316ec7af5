import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDatabase, type CommandDatabase } from '../support/command-database.js';
import { BACKENDS } from '../support/databases.js';
import { runMain } from '../support/main.js';
import { HEADER, rosterDir, writeRoster } from '../support/rosters.js';

/**
 * `alumni refs`, in process through main(argv, io), on both back ends: exit codes, JSON,
 * the rows and audit entries it leaves, and what an import does with an alias.
 */
describe.each(BACKENDS)('refs commands on the %s back end', (backend) => {
  let env: Record<string, string>;
  let database: CommandDatabase;
  const withDb: CommandDatabase['withDb'] = (work) => database.withDb(work);

  beforeAll(async () => {
    database = await commandDatabase(backend);
    env = { ...database.env };
    env.ALUMNI_ACTOR = 'admin@ecole.example';
    await withDb(async (db) => {
      await db
        .insertInto('annee_reference')
        .values([{ annee: 2024 }])
        .execute();
      await db
        .insertInto('domaine_reference')
        .values([{ nom_domaine: 'Génie informatique' }, { nom_domaine: 'Télécommunications' }])
        .execute();
      await db
        .insertInto('utilisateur')
        .values([
          { nom_complet: 'Admin', email: 'admin@ecole.example', role: 'admin' },
          { nom_complet: 'Awa Diop', matricule: 'R-1', domaine: 'Génie informatique', annee_sortie: 2024 },
        ])
        .execute();
    });
  });
  afterAll(async () => {
    await database.close();
  });

  const json = async (args: string[]) => {
    const result = await runMain([...args, '--json'], { env });
    expect(result.stderr, args.join(' ')).toBe('');
    expect(result.code, args.join(' ')).toBe(0);
    return JSON.parse(result.stdout);
  };

  it('fields: alias, add, rename (users and aliases follow), deactivate, list; each change audited with its author', async () => {
    expect(await json(['refs', 'fields', 'alias', 'genie INFORMATIQUE', 'Génie Info'])).toEqual({
      nom_domaine: 'Génie informatique',
      est_actif: true,
      aliases: ['Génie Info'],
      utilisateurs: 1,
    });
    expect(await json(['refs', 'fields', 'add', 'Océanographie'])).toMatchObject({ nom_domaine: 'Océanographie', aliases: [] });
    expect(await json(['refs', 'fields', 'rename', 'Génie informatique', 'Génie informatique et réseaux'])).toMatchObject({
      nom_domaine: 'Génie informatique et réseaux',
      aliases: ['Génie Info'],
      utilisateurs: 1,
    });
    expect(await json(['refs', 'fields', 'deactivate', 'oceanographie'])).toMatchObject({ nom_domaine: 'Océanographie', est_actif: false });
    expect(await json(['refs', 'fields', 'list'])).toEqual([
      { nom_domaine: 'Génie informatique et réseaux', est_actif: true, aliases: ['Génie Info'], utilisateurs: 1 },
      { nom_domaine: 'Océanographie', est_actif: false, aliases: [], utilisateurs: 0 },
      { nom_domaine: 'Télécommunications', est_actif: true, aliases: [], utilisateurs: 0 },
    ]);
    const table = await runMain(['refs', 'fields', 'list'], { env, stdoutTTY: true, columns: 80 });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Génie informatique et réseaux {2}yes {2,}Génie Info {2,}1$/m);
    // Off a terminal: one tab-separated line per field, machine values, no header.
    const plain = await runMain(['refs', 'fields', 'list'], { env });
    expect(plain.stdout.split('\n')[0]!.split('\t')).toEqual(['Génie informatique et réseaux', 'true', 'Génie Info', '1']);

    await withDb(async (db) => {
      expect((await db.selectFrom('utilisateur').select('domaine').where('matricule', '=', 'R-1').executeTakeFirstOrThrow()).domaine).toBe(
        'Génie informatique et réseaux',
      );
      const { rows } = await sql<{ table_name: string; action: string; actor: string }>`
        select a.table_name, a.action, u.email as actor from audit_log a join utilisateur u on u.id = a.utilisateur_id
         where a.table_name in ('domaine_alias', 'domaine_reference') `.execute(db);
      expect(rows).toEqual(
        expect.arrayContaining([
          { table_name: 'domaine_alias', action: 'INSERT', actor: 'admin@ecole.example' },
          { table_name: 'domaine_reference', action: 'INSERT', actor: 'admin@ecole.example' },
          { table_name: 'domaine_reference', action: 'UPDATE', actor: 'admin@ecole.example' },
        ]),
      );
      // The rename (which the alias follows) and the deactivation.
      expect(
        rows
          .filter((r) => r.action === 'UPDATE')
          .map((r) => r.table_name)
          .sort(),
      ).toEqual(['domaine_alias', 'domaine_reference', 'domaine_reference']);
    });
  });

  it('years: add, close, open, list', async () => {
    expect(await json(['refs', 'years', 'add', '2026'])).toEqual({ annee: 2026, est_disponible: true, utilisateurs: 0 });
    expect(await json(['refs', 'years', 'close', '2024'])).toEqual({ annee: 2024, est_disponible: false, utilisateurs: 1 });
    expect(await json(['refs', 'years', 'open', '2024'])).toEqual({ annee: 2024, est_disponible: true, utilisateurs: 1 });
    expect(await json(['refs', 'years', 'list'])).toEqual([
      { annee: 2024, est_disponible: true, utilisateurs: 1 },
      { annee: 2026, est_disponible: true, utilisateurs: 0 },
    ]);
  });

  it('refusals: a spelling taken 2, an unknown field or year 4, no administrator 77; nothing written', async () => {
    const cases: Array<[string[], number, RegExp]> = [
      [['refs', 'fields', 'alias', 'Télécommunications', 'GENIE-info'], 2, /"GENIE-info" is already an alias of "Génie informatique/],
      [['refs', 'fields', 'add', 'telecommunications'], 2, /already the field "Télécommunications"/],
      [['refs', 'fields', 'alias', 'Astronomie', 'Astro'], 4, /No field "Astronomie" among the reference fields/],
      [['refs', 'fields', 'add', ' - '], 2, /empty/],
      [['refs', 'years', 'add', '2024'], 2, /already among the reference years/],
      [['refs', 'years', 'close', '1999'], 4, /No year 1999/],
      [['refs', 'years', 'add', 'deux mille'], 2, /give a year such as 2024/],
    ];
    for (const [args, code, message] of cases) {
      const refused = await runMain(args, { env });
      expect(refused.code, args.join(' ')).toBe(code);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(message);
    }
    const anonymous = await runMain(['refs', 'fields', 'add', 'Géologie'], { env: { ...env, ALUMNI_ACTOR: 'R-1' } });
    expect(anonymous.code).toBe(77);
    await withDb(async (db) => {
      expect(
        await db.selectFrom('domaine_reference').select('nom_domaine').where('nom_domaine', 'in', ['Géologie', ' - ']).execute(),
      ).toEqual([]);
      expect(await db.selectFrom('domaine_alias').select('alias').where('alias', 'in', ['GENIE-info', 'Astro']).execute()).toEqual([]);
    });
  });

  it('--create-missing-references --dry-run lists exactly the fields and years it would create, creates nothing, and never a near miss', async () => {
    const dir = rosterDir();
    const file = writeRoster(dir, 'create.csv', [
      HEADER,
      ['Nouveau', 'R-20', '', '2031', '', 'Géologie', ''],
      ['Même', 'R-21', '', '2031', '', 'geologie', ''],
      ['Alias', 'R-22', '', '2024', '', 'Génie Info', ''],
      ['Presque', 'R-23', '', '2032', '', 'Telecoms', ''],
    ]);
    const fieldsAndYears = () =>
      withDb(async (db) => [
        (await db.selectFrom('domaine_reference').select('nom_domaine').orderBy('nom_domaine').execute()).map((f) => f.nom_domaine),
        (await db.selectFrom('annee_reference').select('annee').orderBy('annee').execute()).map((y) => y.annee),
      ]);
    const before = await fieldsAndYears();
    const dry = await runMain(
      ['users', 'import', file, '--rejects', join(dir, 'rejects.csv'), '--create-missing-references', '--dry-run'],
      { env },
    );
    expect(dry.code).toBe(3);
    expect(dry.stderr).toContain('Would create 1 field(s): Géologie; 1 year(s): 2031.');
    const dryJson = await runMain(
      ['users', 'import', file, '--rejects', join(dir, 'rejects.csv'), '--create-missing-references', '--dry-run', '--json'],
      { env },
    );
    expect(JSON.parse(dryJson.stdout)).toMatchObject({
      inserted: 3,
      rejected: 1,
      references_created: { fields: ['Géologie'], years: [2031] },
    });
    expect(await fieldsAndYears()).toEqual(before);

    const real = await runMain(['users', 'import', file, '--rejects', join(dir, 'rejects.csv'), '--create-missing-references', '--json'], {
      env,
    });
    expect(JSON.parse(real.stdout)).toMatchObject({
      inserted: 3,
      rejected: 1,
      references_created: { fields: ['Géologie'], years: [2031] },
    });
    const [fields, years] = await fieldsAndYears();
    expect(fields).toEqual([...before[0]!, 'Géologie'].sort((a, b) => String(a).localeCompare(String(b), 'fr')));
    expect(years).toEqual([...before[1]!, 2031]);
  });

  it('an import stores an alias as the field it names, and a near miss is rejected with "did you mean" and the command', async () => {
    const dir = rosterDir();
    const file = writeRoster(dir, 'alias.csv', [
      HEADER,
      ['Alias Un', 'R-10', '', '2024', '', 'genie info', ''],
      ['Presque', 'R-11', '', '2024', '', 'Télécoms', ''],
      ['Inactif', 'R-12', '', '2024', '', 'Océanographie', ''],
    ]);
    const result = await runMain(['users', 'import', file, '--rejects', join(dir, 'rejects.csv'), '--json'], { env });
    expect(result.code).toBe(3);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ inserted: 1, rejected: 2 });
    await withDb(async (db) => {
      expect((await db.selectFrom('utilisateur').select('domaine').where('matricule', '=', 'R-10').executeTakeFirstOrThrow()).domaine).toBe(
        'Génie informatique et réseaux',
      );
    });
    const rejects: string[][] = parse(readFileSync(summary.rejects_file), { bom: true, delimiter: ';' });
    expect(rejects.slice(1).map((cells) => [cells.at(-2), cells.at(-1)])).toEqual([
      [
        '3',
        'field "Télécoms" is not among the fields: did you mean "Télécommunications"? (alumni refs fields alias "Télécommunications" "Télécoms")',
      ],
      ['4', 'field "Océanographie" is deactivated: no import may give it'],
    ]);
  });
});
