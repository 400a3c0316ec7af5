import { sql, type Kysely } from 'kysely';
import { NotFoundError, problem } from '../errors.js';
import type { DB } from '../db/schema.js';
import type { AuditAction } from '../enums.js';
import { normaliseId, resolveRef } from './refs.js';

export interface AuditFilters {
  table?: string;
  /** An id, e-mail or matricule of the acting user. */
  actor?: string;
  action?: AuditAction;
  since?: Date;
  /** Entries whose user agent names this import (users import). */
  importId?: string;
}

export interface AuditEntry {
  id: string;
  created_at: Date;
  table_name: string;
  action: string;
  /** The actor's e-mail or matricule, ERASED_ACTOR, or null (the system, or an account deleted since: see utilisateur_id). */
  acteur: string | null;
  utilisateur_id: string | null;
  user_agent: string | null;
  ip_address: string | null;
  ancien_data: unknown;
  nouveau_data: unknown;
}

/** How `audit list|show` name an actor whose account was erased (users erase). */
export const ERASED_ACTOR = '(erased)';

function auditQuery(db: Kysely<DB>) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('utilisateur as u', 'u.id', 'a.utilisateur_id')
    .select([
      'a.id',
      'a.created_at',
      'a.table_name',
      'a.action',
      // An erased account has no e-mail or matricule left: it shows as erased. An account
      // deleted by another program leaves its id (no foreign key empties it), shown as is.
      sql<string | null>`case when u.efface_le is not null then ${ERASED_ACTOR} else coalesce(u.email, u.matricule) end`.as('acteur'),
      'a.utilisateur_id',
      'a.user_agent',
      sql<string | null>`host(a.ip_address)`.as('ip_address'),
      'a.ancien_data',
      'a.nouveau_data',
    ]);
}

/** Audit entries, newest first. */
export async function listAudit(db: Kysely<DB>, filters: AuditFilters, limit: number): Promise<AuditEntry[]> {
  let query = auditQuery(db);
  if (filters.table) query = query.where('a.table_name', '=', filters.table);
  if (filters.action) query = query.where('a.action', '=', filters.action.toUpperCase());
  // An id is taken as it is: the entries keep the id of an account deleted since.
  if (filters.actor)
    query = query.where('a.utilisateur_id', '=', normaliseId(filters.actor) ?? (await resolveRef(db, 'user', filters.actor)).id);
  if (filters.since) query = query.where('a.created_at', '>=', filters.since);
  if (filters.importId) query = query.where('a.user_agent', 'like', `% ${filters.importId}`);
  return (await query.orderBy('a.created_at', 'desc').orderBy('a.id').limit(limit).execute()) as AuditEntry[];
}

export async function showAudit(db: Kysely<DB>, id: string): Promise<AuditEntry> {
  const wanted = normaliseId(id);
  const entry = wanted ? await auditQuery(db).where('a.id', '=', wanted).executeTakeFirst() : undefined;
  if (!entry) throw new NotFoundError(problem('audit.not_found', { id }));
  return entry as AuditEntry;
}
