import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB, TypeOrganisation } from '../../db/schema.js';
import { emptyOutcome, mergedUpdate, rejectRow, stagedRows, type BatchOutcome, type ImportMode } from '../rows.js';
import { describeMatch, type OrgRow } from './validate.js';
import { reasonText } from '../reasons.js';
import { problem } from '../../errors.js';
import { shortened } from '../../text.js';

// The columns a partner list writes, with their types for unnest(). nom_organisation is
// never empty in a valid row; every other value may be null, meaning "keep what is stored".
const COLUMNS = [
  ['id', 'uuid'],
  ['nom_organisation', 'text'],
  ['type_organisation', 'type_organisation'],
  ['statut', 'statut_organisation'],
  ['secteur_activite', 'text'],
  ['adresse', 'text'],
  ['ville', 'text'],
  ['pays', 'text'],
  ['site_web', 'text'],
  ['email_general', 'text'],
  ['telephone_general', 'text'],
  ['description', 'text'],
  ['date_creation', 'date'],
] as const;
const UPDATABLE = COLUMNS.map(([name]) => name).filter((name) => name !== 'id');

interface TargetedRow {
  row: OrgRow;
  /** The stored organisation it updates, or null for a new one. */
  id: string | null;
}

const staged = (rows: TargetedRow[]): RawBuilder<unknown> =>
  stagedRows(rows, COLUMNS, (target, column) => (column === 'id' ? target.id : target.row[column as keyof OrgRow]));
const organisations = mergedUpdate('organisation', 'o', UPDATABLE);

interface Candidate {
  line: number;
  id: string;
  nom_organisation: string;
  statut: string;
}

export interface OrgWriteOptions {
  mode: ImportMode;
  /** --type: the type of new organisations whose row gives none. */
  defaultType?: TypeOrganisation;
}

/**
 * Writes one batch of a partner list (or, for a dry run, counts what would happen).
 * Each row is matched to the stored organisations by its key; an inactive one (a merged
 * duplicate) only when no other matches; several → the row is rejected. `claimed` maps
 * the organisations already written by this import to their line, so two lines never
 * update one organisation. Unchanged organisations are not touched.
 */
export async function writeOrgBatch(
  trx: Transaction<DB> | Kysely<DB>,
  rows: OrgRow[],
  options: OrgWriteOptions,
  claimed: Map<string, number>,
  dryRun: boolean,
): Promise<BatchOutcome> {
  const outcome = emptyOutcome();
  if (rows.length === 0) return outcome;
  // Two imports at once would each find a new organisation missing and both insert it:
  // batches of partner lists take turns (the lock ends with the batch's transaction).
  if (!dryRun) await sql`select pg_advisory_xact_lock(hashtext('alumni orgs import'))`.execute(trx);

  const candidates = await findCandidates(trx, rows);
  const toUpdate: TargetedRow[] = [];
  const toInsert: TargetedRow[] = [];
  for (const row of rows) {
    const found = candidates.get(row.line) ?? [];
    const live = found.filter((c) => c.statut !== 'inactive');
    const matches = live.length > 0 ? live : found;
    if (matches.length > 1) {
      const organisations = matches.map((c) => ({ name: shortened(c.nom_organisation), id: c.id }));
      outcome.rejected.push(
        rejectRow(row, reasonText(problem('import.orgs.several_matches', { key: describeMatch(row.match), organisations }))),
      );
      continue;
    }
    const id = matches[0]?.id ?? null;
    if (id === null) {
      if (options.mode === 'update') {
        outcome.rejected.push(rejectRow(row, reasonText(problem('import.orgs.no_match_in_update', { key: describeMatch(row.match) }))));
      } else if (row.type_organisation === null && !options.defaultType) {
        outcome.rejected.push(rejectRow(row, reasonText(problem('import.orgs.type_needed'))));
      } else {
        toInsert.push({ row: { ...row, type_organisation: row.type_organisation ?? options.defaultType! }, id: null });
      }
      continue;
    }
    if (options.mode === 'insert') {
      outcome.skipped += 1;
      continue;
    }
    const earlier = claimed.get(id);
    if (earlier !== undefined && earlier !== row.line) {
      outcome.rejected.push(
        rejectRow(row, reasonText(problem('import.orgs.already_written', { key: describeMatch(row.match), line: earlier, id }))),
      );
      continue;
    }
    claimed.set(id, row.line);
    toUpdate.push({ row, id });
  }

  if (dryRun) {
    outcome.inserted = toInsert.length;
    const counted =
      toUpdate.length === 0 ? { rows: 0, columns: {}, unchanged: [] } : await organisations.count(trx, staged(toUpdate), sql`o.id = s.id`);
    outcome.updated = counted.rows;
    outcome.unchanged = toUpdate.length - counted.rows;
    outcome.changedColumns = counted.columns;
    return outcome;
  }
  if (toUpdate.length > 0) {
    const changed = await organisations.update(trx, staged(toUpdate), sql`o.id = s.id`);
    outcome.updated = changed;
    outcome.unchanged = toUpdate.length - changed;
  }
  if (toInsert.length > 0) {
    // Added by an administrator, as with `orgs add`: active unless the file says otherwise.
    const result = await sql`
      insert into organisation (${sql.join(UPDATABLE.map((c) => sql.ref(c)))})
      select ${sql.join(UPDATABLE.map((c) => (c === 'statut' ? sql`coalesce(s.statut, 'active')` : sql`s.${sql.ref(c)}`)))}
        from ${staged(toInsert)}`.execute(trx);
    outcome.inserted = Number(result.numAffectedRows ?? 0);
  }
  return outcome;
}

/** The stored organisations each row's key matches, by line: one index probe per key. */
async function findCandidates(trx: Transaction<DB> | Kysely<DB>, rows: OrgRow[]): Promise<Map<number, Candidate[]>> {
  const probe = (by: OrgRow['match']['by'], matches: RawBuilder<unknown>) => {
    const keyed = rows.filter((r) => r.match.by === by);
    return sql`select k.line, o.id, o.nom_organisation, o.statut::text as statut
                 from unnest(${keyed.map((r) => r.line)}::int[], ${keyed.map((r) => r.match.value)}::text[]) k(line, key)
                 join organisation o on ${matches}`;
  };
  const { rows: found } = await sql<Candidate>`
    ${probe('site-web', sql`alumni_admin.web_domain(o.site_web) = k.key`)}
    union all ${probe('email', sql`lower(o.email_general) = k.key`)}
    union all ${probe('nom', sql`lower(immutable_unaccent(o.nom_organisation)) = lower(immutable_unaccent(k.key))`)}
    order by line, id`.execute(trx);
  const byLine = new Map<number, Candidate[]>();
  for (const candidate of found) byLine.set(candidate.line, [...(byLine.get(candidate.line) ?? []), candidate]);
  return byLine;
}
