import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.js';
import { normaliseId } from '../refs.js';
import { listDecisions, type DecisionView } from './history.js';
import type { QueueName } from './names.js';
import { pendingCondition, QUEUE_SPECS } from './queues.js';

export interface PendingItem {
  queue: QueueName;
  id: string;
  title: string;
  created_at: Date;
  createur_id: string | null;
  createur: string | null;
  organisation_id: string | null;
  nom_organisation: string | null;
}

/** The PendingItem columns of a queue's items (alias i), and `more` columns. */
function itemSelect(queue: QueueName, more = sql``) {
  const q = QUEUE_SPECS[queue];
  // A formation names its organisation; a group has none, an organisation is one.
  const organisation = queue === 'formations' ? sql`i.organisation_id` : sql`null::uuid`;
  const createur = queue === 'orgs' ? sql`null::uuid` : sql`i.createur_id`;
  return sql`
    select ${queue} as queue, i.id, ${q.title} as title, i.created_at,
           ${createur} as createur_id, coalesce(u.email, u.nom_complet) as createur,
           o.id as organisation_id, o.nom_organisation ${more}
      from ${sql.table(q.table)} i
      left join utilisateur u on u.id = ${createur}
      left join organisation o on o.id = ${organisation}`;
}

/** The waiting items of a queue, oldest first. */
export async function listPending(db: Kysely<DB>, queue: QueueName, limit = 1000): Promise<PendingItem[]> {
  const { rows } = await sql<PendingItem>`
    ${itemSelect(queue)}
     where ${pendingCondition(QUEUE_SPECS[queue])}
     order by i.created_at, i.id
     limit ${limit}`.execute(db);
  return rows;
}

/**
 * What a card shows of an item, queue by queue, in display order. The command layer
 * labels them in the run's language; `price` is `amount currency` (or `free`), `dates`
 * one or two ISO dates (`start → end`), `max_members` a number (or `none`).
 */
export const FACT_KEYS = ['type', 'place', 'organiser', 'dates', 'price', 'link', 'contact', 'max_members', 'sector', 'website'] as const;
export type FactKey = (typeof FACT_KEYS)[number];

export interface ItemCard extends PendingItem {
  /** updated_at to the microsecond: a decision is refused when it changed since. */
  version: string;
  pending: boolean;
  updated_at: Date;
  description: string | null;
  /** What it is, queue by queue: key and value, in display order. */
  facts: Array<{ key: FactKey; value: string }>;
  decisions: DecisionView[];
}

/** On alias i: [key, value] pairs, a null or empty value left off the card. */
const FACTS: Record<QueueName, RawBuilder<Array<[FactKey, string | null]>>> = {
  formations: sql`jsonb_build_array(
      jsonb_build_array('type', i.type_formation),
      jsonb_build_array('place', i.lieu),
      jsonb_build_array('organiser', i.nom_structure),
      jsonb_build_array('dates', nullif(concat_ws(' → ', i.date_debut, i.date_fin), '')),
      jsonb_build_array('price', case when i.est_payante then concat(i.prix, ' ', i.devise) else 'free' end),
      jsonb_build_array('link', i.lien_formation),
      jsonb_build_array('contact', nullif(concat_ws(' · ', i.email_contact, i.telephone_contact), '')))`,
  groups: sql`jsonb_build_array(
      jsonb_build_array('type', i.type_groupe),
      jsonb_build_array('max_members', coalesce(i.max_membres::text, 'none')))`,
  orgs: sql`jsonb_build_array(
      jsonb_build_array('type', i.type_organisation),
      jsonb_build_array('sector', i.secteur_activite),
      jsonb_build_array('place', nullif(concat_ws(', ', i.ville, i.pays), '')),
      jsonb_build_array('website', i.site_web),
      jsonb_build_array('contact', nullif(concat_ws(' · ', i.email_general, i.telephone_general), '')))`,
};

/** One item with everything a moderator needs to decide; undefined when there is none. */
export async function loadCard(db: Kysely<DB>, queue: QueueName, ref: string): Promise<ItemCard | undefined> {
  const id = normaliseId(ref);
  if (!id) return undefined;
  const q = QUEUE_SPECS[queue];
  const { rows } = await sql<Omit<ItemCard, 'facts' | 'decisions'> & { facts: Array<[FactKey, string | null]> }>`
    ${itemSelect(
      queue,
      sql`, i.updated_at::text as version, i.updated_at, i.description,
                             ${pendingCondition(q)} as pending, ${FACTS[queue]} as facts`,
    )}
     where i.id = ${id}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  return {
    ...row,
    facts: row.facts.filter((fact) => fact[1] !== null && fact[1] !== '').map(([key, value]) => ({ key, value: String(value) })),
    decisions: await listDecisions(db, { queue, itemId: id, limit: 20 }),
  };
}
