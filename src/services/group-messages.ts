import { sql, type Kysely } from 'kysely';
import { keysetPage, type Page } from '../db/keyset.js';
import type { DB, TypeFichier } from '../db/schema.js';
import { writeAs, type WriteSession } from '../db/session.js';
import { NotFoundError, problem } from '../errors.js';
import { normaliseIds, resolveRef } from './refs.js';

export interface MessageView {
  id: string;
  groupe_id: string;
  utilisateur_id: string | null;
  /** e-mail (or name) of utilisateur_id; null when the account is gone. */
  auteur: string | null;
  texte: string | null;
  fichier_url: string | null;
  type_fichier: TypeFichier | null;
  est_supprime: boolean;
  created_at: Date;
  updated_at: Date;
  date_suppression_auto: Date | null;
}

export interface MessageFilters {
  since?: Date;
  until?: Date;
  /** id, e-mail or matricule of the author */
  author?: string;
  includeDeleted?: boolean;
}

/** A group's messages, newest first, deleted ones only when asked; a page at a time. */
export async function listMessages(
  db: Kysely<DB>,
  groupRef: string,
  filters: MessageFilters,
  page: { limit: number; after?: string },
): Promise<Page<MessageView>> {
  const groupe = await resolveRef(db, 'groupe', groupRef);
  const authorId = filters.author ? (await resolveRef(db, 'user', filters.author)).id : undefined;
  let query = db
    .selectFrom('message as m')
    .leftJoin('utilisateur as u', 'u.id', 'm.utilisateur_id')
    .select([
      'm.id',
      'm.groupe_id',
      'm.utilisateur_id',
      sql<string | null>`coalesce(u.email, u.nom_complet)`.as('auteur'),
      'm.texte',
      'm.fichier_url',
      'm.type_fichier',
      'm.est_supprime',
      'm.created_at',
      'm.updated_at',
      'm.date_suppression_auto',
      // The cursor keeps created_at to the microsecond (a Date keeps milliseconds): messages
      // written in one transaction share their time, and a rounded cursor would skip them.
      sql<string>`m.created_at::text`.as('cursor_at'),
    ])
    .where('m.groupe_id', '=', groupe.id);
  if (!filters.includeDeleted) query = query.where('m.est_supprime', '=', false);
  if (authorId) query = query.where('m.utilisateur_id', '=', authorId);
  if (filters.since) query = query.where('m.created_at', '>=', filters.since);
  if (filters.until) query = query.where('m.created_at', '<', filters.until);
  const found = await keysetPage(query, {
    keys: [
      { key: 'm.created_at', value: (m) => m.cursor_at },
      { key: 'm.id', value: (m) => m.id },
    ],
    direction: 'desc',
    limit: page.limit,
    after: page.after,
  });
  return { items: found.items.map(({ cursor_at: _cursor, ...message }) => message), next_after: found.next_after };
}

/** How long a message deleted by hand stays before purge-messages removes it for good. */
export const DELETED_MESSAGE_RETENTION = '30 days';

export interface DeleteMessagesReport {
  deleted: Array<{ id: string; date_suppression_auto: Date }>;
  /** Deleted before: nothing written. */
  already_deleted: string[];
}

/**
 * Soft delete: est_supprime, and purge-messages removes the message once its
 * date_suppression_auto has passed (set to 30 days from now unless it was sooner).
 * Every id is checked before anything is written: an unknown one is exit 4.
 */
export async function deleteMessages(db: Kysely<DB>, session: WriteSession, refs: string[]): Promise<DeleteMessagesReport> {
  const { ids, wellFormed } = normaliseIds(refs);
  const stored = wellFormed.length
    ? await db.selectFrom('message').select(['id', 'est_supprime']).where('id', 'in', wellFormed).execute()
    : [];
  const missing = ids.filter((id) => !stored.some((m) => m.id === id));
  if (missing.length > 0) throw new NotFoundError(problem('groups.messages.not_found', { ids: missing }));
  const toDelete = stored.filter((m) => !m.est_supprime).map((m) => m.id);
  const deleted = toDelete.length
    ? await writeAs(db, session, (trx) =>
        trx
          .updateTable('message')
          .set({
            est_supprime: true,
            date_suppression_auto: sql`least(date_suppression_auto, now() + ${DELETED_MESSAGE_RETENTION}::interval)`,
          })
          .where('id', 'in', toDelete)
          .where('est_supprime', '=', false)
          .returning(['id', sql<Date>`date_suppression_auto`.as('date_suppression_auto')])
          .execute(),
      )
    : [];
  return {
    deleted,
    already_deleted: ids.filter((id) => !deleted.some((m) => m.id === id)),
  };
}
