import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { situationRates, type SituationRates } from './stats-rates.js';

/**
 * The statistics `alumni stats` prints and the report publishes. Graduates are the
 * former students (statut etudiant) with a graduation year, as stats_emploi_par_annee
 * counts them; per class year the figures come from that view (as of its last
 * refresh), per field and per employer from the tables themselves (as of now).
 */

export const STATS_VIEW = 'stats_emploi_par_annee';

export interface YearRange {
  from?: number;
  to?: number;
}

export interface YearFigures extends SituationRates {
  annee_sortie: number;
}

export interface FieldFigures extends SituationRates {
  /** null: graduates whose field is not recorded. */
  domaine: string | null;
}

export interface EmploymentByYear {
  /** When stats_emploi_par_annee was last refreshed (null if never recorded). */
  refreshed_at: Date | null;
  items: YearFigures[];
}

export async function viewRefreshedAt(db: Kysely<DB>): Promise<Date | null> {
  const row = await db
    .selectFrom('alumni_admin.view_refresh')
    .select('refreshed_at')
    .where('view_name', '=', STATS_VIEW)
    .executeTakeFirst();
  return row ? new Date(row.refreshed_at) : null;
}

/** Per graduation year, oldest first, from the statistics view. */
export async function employmentByYear(db: Kysely<DB>, range: YearRange = {}): Promise<EmploymentByYear> {
  let query = db
    .selectFrom('stats_emploi_par_annee')
    .select(['annee_sortie', 'total_diplomes', 'nb_travaillent', 'nb_recherche'])
    .orderBy('annee_sortie');
  if (range.from !== undefined) query = query.where('annee_sortie', '>=', range.from);
  if (range.to !== undefined) query = query.where('annee_sortie', '<=', range.to);
  const rows = await query.execute();
  return {
    refreshed_at: await viewRefreshedAt(db),
    items: rows.map((row) => ({
      annee_sortie: row.annee_sortie!,
      ...situationRates({ total_diplomes: row.total_diplomes!, nb_travaillent: row.nb_travaillent!, nb_recherche: row.nb_recherche! }),
    })),
  };
}

/** The view's population: former students with a graduation year, optionally within a range. */
function graduates(range: YearRange) {
  return sql`u.statut = 'etudiant' and u.annee_sortie is not null
    ${range.from !== undefined ? sql`and u.annee_sortie >= ${range.from}` : sql``}
    ${range.to !== undefined ? sql`and u.annee_sortie <= ${range.to}` : sql``}`;
}

/**
 * French alphabetical order for names a person reads (fields, organisations): accents and
 * case ignored at first, so `École` comes between `E` and `F`, not after `Z` as in the
 * C collation of the test clusters. Sorted here, after the query, with ICU (Intl.Collator)
 * rather than by the database, so that PostgreSQL and PGlite give the same order; the
 * order is French whatever the language of the run, so JSON does not depend on it.
 */
const nameOrder = new Intl.Collator('fr', { numeric: true });

/** Two names in French order (letters first, then accents, then case); names ICU finds equal by code point. */
export function compareNames(a: string, b: string): number {
  return nameOrder.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Per field (utilisateur.domaine, one of domaine_reference's names), in French
 * alphabetical order (compareNames), the unrecorded field last; from the table, so as of now.
 */
export async function employmentByField(db: Kysely<DB>, range: YearRange = {}): Promise<FieldFigures[]> {
  const { rows } = await sql<{ domaine: string | null; total_diplomes: number; nb_travaillent: number; nb_recherche: number }>`
    select u.domaine,
           count(*) as total_diplomes,
           count(*) filter (where u.travailleur) as nb_travaillent,
           count(*) filter (where not u.travailleur) as nb_recherche
      from utilisateur u
     where ${graduates(range)}
     group by u.domaine`.execute(db);
  return rows
    .sort((a, b) => (a.domaine === null ? 1 : b.domaine === null ? -1 : compareNames(a.domaine, b.domaine)))
    .map(({ domaine, ...counts }) => ({ domaine, ...situationRates(counts) }));
}

export interface EmployerCount {
  annee_sortie: number;
  organisation_id: string;
  nom_organisation: string;
  /** Graduates of that year working there now. */
  alumni: number;
}

/**
 * Where each class works now (contact_organisation): per graduation year, the
 * organisations with the most graduates whose contact has not ended (date_fin null or
 * not past), interns left out; at most `perYear` per year, the most first, then by name
 * in French order (compareNames), then by id.
 */
export async function topEmployers(db: Kysely<DB>, range: YearRange, perYear: number): Promise<EmployerCount[]> {
  const { rows } = await sql<EmployerCount>`
    select u.annee_sortie, o.id as organisation_id, o.nom_organisation, count(distinct u.id) as alumni
      from contact_organisation c
      join utilisateur u on u.id = c.utilisateur_id
      join organisation o on o.id = c.organisation_id
     where ${graduates(range)}
       and c.role_contact <> 'stagiaire'
       and (c.date_fin is null or c.date_fin >= current_date)
     group by u.annee_sortie, o.id, o.nom_organisation`.execute(db);
  const ordered = rows.sort(
    (a, b) =>
      a.annee_sortie - b.annee_sortie ||
      b.alumni - a.alumni ||
      compareNames(a.nom_organisation, b.nom_organisation) ||
      (a.organisation_id < b.organisation_id ? -1 : a.organisation_id > b.organisation_id ? 1 : 0),
  );
  const taken = new Map<number, number>();
  return ordered.filter((row) => {
    const place = (taken.get(row.annee_sortie) ?? 0) + 1;
    taken.set(row.annee_sortie, place);
    return place <= perYear;
  });
}
