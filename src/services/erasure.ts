import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../db/schema.js';
import { writeAs, type WriteSession } from '../db/session.js';
import { NotPermittedError, problem, UsageError } from '../errors.js';
import { auditAbout, PERSON_KEY } from './personal-data.js';
import { resolveRef } from './refs.js';
import { refuseLastSuperAdmin } from './user-writes.js';

/**
 * `users erase`: a person's personal values are replaced or cleared everywhere the
 * platform holds them, audit trail included, while the account row stays (so offers,
 * decisions and the audit keep their actor) with what the statistics count: statut,
 * annee_sortie, domaine, travailleur. Erasing twice finds nothing to do and writes nothing.
 */

/** The erased account's name (nom_complet cannot be empty). */
export const ERASED_NAME = 'Compte effacé';
/** What their messages say once erased (a message keeps a text or a file). */
export const ERASED_MESSAGE = '(message effacé)';
/** What stands for an erased value in the audit trail and the tool's own records. */
export const ERASED_VALUE = '(effacé)';

/** The personal columns of the rows that belong to a person, redacted in their audit entries. */
const PERSONAL_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  utilisateur: ['nom_complet', 'matricule', 'email', 'titre', 'telephone', 'photo_profil_url'],
  contact_organisation: ['email_professionnel', 'telephone_professionnel'],
  message: ['texte', 'fichier_url'],
};

/**
 * The contact columns of the offers a person created: cleared where they hold one of
 * their e-mails or phones. Only their own offers: the same (often shared, professional)
 * address on someone else's offer or on an organisation is that poster's or that
 * organisation's, and stays.
 */
const OFFER_CONTACT_COLUMNS: ReadonlyArray<{ table: 'stage' | 'formation' | 'emploi'; email: string; phone: string }> = [
  { table: 'stage', email: 'email_contact', phone: 'telephone_contact' },
  { table: 'formation', email: 'email_contact', phone: 'telephone_contact' },
  { table: 'emploi', email: 'email_contact', phone: 'telephone_contact' },
];

/** Free text of the tool's bookkeeping that may quote a value (an import's error). */
const BOOKKEEPING_TEXT: ReadonlyArray<{ table: string; column: string }> = [
  { table: 'alumni_admin.import_run', column: 'error' },
  { table: 'alumni_admin.job_run', column: 'error' },
];

/** Every table an erasure writes (the audit trigger writes audit_log too). */
export const ERASURE_TABLES: readonly string[] = [
  ...Object.keys(PERSONAL_COLUMNS),
  ...OFFER_CONTACT_COLUMNS.map(({ table }) => table),
  'audit_log',
  ...BOOKKEEPING_TEXT.map(({ table }) => table),
];

/** Values shorter than this are not searched for in other rows' audit entries and text: too many false hits. */
const MIN_SEARCHED = 3;

export interface ErasurePlan {
  id: string;
  /** The account's columns that change. */
  account: string[];
  /** Rows that change, per table (audit_log: entries scrubbed); tables with none are left out. */
  rows: Record<string, number>;
  /** Nothing left to erase (erased already). */
  nothing_to_do: boolean;
}

export interface ErasureResult extends ErasurePlan {
  dry_run: boolean;
  erased: boolean;
}

/**
 * What erasing `ref` would change; refusals first: yourself (2), then an administrator's
 * account by someone who is not a super_admin (77), then the last active super_admin (2),
 * so an admin is told they may not rather than what a super_admin would be told.
 */
export async function planErasure(db: Kysely<DB>, session: WriteSession, ref: string): Promise<ErasurePlan> {
  const { id } = await resolveRef(db, 'user', ref);
  const target = await db.selectFrom('utilisateur').select(['role', 'est_actif']).where('id', '=', id).executeTakeFirstOrThrow();
  if (id === session.actorId) throw new UsageError(problem('users.erase.self'));
  if (target.role !== 'user' && session.actorRole !== 'super_admin') {
    throw new NotPermittedError(problem('users.erase.protected', { role: target.role }));
  }
  if (target.role === 'super_admin' && target.est_actif) await refuseLastSuperAdmin(db, id);
  return measure(db, id);
}

/**
 * Erases person `plan.id`, in one transaction, audited as the session's actor. What it
 * changes is measured again inside the transaction (the plan may be stale: someone
 * erased them meanwhile); when that finds nothing to do it writes nothing.
 */
export async function erase(db: Kysely<DB>, session: WriteSession, plan: ErasurePlan): Promise<ErasurePlan> {
  if (plan.nothing_to_do) return plan;
  return writeAs(db, session, async (trx) => {
    const target = await trx
      .selectFrom('utilisateur')
      .select(['role', 'est_actif'])
      .where('id', '=', plan.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (target.role === 'super_admin' && target.est_actif) await refuseLastSuperAdmin(trx, plan.id);
    const done = await measure(trx, plan.id);
    if (done.nothing_to_do) return done;
    const values = await personalValues(trx, plan.id);
    await trx
      .updateTable('utilisateur')
      .set({
        nom_complet: ERASED_NAME,
        matricule: null,
        email: null,
        titre: null,
        telephone: null,
        photo_profil_url: null,
        mot_de_passe_hash: null,
        last_login: null,
        est_actif: false,
        role: 'user',
        efface_le: sql`coalesce(efface_le, now())`,
      })
      .where('id', '=', plan.id)
      .execute();
    await trx
      .updateTable('contact_organisation')
      .set({ email_professionnel: null, telephone_professionnel: null })
      .where('utilisateur_id', '=', plan.id)
      .where((eb) => eb.or([eb('email_professionnel', 'is not', null), eb('telephone_professionnel', 'is not', null)]))
      .execute();
    await trx
      .updateTable('message')
      .set({ texte: ERASED_MESSAGE, fichier_url: null, type_fichier: null })
      .where('utilisateur_id', '=', plan.id)
      .where(messageHoldsText())
      .execute();
    for (const { table, email, phone } of OFFER_CONTACT_COLUMNS) {
      await sql`
        update ${sql.table(table)}
           set ${sql.ref(email)} = case when ${holdsEmail(email, values.emails)} then null else ${sql.ref(email)} end,
               ${sql.ref(phone)} = case when ${holdsPhone(phone, values.phones)} then null else ${sql.ref(phone)} end
         where ${holdsContact(plan.id, email, phone, values)}`.execute(trx);
    }
    // Last, so the entries the statements above just wrote (the erasure's own, with the
    // acting administrator) are scrubbed too: they keep who, when, the table and what
    // else changed (est_actif, role, efface_le), not the values.
    await sql`
      update audit_log a set ancien_data = ${redacted(sql`a.ancien_data`)}, nouveau_data = ${redacted(sql`a.nouveau_data`)}
       where ${needsRedaction(plan.id)}`.execute(trx);
    if (values.searched.length > 0) {
      // Any other entry: only a whole string equal to one of their values (trimmed, case
      // ignored), never a piece of one, nor a number, uuid or timestamp that contains it.
      const needles = textArray(values.searched);
      await sql`
        update audit_log a
           set ancien_data = alumni_jsonb_replace_strings(a.ancien_data, ${needles}, ${ERASED_VALUE}),
               nouveau_data = alumni_jsonb_replace_strings(a.nouveau_data, ${needles}, ${ERASED_VALUE})
         where ${quotesAny(values.searched)}`.execute(trx);
    }
    for (const searched of values.searched) {
      // Free text (an import's error quoting a value): the value where it stands alone,
      // case ignored, not inside a longer word or number.
      const pattern = standingAlone(searched);
      for (const { table, column } of BOOKKEEPING_TEXT) {
        await sql`
          update ${sql.table(table)} set ${sql.ref(column)} = regexp_replace(${sql.ref(column)}, ${pattern}, ${ERASED_VALUE}, 'gi')
           where ${sql.ref(column)} ~* ${pattern}`.execute(trx);
      }
    }
    return done;
  });
}

/** The changes erasing person `id` makes, counted with the statements' own conditions. */
async function measure(db: Kysely<DB>, id: string): Promise<ErasurePlan> {
  const { rows: account } = await sql<{ changed: string[] }>`
    select array_remove(array[
      case when nom_complet <> ${ERASED_NAME} then 'nom_complet' end,
      case when matricule is not null then 'matricule' end,
      case when email is not null then 'email' end,
      case when titre is not null then 'titre' end,
      case when telephone is not null then 'telephone' end,
      case when photo_profil_url is not null then 'photo_profil_url' end,
      case when mot_de_passe_hash is not null then 'mot_de_passe_hash' end,
      case when last_login is not null then 'last_login' end,
      case when est_actif then 'est_actif' end,
      case when role <> 'user' then 'role' end,
      case when efface_le is null then 'efface_le' end], null) as changed
      from utilisateur where id = ${id}`.execute(db);
  const values = await personalValues(db, id);
  const counts: Array<[string, RawBuilder<{ n: number }>]> = [
    [
      'contact_organisation',
      sql`select count(*)::int as n from contact_organisation
           where utilisateur_id = ${id} and (email_professionnel is not null or telephone_professionnel is not null)`,
    ],
    ['message', sql`select count(*)::int as n from message where utilisateur_id = ${id} and ${messageHoldsText()}`],
    ...OFFER_CONTACT_COLUMNS.map(({ table, email, phone }): [string, RawBuilder<{ n: number }>] => [
      table,
      sql`select count(*)::int as n from ${sql.table(table)} where ${holdsContact(id, email, phone, values)}`,
    ]),
    ['audit_log', sql`select count(*)::int as n from audit_log a where ${needsRedaction(id)} or ${quotesAny(values.searched)}`],
  ];
  const rows: Record<string, number> = {};
  for (const [table, query] of counts) {
    const { n } = (await query.execute(db)).rows[0]!;
    if (n > 0) rows[table] = n;
  }
  const changed = account[0]!.changed;
  return { id, account: changed, rows, nothing_to_do: changed.length === 0 && Object.keys(rows).length === 0 };
}

interface PersonalValues {
  emails: string[];
  phones: string[];
  /** Every value to look for inside other rows' audit JSON and the tool's records. */
  searched: string[];
}

/**
 * The person's values as stored now and as their audit entries remember them (an
 * e-mail changed years ago is theirs too), their contacts' professional ones included.
 * The placeholders an erasure leaves are not theirs.
 */
async function personalValues(db: Kysely<DB>, id: string): Promise<PersonalValues> {
  const keys = [...PERSONAL_COLUMNS.utilisateur!, ...PERSONAL_COLUMNS.contact_organisation!].filter((k) => k !== 'photo_profil_url');
  const { rows } = await sql<{ key: string; value: string }>`
    select distinct key, value from (
      select v.key, v.value
        from audit_log a, jsonb_each_text(coalesce(a.ancien_data, '{}') || coalesce(a.nouveau_data, '{}')) v
       where ${auditAbout(id)} and a.table_name in ('utilisateur', 'contact_organisation')
      union all
      select v.key, v.value from utilisateur u, jsonb_each_text(to_jsonb(u)) v where u.id = ${id}
      union all
      select v.key, v.value from contact_organisation c, jsonb_each_text(to_jsonb(c)) v where c.utilisateur_id = ${id}
    ) s
     where key in (${sql.join(keys)}) and value is not null and value not in (${ERASED_NAME}, ${ERASED_VALUE})`.execute(db);
  const of = (...names: string[]) => rows.filter((r) => names.includes(r.key)).map((r) => r.value);
  return {
    emails: of('email', 'email_professionnel'),
    phones: of('telephone', 'telephone_professionnel'),
    searched: [...new Set(of('nom_complet', 'matricule', 'email', 'telephone', 'email_professionnel', 'telephone_professionnel'))].filter(
      (v) => v.length >= MIN_SEARCHED,
    ),
  };
}

/** A message that still holds something they wrote or sent. */
function messageHoldsText(): RawBuilder<SqlBool> {
  return sql<SqlBool>`(texte is distinct from ${ERASED_MESSAGE} or fichier_url is not null)`;
}

/** E-mails compare ignoring case (and surrounding spaces), in the contact columns as in the audit. */
function holdsEmail(column: string, emails: string[]): RawBuilder<boolean> {
  return emails.length
    ? sql<boolean>`lower(btrim(${sql.ref(column)})) in (${sql.join(emails.map((e) => sql`lower(btrim(${e}))`))})`
    : sql<boolean>`false`;
}

function holdsPhone(column: string, phones: string[]): RawBuilder<boolean> {
  return phones.length ? sql<boolean>`btrim(${sql.ref(column)}) in (${sql.join(phones)})` : sql<boolean>`false`;
}

/** An offer person `id` created whose contact is one of theirs. */
function holdsContact(id: string, email: string, phone: string, values: PersonalValues): RawBuilder<boolean> {
  return sql<boolean>`(createur_id = ${id} and (${holdsEmail(email, values.emails)} or ${holdsPhone(phone, values.phones)}))`;
}

function textArray(values: string[]): RawBuilder<string[]> {
  return sql<string[]>`array[${sql.join(values)}]::text[]`;
}

/**
 * Audit entries (alias a) holding, as a whole JSON string, any of `values` (see
 * alumni_jsonb_holds_string). Walking every string of every entry is slow (18 s over
 * 100,000 entries on the embedded database), so a cheaper test on the entry's text comes
 * first (3 s): a JSON string equal to a value, trimmed and case ignored, has the value
 * trimmed, lower-cased and escaped as JSON escapes it inside the entry's lower-cased text.
 * Only the entries that pass it are walked.
 */
function quotesAny(values: string[]): RawBuilder<boolean> {
  if (values.length === 0) return sql<boolean>`false`;
  const needles = textArray(values);
  const patterns = sql`array(
    select '%' || replace(replace(replace(substr(j, 2, length(j) - 2), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
      from unnest(${needles}) n, lateral (select to_jsonb(lower(btrim(n)))::text as j) escaped)`;
  return sql<boolean>`(lower(concat(a.ancien_data::text, ' ', a.nouveau_data::text)) like any (${patterns})
    and (alumni_jsonb_holds_string(a.ancien_data, ${needles}) or alumni_jsonb_holds_string(a.nouveau_data, ${needles})))`;
}

/** A regular expression (PostgreSQL's) matching `value` literally where no letter or digit touches it. */
function standingAlone(value: string): string {
  return `(?<![[:alnum:]])${value.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')}(?![[:alnum:]])`;
}

/** `data` (an audit entry's row, of table a.table_name) with its personal columns replaced by ERASED_VALUE. */
function redacted(data: RawBuilder<unknown>): RawBuilder<unknown> {
  const cases = Object.entries(PERSONAL_COLUMNS).map(
    ([table, columns]) =>
      sql`when a.table_name = ${table} and key in (${sql.join(columns.map((c) => sql.lit(c)))}) then ${sql.lit(ERASED_VALUE)}`,
  );
  return sql`(case when ${data} is null then null else coalesce((
      select jsonb_object_agg(key, case when value = 'null'::jsonb then value
                                        else coalesce(to_jsonb(case ${sql.join(cases, sql` `)} end), value) end)
        from jsonb_each(${data})), '{}') end)`;
}

/** The audit entries about person `id` that still hold one of their values. */
function needsRedaction(id: string): RawBuilder<boolean> {
  const tables = Object.keys(PERSONAL_COLUMNS).filter((t) => t in PERSON_KEY);
  return sql<boolean>`(a.table_name in (${sql.join(tables)}) and ${auditAbout(id)}
    and (a.ancien_data is distinct from ${redacted(sql`a.ancien_data`)} or a.nouveau_data is distinct from ${redacted(sql`a.nouveau_data`)}))`;
}
