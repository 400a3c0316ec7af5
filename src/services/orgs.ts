import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool } from 'kysely';
import { containsText, sameText } from '../db/text-match.js';
import { keysetPage, type Page } from '../db/keyset.js';
import { inFrenchOrder } from '../db/order.js';
import type { DB, Organisation, RoleContact, StatutOffre, StatutOrganisation, TypeOrganisation } from '../db/schema.js';
import { resolveRef } from './refs.js';
import { searchExcerpt, searchMatches, searchRank, wordSearch, wordsVector } from './search.js';

/** An organisation as shown: every column but the search vector. */
export type OrgView = Omit<Selectable<Organisation>, 'search_vector'>;

export const ORG_COLUMNS = [
  'id',
  'nom_organisation',
  'type_organisation',
  'secteur_activite',
  'adresse',
  'ville',
  'pays',
  'site_web',
  'email_general',
  'telephone_general',
  'logo_url',
  'description',
  'date_creation',
  'statut',
  'created_at',
  'updated_at',
] as const;

export interface OrgFilters {
  statut?: StatutOrganisation;
  type?: TypeOrganisation;
  /** Sector, town, country: equal without regard to case or accents. */
  secteur?: string;
  ville?: string;
  pays?: string;
  /** The name contains this, without regard to case or accents. */
  search?: string;
}

function filterOrgs(eb: ExpressionBuilder<DB, 'organisation'>, filters: OrgFilters): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (filters.statut) conditions.push(eb('statut', '=', filters.statut));
  if (filters.type) conditions.push(eb('type_organisation', '=', filters.type));
  if (filters.secteur) conditions.push(sameText('secteur_activite', filters.secteur));
  if (filters.ville) conditions.push(sameText('ville', filters.ville));
  if (filters.pays) conditions.push(sameText('pays', filters.pays));
  if (filters.search) {
    conditions.push(containsText('nom_organisation', filters.search));
  }
  return eb.and(conditions);
}

/**
 * Organisations in French alphabetical order (the schema's ordre_francais collation,
 * src/db/order.ts: `École` between `E` and `F` on both back ends), then by id, every
 * status unless filtered, a page at a time (its index: idx_organisation_nom_ordre).
 */
export function listOrgs(db: Kysely<DB>, filters: OrgFilters, page: { limit: number; after?: string }): Promise<Page<OrgView>> {
  const query = db
    .selectFrom('organisation')
    .select(ORG_COLUMNS)
    .where((eb) => filterOrgs(eb, filters));
  return keysetPage(query, {
    keys: [
      { key: inFrenchOrder('nom_organisation'), value: (o) => o.nom_organisation },
      { key: 'id', value: (o) => o.id },
    ],
    limit: page.limit,
    after: page.after,
  });
}

export interface OrgHit {
  id: string;
  nom_organisation: string;
  type_organisation: TypeOrganisation;
  ville: string | null;
  statut: StatutOrganisation;
  rank: number;
  /** A few words of the description (or the name) around what matched, marked «like this». */
  excerpt: string;
}

/**
 * French full-text search over name, sector, town and description (stemmed, a word
 * also as the start of a word, accents ignored: src/services/search.ts), best first;
 * ranked pages by keyset on (rank, id).
 */
export function searchOrgs(db: Kysely<DB>, text: string, page: { limit: number; after?: string }): Promise<Page<OrgHit>> {
  const search = wordSearch(text);
  const stored = sql`search_vector`;
  const words = wordsVector(sql`nom_organisation`, sql`coalesce(secteur_activite, '') || ' ' || coalesce(ville, '')`, sql`description`);
  const rank = searchRank(search, stored, words);
  const select = db
    .selectFrom('organisation')
    .select([
      'id',
      'nom_organisation',
      'type_organisation',
      'ville',
      'statut',
      rank.as('rank'),
      searchExcerpt(search, sql`coalesce(description, nom_organisation)`, words).as('excerpt'),
    ])
    .where(searchMatches(search, stored, words));
  return keysetPage(select, {
    keys: [
      { key: rank, value: (o) => o.rank },
      { key: 'id', value: (o) => o.id },
    ],
    direction: 'desc',
    limit: page.limit,
    after: page.after,
  });
}

export interface ContactView {
  utilisateur_id: string;
  nom_complet: string;
  email: string | null;
  matricule: string | null;
  role_contact: RoleContact;
  est_contact_principal: boolean;
  poste: string | null;
  email_professionnel: string | null;
  telephone_professionnel: string | null;
  date_debut: string | null;
  date_fin: string | null;
}

export function listContacts(db: Kysely<DB>, organisationId: string): Promise<ContactView[]> {
  return (
    db
      .selectFrom('contact_organisation as c')
      .innerJoin('utilisateur as u', 'u.id', 'c.utilisateur_id')
      .select([
        'c.utilisateur_id',
        'u.nom_complet',
        'u.email',
        'u.matricule',
        'c.role_contact',
        'c.est_contact_principal',
        'c.poste',
        'c.email_professionnel',
        'c.telephone_professionnel',
        'c.date_debut',
        'c.date_fin',
      ])
      .where('c.organisation_id', '=', organisationId)
      .orderBy('c.est_contact_principal', 'desc')
      // In French alphabetical order (src/db/order.ts).
      .orderBy(inFrenchOrder('u.nom_complet'))
      .orderBy('c.utilisateur_id')
      .execute()
  );
}

export type OfferKind = 'stage' | 'formation' | 'emploi';
export interface OfferCount {
  kind: OfferKind;
  /** An offer's status; a formation's is "valide" or "en_attente" (it has no statut). */
  statut: StatutOffre | 'valide' | 'en_attente';
  count: number;
}

export interface OrgDetails extends OrgView {
  contacts: ContactView[];
  offers: OfferCount[];
}

/** One organisation (ORG: id or exact name), with its contacts and its offers counted. */
export async function showOrg(db: Kysely<DB>, ref: string): Promise<OrgDetails> {
  const { id } = await resolveRef(db, 'organisation', ref);
  const org = await db.selectFrom('organisation').select(ORG_COLUMNS).where('id', '=', id).executeTakeFirstOrThrow();
  const { rows: offers } = await sql<OfferCount>`
    select 'stage' as kind, statut::text as statut, count(*)::int as count from stage where organisation_id = ${id} group by statut
    union all
    select 'emploi', statut::text, count(*)::int from emploi where organisation_id = ${id} group by statut
    union all
    select 'formation', case when est_valide then 'valide' else 'en_attente' end, count(*)::int
      from formation where organisation_id = ${id} group by est_valide
    order by 1, 2`.execute(db);
  return { ...org, contacts: await listContacts(db, id), offers };
}
