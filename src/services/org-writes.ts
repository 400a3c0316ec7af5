import type { Kysely, Updateable } from 'kysely';
import type { CountryCode } from 'libphonenumber-js';
import type { DB, Organisation, StatutOrganisation, TypeOrganisation } from '../db/schema.js';
import { writeAs, type WriteSession } from '../db/session.js';
import { TYPES_ORGANISATION } from '../enums.js';
import { problem, UsageError } from '../errors.js';
import { phone } from '../phone.js';
import * as value from '../values.js';
import { ORG_COLUMNS, type OrgView } from './orgs.js';
import { resolveRef } from './refs.js';

/**
 * What `orgs add` and `orgs update` take. Enums and the creation date (YYYY-MM-DD, not
 * in the future) come parsed where the command declares them; the other values as
 * given, checked and normalised here (e-mail lower-case, phone E.164, http(s) address). Undefined leaves a field alone; an empty text
 * clears it (not the name or type).
 */
export interface OrgInput {
  nom_organisation?: string;
  type_organisation?: TypeOrganisation;
  statut?: StatutOrganisation;
  secteur_activite?: string;
  adresse?: string;
  ville?: string;
  pays?: string;
  site_web?: string;
  email_general?: string;
  telephone_general?: string;
  /** Default region of a national telephone_general. */
  country?: CountryCode;
  description?: string;
  date_creation?: string;
}

type OrgValues = Updateable<Organisation>;

function toValues(input: OrgInput): OrgValues {
  return value.checkedValues(() => {
    const values: OrgValues = {};
    const text = (raw: string | undefined, max: number, label: string) => (raw === undefined ? undefined : value.text(raw, max, label));
    if (input.nom_organisation !== undefined) {
      const name = value.text(input.nom_organisation, 200, 'nom_organisation');
      if (name === null) throw new UsageError(problem('orgs.error.name_empty', { field: 'nom_organisation' }));
      values.nom_organisation = name;
    }
    if (input.type_organisation !== undefined) values.type_organisation = input.type_organisation;
    if (input.statut !== undefined) values.statut = input.statut;
    const fields = {
      secteur_activite: text(input.secteur_activite, 100, 'secteur_activite'),
      adresse: text(input.adresse, 1000, 'adresse'),
      ville: text(input.ville, 100, 'ville'),
      pays: text(input.pays, 100, 'pays'),
      description: text(input.description, 10_000, 'description'),
      site_web: input.site_web === undefined ? undefined : value.url(input.site_web, 'site_web'),
      email_general: input.email_general === undefined ? undefined : value.email(input.email_general),
      telephone_general: input.telephone_general === undefined ? undefined : phone(input.telephone_general, input.country),
      // YYYY-MM-DD, today or before, as the command's option parsed it; '' clears it.
      date_creation: input.date_creation === undefined ? undefined : input.date_creation || null,
    };
    for (const [key, v] of Object.entries(fields)) if (v !== undefined) (values as Record<string, unknown>)[key] = v;
    return values;
  });
}

/** Adds an organisation; added by an administrator, it is active unless told otherwise. */
export async function addOrg(db: Kysely<DB>, session: WriteSession, input: OrgInput): Promise<OrgView> {
  const values = toValues(input);
  if (!values.nom_organisation) throw new UsageError(problem('orgs.error.name_required', { field: 'nom_organisation' }));
  if (!values.type_organisation)
    throw new UsageError(problem('orgs.error.type_required', { field: 'type_organisation', values: [...TYPES_ORGANISATION] }));
  return writeAs(db, session, (trx) =>
    trx
      .insertInto('organisation')
      .values({
        ...values,
        nom_organisation: values.nom_organisation!,
        type_organisation: values.type_organisation!,
        statut: values.statut ?? 'active',
      })
      .returning(ORG_COLUMNS)
      .executeTakeFirstOrThrow(),
  );
}

/**
 * Changes what is given. A value equal to the stored one writes nothing: the update is
 * skipped when no column would differ (no row version, no audit entry, updated_at kept).
 */
export async function updateOrg(
  db: Kysely<DB>,
  session: WriteSession,
  ref: string,
  input: OrgInput,
): Promise<{ org: OrgView; changed: boolean }> {
  const values = toValues(input);
  if (Object.keys(values).length === 0) throw new UsageError(problem('orgs.error.nothing_to_update'));
  const { id } = await resolveRef(db, 'organisation', ref);
  return writeAs(db, session, async (trx) => {
    const stored = await trx.selectFrom('organisation').select(ORG_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    const differs = Object.entries(values).some(([key, v]) => stored[key as keyof OrgView] !== v);
    if (!differs) return { org: stored, changed: false };
    const org = await trx.updateTable('organisation').set(values).where('id', '=', id).returning(ORG_COLUMNS).executeTakeFirstOrThrow();
    return { org, changed: true };
  });
}

export async function setOrgStatus(
  db: Kysely<DB>,
  session: WriteSession,
  ref: string,
  statut: StatutOrganisation,
): Promise<{ org: OrgView; changed: boolean }> {
  return updateOrg(db, session, ref, { statut });
}
