import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export interface PendingCounts {
  formations: number;
  groups: number;
  orgs: number;
}

/**
 * Items waiting for a moderator. An item rejected since its last change is decided and
 * stays out of the queue until it is modified again.
 */
export async function pendingModerationCounts(db: Kysely<DB>): Promise<PendingCounts> {
  const { rows } = await sql<PendingCounts>`
    select
      (select count(*) from formation f
        where not f.est_valide
          and not exists (select 1 from validation_formation v
                           where v.formation_id = f.id and v.date_validation >= f.updated_at)) as formations,
      (select count(*) from groupe g
        where not g.est_valide
          and not exists (select 1 from validation_groupe v
                           where v.groupe_id = g.id and v.date_validation >= g.updated_at)) as groups,
      (select count(*) from organisation o
        where o.statut = 'en_attente'
          and not exists (select 1 from validation_organisation v
                           where v.organisation_id = o.id and v.date_validation >= o.updated_at)) as orgs`.execute(db);
  return rows[0]!;
}
