import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { CountryCode } from 'libphonenumber-js';
import { AlumniError, ExitCode, NotFoundError, NotPermittedError, UsageError } from '../errors.js';
import type { DB, RoleUtilisateur, StatutUtilisateur } from '../db/schema.js';
import { writeAs, type WriteSession } from '../db/session.js';
import { phone } from '../phone.js';
import * as value from '../values.js';
import { matchesUserRef, type Actor } from './actor.js';

/** What is shown of a user: everything but the password hash. */
export const USER_COLUMNS = [
  'id', 'matricule', 'nom_complet', 'email', 'titre', 'statut', 'role', 'annee_sortie', 'domaine',
  'travailleur', 'telephone', 'photo_profil_url', 'est_actif', 'created_at', 'updated_at', 'last_login',
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

export interface UserPage {
  users: UserView[];
  /** Pass as `after` for the next page; null on the last page. */
  next_after: string | null;
}


/** Users by name (then id), a page at a time: keyset pagination, stable under inserts. */
export async function listUsers(db: Kysely<DB>, filters: UserFilters, page: { limit: number; after?: string }): Promise<UserPage> {
  let query = db.selectFrom('utilisateur').select(USER_COLUMNS).where((eb) => filterUsers(eb, filters));
  if (page.after) {
    const [name, id] = decodeCursor(page.after);
    query = query.where((eb) => eb.or([eb('nom_complet', '>', name), eb.and([eb('nom_complet', '=', name), eb('id', '>', id)])]));
  }
  const rows = (await query.orderBy('nom_complet').orderBy('id').limit(page.limit + 1).execute()) as UserView[];
  const users = rows.slice(0, page.limit);
  const last = users.at(-1);
  return { users, next_after: rows.length > page.limit && last ? encodeCursor(last.nom_complet, last.id) : null };
}

export function filterUsers(eb: ExpressionBuilder<DB, 'utilisateur'>, filters: UserFilters): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (filters.statut) conditions.push(eb('statut', '=', filters.statut));
  if (filters.role) conditions.push(eb('role', '=', filters.role));
  if (filters.annee !== undefined) conditions.push(eb('annee_sortie', '=', filters.annee));
  if (filters.domaine) conditions.push(sql<SqlBool>`lower(immutable_unaccent(domaine)) = lower(immutable_unaccent(${filters.domaine}))`);
  if (filters.travailleur !== undefined) conditions.push(eb('travailleur', '=', filters.travailleur));
  if (filters.actif !== undefined) conditions.push(eb('est_actif', '=', filters.actif));
  if (filters.search) {
    const pattern = `%${filters.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql<SqlBool>`(immutable_unaccent(nom_complet) ilike immutable_unaccent(${pattern})
                    or email ilike ${pattern} or matricule ilike ${pattern})`,
    );
  }
  return eb.and(conditions);
}

function encodeCursor(name: string, id: string): string {
  return Buffer.from(JSON.stringify([name, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(decoded) && typeof decoded[0] === 'string' && typeof decoded[1] === 'string' && value.isUuid(decoded[1])) {
      return [decoded[0], decoded[1]];
    }
  } catch {
    // fall through
  }
  throw new UsageError(`--after "${cursor}" is not a cursor printed by users list.`);
}

/** REF is an id, an e-mail (any case) or a matricule. */
export async function findUser(db: Kysely<DB>, ref: string): Promise<UserView & { has_password: boolean }> {
  const wanted = ref.trim();
  const user = await db
    .selectFrom('utilisateur')
    .select([...USER_COLUMNS, sql<boolean>`mot_de_passe_hash is not null`.as('has_password')])
    .where((eb) => matchesUserRef(eb, wanted))
    .executeTakeFirst();
  if (!user) throw new NotFoundError(`No user "${wanted}" (give an id, an e-mail or a matricule).`);
  return user as UserView & { has_password: boolean };
}

/** The fields `users add` and `users update` take; undefined leaves a field alone. */
export interface UserInput {
  nom_complet?: string;
  matricule?: string;
  email?: string;
  titre?: string;
  statut?: string;
  role?: string;
  annee_sortie?: string;
  domaine?: string;
  travailleur?: string;
  telephone?: string;
  country?: CountryCode;
  /** Already hashed (argon2id): services never see a plain password. */
  mot_de_passe_hash?: string;
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
  const values: UserValues = {};
  try {
    if (input.nom_complet !== undefined) {
      const nom = value.text(input.nom_complet, 200, 'nom_complet');
      if (nom === null) throw new value.CellError('nom_complet is empty');
      values.nom_complet = nom;
    }
    if (input.matricule !== undefined) values.matricule = value.text(input.matricule, 50, 'matricule');
    if (input.email !== undefined) values.email = value.email(input.email);
    if (input.titre !== undefined) values.titre = value.text(input.titre, 100, 'titre');
    if (input.statut !== undefined) values.statut = value.statut(input.statut) ?? undefined;
    if (input.role !== undefined) values.role = value.role(input.role) ?? undefined;
    if (input.travailleur !== undefined) values.travailleur = value.yesNo(input.travailleur, 'travailleur');
    if (input.telephone !== undefined) values.telephone = phone(input.telephone, input.country);
    if (input.annee_sortie !== undefined) {
      const annee = value.year(input.annee_sortie);
      if (annee !== null) {
        const year = await db.selectFrom('annee_reference').select('est_disponible').where('annee', '=', annee).executeTakeFirst();
        if (!year) throw new value.CellError(`graduation year ${annee} is not in annee_reference`);
      }
      values.annee_sortie = annee;
    }
    if (input.domaine !== undefined) {
      const name = value.text(input.domaine, 100, 'domaine');
      if (name !== null) {
        const field = await db
          .selectFrom('domaine_reference')
          .select('nom_domaine')
          .where(sql<SqlBool>`lower(immutable_unaccent(nom_domaine)) = lower(immutable_unaccent(${name}))`)
          .executeTakeFirst();
        if (!field) throw new value.CellError(`field "${name}" is not in domaine_reference`);
        values.domaine = field.nom_domaine;
      } else values.domaine = null;
    }
  } catch (error) {
    if (error instanceof value.CellError) throw new UsageError(`${capitalise(error.message)}.`);
    throw error;
  }
  if (input.mot_de_passe_hash !== undefined) values.mot_de_passe_hash = input.mot_de_passe_hash;
  return values;
}

/**
 * Creates a user. Giving a role above user takes a super_admin; with no actor at all,
 * only the very first super_admin may be created, and only while none exists.
 */
export async function addUser(db: Kysely<DB>, actor: Actor | null, userAgent: string, input: UserInput): Promise<UserView> {
  const values = await toValues(db, input);
  if (values.nom_complet === undefined) throw new UsageError('A user needs a name: give --nom.');
  if (!values.matricule && !values.email) throw new UsageError('A user needs a matricule or an e-mail: give --matricule or --email.');
  const role = values.role ?? 'user';
  if (actor === null && role !== 'super_admin') {
    throw new NotPermittedError('Adding a user needs an acting administrator: --as EMAIL|MATRICULE or ALUMNI_ACTOR.');
  }
  if (actor !== null && role !== 'user' && actor.role !== 'super_admin') {
    throw new NotPermittedError(`Only a super_admin may create a user with role ${role}.`);
  }
  const session: WriteSession = { actorId: actor?.id ?? null, userAgent };
  return writeAs(db, session, async (trx) => {
    if (actor === null) {
      // Two first-time set-ups at once must not both succeed.
      await sql`select pg_advisory_xact_lock(hashtext('alumni.first_super_admin'))`.execute(trx);
      const existing = await trx.selectFrom('utilisateur').select('id').where('role', '=', 'super_admin').executeTakeFirst();
      if (existing) {
        throw new NotPermittedError('A super_admin exists already: act as one (--as) to add users.');
      }
    }
    await refuseTaken(trx, values);
    const created = await trx
      .insertInto('utilisateur')
      .values({ ...values, nom_complet: values.nom_complet!, role })
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    return created as UserView;
  });
}

export async function updateUser(db: Kysely<DB>, actor: Actor, userAgent: string, ref: string, input: UserInput): Promise<{ user: UserView; changed: boolean }> {
  const target = await findUser(db, ref);
  const values = await toValues(db, input);
  if (values.role !== undefined && values.role !== target.role) {
    throw new UsageError('Roles change with `alumni users set-role`, which only a super_admin may use.');
  }
  if (values.nom_complet === undefined && Object.keys(values).length === 0) {
    throw new UsageError('Nothing to update: give at least one field (see alumni users update --help).');
  }
  return writeAs(db, { actorId: actor.id, userAgent }, async (trx) => {
    await refuseTaken(trx, values, target.id);
    const result = await trx
      .updateTable('utilisateur')
      .set(values)
      .where('id', '=', target.id)
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    const user = result as UserView;
    return { user, changed: user.updated_at.getTime() !== target.updated_at.getTime() };
  });
}

export async function setActive(db: Kysely<DB>, actor: Actor, userAgent: string, ref: string, active: boolean): Promise<{ user: UserView; changed: boolean }> {
  const target = await findUser(db, ref);
  if (!active && target.id === actor.id) throw new UsageError('You cannot deactivate yourself; ask another administrator.');
  if (target.est_actif === active) return { user: target, changed: false };
  return writeAs(db, { actorId: actor.id, userAgent }, async (trx) => {
    if (!active && target.role === 'super_admin') await refuseLastSuperAdmin(trx, target.id);
    const user = await trx.updateTable('utilisateur').set({ est_actif: active }).where('id', '=', target.id).returning(USER_COLUMNS).executeTakeFirstOrThrow();
    return { user: user as UserView, changed: true };
  });
}

/** Only a super_admin may give or take roles; the last active super_admin stays one. */
export async function setRole(db: Kysely<DB>, actor: Actor, userAgent: string, ref: string, roleName: string): Promise<{ user: UserView; changed: boolean }> {
  if (actor.role !== 'super_admin') throw new NotPermittedError('Only a super_admin may change roles.');
  let role: RoleUtilisateur | null;
  try {
    role = value.role(roleName);
  } catch (error) {
    throw new UsageError(`${capitalise((error as Error).message)}.`);
  }
  if (role === null) throw new UsageError('Give a role: user, admin or super_admin.');
  const target = await findUser(db, ref);
  if (target.role === role) return { user: target, changed: false };
  return writeAs(db, { actorId: actor.id, userAgent }, async (trx) => {
    if (target.role === 'super_admin') await refuseLastSuperAdmin(trx, target.id);
    const user = await trx.updateTable('utilisateur').set({ role: role! }).where('id', '=', target.id).returning(USER_COLUMNS).executeTakeFirstOrThrow();
    return { user: user as UserView, changed: true };
  });
}

async function refuseLastSuperAdmin(trx: Kysely<DB>, leaving: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('alumni.first_super_admin'))`.execute(trx);
  const others = await trx
    .selectFrom('utilisateur')
    .select(sql<number>`count(*)`.as('n'))
    .where('role', '=', 'super_admin')
    .where('est_actif', '=', true)
    .where('id', '<>', leaving)
    .executeTakeFirstOrThrow();
  if (others.n === 0) throw new UsageError('This is the last active super_admin; make another one first.');
}

/** A clear sentence instead of a unique-constraint error. */
async function refuseTaken(trx: Kysely<DB>, values: UserValues, self?: string): Promise<void> {
  const checks: Array<[string, string | null | undefined, (eb: ExpressionBuilder<DB, 'utilisateur'>) => Expression<SqlBool>]> = [
    ['matricule', values.matricule, (eb) => eb('matricule', '=', values.matricule!)],
    ['e-mail', values.email, (eb) => eb(eb.fn('lower', ['email']), '=', values.email!)],
  ];
  for (const [label, given, condition] of checks) {
    if (!given) continue;
    let query = trx.selectFrom('utilisateur').select(['matricule', 'email']).where(condition);
    if (self) query = query.where('id', '<>', self);
    const owner = await query.executeTakeFirst();
    if (owner) {
      throw new AlumniError(`The ${label} ${given} belongs to another user (${owner.matricule ?? owner.email}).`, ExitCode.usage);
    }
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every user matching `filters`, a page at a time, for exports of any size. */
export async function* exportUsers(db: Kysely<DB>, filters: UserFilters, pageSize = 5000): AsyncGenerator<UserView[]> {
  let after: string | undefined;
  do {
    const page = await listUsers(db, filters, { limit: pageSize, after });
    if (page.users.length > 0) yield page.users;
    after = page.next_after ?? undefined;
  } while (after);
}

export interface ImportRunView {
  id: string;
  file_name: string;
  checksum: string | null;
  acteur: string | null;
  mode: string;
  status: string;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  rejects_file: string | null;
  error: string | null;
  started_at: Date;
  finished_at: Date | null;
}

/** The import ledger, newest first. */
export async function listImports(db: Kysely<DB>, limit: number): Promise<ImportRunView[]> {
  const rows = await db
    .selectFrom('alumni_admin.import_run as r')
    .leftJoin('utilisateur as u', 'u.id', 'r.acteur_id')
    .select([
      'r.id', 'r.file_name', 'r.checksum', sql<string | null>`coalesce(u.email, u.matricule)`.as('acteur'), 'r.mode', 'r.status',
      'r.read', 'r.inserted', 'r.updated', 'r.unchanged', 'r.skipped', 'r.rejected', 'r.rejects_file', 'r.error',
      'r.started_at', 'r.finished_at',
    ])
    .orderBy('r.started_at', 'desc')
    .orderBy('r.id')
    .limit(limit)
    .execute();
  return rows as ImportRunView[];
}
