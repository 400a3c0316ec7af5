import { sql, type Kysely } from 'kysely';
import { NotFoundError, UsageError } from '../cli/errors.js';
import type { DB } from '../db/schema.js';
import { findUser } from './users.js';

export interface AuditFilters {
  table?: string;
  /** An id, e-mail or matricule of the acting user. */
  actor?: string;
  action?: string;
  /** ISO date/time, or a duration back from now: 30m, 12h, 7d. */
  since?: string;
  /** Entries whose user agent names this import (users import). */
  importId?: string;
}

export interface AuditEntry {
  id: string;
  created_at: Date;
  table_name: string;
  action: string;
  acteur: string | null;
  utilisateur_id: string | null;
  user_agent: string | null;
  ip_address: string | null;
  ancien_data: unknown;
  nouveau_data: unknown;
}

const ACTIONS = ['INSERT', 'UPDATE', 'DELETE'];

export function parseSince(since: string, now: Date = new Date()): Date {
  const duration = /^(\d+)\s*(m|min|h|d|w)$/i.exec(since.trim());
  if (duration) {
    const minutes = { m: 1, min: 1, h: 60, d: 1440, w: 10080 }[duration[2]!.toLowerCase() as 'm']!;
    return new Date(now.getTime() - Number(duration[1]) * minutes * 60_000);
  }
  const date = new Date(since);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--since "${since}": give a date (2026-01-31) or a duration (7d, 12h, 30m).`);
  return date;
}

function auditQuery(db: Kysely<DB>) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('utilisateur as u', 'u.id', 'a.utilisateur_id')
    .select([
      'a.id', 'a.created_at', 'a.table_name', 'a.action', sql<string | null>`coalesce(u.email, u.matricule)`.as('acteur'),
      'a.utilisateur_id', 'a.user_agent', sql<string | null>`host(a.ip_address)`.as('ip_address'), 'a.ancien_data', 'a.nouveau_data',
    ]);
}

/** Audit entries, newest first. */
export async function listAudit(db: Kysely<DB>, filters: AuditFilters, limit: number): Promise<AuditEntry[]> {
  let query = auditQuery(db);
  if (filters.table) query = query.where('a.table_name', '=', filters.table);
  if (filters.action) {
    const action = filters.action.toUpperCase();
    if (!ACTIONS.includes(action)) throw new UsageError(`--action ${filters.action}: use insert, update or delete.`);
    query = query.where('a.action', '=', action);
  }
  if (filters.actor) {
    const actor = await findUser(db, filters.actor);
    query = query.where('a.utilisateur_id', '=', actor.id);
  }
  if (filters.since) query = query.where('a.created_at', '>=', parseSince(filters.since));
  if (filters.importId) query = query.where('a.user_agent', 'like', `% ${filters.importId}`);
  return (await query.orderBy('a.created_at', 'desc').orderBy('a.id').limit(limit).execute()) as AuditEntry[];
}

export async function showAudit(db: Kysely<DB>, id: string): Promise<AuditEntry> {
  const entry = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
    ? await auditQuery(db).where('a.id', '=', id).executeTakeFirst()
    : undefined;
  if (!entry) throw new NotFoundError(`No audit entry "${id}".`);
  return entry as AuditEntry;
}
