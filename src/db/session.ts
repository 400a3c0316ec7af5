import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, RoleUtilisateur } from './schema.js';

/** Who is writing, as the audit triggers read it (see the initial migration). */
export interface WriteSession {
  /** utilisateur.id of the acting administrator; null for the system (migrate, jobs). */
  actorId: string | null;
  /** The acting administrator's role, for the services that allow some writes to a super_admin only. */
  actorRole?: RoleUtilisateur;
  /** `alumni/<version> <command words>` */
  userAgent: string;
}

/**
 * Runs `work` in a transaction whose audit entries name `session`'s actor and user
 * agent. The settings are transaction-local, so a pooled connection never carries them
 * into someone else's transaction.
 */
export async function writeAs<T>(db: Kysely<DB>, session: WriteSession, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('alumni.actor_id', ${session.actorId ?? ''}, true),
                     set_config('alumni.user_agent', ${session.userAgent}, true)`.execute(trx);
    return work(trx);
  });
}
