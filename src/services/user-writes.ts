import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { sameText } from '../db/text-match.js';
import type { CountryCode } from 'libphonenumber-js';
import { NotPermittedError, problem, UsageError } from '../errors.js';
import type { DB, RoleUtilisateur, StatutUtilisateur } from '../db/schema.js';
import { writeAs, type WriteSession } from '../db/session.js';
import { phone } from '../phone.js';
import * as value from '../values.js';
import { findUser, USER_COLUMNS, type ShownUser, type UserView } from './users.js';
import { refuseUnlessPermitted, type AccountChange } from './user-permissions.js';

/**
 * Writing users: add, update, (de)activate, set a role. Every write is
 * `service(db, session, input)`: the session names the acting administrator (and role)
 * for the permission checks and the audit trail.
 */

/**
 * The fields `users add` and `users update` take; undefined leaves a field alone, null
 * (or empty text) clears it. Text is normalised and checked here, as the roster import does.
 */
export interface UserInput {
  nom_complet?: string;
  matricule?: string;
  email?: string;
  titre?: string;
  statut?: StatutUtilisateur;
  role?: RoleUtilisateur;
  annee_sortie?: number | null;
  domaine?: string;
  travailleur?: boolean | null;
  telephone?: string;
  /** The default country of a national phone number. */
  country?: CountryCode;
  /** Already hashed (argon2id): services never see a plain password. */
  mot_de_passe_hash?: string;
}

export interface UserChange {
  user: UserView;
  changed: boolean;
}

type UserValues = {
  nom_complet?: string;
  matricule?: string | null;
  email?: string | null;
  titre?: string | null;
  statut?: StatutUtilisateur;
  role?: RoleUtilisateur;
  annee_sortie?: number | null;
  domaine?: string | null;
  travailleur?: boolean | null;
  telephone?: string | null;
  mot_de_passe_hash?: string;
};

/** Checks and normalises the given fields with the same rules as the roster import. */
async function toValues(db: Kysely<DB>, input: UserInput): Promise<UserValues> {
  const { country, nom_complet, matricule, email, titre, telephone, domaine, annee_sortie, ...typed } = input;
  // statut, role, travailleur and the hash come typed; a field left undefined is no change.
  const values = Object.fromEntries(Object.entries(typed).filter(([, given]) => given !== undefined)) as UserValues;
  try {
    if (nom_complet !== undefined) {
      const nom = value.text(nom_complet, 200, 'nom_complet');
      if (nom === null) throw new UsageError(problem('users.name_empty', { field: 'nom_complet' }));
      values.nom_complet = nom;
    }
    if (matricule !== undefined) values.matricule = value.text(matricule, 50, 'matricule');
    if (email !== undefined) values.email = value.email(email);
    if (titre !== undefined) values.titre = value.text(titre, 100, 'titre');
    if (telephone !== undefined) values.telephone = phone(telephone, country);
    if (annee_sortie !== undefined) {
      if (annee_sortie !== null) {
        const year = await db.selectFrom('annee_reference').select('est_disponible').where('annee', '=', annee_sortie).executeTakeFirst();
        if (!year) throw new UsageError(problem('users.year_not_listed', { year: annee_sortie }));
      }
      values.annee_sortie = annee_sortie;
    }
    if (domaine !== undefined) {
      const name = value.text(domaine, 100, 'domaine');
      if (name !== null) {
        const field = await db
          .selectFrom('domaine_reference')
          .select('nom_domaine')
          .where(sameText('nom_domaine', name))
          .executeTakeFirst();
        if (!field) throw new UsageError(problem('users.field_not_listed', { name }));
        values.domaine = field.nom_domaine;
      } else values.domaine = null;
    }
  } catch (error) {
    // values.ts's reasons (its own area) are still sentences.
    if (error instanceof value.CellError) throw new UsageError(`${capitalise(error.message)}.`);
    throw error;
  }
  return values;
}

/**
 * Creates a user. Giving a role above user takes a super_admin; with no actor at all,
 * only the very first super_admin may be created, and only while none exists.
 */
export async function addUser(db: Kysely<DB>, session: WriteSession, input: UserInput): Promise<UserView> {
  const role = input.role ?? 'user';
  await refuseUnlessMayAdd(db, session, role);
  const values = await toValues(db, input);
  if (values.nom_complet === undefined) throw new UsageError(problem('users.name_required', { field: 'nom_complet' }));
  if (!values.matricule && !values.email) {
    throw new UsageError(problem('users.identifier_required', { fields: ['matricule', 'email'] }));
  }
  return writeAs(db, session, async (trx) => {
    if (session.actorId === null) {
      // Two first-time set-ups at once must not both succeed.
      await sql`select pg_advisory_xact_lock(hashtext('alumni.first_super_admin'))`.execute(trx);
      await refuseUnlessMayAdd(trx, session, role);
    }
    await refuseTaken(trx, values);
    return trx
      .insertInto('utilisateur')
      .values({ ...values, nom_complet: values.nom_complet!, role })
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
  });
}

/**
 * Exit 77 unless `session` may create an account with `role`: `users add` asks it
 * before reading a password, so nobody types one (or is warned about one) to be refused.
 */
export async function refuseUnlessMayAdd(db: Kysely<DB>, session: WriteSession, role: RoleUtilisateur): Promise<void> {
  if (session.actorId !== null) return refuseUnlessPermitted(session, { role }, role === 'user' ? ['identity'] : ['role', 'identity']);
  if (role !== 'super_admin') {
    throw new NotPermittedError(problem('users.add_needs_actor'));
  }
  const existing = await db.selectFrom('utilisateur').select('id').where('role', '=', 'super_admin').executeTakeFirst();
  if (existing) throw new NotPermittedError(problem('users.super_admin_exists'));
}

/** What giving `fields` to `users update` changes, for the permission rule. */
export function changesOf(fields: UserInput): AccountChange[] {
  // country only says how to read --telephone.
  const NOT_IDENTITY = new Set(['mot_de_passe_hash', 'role', 'country']);
  const given = Object.entries(fields).filter(([, value]) => value !== undefined);
  const changes: AccountChange[] = [];
  if (given.some(([field]) => !NOT_IDENTITY.has(field))) changes.push('identity');
  if (fields.mot_de_passe_hash !== undefined) changes.push('password');
  if (fields.role !== undefined) changes.push('role');
  return changes;
}

/**
 * The user `ref` names, once `session` is known to be allowed `changes` to it (exit 77
 * otherwise, exit 4 when there is no such user). `users update` asks it before reading
 * a password, and every write asks it again.
 */
export async function refuseUnlessMayChange(
  db: Kysely<DB>,
  session: WriteSession,
  ref: string,
  changes: readonly AccountChange[],
): Promise<ShownUser> {
  const target = await findUser(db, ref);
  refuseUnlessPermitted(session, target, changes);
  return target;
}

export async function updateUser(db: Kysely<DB>, session: WriteSession, input: { ref: string; fields: UserInput }): Promise<UserChange> {
  const { role, ...fields } = input.fields;
  const target = await refuseUnlessMayChange(db, session, input.ref, changesOf(fields));
  if (role !== undefined && role !== target.role) {
    throw new UsageError(problem('users.role_via_set_role'));
  }
  const values = await toValues(db, fields);
  if (Object.keys(values).length === 0) {
    throw new UsageError(problem('users.nothing_to_update'));
  }
  refuseUnidentifiable(values, target);
  return writeAs(db, session, async (trx) => {
    await refuseUnlessStillPermitted(trx, session, target.id, changesOf(fields));
    await refuseTaken(trx, values, target.id);
    const user = await trx
      .updateTable('utilisateur')
      .set(values)
      .where('id', '=', target.id)
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    return { user, changed: user.updated_at.getTime() !== target.updated_at.getTime() };
  });
}

export async function setActive(db: Kysely<DB>, session: WriteSession, input: { ref: string; active: boolean }): Promise<UserChange> {
  const { active } = input;
  const target = await findUser(db, input.ref);
  // Refused to oneself first (exit 2), as users erase does, then by the permission rule.
  if (!active && target.id === session.actorId) throw new UsageError(problem('users.deactivate_self'));
  refuseUnlessPermitted(session, target, ['activation']);
  if (target.est_actif === active) return { user: target, changed: false };
  return writeAs(db, session, async (trx) => {
    if (!active && target.role === 'super_admin') await refuseLastSuperAdmin(trx, target.id);
    // After that advisory lock, as set-role takes them, so the two never wait on each other.
    await refuseUnlessStillPermitted(trx, session, target.id, ['activation']);
    const user = await trx
      .updateTable('utilisateur')
      .set({ est_actif: active })
      .where('id', '=', target.id)
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    return { user, changed: true };
  });
}

/** Only a super_admin may give or take roles (user-permissions.ts); the last active super_admin stays one. */
export async function setRole(db: Kysely<DB>, session: WriteSession, input: { ref: string; role: RoleUtilisateur }): Promise<UserChange> {
  const { role } = input;
  const target = await refuseUnlessMayChange(db, session, input.ref, ['role']);
  if (target.role === role) return { user: target, changed: false };
  return writeAs(db, session, async (trx) => {
    if (target.role === 'super_admin') await refuseLastSuperAdmin(trx, target.id);
    const user = await trx
      .updateTable('utilisateur')
      .set({ role })
      .where('id', '=', target.id)
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    return { user, changed: true };
  });
}

/** Exit 2 when `leaving` is the last active super_admin (users deactivate, set-role, erase). */
export async function refuseLastSuperAdmin(trx: Kysely<DB>, leaving: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('alumni.first_super_admin'))`.execute(trx);
  const others = await trx
    .selectFrom('utilisateur')
    .select(sql<number>`count(*)`.as('n'))
    .where('role', '=', 'super_admin')
    .where('est_actif', '=', true)
    .where('id', '<>', leaving)
    .executeTakeFirstOrThrow();
  if (others.n === 0) throw new UsageError(problem('users.last_super_admin'));
}

/**
 * The permission asked again on the row locked for the write: a role given to the account
 * meanwhile (set-role committed in another session since the first check) counts.
 */
async function refuseUnlessStillPermitted(trx: Kysely<DB>, session: WriteSession, id: string, changes: AccountChange[]): Promise<void> {
  const account = await trx.selectFrom('utilisateur').select(['id', 'role']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  refuseUnlessPermitted(session, account, changes);
}

/** A clear sentence before the check constraint utilisateur_identifiable would refuse the write. */
function refuseUnidentifiable(values: UserValues, target: UserView): void {
  if (values.matricule === undefined && values.email === undefined) return;
  const matricule = values.matricule === undefined ? target.matricule : values.matricule;
  const email = values.email === undefined ? target.email : values.email;
  if (!matricule && !email) {
    throw new UsageError(problem('users.left_unidentifiable'));
  }
}

/** A clear sentence instead of a unique-constraint error. */
async function refuseTaken(trx: Kysely<DB>, values: UserValues, self?: string): Promise<void> {
  type Taken = 'users.matricule_taken' | 'users.email_taken';
  const checks: Array<[Taken, string | null | undefined, (eb: ExpressionBuilder<DB, 'utilisateur'>) => Expression<SqlBool>]> = [
    ['users.matricule_taken', values.matricule, (eb) => eb('matricule', '=', values.matricule!)],
    ['users.email_taken', values.email, (eb) => eb(eb.fn('lower', ['email']), '=', values.email!)],
  ];
  for (const [taken, given, condition] of checks) {
    if (!given) continue;
    let query = trx.selectFrom('utilisateur').select(['matricule', 'email']).where(condition);
    if (self) query = query.where('id', '<>', self);
    const owner = await query.executeTakeFirst();
    if (owner) {
      throw new UsageError(problem(taken, { value: given, owner: (owner.matricule ?? owner.email)! }));
    }
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
