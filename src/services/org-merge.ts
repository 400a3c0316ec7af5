import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { writeAs, type WriteSession } from '../db/session.js';
import { problem, UsageError } from '../errors.js';
import { resolveRef, type Resolved } from './refs.js';

/** Names this similar (pg_trgm, 0..1) after normalisation make a likely pair. */
export const NAME_SIMILARITY = 0.6;

/** Mail providers: sharing one says nothing about being the same organisation. */
const WEBMAIL = [
  'gmail.com',
  'yahoo.fr',
  'yahoo.com',
  'hotmail.com',
  'hotmail.fr',
  'outlook.com',
  'outlook.fr',
  'live.fr',
  'icloud.com',
  'aol.com',
];

/**
 * Why a pair is likely one organisation, as `reasons` holds it: stable words (the JSON
 * and CSV of `orgs duplicates` are the same in every language), which the command turns
 * into the catalog's words for a person.
 */
export const DUPLICATE_REASONS = {
  sameWeb: 'same website domain',
  sameMail: 'same e-mail domain',
  sameName: 'same name once normalised',
  /** Followed by the similarity: "similar names (0.72)". */
  similarNames: 'similar names',
} as const;

export interface DuplicatePair {
  a_id: string;
  a_nom: string;
  b_id: string;
  b_nom: string;
  /** Why the pair is likely one organisation: same website, same e-mail domain, same or similar name. */
  reasons: string[];
  a_contacts: number;
  a_offers: number;
  b_contacts: number;
  b_offers: number;
}

/**
 * Likely duplicates among the organisations that are not inactive (a merged one is made
 * inactive, so it stops showing): the same website domain, the same e-mail domain (not
 * a webmail provider's), the same name once normalised ("Orange Bénin" and "ORANGE
 * BENIN S.A."), or names at least NAME_SIMILARITY alike. Every pair is compared, which is
 * fine for the few thousand organisations of a school.
 */
export async function findDuplicates(db: Kysely<DB>, only: { of?: string } = {}): Promise<DuplicatePair[]> {
  const { rows } = await sql<DuplicatePair & { same_web: boolean; same_mail: boolean; same_name: boolean; similarity: number }>`
    with o as (
      select id, nom_organisation,
             alumni_admin.org_name_key(nom_organisation) as name_key,
             alumni_admin.web_domain(site_web) as web,
             nullif(lower(split_part(email_general, '@', 2)), '') as mail,
             (select count(*) from contact_organisation c where c.organisation_id = organisation.id)::int as contacts,
             ((select count(*) from stage s where s.organisation_id = organisation.id)
              + (select count(*) from formation f where f.organisation_id = organisation.id)
              + (select count(*) from emploi e where e.organisation_id = organisation.id))::int as offers
        from organisation where statut <> 'inactive'
    )
    select a.id as a_id, a.nom_organisation as a_nom, b.id as b_id, b.nom_organisation as b_nom,
           a.contacts as a_contacts, a.offers as a_offers, b.contacts as b_contacts, b.offers as b_offers,
           coalesce(a.web = b.web, false) as same_web,
           coalesce(a.mail = b.mail and a.mail <> all (${WEBMAIL}::text[]), false) as same_mail,
           a.name_key = b.name_key as same_name,
           round(similarity(a.name_key, b.name_key)::numeric, 2)::float8 as similarity
      from o a join o b on a.id < b.id
     where ${only.of === undefined ? sql`true` : sql`${only.of}::uuid in (a.id, b.id)`}
       and (a.web = b.web
        or (a.mail = b.mail and a.mail <> all (${WEBMAIL}::text[]))
        or a.name_key = b.name_key
        or similarity(a.name_key, b.name_key) >= ${NAME_SIMILARITY})
     -- In French alphabetical order, the same on both back ends (src/db/order.ts).
     order by a.nom_organisation collate ordre_francais, b.nom_organisation collate ordre_francais, a.id, b.id`.execute(db);
  return rows.map(({ same_web, same_mail, same_name, similarity, ...pair }) => ({
    ...pair,
    reasons: [
      ...(same_web ? [DUPLICATE_REASONS.sameWeb] : []),
      ...(same_mail ? [DUPLICATE_REASONS.sameMail] : []),
      ...(same_name
        ? [DUPLICATE_REASONS.sameName]
        : similarity >= NAME_SIMILARITY
          ? [`${DUPLICATE_REASONS.similarNames} (${similarity})`]
          : []),
    ],
  }));
}

export interface MergeReport {
  keep: Resolved;
  drop: Resolved;
  /** Contacts of DROP now KEEP's. */
  contacts_moved: number;
  /** Contacts of DROP who were KEEP's contacts already: their DROP row is removed. */
  contacts_already_there: number;
  /** The principal contact KEEP ends with (KEEP's own, else DROP's), or null. */
  principal: string | null;
  offers_moved: { stage: number; formation: number; emploi: number };
  dry_run: boolean;
}

class DryRun extends Error {
  constructor(readonly report: MergeReport) {
    super('dry run');
  }
}

/**
 * Merges DROP into KEEP in one transaction: DROP's contacts and offers move to KEEP (a
 * person already KEEP's contact keeps their KEEP row; KEEP keeps its principal, or takes
 * DROP's if it had none), and DROP becomes inactive. Every change is audited as the
 * acting administrator. A dry run does all of it and rolls back, so the report is exact.
 */
export async function mergeOrgs(
  db: Kysely<DB>,
  session: WriteSession,
  keepRef: string,
  dropRef: string,
  dryRun: boolean,
): Promise<MergeReport> {
  const keep = await resolveRef(db, 'organisation', keepRef);
  const drop = await resolveRef(db, 'organisation', dropRef);
  if (keep.id === drop.id) throw new UsageError(problem('orgs.error.merge_same'));
  try {
    return await writeAs(db, session, async (trx) => {
      const report = await merge(trx, keep, drop, dryRun);
      if (dryRun) throw new DryRun(report);
      return report;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.report;
    throw error;
  }
}

async function merge(trx: Transaction<DB>, keep: Resolved, drop: Resolved, dryRun: boolean): Promise<MergeReport> {
  // Both rows locked, in a fixed order, so two merges (or a contact change) never interleave.
  const locked = await trx
    .selectFrom('organisation')
    .select(['id', 'statut'])
    .where('id', 'in', [keep.id, drop.id])
    .orderBy('id')
    .forUpdate()
    .execute();
  // Read after the lock: a merge the other way round may have just made KEEP inactive.
  if (locked.find((o) => o.id === keep.id)?.statut === 'inactive') {
    throw new UsageError(problem('orgs.error.merge_into_inactive', { org: keep.label }));
  }
  const keepHasPrincipal = await trx
    .selectFrom('contact_organisation')
    .select('id')
    .where('organisation_id', '=', keep.id)
    .where('est_contact_principal', '=', true)
    .executeTakeFirst();
  let keepsAPrincipal = Boolean(keepHasPrincipal);
  if (!keepsAPrincipal) {
    // KEEP takes DROP's principal, even when that person is a contact of KEEP already.
    const taken = await trx
      .updateTable('contact_organisation')
      .set({ est_contact_principal: true })
      .where('organisation_id', '=', keep.id)
      .where('utilisateur_id', 'in', (eb) =>
        eb
          .selectFrom('contact_organisation')
          .select('utilisateur_id')
          .where('organisation_id', '=', drop.id)
          .where('est_contact_principal', '=', true),
      )
      .executeTakeFirst();
    keepsAPrincipal = Number(taken.numUpdatedRows) > 0;
  }
  const already = await trx
    .deleteFrom('contact_organisation')
    .where('organisation_id', '=', drop.id)
    .where('utilisateur_id', 'in', (eb) =>
      eb.selectFrom('contact_organisation').select('utilisateur_id').where('organisation_id', '=', keep.id),
    )
    .executeTakeFirst();
  // One principal: when KEEP has one (kept or just taken), DROP's moves in as a plain
  // contact; otherwise DROP's principal moves in as KEEP's.
  if (keepsAPrincipal) {
    await trx
      .updateTable('contact_organisation')
      .set({ est_contact_principal: false })
      .where('organisation_id', '=', drop.id)
      .where('est_contact_principal', '=', true)
      .execute();
  }
  const moved = await trx
    .updateTable('contact_organisation')
    .set({ organisation_id: keep.id })
    .where('organisation_id', '=', drop.id)
    .executeTakeFirst();
  const offers = { stage: 0, formation: 0, emploi: 0 };
  for (const table of ['stage', 'formation', 'emploi'] as const) {
    const result = await trx.updateTable(table).set({ organisation_id: keep.id }).where('organisation_id', '=', drop.id).executeTakeFirst();
    offers[table] = Number(result.numUpdatedRows);
  }
  await trx.updateTable('organisation').set({ statut: 'inactive' }).where('id', '=', drop.id).execute();
  const principal = await trx
    .selectFrom('contact_organisation as c')
    .innerJoin('utilisateur as u', 'u.id', 'c.utilisateur_id')
    .select(sql<string>`coalesce(u.email, u.matricule, u.nom_complet)`.as('who'))
    .where('c.organisation_id', '=', keep.id)
    .where('c.est_contact_principal', '=', true)
    .executeTakeFirst();
  return {
    keep,
    drop,
    contacts_moved: Number(moved.numUpdatedRows),
    contacts_already_there: Number(already.numDeletedRows),
    principal: principal?.who ?? null,
    offers_moved: offers,
    dry_run: dryRun,
  };
}
