import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool, type Transaction } from 'kysely';
import { keysetPage, type Page } from '../db/keyset.js';
import { inFrenchOrder } from '../db/order.js';
import type { DB, Groupe, RoleMembre, TypeGroupe } from '../db/schema.js';
import { containsText } from '../db/text-match.js';
import { listDecisions, type DecisionView } from './moderation/history.js';
import { resolveRef, type Resolved } from './refs.js';

/** Reading groups and their members. Writes: group-writes.ts, group-members.ts; messages: group-messages.ts. */

export const GROUP_COLUMNS = [
  'id',
  'nom_groupe',
  'type_groupe',
  'est_valide',
  'max_membres',
  'description',
  'photo_groupe_url',
  'createur_id',
  'created_at',
  'updated_at',
] as const;

export type GroupRow = Selectable<Groupe>;

/** A group as listed: its columns and how many members it has now. */
export interface GroupView extends GroupRow {
  membres_actifs: number;
}

/** The active members of group `g` (an alias of groupe), counted. */
const activeMembers = (alias: string) =>
  sql<number>`(select count(*)::int from membre_groupe m where m.groupe_id = ${sql.ref(`${alias}.id`)} and m.est_actif)`;

export interface GroupFilters {
  type?: TypeGroupe;
  valide?: boolean;
  /** The name contains this, without regard to case or accents. */
  search?: string;
}

function filterGroups(eb: ExpressionBuilder<DB, 'groupe'>, filters: GroupFilters): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (filters.type) conditions.push(eb('type_groupe', '=', filters.type));
  if (filters.valide !== undefined) conditions.push(eb('est_valide', '=', filters.valide));
  if (filters.search) conditions.push(containsText('nom_groupe', filters.search));
  return eb.and(conditions);
}

/** Groups by name in French order (then id), valid or not unless filtered, with their active members; a page at a time. */
export function listGroups(db: Kysely<DB>, filters: GroupFilters, page: { limit: number; after?: string }): Promise<Page<GroupView>> {
  const query = db
    .selectFrom('groupe')
    .select([...GROUP_COLUMNS, activeMembers('groupe').as('membres_actifs')])
    .where((eb) => filterGroups(eb, filters));
  return keysetPage(query, {
    keys: [
      { key: inFrenchOrder('nom_groupe'), value: (g) => g.nom_groupe },
      { key: 'id', value: (g) => g.id },
    ],
    limit: page.limit,
    after: page.after,
  });
}

export interface MemberView {
  utilisateur_id: string;
  nom_complet: string;
  email: string | null;
  matricule: string | null;
  role_membre: RoleMembre;
  est_actif: boolean;
  date_adhesion: Date;
  date_sortie: Date | null;
}

/** Members of a group by role (admins, moderators, members) then name; those who left too with `all`. */
export function listMembers(
  db: Kysely<DB>,
  groupeId: string,
  options: { all?: boolean; roles?: RoleMembre[] } = {},
): Promise<MemberView[]> {
  let query = db
    .selectFrom('membre_groupe as m')
    .innerJoin('utilisateur as u', 'u.id', 'm.utilisateur_id')
    .select([
      'm.utilisateur_id',
      'u.nom_complet',
      'u.email',
      'u.matricule',
      'm.role_membre',
      'm.est_actif',
      'm.date_adhesion',
      'm.date_sortie',
    ])
    .where('m.groupe_id', '=', groupeId);
  if (!options.all) query = query.where('m.est_actif', '=', true);
  if (options.roles) query = query.where('m.role_membre', 'in', options.roles);
  return query
    .orderBy('m.est_actif', 'desc')
    .orderBy(sql`array_position(array['admin', 'moderateur', 'membre']::role_membre[], m.role_membre)`)
    .orderBy(inFrenchOrder('u.nom_complet'))
    .orderBy('m.utilisateur_id')
    .execute();
}

export async function membersOf(db: Kysely<DB>, groupRef: string, all: boolean): Promise<{ group: Resolved; members: MemberView[] }> {
  const group = await resolveRef(db, 'groupe', groupRef);
  return { group, members: await listMembers(db, group.id, { all }) };
}

export interface GroupDetails extends GroupView {
  /** e-mail (or name) of createur_id */
  createur: string | null;
  /** The members whose role is moderateur or admin. */
  moderateurs: MemberView[];
  /** The newest message not deleted; null when there is none. */
  dernier_message_le: Date | null;
  messages: number;
  /** Moderation decisions on the group, newest first. */
  decisions: DecisionView[];
}

export async function groupById(db: Kysely<DB> | Transaction<DB>, id: string): Promise<GroupView> {
  return db
    .selectFrom('groupe')
    .select([...GROUP_COLUMNS, activeMembers('groupe').as('membres_actifs')])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** One group (GROUP: id or exact name), its moderators, its last message and its moderation decisions. */
export async function showGroup(db: Kysely<DB>, ref: string): Promise<GroupDetails> {
  const { id } = await resolveRef(db, 'groupe', ref);
  const group = await groupById(db, id);
  const creator = group.createur_id
    ? await db
        .selectFrom('utilisateur')
        .select(sql<string>`coalesce(email, nom_complet)`.as('label'))
        .where('id', '=', group.createur_id)
        .executeTakeFirst()
    : undefined;
  const messages = await db
    .selectFrom('message')
    .select([sql<Date | null>`max(created_at)`.as('last'), sql<number>`count(*)::int`.as('count')])
    .where('groupe_id', '=', id)
    .where('est_supprime', '=', false)
    .executeTakeFirstOrThrow();
  return {
    ...group,
    createur: creator?.label ?? null,
    moderateurs: await listMembers(db, id, { roles: ['admin', 'moderateur'] }),
    dernier_message_le: messages.last,
    messages: messages.count,
    decisions: await listDecisions(db, { queue: 'groups', itemId: id }),
  };
}
