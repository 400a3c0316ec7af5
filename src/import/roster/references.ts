import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { fieldKey } from './field-match.js';
import type { References, ValidRow } from './validate.js';

/** The reference tables a roster's years and fields (and the fields' aliases) are checked against, read once. */
export async function readReferences(db: Kysely<DB>): Promise<References> {
  const [years, fields, aliases] = await Promise.all([
    db.selectFrom('annee_reference').select(['annee', 'est_disponible']).execute(),
    db.selectFrom('domaine_reference').select(['nom_domaine', 'est_actif']).execute(),
    db.selectFrom('domaine_alias').select(['alias', 'nom_domaine']).execute(),
  ]);
  return {
    years: new Map(years.map((y) => [y.annee, y.est_disponible])),
    // A field's own name wins over an alias spelled the same way (refs refuses that alias).
    fields: new Map([
      ...aliases.map((a) => [fieldKey(a.alias), a.nom_domaine] as const),
      ...fields.map((f) => [fieldKey(f.nom_domaine), f.nom_domaine] as const),
    ]),
    inactiveFields: new Set(fields.filter((f) => !f.est_actif).map((f) => f.nom_domaine)),
  };
}

type UnknownReferences = { years: Set<number>; fields: Map<string, string> };
type CreatedReferences = { years: Set<number>; fields: Set<string> };

/**
 * --create-missing-references: the years and fields new to the database that the rows
 * about to be written use (a year seen only on a rejected line is not created), less
 * those `created` already.
 */
export function missingReferences(rows: ValidRow[], unknown: UnknownReferences, created: CreatedReferences) {
  const unknownFields = new Set(unknown.fields.values());
  const years = new Set<number>();
  const fields = new Set<string>();
  for (const row of rows) {
    if (row.annee_sortie !== null && unknown.years.has(row.annee_sortie) && !created.years.has(row.annee_sortie))
      years.add(row.annee_sortie);
    if (row.domaine !== null && unknownFields.has(row.domaine) && !created.fields.has(row.domaine)) fields.add(row.domaine);
  }
  return { years, fields };
}

/**
 * Inserts missingReferences(); returns what it inserted, to be marked as created once the
 * batch commits.
 */
export async function createReferences(
  trx: Transaction<DB> | Kysely<DB>,
  rows: ValidRow[],
  unknown: UnknownReferences,
  created: CreatedReferences,
): Promise<{ years: number[]; fields: string[] }> {
  const { years, fields } = missingReferences(rows, unknown, created);
  if (years.size > 0) {
    await trx
      .insertInto('annee_reference')
      .values([...years].map((annee) => ({ annee })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  if (fields.size > 0) {
    await trx
      .insertInto('domaine_reference')
      .values([...fields].map((nom_domaine) => ({ nom_domaine })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return { years: [...years], fields: [...fields] };
}
