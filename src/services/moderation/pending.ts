import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.js';
import { findDuplicates, type DuplicatePair } from '../org-merge.js';
import { listContacts, type ContactView } from '../orgs.js';
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
  /** Who submitted it (its creator; for an organisation, who added it), when known. */
  submitter: { id: string; nom_complet: string; email: string | null } | null;
  /** An organisation's facts beyond its columns; only in the orgs queue. */
  organisation?: OrgReviewFacts;
}

/** What a moderator needs to judge whether an organisation is real and new. */
export interface OrgReviewFacts {
  site_web: string | null;
  email_general: string | null;
  telephone_general: string | null;
  /** Its contacts, the principal first (as `orgs show` lists them). */
  contacts: ContactView[];
  /** The organisations `orgs duplicates` pairs it with (the same service, so both agree). */
  possibly_same_as: Array<{ id: string; nom_organisation: string; reasons: string[] }>;
}

/** A row of itemSelect as a PendingItem (its submitter's columns as one object). */
type ItemRow = Omit<PendingItem, 'submitter' | 'organisation'> & { submitter_nom: string | null; submitter_email: string | null };
function withSubmitter<R extends ItemRow>({ submitter_nom, submitter_email, ...row }: R) {
  const submitter =
    row.createur_id && submitter_nom !== null ? { id: row.createur_id, nom_complet: submitter_nom, email: submitter_email } : null;
  return { ...row, submitter };
}

/** The PendingItem columns of a queue's items (alias i), and `more` columns. */
function itemSelect(queue: QueueName, more = sql``) {
  const q = QUEUE_SPECS[queue];
  // A formation names its organisation; a group has none, an organisation is one.
  const organisation = queue === 'formations' ? sql`i.organisation_id` : sql`null::uuid`;
  // An organisation has no creator column: who added it is in the audit log, when the
  // entry is still there (the audit retention may have removed it, or nobody was named).
  const createur =
    queue === 'orgs'
      ? sql`(select a.utilisateur_id from audit_log a
              where a.table_name = 'organisation' and a.action = 'INSERT' and a.nouveau_data->>'id' = i.id::text
              order by a.created_at, a.id limit 1)`
      : sql`i.createur_id`;
  return sql`
    select ${queue} as queue, i.id, ${q.title} as title, i.created_at,
           ${createur} as createur_id, coalesce(u.email, u.nom_complet) as createur,
           u.nom_complet as submitter_nom, u.email as submitter_email,
           o.id as organisation_id, o.nom_organisation ${more}
      from ${sql.table(q.table)} i
      left join utilisateur u on u.id = ${createur}
      left join organisation o on o.id = ${organisation}`;
}

/** The waiting items of a queue, oldest first; an organisation with what its card shows. */
export async function listPending(db: Kysely<DB>, queue: QueueName, limit = 1000): Promise<PendingItem[]> {
  const { rows } = await sql<ItemRow>`
    ${itemSelect(queue)}
     where ${pendingCondition(QUEUE_SPECS[queue])}
     order by i.created_at, i.id
     limit ${limit}`.execute(db);
  const items: PendingItem[] = rows.map(withSubmitter);
  if (queue !== 'orgs' || items.length === 0) return items;
  // Every pair once for the whole list, rather than once per organisation.
  const pairs = await findDuplicates(db);
  for (const item of items) item.organisation = await orgReviewFacts(db, item.id, pairs);
  return items;
}

/**
 * What a card shows of an item, queue by queue, in display order. The command layer
 * labels them in the run's language; `price` is `amount currency` (or `free`), `dates`
 * one or two ISO dates (`start → end`), `max_members` a number (or `none`).
 */
export const FACT_KEYS = [
  'type',
  'place',
  'organiser',
  'dates',
  'price',
  'link',
  'contact',
  'max_members',
  'sector',
  'website',
  'email',
  'phone',
] as const;
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
      jsonb_build_array('email', i.email_general),
      jsonb_build_array('phone', i.telephone_general))`,
};

/** One item with everything a moderator needs to decide; undefined when there is none. */
export async function loadCard(db: Kysely<DB>, queue: QueueName, ref: string): Promise<ItemCard | undefined> {
  const id = normaliseId(ref);
  if (!id) return undefined;
  const q = QUEUE_SPECS[queue];
  type Row = ItemRow & Pick<ItemCard, 'version' | 'pending' | 'updated_at' | 'description'> & { facts: Array<[FactKey, string | null]> };
  const { rows } = await sql<Row>`
    ${itemSelect(
      queue,
      sql`, i.updated_at::text as version, i.updated_at, i.description,
                             ${pendingCondition(q)} as pending, ${FACTS[queue]} as facts`,
    )}
     where i.id = ${id}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  return {
    ...withSubmitter(row),
    facts: row.facts.filter((fact) => fact[1] !== null && fact[1] !== '').map(([key, value]) => ({ key, value: String(value) })),
    decisions: await listDecisions(db, { queue, itemId: id, limit: 20 }),
    ...(queue === 'orgs' ? { organisation: await orgReviewFacts(db, id, await findDuplicates(db, { of: id })) } : {}),
  };
}

/** An organisation's facts for a moderator; `pairs` from findDuplicates (those of others are ignored). */
async function orgReviewFacts(db: Kysely<DB>, id: string, pairs: DuplicatePair[]): Promise<OrgReviewFacts> {
  const org = await db
    .selectFrom('organisation')
    .select(['site_web', 'email_general', 'telephone_general'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    ...org,
    contacts: await listContacts(db, id),
    possibly_same_as: pairs
      .filter((pair) => pair.a_id === id || pair.b_id === id)
      .map((pair) =>
        pair.a_id === id
          ? { id: pair.b_id, nom_organisation: pair.b_nom, reasons: pair.reasons }
          : { id: pair.a_id, nom_organisation: pair.a_nom, reasons: pair.reasons },
      ),
  };
}
