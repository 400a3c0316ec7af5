import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPGlite } from '../../src/db/pglite.js';
import { PGliteDialect } from '../../src/db/pglite-dialect.js';
import type { DB } from '../../src/db/schema.js';
import { BACKENDS, createServerDatabase, embeddedDataDir, type Backend } from '../support/databases.js';
import { runMain } from '../support/main.js';

/** The same rows on either back end: groups, organisations, people and offers with names close to one another. */
async function seed(db: Kysely<DB>): Promise<void> {
  await db
    .insertInto('utilisateur')
    .values([
      { nom_complet: 'Admin', email: 'admin@ecole.example', role: 'admin' },
      { nom_complet: 'Koffi Mensah', matricule: 'KM-1', email: 'koffi.mensah@exemple.bj' },
      { nom_complet: 'Ama Koffi', matricule: 'AK-1', email: 'ama@exemple.bj' },
      { nom_complet: 'Ancien Compte', matricule: 'EF-1', email: null, efface_le: new Date() },
    ])
    .execute();
  await db
    .insertInto('groupe')
    .values([{ nom_groupe: 'Promo 2024' }, { nom_groupe: 'Promo 2023' }, { nom_groupe: 'Club Robotique' }])
    .execute();
  await db
    .insertInto('organisation')
    .values([
      {
        nom_organisation: 'Orange Bénin',
        type_organisation: 'entreprise',
        ville: 'Cotonou',
        statut: 'active',
        description: 'Opérateur de Télécommunications au Bénin',
      },
      { nom_organisation: 'Sonatel', type_organisation: 'entreprise', statut: 'active', description: 'Informatique et réseaux' },
    ])
    .execute();
  await sql`
    insert into emploi (titre, type_emploi, description, lieu)
    values ('Ingénieur télécommunications', 'hybride', 'Réseaux mobiles', 'Dakar'),
           ('Développeur web', 'temps_plein_terrain', 'Applications informatiques', 'Cotonou')`.execute(db);
}

/** A seeded database of one back end and the environment a command needs to use it. */
async function seededDatabase(backend: Backend): Promise<{ env: Record<string, string>; close(): Promise<void> }> {
  if (backend === 'server') {
    const t = await createServerDatabase();
    await seed(t.db);
    return { env: t.env, close: () => t.close() };
  }
  // A command opens the data directory itself: seeded here, then closed.
  const { dataDir, remove } = embeddedDataDir();
  const pglite = await createPGlite(join(dataDir, 'pgdata'));
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  await seed(db);
  await db.destroy();
  await pglite.close();
  return { env: { ALUMNI_DATA_DIR: dataDir }, close: async () => remove() };
}

describe.each(BACKENDS)('close names and word-prefix search (%s)', (backend) => {
  let database: Awaited<ReturnType<typeof seededDatabase>>;
  let env: Record<string, string>;
  beforeAll(async () => {
    database = await seededDatabase(backend);
    env = { ...database.env, ALUMNI_ACTOR: 'admin@ecole.example' };
  });
  afterAll(() => database.close());
  const run = (args: string[]) => runMain(args, { env });
  const jsonError = async (args: string[]) => {
    const result = await run([...args, '--json']);
    expect(result.stdout).toBe('');
    return { code: result.code, error: JSON.parse(result.stderr).error };
  };

  it('a group not found: up to three close names, best first, in English and French; exit 4', async () => {
    const english = await run(['groups', 'show', 'Promotion 2024']);
    expect(english).toMatchObject({ code: 4, stdout: '' });
    expect(english.stderr).toBe('error: No group "Promotion 2024" (give an id or the exact name). Did you mean: Promo 2024, Promo 2023?\n');
    const french = await run(['--lang', 'fr', 'groups', 'show', 'Promotion 2024']);
    expect(french.code).toBe(4);
    expect(french.stderr).toBe(
      'erreur : Aucun groupe « Promotion 2024 » (donnez un identifiant ou le nom exact). Vouliez-vous dire : Promo 2024, Promo 2023 ?\n',
    );
    expect(await jsonError(['groups', 'show', 'promotion 2024'])).toEqual({
      code: 4,
      error: expect.objectContaining({
        code: 'refs.ref.not_found',
        values: { kind: 'groupe', ref: 'promotion 2024', suggestions: ['Promo 2024', 'Promo 2023'] },
      }),
    });
  });

  it('a far name gets no suggestion line, and an empty list in JSON', async () => {
    const far = await run(['groups', 'show', 'Zzyzx']);
    expect(far).toMatchObject({ code: 4, stderr: 'error: No group "Zzyzx" (give an id or the exact name).\n' });
    const french = await run(['--lang', 'fr', 'orgs', 'show', 'Qwxz']);
    expect(french.stderr).toBe('erreur : Aucune organisation « Qwxz » (donnez un identifiant ou le nom exact).\n');
    expect((await jsonError(['users', 'show', 'zzyzx@nowhere.example'])).error.values).toEqual({
      kind: 'user',
      ref: 'zzyzx@nowhere.example',
      suggestions: [],
    });
  });

  it('an organisation (accents ignored) and a person (by name or e-mail; never an erased account)', async () => {
    const org = await run(['orgs', 'show', 'orange benn']);
    expect(org).toMatchObject({ code: 4 });
    expect(org.stderr).toContain('Did you mean: Orange Bénin?');
    const byName = await jsonError(['users', 'show', 'Mensah Koffi']);
    expect(byName.code).toBe(4);
    expect(byName.error.values.suggestions).toEqual(['Koffi Mensah <koffi.mensah@exemple.bj>', 'Ama Koffi <ama@exemple.bj>']);
    const byMail = await run(['users', 'show', 'koffi.mensa@exemple.bj']);
    expect(byMail).toMatchObject({ code: 4 });
    expect(byMail.stderr).toContain('Did you mean: Koffi Mensah <koffi.mensah@exemple.bj>');
    expect((await jsonError(['users', 'show', 'Ancien Compte'])).error.values.suggestions).toEqual([]);
  });

  it('--as unknown (exit 77): the close active administrators only', async () => {
    const refused = await runMain(['groups', 'add', '--nom', 'Club', '--as', 'admin@ecole.exampel'], { env: database.env });
    expect(refused).toMatchObject({ code: 77, stdout: '' });
    expect(refused.stderr).toBe(
      'error: No user "admin@ecole.exampel" exists to act as; --as takes an administrator\'s e-mail or matricule. Did you mean: Admin <admin@ecole.example>?\n',
    );
    // Koffi Mensah is no administrator: not offered.
    const french = await runMain(['--lang', 'fr', 'groups', 'add', '--nom', 'Club', '--as', 'koffi.mensa@exemple.bj'], {
      env: database.env,
    });
    expect(french.stderr).toBe(
      "erreur : Aucun utilisateur « koffi.mensa@exemple.bj » au nom duquel agir ; --as attend l'e-mail ou le matricule d'un administrateur.\n",
    );
  });

  it('several unknown people at once: each with its close names (a far one with none)', async () => {
    const result = await jsonError(['groups', 'members', 'add', 'Promo 2024', 'Koffi Mensa', 'Zzyzx Qwv']);
    expect(result.code).toBe(4);
    expect(result.error.code).toBe('refs.ref.unknown');
    expect(result.error.values.suggestions).toEqual([
      { ref: 'Koffi Mensa', names: ['Koffi Mensah <koffi.mensah@exemple.bj>', 'Ama Koffi <ama@exemple.bj>'] },
    ]);
    const french = await run(['--lang', 'fr', 'groups', 'members', 'add', 'Promo 2024', 'Koffi Mensa', 'Zzyzx Qwv']);
    expect(french.stderr).toContain(
      'Vouliez-vous dire : Koffi Mensah <koffi.mensah@exemple.bj>, Ama Koffi <ama@exemple.bj> pour « Koffi Mensa » ?',
    );
  });

  it('orgs search: a word matches the start of words, accents and case ignored, marked in the excerpt', async () => {
    const result = await run(['orgs', 'search', 'TELECOM', '--json']);
    expect(result.code).toBe(0);
    const hits = JSON.parse(result.stdout).items;
    expect(hits).toEqual([expect.objectContaining({ nom_organisation: 'Orange Bénin', rank: expect.any(Number) })]);
    expect(hits[0].excerpt).toContain('«Télécommunications»');
    // A word typed in part, longer than its stem ("informatique" → "informat").
    expect(JSON.parse((await run(['orgs', 'search', 'informatiq', '--json'])).stdout).items).toEqual([
      expect.objectContaining({ nom_organisation: 'Sonatel' }),
    ]);
    // What stemming found before is still found: a plural for a singular.
    expect(JSON.parse((await run(['orgs', 'search', 'opérateurs', '--json'])).stdout).items).toHaveLength(1);
  });

  it('offers search: prefixes and stems together, ranked, with «marks»; an excluded word still excludes', async () => {
    const hits = JSON.parse((await run(['offers', 'search', 'ingénieurs telecom', '--json'])).stdout).items;
    expect(hits).toEqual([expect.objectContaining({ titre: 'Ingénieur télécommunications', type: 'emploi' })]);
    expect(hits[0].excerpt).toMatch(/«Ingénieur» «télécommunications»/);
    const dev = JSON.parse((await run(['offers', 'search', 'dev', '--json'])).stdout).items;
    expect(dev.map((o: { titre: string }) => o.titre)).toEqual(['Développeur web']);
    const excluded = JSON.parse((await run(['offers', 'search', 'informatiq -dev', '--json'])).stdout).items;
    expect(excluded).toEqual([]);
  });

  it('a missing or refused value of a fixed list names the accepted values, in English and French, also in JSON', async () => {
    const english = await run(['offers', 'add', '--type', 'emploi', '--titre', 'Comptable']);
    expect(english).toMatchObject({ code: 2, stdout: '' });
    expect(english.stderr).toBe(
      'error: An emploi needs its type: give --type-emploi (one of: temps_plein_terrain, temps_partiel_terrain, temps_plein_ligne, temps_partiel_ligne, hybride).\n',
    );
    const french = await run(['--lang', 'fr', 'offers', 'add', '--type', 'stage', '--titre', 'Stage']);
    expect(french.stderr).toBe(
      'erreur : Un stage doit avoir son type : indiquez --type-stage (parmi : ouvrier, academique, professionnel).\n',
    );
    expect((await jsonError(['offers', 'add', '--type', 'formation', '--titre', 'Cours'])).error).toMatchObject({
      code: 'offers.error.kind_type_missing',
      values: { kind: 'formation', field: '--type-formation', values: ['en_ligne', 'presentiel', 'hybride'] },
    });
    const refused = await run(['offers', 'add', '--type', 'emploi', '--titre', 'Comptable', '--type-emploi', 'cdi']);
    expect(refused).toMatchObject({ code: 2 });
    expect(refused.stderr).toContain('--type-emploi "cdi": use one of temps_plein_terrain,');
    // A mandatory option of a fixed list, not given: the same stable code as any missing option, with the values.
    const noType = await run(['offers', 'add', '--titre', 'Comptable']);
    expect(noType).toMatchObject({
      code: 2,
      stderr: "error: required option '--type <type>' not specified: use one of stage, formation, emploi.\n",
    });
    const noRole = await jsonError(['--lang', 'fr', 'orgs', 'contacts', 'add', 'Orange Bénin', 'KM-1']);
    expect(noRole).toEqual({
      code: 2,
      error: {
        code: 'cli.error.missing_mandatory_option',
        message: expect.stringMatching(/^l'option « --role <role> » est obligatoire : choisissez parmi representant_legal, contact_rh, /),
        values: {
          flags: '--role <role>',
          values: ['representant_legal', 'contact_rh', 'contact_stage', 'alumni_fondateur', 'employe', 'stagiaire'],
        },
      },
    });
  });
});
