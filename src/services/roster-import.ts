import type { Kysely } from 'kysely';
import type { CountryCode } from 'libphonenumber-js';
import type { DB } from '../db/schema.js';
import type { WriteSession } from '../db/session.js';
import { knownCountry } from '../phone.js';
import { runImport, type ImportHooks, type ImportKind, type ImportSummary, type PipelineOptions } from '../import/pipeline.js';
import { ROSTER_HEADERS, type RosterField } from '../import/roster/headers.js';
import { createReferences, readReferences } from '../import/roster/references.js';
import { RowChecker, type ValidRow } from '../import/roster/validate.js';
import { writeBatch } from '../import/roster/write.js';

export type { ImportHooks, ImportSummary } from '../import/pipeline.js';

export interface ImportOptions extends PipelineOptions {
  country?: CountryCode;
  createMissingReferences: boolean;
}

/**
 * Imports a roster into utilisateur, keyed by matricule (README, "The roster import").
 * `session` is the importing administrator: a super_admin may give roles through the file.
 */
export async function importRoster(
  db: Kysely<DB>,
  session: WriteSession,
  options: ImportOptions,
  hooks: ImportHooks = {},
): Promise<ImportSummary> {
  if (options.country) knownCountry(options.country);
  return runImport(db, session, rosterKind(session, options), options, hooks);
}

function rosterKind(importer: WriteSession, options: ImportOptions): ImportKind<RosterField, ValidRow> {
  return {
    ledger: 'users',
    headers: ROSTER_HEADERS,
    async prepare(db, mapping, headerLength) {
      const checker = new RowChecker(mapping, headerLength, await readReferences(db), {
        country: options.country,
        createMissingReferences: options.createMissingReferences,
        mayGrantRoles: importer.actorRole === 'super_admin',
      });
      // References created by a committed batch need no second insert.
      const created = { years: new Set<number>(), fields: new Set<string>() };
      let createdByBatch: { years: number[]; fields: string[] } = { years: [], fields: [] };
      return Object.assign(checker, {
        async write(trx: Parameters<typeof writeBatch>[0], rows: ValidRow[], dryRun: boolean) {
          if (dryRun) return writeBatch(trx, rows, options.mode, true);
          createdByBatch = await createReferences(trx, rows, { years: checker.newYears, fields: checker.newFields }, created);
          return writeBatch(trx, rows, options.mode, false);
        },
        committed() {
          createdByBatch.years.forEach((y) => created.years.add(y));
          createdByBatch.fields.forEach((f) => created.fields.add(f));
        },
      });
    },
  };
}
