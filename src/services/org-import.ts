import type { Kysely } from 'kysely';
import type { CountryCode } from 'libphonenumber-js';
import type { DB, TypeOrganisation } from '../db/schema.js';
import type { WriteSession } from '../db/session.js';
import { knownCountry } from '../phone.js';
import { runImport, type ImportHooks, type ImportKind, type ImportSummary, type PipelineOptions } from '../import/pipeline.js';
import { ORG_HEADERS, type OrgField } from '../import/orgs/headers.js';
import type { OrgMatchKey } from '../enums.js';
import { OrgChecker, type OrgRow } from '../import/orgs/validate.js';
import { writeOrgBatch } from '../import/orgs/write.js';

export interface OrgImportOptions extends PipelineOptions {
  /** Default: each row's website domain, else its general e-mail, else its normalised name. */
  match?: OrgMatchKey;
  /** The type of new organisations whose row gives none. */
  defaultType?: TypeOrganisation;
  /** Default region of national phone numbers. */
  country?: CountryCode;
}

/** Imports a partner list into organisation (README, "The partner-list import"). */
export async function importOrgs(
  db: Kysely<DB>,
  session: WriteSession,
  options: OrgImportOptions,
  hooks: ImportHooks = {},
): Promise<ImportSummary> {
  if (options.country) knownCountry(options.country);
  return runImport(db, session, orgKind(options), options, hooks);
}

function orgKind(options: OrgImportOptions): ImportKind<OrgField, OrgRow> {
  return {
    ledger: 'orgs',
    headers: ORG_HEADERS,
    async prepare(_db, mapping, headerLength) {
      const checker = new OrgChecker(mapping, headerLength, { match: options.match, country: options.country });
      // The organisations this import has written, with their line: one line each.
      const claimed = new Map<string, number>();
      const writeOptions = { mode: options.mode, defaultType: options.defaultType };
      // The change check's pass counts with lines of its own, so the import's are unclaimed.
      const claimedByCheck = new Map<string, number>();
      return Object.assign(checker, {
        write: (trx: Parameters<typeof writeOrgBatch>[0], rows: OrgRow[], dryRun: boolean) =>
          writeOrgBatch(trx, rows, writeOptions, claimed, dryRun),
        count: (db: Kysely<DB>, rows: OrgRow[]) => writeOrgBatch(db, rows, writeOptions, claimedByCheck, true),
      });
    },
  };
}
