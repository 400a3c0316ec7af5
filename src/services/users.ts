import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { containsPattern, containsText, sameText } from '../db/text-match.js';
import type { DB, RoleUtilisateur, StatutUtilisateur } from '../db/schema.js';
import { keysetPage, type Page } from '../db/keyset.js';
import { inFrenchOrder } from '../db/order.js';
import { resolveRef } from './refs.js';

/** Reading users: lists, one user, exports, the import ledger. Writes are in user-writes.ts. */

/** What is shown of a user: everything but the password hash. */
export const USER_COLUMNS = [
  'id',
  'matricule',
  'nom_complet',
  'email',
  'titre',
  'statut',
  'role',
  'annee_sortie',
  'domaine',
  'travailleur',
  'telephone',
  'photo_profil_url',
  'est_actif',
  'created_at',
  'updated_at',
  'last_login',
] as const;

export interface UserView {
  id: string;
  matricule: string | null;
  nom_complet: string;
  email: string | null;
  titre: string | null;
  statut: StatutUtilisateur;
  role: RoleUtilisateur;
  annee_sortie: number | null;
  domaine: string | null;
  travailleur: boolean | null;
  telephone: string | null;
  photo_profil_url: string | null;
  est_actif: boolean;
  created_at: Date;
  updated_at: Date;
  last_login: Date | null;
}

export interface UserFilters {
  statut?: StatutUtilisateur;
  role?: RoleUtilisateur;
  annee?: number;
  domaine?: string;
  travailleur?: boolean;
  actif?: boolean;
  /** Name, e-mail or matricule contains this, without regard to case or accents. */
  search?: string;
}

/** Users by name in French order (then id), a page at a time: keyset pagination, stable under inserts. */
export async function listUsers(db: Kysely<DB>, filters: UserFilters, page: { limit: number; after?: string }): Promise<Page<UserView>> {
  const query = db
    .selectFrom('utilisateur')
    .select(USER_COLUMNS)
    .where((eb) => filterUsers(eb, filters));
  return keysetPage(query, {
    keys: [
      { key: inFrenchOrder('nom_complet'), value: (user) => user.nom_complet },
      { key: 'id', value: (user) => user.id },
    ],
    limit: page.limit,
    after: page.after,
  });
}

export function filterUsers(eb: ExpressionBuilder<DB, 'utilisateur'>, filters: UserFilters): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (filters.statut) conditions.push(eb('statut', '=', filters.statut));
  if (filters.role) conditions.push(eb('role', '=', filters.role));
  if (filters.annee !== undefined) conditions.push(eb('annee_sortie', '=', filters.annee));
  if (filters.domaine) conditions.push(sameText('domaine', filters.domaine));
  if (filters.travailleur !== undefined) conditions.push(eb('travailleur', '=', filters.travailleur));
  if (filters.actif !== undefined) conditions.push(eb('est_actif', '=', filters.actif));
  if (filters.search) {
    const pattern = containsPattern(filters.search);
    conditions.push(
      eb.or([containsText('nom_complet', filters.search), sql<SqlBool>`email ilike ${pattern}`, sql<SqlBool>`matricule ilike ${pattern}`]),
    );
  }
  return eb.and(conditions);
}

export type ShownUser = UserView & { has_password: boolean };

/** The user REF names (an id, an e-mail in any case, or a matricule): exit 4 for none, 2 for several. */
export async function findUser(db: Kysely<DB>, ref: string): Promise<ShownUser> {
  const { id } = await resolveRef(db, 'user', ref);
  return userById(db, id);
}

export async function userById(db: Kysely<DB>, id: string): Promise<ShownUser> {
  return db
    .selectFrom('utilisateur')
    .select([...USER_COLUMNS, sql<boolean>`mot_de_passe_hash is not null`.as('has_password')])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** Every user matching `filters`, a page at a time, for exports of any size. */
export async function* exportUsers(db: Kysely<DB>, filters: UserFilters, pageSize = 5000): AsyncGenerator<UserView[]> {
  let after: string | undefined;
  do {
    const page = await listUsers(db, filters, { limit: pageSize, after });
    if (page.items.length > 0) yield page.items;
    after = page.next_after ?? undefined;
  } while (after);
}
