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
}

/** The import ledger of one kind of import, newest first. */
export async function listImports(db: Kysely<DB>, kind: LedgerKind, limit: number): Promise<ImportRunView[]> {
  return db
    .selectFrom('alumni_admin.import_run as r')
    .leftJoin('utilisateur as u', 'u.id', 'r.acteur_id')
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
    ])
    .where('r.kind', '=', kind)
    .orderBy('r.started_at', 'desc')
    .orderBy('r.id')
    .limit(limit)
    .execute();
}
