import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { LedgerKind } from '../import/ledger.js';

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
  /** When the import was undone (`users imports undo`), and by whom. */
  undone_at: Date | null;
  undone_by: string | null;
}

/** The import ledger of one kind of import, newest first. */
export async function listImports(db: Kysely<DB>, kind: LedgerKind, limit: number): Promise<ImportRunView[]> {
  return db
    .selectFrom('alumni_admin.import_run as r')
    .leftJoin('utilisateur as u', 'u.id', 'r.acteur_id')
    .leftJoin('utilisateur as undoer', 'undoer.id', 'r.undone_by')
    .select([
      'r.id',
      'r.file_name',
      'r.checksum',
      sql<string | null>`coalesce(u.email, u.matricule)`.as('acteur'),
      'r.mode',
      'r.status',
      'r.read',
      'r.inserted',
      'r.updated',
      'r.unchanged',
      'r.skipped',
      'r.rejected',
      'r.rejects_file',
      'r.error',
      'r.started_at',
      'r.finished_at',
      'r.undone_at',
      sql<string | null>`coalesce(undoer.email, undoer.matricule)`.as('undone_by'),
    ])
    .where('r.kind', '=', kind)
    .orderBy('r.started_at', 'desc')
    .orderBy('r.id')
    .limit(limit)
    .execute();
}
