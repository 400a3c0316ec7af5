import type { Kysely } from 'kysely';
import type { CountryCode } from 'libphonenumber-js';
import type { DB } from '../db/schema.js';
import type { WriteSession } from '../db/session.js';
import { knownCountry } from '../phone.js';
import {
  runImport,
  type ImportHooks as PipelineHooks,
  type ImportKind,
  type ImportSummary,
  type PipelineOptions,
} from '../import/pipeline.js';
import { ROSTER_HEADERS, type NameOrder, type RosterField } from '../import/roster/headers.js';
import { createReferences, missingReferences, readReferences } from '../import/roster/references.js';
import { RowChecker, type JoinedName, type ValidRow } from '../import/roster/validate.js';
import { anyAccountStored, writeBatch } from '../import/roster/write.js';

export type { ImportSummary } from '../import/pipeline.js';

export interface ImportHooks extends PipelineHooks {
  /** A dry run of a file giving names in parts: the first names as joined, to be checked before the real run. */
  onJoinedNames?(sample: { order: NameOrder; names: JoinedName[] }): void;
}

export interface ImportOptions extends PipelineOptions {
  country?: CountryCode;
  createMissingReferences: boolean;
  /** How prenom and nom columns are joined; given names first by default, as the platform shows names. */
  nameOrder?: NameOrder;
}

/**
 * Imports a roster into utilisateur, keyed by matricule (README, "The roster import").
 * `session` is the importing administrator: a super_admin may give roles through the file,
 * and change admin and super_admin accounts; a plain admin's rows for those are rejected.
 */
export async function importRoster(
  db: Kysely<DB>,
  session: WriteSession,
  options: ImportOptions,
  hooks: ImportHooks = {},
): Promise<ImportSummary> {
  if (options.country) knownCountry(options.country);
  const kind = rosterKind(session, options);
  const summary = await runImport(db, session, kind, options, hooks);
  const names = kind.checker?.joinedNames ?? [];
  if (options.dryRun && names.length > 0) hooks.onJoinedNames?.({ order: options.nameOrder ?? 'given-first', names });
  return summary;
}

/** The roster's kind of import; `checker` is the row checker once prepared, for what the dry run shows after. */
function rosterKind(importer: WriteSession, options: ImportOptions): ImportKind<RosterField, ValidRow> & { checker?: RowChecker } {
  const kind: ImportKind<RosterField, ValidRow> & { checker?: RowChecker } = {
    ledger: 'users',
    headers: ROSTER_HEADERS,
    // The database's work is most of an import's time: a second batch on a second
    // connection puts a second core to work. Batches hold disjoint matricules and e-mails
    // (repeats are settled apart), so the order they commit in changes nothing.
    writers: 2,
    async prepare(db, mapping, headerLength) {
      const checker = (kind.checker = new RowChecker(mapping, headerLength, await readReferences(db), {
        country: options.country,
        nameOrder: options.nameOrder ?? 'given-first',
        createMissingReferences: options.createMissingReferences,
        mayGrantRoles: importer.actorRole === 'super_admin',
      }));
      // References created by a committed batch need no second insert; batches are
      // written two at a time, so each remembers its own.
      const created = { years: new Set<number>(), fields: new Set<string>() };
      const createdBy = new WeakMap<ValidRow[], { years: number[]; fields: string[] }>();
      return Object.assign(checker, {
        async write(trx: Parameters<typeof writeBatch>[0], rows: ValidRow[], dryRun: boolean) {
          const unknown = { years: checker.newYears, fields: checker.newFields };
          if (dryRun) {
            // What the real run would create: the same references, counted as created at once.
            const missing = missingReferences(rows, unknown, created);
            missing.years.forEach((y) => created.years.add(y));
            missing.fields.forEach((f) => created.fields.add(f));
            return writeBatch(trx, rows, options.mode, true, importer);
          }
          createdBy.set(rows, await createReferences(trx, rows, unknown, created));
          return writeBatch(trx, rows, options.mode, false, importer);
        },
        // The change check counts as the dry run does, leaving the references to create alone.
        count: (db: Kysely<DB>, rows: ValidRow[]) => writeBatch(db, rows, options.mode, true, importer),
        anyStored: anyAccountStored,
        committed(rows: ValidRow[]) {
          createdBy.get(rows)?.years.forEach((y) => created.years.add(y));
          createdBy.get(rows)?.fields.forEach((f) => created.fields.add(f));
        },
        summary() {
          if (!options.createMissingReferences) return {};
          return {
            references_created: {
              fields: [...created.fields].sort((a, b) => a.localeCompare(b, 'fr')),
              years: [...created.years].sort((a, b) => a - b),
            },
          };
        },
      });
    },
  };
  return kind;
}
