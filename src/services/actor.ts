import type { Kysely } from 'kysely';
import { NotFoundError, NotPermittedError } from '../errors.js';
import type { DB, RoleUtilisateur } from '../db/schema.js';
import { resolveRef } from './refs.js';

export interface Actor {
  id: string;
  nom_complet: string;
  email: string | null;
  matricule: string | null;
  role: RoleUtilisateur;
}

/**
 * The administrator a mutation is done as (`--as` / `ALUMNI_ACTOR`): an active user
 * with role admin or super_admin, found as every user REF is (id, e-mail or matricule).
 * Not found or not allowed: exit 77, the command is refused to this person.
 */
export async function resolveActor(db: Kysely<DB>, ref: string | undefined, options: { requireSuperAdmin?: boolean } = {}): Promise<Actor> {
  if (!ref?.trim()) {
    throw new NotPermittedError('This command changes data: say which administrator you are with --as EMAIL|MATRICULE or ALUMNI_ACTOR.');
  }
  const wanted = ref.trim();
  let id: string;
  try {
    ({ id } = await resolveRef(db, 'user', wanted));
  } catch (error) {
    if (error instanceof NotFoundError) {
      throw new NotPermittedError(`No user "${wanted}" exists to act as; --as takes an administrator's e-mail or matricule.`);
    }
    throw error;
  }
  const { est_actif: active, ...actor } = await db
    .selectFrom('utilisateur')
    .select(['id', 'nom_complet', 'email', 'matricule', 'role', 'est_actif'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (!active) throw new NotPermittedError(`User "${wanted}" is deactivated and cannot act as an administrator.`);
  if (actor.role !== 'admin' && actor.role !== 'super_admin') {
    throw new NotPermittedError(`User "${wanted}" has role "${actor.role}"; only admin or super_admin may change data.`);
  }
  if (options.requireSuperAdmin && actor.role !== 'super_admin') {
    throw new NotPermittedError(`User "${wanted}" is an admin; only a super_admin may do this.`);
  }
  return actor;
}
