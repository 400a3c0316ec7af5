import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { writeAs, type WriteSession } from '../db/session.js';
import { NotFoundError, problem, UsageError } from '../errors.js';
import { fieldKey } from '../import/roster/field-match.js';
import * as value from '../values.js';

/**
 * The reference values a roster is checked against (README, "Reference values"): fields
 * (domaine_reference) with their aliases (domaine_alias), and graduation years
 * (annee_reference). Every change goes through writeAs, so the audit names its author.
 */

export interface FieldView {
  nom_domaine: string;
  est_actif: boolean;
  /** Other spellings an import maps to this field. */
  aliases: string[];
  /** Users whose domaine it is. */
  utilisateurs: number;
}

export interface YearView {
  annee: number;
  est_disponible: boolean;
  utilisateurs: number;
}

type Db = Kysely<DB> | Transaction<DB>;

export async function listFields(db: Db): Promise<FieldView[]> {
  const { rows } = await sql<FieldView>`
    select d.nom_domaine, d.est_actif,
           coalesce((select array_agg(a.alias order by a.alias collate ordre_francais) from domaine_alias a where a.nom_domaine = d.nom_domaine), '{}') as aliases,
           (select count(*) from utilisateur u where u.domaine = d.nom_domaine)::int as utilisateurs
      from domaine_reference d
     order by d.nom_domaine collate ordre_francais`.execute(db);
  return rows;
}

async function fieldView(db: Db, name: string): Promise<FieldView> {
  return (await listFields(db)).find((f) => f.nom_domaine === name)!;
}

/** The stored field `written` names, without regard to case, accents, spaces or punctuation; exit 4 for none. */
async function storedField(db: Db, written: string): Promise<string> {
  const key = fieldKey(written);
  const fields = await db.selectFrom('domaine_reference').select('nom_domaine').execute();
  const found = fields.find((f) => fieldKey(f.nom_domaine) === key);
  if (!found) throw new NotFoundError(problem('refs.field.not_found', { field: written.trim() }));
  return found.nom_domaine;
}

/** What a name names: a field's name, its new name, or an alias (the column it is stored in, for value.text). */
type NameOf = 'name' | 'new_name' | 'alias';
const COLUMN: Record<NameOf, string> = { name: 'nom_domaine', new_name: 'nom_domaine', alias: 'alias' };

function fieldName(text: string, what: NameOf): string {
  const name = value.checkedValues(() => value.text(text, 100, COLUMN[what]));
  if (name === null || fieldKey(name) === '') throw new UsageError(problem('refs.field.empty', { what }));
  return name;
}

/**
 * Refused (exit 2) when a field or alias is spelled like `name` once normalised, other
 * than `except`: a new name must not be read as another field.
 */
async function refuseTakenSpelling(db: Db, name: string, except?: string): Promise<void> {
  const key = fieldKey(name);
  const fields = await db.selectFrom('domaine_reference').select('nom_domaine').execute();
  const field = fields.find((f) => f.nom_domaine !== except && fieldKey(f.nom_domaine) === key);
  if (field) throw new UsageError(problem('refs.field.taken_by_field', { name, field: field.nom_domaine }));
  const aliases = await db.selectFrom('domaine_alias').select(['alias', 'nom_domaine']).execute();
  const alias = aliases.find((a) => fieldKey(a.alias) === key);
  if (alias) throw new UsageError(problem('refs.field.taken_by_alias', { name, field: alias.nom_domaine, alias: alias.alias }));
}

export async function addField(db: Kysely<DB>, session: WriteSession, written: string): Promise<FieldView> {
  const name = fieldName(written, 'name');
  return writeAs(db, session, async (trx) => {
    await refuseTakenSpelling(trx, name);
    await trx.insertInto('domaine_reference').values({ nom_domaine: name }).execute();
    return fieldView(trx, name);
  });
}

/**
 * Renames a field: the users who have it follow (the foreign key cascades), and so do
 * its aliases and its statistics, which are computed from the users.
 */
export async function renameField(db: Kysely<DB>, session: WriteSession, written: string, newName: string): Promise<FieldView> {
  const name = fieldName(newName, 'new_name');
  return writeAs(db, session, async (trx) => {
    const field = await storedField(trx, written);
    if (field === name) return fieldView(trx, field);
    await refuseTakenSpelling(trx, name, field);
    await trx.updateTable('domaine_reference').set({ nom_domaine: name }).where('nom_domaine', '=', field).execute();
    return fieldView(trx, name);
  });
}

/** Maps another spelling to a field, for every import from then on. */
export async function aliasField(db: Kysely<DB>, session: WriteSession, written: string, alias: string): Promise<FieldView> {
  const spelling = fieldName(alias, 'alias');
  return writeAs(db, session, async (trx) => {
    const field = await storedField(trx, written);
    await refuseTakenSpelling(trx, spelling);
    await trx.insertInto('domaine_alias').values({ alias: spelling, nom_domaine: field }).execute();
    return fieldView(trx, field);
  });
}

/** No import may give the field from then on; the users who have it keep it. */
export async function deactivateField(db: Kysely<DB>, session: WriteSession, written: string): Promise<FieldView> {
  return writeAs(db, session, async (trx) => {
    const field = await storedField(trx, written);
    await trx
      .updateTable('domaine_reference')
      .set({ est_actif: false })
      .where('nom_domaine', '=', field)
      .where('est_actif', '=', true)
      .execute();
    return fieldView(trx, field);
  });
}

export async function listYears(db: Db): Promise<YearView[]> {
  const { rows } = await sql<YearView>`
    select y.annee, y.est_disponible, (select count(*) from utilisateur u where u.annee_sortie = y.annee)::int as utilisateurs
      from annee_reference y
     order by y.annee`.execute(db);
  return rows;
}

async function yearView(db: Db, annee: number): Promise<YearView> {
  return (await listYears(db)).find((y) => y.annee === annee)!;
}

export async function addYear(db: Kysely<DB>, session: WriteSession, annee: number): Promise<YearView> {
  return writeAs(db, session, async (trx) => {
    const stored = await trx.selectFrom('annee_reference').select('annee').where('annee', '=', annee).executeTakeFirst();
    if (stored) throw new UsageError(problem('refs.year.exists', { year: annee }));
    await trx.insertInto('annee_reference').values({ annee }).execute();
    return yearView(trx, annee);
  });
}

/** Opens a year to imports, or closes it (a closed year's users keep it; no import may give it). */
export async function setYearAvailable(db: Kysely<DB>, session: WriteSession, annee: number, available: boolean): Promise<YearView> {
  return writeAs(db, session, async (trx) => {
    const result = await trx
      .updateTable('annee_reference')
      .set({ est_disponible: available })
      .where('annee', '=', annee)
      .where('est_disponible', '=', !available)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      const stored = await trx.selectFrom('annee_reference').select('annee').where('annee', '=', annee).executeTakeFirst();
      if (!stored) throw new NotFoundError(problem('refs.year.not_found', { year: annee }));
    }
    return yearView(trx, annee);
  });
}
