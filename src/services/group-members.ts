import { sql, type Kysely, type Transaction } from 'kysely';
import { constraintViolation } from '../db/constraints.js';
import { isDatabaseError } from '../db/database-error.js';
import type { DB, RoleMembre } from '../db/schema.js';
import { writeAs, type WriteSession } from '../db/session.js';
import { NotFoundError, problem, UsageError, type Problem } from '../errors.js';
import { listMembers, type MemberView } from './groups.js';
import { resolveRef, resolveRefs, type Resolved } from './refs.js';
import { filterUsers, type UserFilters } from './users.js';

/**
 * Membership changes. Each locks the group's row first (as the database's max_membres
 * trigger does), so changes to one group's members run one after the other and each
 * sees what the previous one left. The limit itself is the database's: an addition
 * beyond max_membres is refused by its trigger, whoever writes.
 */

/**
 * Who a command names: PERSON arguments and, for `members add --from-users`, the `users
 * list` filters (active accounts only unless `actif` is given; erased accounts never).
 */
export interface PeopleRefs {
  refs: string[];
  fromUsers?: UserFilters;
}

/**
 * Why a person was refused or skipped: a stable code (a catalog key) and its values,
 * for the command to say; a refusal of the database whose sentence has no code yet
 * keeps its sentence.
 */
export type Why = Problem | { code: null; message: string };

export interface RefusedPerson extends Resolved {
  reason: Why;
}

export interface AddMembersReport {
  groupe: Resolved;
  role_membre: RoleMembre;
  /** People who would take a place (named or chosen, not members already, not erased). */
  chosen: number;
  /** Places the group had left before this addition; null when it has no limit. */
  room: number | null;
  /** New membership rows. */
  added: Resolved[];
  /** People who had left, back on their membership row. */
  rejoined: Resolved[];
  /** Active members already: nothing written. */
  unchanged: Resolved[];
  refused: RefusedPerson[];
  /** With `fill`: the chosen people past the places left, in order; nothing written for them. */
  left_out: Resolved[];
}

/** How `addMembers` treats more people than the group has places for. */
export interface AddMembersOptions {
  /** Add as many as fit, in order, and leave the rest out; else refuse them all (exit 2). */
  fill?: boolean;
}

export interface RemoveMembersReport {
  groupe: Resolved;
  removed: Resolved[];
  /** Not an active member: nothing written. */
  skipped: RefusedPerson[];
}

const personLabel = (u: { nom_complet: string; email: string | null; matricule: string | null }) =>
  `${u.nom_complet} <${u.email ?? u.matricule}>`;

/**
 * Everyone named, each once, in the order given (then the filtered users by name),
 * before anything is written. Every unknown PERSON is named in one NotFoundError (4).
 */
async function resolvePeople(db: Kysely<DB>, people: PeopleRefs): Promise<Resolved[]> {
  const found = new Map((await resolveRefs(db, 'user', people.refs)).map((person) => [person.id, person]));
  if (people.fromUsers) {
    for (const user of await chosenUsers(db, people.fromUsers)) if (!found.has(user.id)) found.set(user.id, user);
  }
  return [...found.values()];
}

/**
 * The people `--from-users` adds: those the `users list` filters choose, by name, but
 * active accounts only unless `actif` says otherwise, and never an erased account (it is
 * nobody any more). No filter at all would add every account: refused (exit 2).
 */
async function chosenUsers(db: Kysely<DB>, filters: UserFilters): Promise<Resolved[]> {
  if (Object.values(filters).every((v) => v === undefined)) {
    throw new UsageError(problem('groups.members.every_account'));
  }
  const users = await db
    .selectFrom('utilisateur')
    .select(['id', 'nom_complet', 'email', 'matricule'])
    .where((eb) => eb.and([filterUsers(eb, { ...filters, actif: filters.actif ?? true }), eb('efface_le', 'is', null)]))
    .orderBy('nom_complet')
    .orderBy('id')
    .execute();
  return users.map((user) => ({ id: user.id, label: personLabel(user) }));
}

/** Locks the group's row (as the max_membres trigger does) and returns its member limit. */
async function lockGroup(trx: Transaction<DB>, groupeId: string): Promise<number | null> {
  const row = await trx.selectFrom('groupe').select('max_membres').where('id', '=', groupeId).forUpdate().executeTakeFirstOrThrow();
  return row.max_membres;
}

async function membershipsOf(trx: Transaction<DB>, groupeId: string) {
  const rows = await trx
    .selectFrom('membre_groupe')
    .select(['id', 'utilisateur_id', 'est_actif'])
    .where('groupe_id', '=', groupeId)
    .execute();
  return new Map(rows.map((r) => [r.utilisateur_id, r]));
}

/** A refusal the database made (the group full, above all); undefined for anything else. */
function refusal(error: unknown): Why | undefined {
  if (!isDatabaseError(error)) return undefined;
  const refused = constraintViolation(error);
  if (!refused) return undefined;
  return refused.code ? ({ code: refused.code, values: refused.values } as Problem) : { code: null, message: refused.message };
}

/**
 * Adds people to a group. An active member already is left alone (no write, no audit
 * entry); a person who left comes back on their own membership row (active again, no
 * date_sortie, date_adhesion now, the role given).
 *
 * Places are counted first, under the group's lock (so no concurrent addition can take
 * them meanwhile): more people to add than places left writes nothing and is refused
 * (exit 2, both numbers), unless `fill` adds the first ones that fit (in the order
 * resolvePeople gives: the people named, in order, then the filtered users by name) and
 * reports the rest as left out. Each addition still runs under a savepoint: one the
 * database refuses anyway is reported with its reason and the others stay.
 */
export async function addMembers(
  db: Kysely<DB>,
  session: WriteSession,
  groupRef: string,
  people: PeopleRefs,
  role: RoleMembre,
  options: AddMembersOptions = {},
): Promise<AddMembersReport> {
  const groupe = await resolveRef(db, 'groupe', groupRef);
  const persons = await resolvePeople(db, people);
  const report: AddMembersReport = {
    groupe,
    role_membre: role,
    chosen: 0,
    room: null,
    added: [],
    rejoined: [],
    unchanged: [],
    refused: [],
    left_out: [],
  };
  if (persons.length === 0) return report;
  // An erased account can still be named by its id; it is nobody any more, so it joins nothing.
  const erased = new Set(
    (
      await db
        .selectFrom('utilisateur')
        .select('id')
        .where(
          'id',
          'in',
          persons.map((person) => person.id),
        )
        .where('efface_le', 'is not', null)
        .execute()
    ).map((row) => row.id),
  );
  return writeAs(db, session, async (trx) => {
    const limit = await lockGroup(trx, groupe.id);
    const memberships = await membershipsOf(trx, groupe.id);
    const joining: Resolved[] = [];
    for (const person of persons) {
      if (erased.has(person.id)) report.refused.push({ ...person, reason: problem('groups.members.refused.erased') });
      else if (memberships.get(person.id)?.est_actif) report.unchanged.push(person);
      else joining.push(person);
    }
    report.chosen = joining.length;
    if (limit !== null) {
      const active = [...memberships.values()].filter((m) => m.est_actif).length;
      report.room = Math.max(0, limit - active);
      if (joining.length > report.room) {
        if (!options.fill) {
          throw new UsageError(problem('groups.members.no_room', { group: groupe.label, chosen: joining.length, room: report.room }));
        }
        report.left_out = joining.splice(report.room);
      }
    }
    let full: Why | undefined;
    for (const person of joining) {
      const membership = memberships.get(person.id);
      if (full) {
        report.refused.push({ ...person, reason: full });
        continue;
      }
      await sql`savepoint alumni_member`.execute(trx);
      try {
        if (membership) {
          await trx
            .updateTable('membre_groupe')
            .set({ est_actif: true, date_sortie: null, date_adhesion: sql`now()`, role_membre: role })
            .where('id', '=', membership.id)
            .execute();
        } else {
          await trx.insertInto('membre_groupe').values({ groupe_id: groupe.id, utilisateur_id: person.id, role_membre: role }).execute();
        }
        await sql`release savepoint alumni_member`.execute(trx);
        (membership ? report.rejoined : report.added).push(person);
      } catch (error) {
        const reason = refusal(error);
        if (reason === undefined) throw error;
        await sql`rollback to savepoint alumni_member`.execute(trx);
        if (isDatabaseError(error) && error.constraint === 'max_membres') full = reason;
        report.refused.push({ ...person, reason });
      }
    }
    return report;
  });
}

/** The members stop being members: their rows stay, inactive, with date_sortie, as history. */
export async function removeMembers(db: Kysely<DB>, session: WriteSession, groupRef: string, refs: string[]): Promise<RemoveMembersReport> {
  const groupe = await resolveRef(db, 'groupe', groupRef);
  const persons = await resolvePeople(db, { refs });
  return writeAs(db, session, async (trx) => {
    await lockGroup(trx, groupe.id);
    const memberships = await membershipsOf(trx, groupe.id);
    const report: RemoveMembersReport = { groupe, removed: [], skipped: [] };
    for (const person of persons) {
      const membership = memberships.get(person.id);
      if (!membership?.est_actif) {
        const reason = problem(membership ? 'groups.members.skipped.left' : 'groups.members.skipped.not_member');
        report.skipped.push({ ...person, reason });
        continue;
      }
      await trx
        .updateTable('membre_groupe')
        .set({ est_actif: false, date_sortie: sql`now()` })
        .where('id', '=', membership.id)
        .execute();
      report.removed.push(person);
    }
    return report;
  });
}

/** An active member's role; the same role writes nothing. Not an active member: exit 4. */
export async function setMemberRole(
  db: Kysely<DB>,
  session: WriteSession,
  groupRef: string,
  personRef: string,
  role: RoleMembre,
): Promise<{ groupe: Resolved; member: MemberView; changed: boolean }> {
  const groupe = await resolveRef(db, 'groupe', groupRef);
  const person = await resolveRef(db, 'user', personRef);
  return writeAs(db, session, async (trx) => {
    await lockGroup(trx, groupe.id);
    const membership = (await membershipsOf(trx, groupe.id)).get(person.id);
    if (!membership?.est_actif)
      throw new NotFoundError(problem('groups.members.not_active', { person: person.label, group: groupe.label }));
    const updated = await trx
      .updateTable('membre_groupe')
      .set({ role_membre: role })
      .where('id', '=', membership.id)
      .where('role_membre', '<>', role)
      .executeTakeFirst();
    const member = (await listMembers(trx, groupe.id)).find((m) => m.utilisateur_id === person.id)!;
    return { groupe, member, changed: Number(updated.numUpdatedRows) > 0 };
  });
}
