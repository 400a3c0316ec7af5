import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import { writeAs, type WriteSession } from '../../src/db/session.js';

/** What a seeded person is known by: every value `users erase` must make disappear. */
export interface SeededPerson {
  id: string;
  nom_complet: string;
  email: string;
  old_email: string;
  matricule: string;
  telephone: string;
  email_professionnel: string;
  telephone_professionnel: string;
  message_texts: string[];
  annee: number;
  importId: string;
  /** An import run they ran themselves. */
  ownImportId: string;
  /** Every value above, for scans. */
  values: string[];
}

/**
 * One person with one row of every kind the platform holds about someone, each written
 * through writeAs so the audit trail holds them as it would: an account (created by
 * `admin`, its e-mail changed since, updated by an import), a contact of an
 * organisation, a group they created and joined, messages, a stage, formation and emploi
 * they posted (the stage with their own e-mail as contact), a moderation decision they
 * made, an import that touched them and one they ran. `tag` keeps the values of two people apart; the
 * year (with annee_reference and domaine 'Informatique') must exist.
 */
export async function seedPerson(db: Kysely<DB>, admin: { id: string }, tag: string, annee: number): Promise<SeededPerson> {
  const p = {
    nom_complet: `Awa ${tag} Ndiaye`,
    email: `awa.${tag.toLowerCase()}@perso.example`,
    old_email: `ancienne.${tag.toLowerCase()}@perso.example`,
    matricule: `PD-${tag}`,
    telephone: `+2299${String(Math.abs(hash(tag)) % 10_000_000).padStart(7, '0')}`,
    email_professionnel: `awa.${tag.toLowerCase()}@sonatel.example`,
    telephone_professionnel: `+2216${String(Math.abs(hash(tag + 'pro')) % 10_000_000).padStart(7, '0')}`,
    message_texts: [`Bonjour la promo ${tag}, rendez-vous samedi`, `Mon CV ${tag} est en pièce jointe`],
  };
  const byAdmin: WriteSession = { actorId: admin.id, actorRole: 'super_admin', userAgent: 'alumni/test users add' };
  const { id } = await writeAs(db, byAdmin, (trx) =>
    trx
      .insertInto('utilisateur')
      .values({
        nom_complet: p.nom_complet,
        email: p.old_email,
        matricule: p.matricule,
        telephone: p.telephone,
        titre: 'Ingénieure',
        photo_profil_url: `https://photos.example/${tag}.jpg`,
        mot_de_passe_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
        statut: 'etudiant',
        annee_sortie: annee,
        domaine: 'Informatique',
        travailleur: true,
        role: 'admin',
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  await writeAs(db, { ...byAdmin, userAgent: 'alumni/test users update' }, (trx) =>
    trx.updateTable('utilisateur').set({ email: p.email }).where('id', '=', id).execute(),
  );
  const run = await db
    .insertInto('alumni_admin.import_run')
    .values({ file_name: `promo-${tag}.csv`, acteur_id: admin.id, mode: 'upsert', status: 'completed', read: 1, updated: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAs(db, { ...byAdmin, userAgent: `alumni/test users import ${run.id}` }, (trx) =>
    trx.updateTable('utilisateur').set({ travailleur: false }).where('id', '=', id).execute(),
  );
  await writeAs(db, { ...byAdmin, userAgent: 'alumni/test users update' }, (trx) =>
    trx.updateTable('utilisateur').set({ travailleur: true }).where('id', '=', id).execute(),
  );

  // What they did themselves, audited with them as the actor.
  const asThem: WriteSession = { actorId: id, actorRole: 'admin', userAgent: 'alumni/test groups add' };
  await writeAs(db, asThem, async (trx) => {
    const org = await trx
      .insertInto('organisation')
      .values({ nom_organisation: `Sonatel ${tag}`, type_organisation: 'entreprise', statut: 'active' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('contact_organisation')
      .values({
        utilisateur_id: id,
        organisation_id: org.id,
        role_contact: 'contact_rh',
        poste: 'Chargée RH',
        email_professionnel: p.email_professionnel,
        telephone_professionnel: p.telephone_professionnel,
      })
      .execute();
    const group = await trx
      .insertInto('groupe')
      .values({ nom_groupe: `Promo ${tag}`, createur_id: id, est_valide: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('membre_groupe').values({ utilisateur_id: id, groupe_id: group.id, role_membre: 'admin' }).execute();
    await trx
      .insertInto('message')
      .values(
        p.message_texts.map((texte, i) => ({
          groupe_id: group.id,
          utilisateur_id: id,
          texte,
          fichier_url: i ? `https://files.example/${tag}.pdf` : null,
        })),
      )
      .execute();
    await trx
      .insertInto('stage')
      .values({
        titre: `Stage ${tag}`,
        type_stage: 'professionnel',
        createur_id: id,
        email_contact: p.email,
        telephone_contact: p.telephone,
      })
      .execute();
    const formation = await trx
      .insertInto('formation')
      .values({ titre: `Formation ${tag}`, type_formation: 'en_ligne', createur_id: id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('emploi')
      .values({ titre: `Emploi ${tag}`, type_emploi: 'hybride', createur_id: id })
      .execute();
    await trx.insertInto('validation_formation').values({ formation_id: formation.id, validateur_id: id, est_approuve: true }).execute();
  });
  const ownRun = await db
    .insertInto('alumni_admin.import_run')
    .values({ file_name: `promo-${tag}-suite.csv`, acteur_id: id, mode: 'insert', status: 'completed', read: 2, inserted: 2 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    id,
    ...p,
    annee,
    importId: run.id,
    ownImportId: ownRun.id,
    values: [
      p.nom_complet,
      p.email,
      p.old_email,
      p.matricule,
      p.telephone,
      p.email_professionnel,
      p.telephone_professionnel,
      ...p.message_texts,
    ],
  };
}

/**
 * Where any of `values` is still found, case ignored, in any text or JSON column of any
 * table of the database (the tool's own schema and audit_log included): "table.column:
 * value" for each.
 */
export async function findValues(db: Kysely<DB>, values: string[]): Promise<string[]> {
  const { rows: columns } = await sql<{ schema: string; table: string; column: string }>`
    select c.table_schema as schema, c.table_name as table, c.column_name as column
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
     where t.table_type = 'BASE TABLE'
       and c.table_schema not in ('pg_catalog', 'information_schema')
       and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'tsvector', 'ARRAY') or c.data_type = 'USER-DEFINED')
     order by 1, 2, 3`.execute(db);
  const found: string[] = [];
  for (const { schema, table, column } of columns) {
    for (const value of values) {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from ${sql.table(`${schema}.${table}`)}
         where strpos(lower(${sql.ref(column)}::text), lower(${value})) > 0`.execute(db);
      if (rows[0]!.n > 0) found.push(`${schema}.${table}.${column}: ${value}`);
    }
  }
  return found;
}

/**
 * Where any of `values` is still readable in the files under `dir`, as bytes: "path:
 * value" for each (the path relative to `dir`). Each value is looked for in UTF-8, as
 * given, lower-cased and upper-cased, case ignored in the bytes too (ASCII and Latin-1).
 */
export function filesHolding(dir: string, values: string[]): string[] {
  // The same lower-casing on both sides: a byte string read as Latin-1, then lower-cased.
  const asBytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1').toLowerCase();
  const needles = values.map((value) => ({ value, forms: [...new Set([value, value.toLowerCase(), value.toUpperCase()].map(asBytes))] }));
  const found: string[] = [];
  for (const path of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = join(dir, path);
    if (!statSync(full).isFile()) continue;
    const bytes = readFileSync(full).toString('latin1').toLowerCase();
    for (const { value, forms } of needles) if (forms.some((form) => bytes.includes(form))) found.push(`${path}: ${value}`);
  }
  return found;
}

function hash(text: string): number {
  let h = 0;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}
