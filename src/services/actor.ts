import type { Kysely } from 'kysely';
import { NotFoundError, NotPermittedError, problem } from '../errors.js';
import type { DB, RoleUtilisateur } from '../db/schema.js';
import { suggestActors } from './name-suggestions.js';
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
 * Not found or not allowed: exit 77, the command is refused to this person (not found:
 * with the close administrators' names, src/services/name-suggestions.ts).
 */
export async function resolveActor(db: Kysely<DB>, ref: string | undefined, options: { requireSuperAdmin?: boolean } = {}): Promise<Actor> {
  if (!ref?.trim()) {
    throw new NotPermittedError(problem('users.actor.missing'));
  }
  const wanted = ref.trim();
  let id: string;
  try {
    ({ id } = await resolveRef(db, 'user', wanted));
  } catch (error) {
    if (error instanceof NotFoundError) {
      throw new NotPermittedError(problem('users.actor.unknown', { ref: wanted, suggestions: await suggestActors(db, wanted) }));
    }
    throw error;
  }
  const { est_actif: active, ...actor } = await db
    .selectFrom('utilisateur')
    .select(['id', 'nom_complet', 'email', 'matricule', 'role', 'est_actif'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (!active) throw new NotPermittedError(problem('users.actor.inactive', { ref: wanted }));
  if (actor.role !== 'admin' && actor.role !== 'super_admin') {
    throw new NotPermittedError(problem('users.actor.not_admin', { ref: wanted, role: actor.role }));
  }
  if (options.requireSuperAdmin && actor.role !== 'super_admin') {
    throw new NotPermittedError(problem('users.actor.not_super_admin', { ref: wanted }));
  }
  return actor;
}
