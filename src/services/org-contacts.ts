import type { Kysely, Transaction } from 'kysely';
import type { CountryCode } from 'libphonenumber-js';
import type { DB, RoleContact } from '../db/schema.js';
import { writeAs, type WriteSession } from '../db/session.js';
import { NotFoundError, problem, UsageError } from '../errors.js';
import { phone } from '../phone.js';
import * as value from '../values.js';
import { listContacts, type ContactView } from './orgs.js';
import { resolveRef, type Resolved } from './refs.js';

export interface ContactInput {
  role: RoleContact;
  principal: boolean;
  poste?: string;
  email?: string;
  telephone?: string;
  country?: CountryCode;
  /** Since, YYYY-MM-DD. */
  debut?: string;
  /** Until, YYYY-MM-DD. */
  fin?: string;
}

interface Pair {
  org: Resolved;
  person: Resolved;
}

async function resolvePair(db: Kysely<DB>, orgRef: string, personRef: string): Promise<Pair> {
  return { org: await resolveRef(db, 'organisation', orgRef), person: await resolveRef(db, 'user', personRef) };
}

/**
 * Every change to an organisation's contacts first locks the organisation's row, so
 * concurrent changes to its principal contact run one after the other: each sees the
 * principal the previous one left, and the partial unique index never has to refuse.
 */
async function lockOrg(trx: Transaction<DB>, organisationId: string): Promise<void> {
  await trx.selectFrom('organisation').select('id').where('id', '=', organisationId).forUpdate().executeTakeFirstOrThrow();
}

/** The principal becomes `utilisateurId`; the previous one (if another) stops being it. */
async function movePrincipal(trx: Transaction<DB>, organisationId: string, utilisateurId: string): Promise<void> {
  await trx
    .updateTable('contact_organisation')
    .set({ est_contact_principal: false })
    .where('organisation_id', '=', organisationId)
    .where('est_contact_principal', '=', true)
    .where('utilisateur_id', '<>', utilisateurId)
    .execute();
  await trx
    .updateTable('contact_organisation')
    .set({ est_contact_principal: true })
    .where('organisation_id', '=', organisationId)
    .where('utilisateur_id', '=', utilisateurId)
    .where('est_contact_principal', '=', false)
    .execute();
}

function contactValues(input: ContactInput) {
  return value.checkedValues(() => {
    // Days (YYYY-MM-DD) as the command's options parsed them.
    const debut = input.debut ?? null;
    const fin = input.fin ?? null;
    if (debut && fin && fin < debut) throw new UsageError(problem('orgs.error.contact_end_before_start', { start: debut, end: fin }));
    return {
      role_contact: input.role,
      poste: input.poste === undefined ? null : value.text(input.poste, 100, 'poste'),
      email_professionnel: value.email(input.email),
      telephone_professionnel: phone(input.telephone, input.country),
      date_debut: debut,
      date_fin: fin,
    };
  });
}

/** A person becomes a contact of an organisation (once); --principal moves the principal to them. */
export async function addContact(
  db: Kysely<DB>,
  session: WriteSession,
  orgRef: string,
  personRef: string,
  input: ContactInput,
): Promise<ContactView[]> {
  const values = contactValues(input);
  const { org, person } = await resolvePair(db, orgRef, personRef);
  return writeAs(db, session, async (trx) => {
    await lockOrg(trx, org.id);
    const existing = await trx
      .selectFrom('contact_organisation')
      .select('id')
      .where('organisation_id', '=', org.id)
      .where('utilisateur_id', '=', person.id)
      .executeTakeFirst();
    if (existing) throw new UsageError(problem('orgs.error.already_contact', { person: person.label, org: org.label }));
    await trx
      .insertInto('contact_organisation')
      .values({ ...values, organisation_id: org.id, utilisateur_id: person.id })
      .execute();
    if (input.principal) await movePrincipal(trx, org.id, person.id);
    return listContacts(trx, org.id);
  });
}

async function contactOf(trx: Transaction<DB>, pair: Pair) {
  const contact = await trx
    .selectFrom('contact_organisation')
    .select(['id', 'est_contact_principal'])
    .where('organisation_id', '=', pair.org.id)
    .where('utilisateur_id', '=', pair.person.id)
    .executeTakeFirst();
  if (!contact) throw new NotFoundError(problem('orgs.error.not_contact', { person: pair.person.label, org: pair.org.label }));
  return contact;
}

/** The principal contact becomes this person, in one transaction: always exactly one. */
export async function setPrincipal(
  db: Kysely<DB>,
  session: WriteSession,
  orgRef: string,
  personRef: string,
): Promise<{ contacts: ContactView[]; changed: boolean }> {
  const pair = await resolvePair(db, orgRef, personRef);
  return writeAs(db, session, async (trx) => {
    await lockOrg(trx, pair.org.id);
    const contact = await contactOf(trx, pair);
    if (!contact.est_contact_principal) await movePrincipal(trx, pair.org.id, pair.person.id);
    return { contacts: await listContacts(trx, pair.org.id), changed: !contact.est_contact_principal };
  });
}

/** The person stops being a contact (the organisation is then without a principal, if they were it). */
export async function removeContact(
  db: Kysely<DB>,
  session: WriteSession,
  orgRef: string,
  personRef: string,
): Promise<{ wasPrincipal: boolean }> {
  const pair = await resolvePair(db, orgRef, personRef);
  return writeAs(db, session, async (trx) => {
    await lockOrg(trx, pair.org.id);
    const contact = await contactOf(trx, pair);
    await trx.deleteFrom('contact_organisation').where('id', '=', contact.id).execute();
    return { wasPrincipal: contact.est_contact_principal };
  });
}

export async function contactsOf(db: Kysely<DB>, orgRef: string): Promise<{ org: Resolved; contacts: ContactView[] }> {
  const org = await resolveRef(db, 'organisation', orgRef);
  return { org, contacts: await listContacts(db, org.id) };
}
