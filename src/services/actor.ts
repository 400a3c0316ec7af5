import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import { NotPermittedError } from '../errors.js';
import type { DB, RoleUtilisateur } from '../db/schema.js';
import { isUuid } from '../values.js';

export interface Actor {
  id: string;
  nom_complet: string;
  email: string | null;
  matricule: string | null;
  role: RoleUtilisateur;
}

/** A user REF: an id, an e-mail (any case) or a matricule. */
export function matchesUserRef(eb: ExpressionBuilder<DB, 'utilisateur'>, ref: string): Expression<SqlBool> {
  return eb.or([
    ...(isUuid(ref) ? [eb('id', '=', ref)] : []),
    eb(eb.fn('lower', ['email']), '=', ref.toLowerCase()),
    eb('matricule', '=', ref),
  ]);
}

/**
 * The administrator a mutation is done as (`--as` / `ALUMNI_ACTOR`): an active user
 * with role admin or super_admin, found by id, e-mail or matricule.
 */
export async function resolveActor(
  db: Kysely<DB>,
  ref: string | undefined,
  options: { requireSuperAdmin?: boolean } = {},
): Promise<Actor> {
  if (!ref?.trim()) {
    throw new NotPermittedError(
      'This command changes data: say which administrator you are with --as EMAIL|MATRICULE or ALUMNI_ACTOR.',
    );
  }
  const wanted = ref.trim();
  const user = await db
    .selectFrom('utilisateur')
    .select(['id', 'nom_complet', 'email', 'matricule', 'role', 'est_actif'])
    .where((eb) => matchesUserRef(eb, wanted))
    .executeTakeFirst();
  if (!user) throw new NotPermittedError(`No user "${wanted}" exists to act as; --as takes an administrator's e-mail or matricule.`);
  if (!user.est_actif) throw new NotPermittedError(`User "${wanted}" is deactivated and cannot act as an administrator.`);
  if (user.role !== 'admin' && user.role !== 'super_admin') {
    throw new NotPermittedError(`User "${wanted}" has role "${user.role}"; only admin or super_admin may change data.`);
  }
  if (options.requireSuperAdmin && user.role !== 'super_admin') {
    throw new NotPermittedError(`User "${wanted}" is an admin; only a super_admin may do this.`);
  }
  const { est_actif: _active, ...actor } = user;
  return actor;
}
