import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../db/schema.js';
import { resolveRef } from './refs.js';

/**
 * Everything the platform holds about one person (`users export-data`), and the rows of
 * the audit trail that are about them, which `users erase` (erasure.ts) scrubs.
 */

/**
 * The audited tables whose rows belong to a person, and the column naming that person.
 * An audit entry is "about" a person when its before or after row names them there.
 */
export const PERSON_KEY: Readonly<Record<string, string>> = {
  utilisateur: 'id',
  contact_organisation: 'utilisateur_id',
  membre_groupe: 'utilisateur_id',
  message: 'utilisateur_id',
};

/** The audit entries (alias `a`) about person `id`: their account, contacts, memberships and messages. */
export function auditAbout(id: string): RawBuilder<SqlBool> {
  const tables = Object.entries(PERSON_KEY).map(
    ([table, key]) => sql<SqlBool>`(a.table_name = ${table} and ${id} in (a.ancien_data->>${key}, a.nouveau_data->>${key}))`,
  );
  return sql<SqlBool>`(${sql.join(tables, sql` or `)})`;
}

/** The import a user agent names: `alumni/<version> users import <id>` (see the import pipeline). */
const IMPORT_ID = sql<string>`substring(a.user_agent from ' import ([0-9a-f-]{36})$')`;

/** A row of any section: the table's own columns (schema names), as JSON. */
type Row = Record<string, unknown>;

export interface PersonalData {
  /** The account, every column but the password hash; has_password says whether one is set. */
  account: Row;
  /** contact_organisation rows, each with nom_organisation. */
  contacts: Row[];
  /** membre_groupe rows, each with nom_groupe. */
  group_memberships: Row[];
  /** message rows they wrote, each with nom_groupe. */
  messages: Row[];
  /** stage, formation and emploi rows they created, each with its type. */
  offers_created: Row[];
  groups_created: Row[];
  /** validation_formation|groupe|organisation rows they decided or withdrew, each with its queue. */
  moderation_decisions: Row[];
  /** Import ledger runs that changed their rows (touched_them) or that they ran (run_by_them). */
  imports: Row[];
  /** Audit entries about their rows (see PERSON_KEY). */
  audit_about: Row[];
  /** Audit entries of the changes they made. */
  audit_by: Row[];
}

export async function exportPersonalData(db: Kysely<DB>, ref: string): Promise<PersonalData> {
  const { id } = await resolveRef(db, 'user', ref);
  const rows = async (query: RawBuilder<{ row: Row }>) => (await query.execute(db)).rows.map((r) => r.row);
  const [account] = await rows(sql`
    select to_jsonb(u) - 'mot_de_passe_hash' || jsonb_build_object('has_password', u.mot_de_passe_hash is not null) as row
      from utilisateur u where u.id = ${id}`);
  return {
    account: account!,
    contacts: await rows(sql`
      select to_jsonb(c) || jsonb_build_object('nom_organisation', o.nom_organisation) as row
        from contact_organisation c join organisation o on o.id = c.organisation_id
       where c.utilisateur_id = ${id} order by c.created_at, c.id`),
    group_memberships: await rows(sql`
      select to_jsonb(m) || jsonb_build_object('nom_groupe', g.nom_groupe) as row
        from membre_groupe m join groupe g on g.id = m.groupe_id
       where m.utilisateur_id = ${id} order by m.date_adhesion, m.id`),
    messages: await rows(sql`
      select to_jsonb(m) || jsonb_build_object('nom_groupe', g.nom_groupe) as row
        from message m join groupe g on g.id = m.groupe_id
       where m.utilisateur_id = ${id} order by m.created_at, m.id`),
    offers_created: await rows(sql`
      select row from (
        select jsonb_build_object('type', 'stage') || (to_jsonb(s) - 'search_vector') as row, s.created_at, s.id from stage s where s.createur_id = ${id}
        union all
        select jsonb_build_object('type', 'formation') || (to_jsonb(f) - 'search_vector'), f.created_at, f.id from formation f where f.createur_id = ${id}
        union all
        select jsonb_build_object('type', 'emploi') || (to_jsonb(e) - 'search_vector'), e.created_at, e.id from emploi e where e.createur_id = ${id}
      ) o order by created_at, id`),
    groups_created: await rows(sql`select to_jsonb(g) as row from groupe g where g.createur_id = ${id} order by g.created_at, g.id`),
    moderation_decisions: await rows(sql`
      select row from (
        select jsonb_build_object('queue', 'formations') || to_jsonb(v) as row, v.date_validation, v.id
          from validation_formation v where ${id} in (v.validateur_id, v.annulee_par)
        union all
        select jsonb_build_object('queue', 'groups') || to_jsonb(v), v.date_validation, v.id
          from validation_groupe v where ${id} in (v.validateur_id, v.annulee_par)
        union all
        select jsonb_build_object('queue', 'orgs') || to_jsonb(v), v.date_validation, v.id
          from validation_organisation v where ${id} in (v.validateur_id, v.annulee_par)
      ) d order by date_validation, id`),
    imports: await rows(sql`
      with touching as (select distinct ${IMPORT_ID}::uuid as id from audit_log a where ${auditAbout(id)} and ${IMPORT_ID} is not null)
      select to_jsonb(r) || jsonb_build_object('touched_them', r.id in (select id from touching),
                                               'run_by_them', r.acteur_id is not distinct from ${id}::uuid) as row
        from alumni_admin.import_run r
       where r.id in (select id from touching) or r.acteur_id = ${id}
       order by r.started_at, r.id`),
    audit_about: await rows(sql`select to_jsonb(a) as row from audit_log a where ${auditAbout(id)} order by a.created_at, a.id`),
    audit_by: await rows(sql`select to_jsonb(a) as row from audit_log a where a.utilisateur_id = ${id} order by a.created_at, a.id`),
  };
}
