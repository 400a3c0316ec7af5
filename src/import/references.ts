import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { normaliseHeader } from './headers.js';
import type { References } from './validate.js';

/** The reference tables a roster's years and fields are checked against, read once. */
export async function readReferences(db: Kysely<DB>): Promise<References> {
  const [years, fields] = await Promise.all([
    db.selectFrom('annee_reference').select(['annee', 'est_disponible']).execute(),
    db.selectFrom('domaine_reference').select('nom_domaine').execute(),
  ]);
  return {
    years: new Map(years.map((y) => [y.annee, y.est_disponible])),
    fields: new Map(fields.map((f) => [normaliseHeader(f.nom_domaine), f.nom_domaine])),
  };
}

/** --create-missing-references: the years and fields first seen in this batch. */
export async function createReferences(
  trx: Transaction<DB>,
  years: Set<number>,
  fields: Map<string, string>,
  created: { years: Set<number>; fields: Set<string> },
): Promise<void> {
  const newYears = [...years].filter((y) => !created.years.has(y));
  const newFields = [...fields.values()].filter((f) => !created.fields.has(f));
  if (newYears.length > 0) {
    await trx
      .insertInto('annee_reference')
      .values(newYears.map((annee) => ({ annee })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  if (newFields.length > 0) {
    await trx
      .insertInto('domaine_reference')
      .values(newFields.map((nom_domaine) => ({ nom_domaine })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
