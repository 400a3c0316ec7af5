import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { sameText } from '../db/text-match.js';
import type { DB } from '../db/schema.js';
import { NotFoundError, problem, UsageError } from '../errors.js';
import type { Suggested } from '../i18n/en/names.js';
import { email, isUuid, orNull } from '../values.js';
import { suggestNames } from './name-suggestions.js';

/**
 * A REF on the command line: an id, or what a person knows the thing by. People by
 * e-mail (any case) or matricule; organisations and groups by their exact name, without
 * regard to case or accents. None → exit 4 with up to three close names to try
 * (src/services/name-suggestions.ts); several → exit 2 naming them, so a command never
 * acts on a guess.
 */
export type RefKind = 'user' | 'organisation' | 'groupe';

interface KindSpec {
  table: 'utilisateur' | 'organisation' | 'groupe';
  /** What identifies a match to a person choosing among several. */
  label: RawBuilder<string>;
  natural: (ref: string) => RawBuilder<SqlBool>;
}

const KINDS: Record<RefKind, KindSpec> = {
  user: {
    table: 'utilisateur',
    label: sql<string>`concat_ws(' ', nom_complet, '<' || coalesce(email, matricule) || '>')`,
    // An e-mail is looked up in its stored form (`école.sn` → `xn--cole-9oa.sn`, values.ts).
    natural: (ref) => sql<SqlBool>`(lower(email) = lower(${orNull(() => email(ref)) ?? ref}) or matricule = ${ref})`,
  },
  organisation: {
    table: 'organisation',
    label: sql<string>`nom_organisation || coalesce(' (' || ville || ')', '')`,
    natural: (ref) => sameText('nom_organisation', ref),
  },
  groupe: {
    table: 'groupe',
    label: sql<string>`nom_groupe`,
    natural: (ref) => sameText('nom_groupe', ref),
  },
};

export interface Resolved {
  id: string;
  label: string;
}

/** The one row `ref` names; NotFoundError (4) for none, UsageError (2) for several. */
export async function resolveRef(db: Kysely<DB>, kind: RefKind, ref: string): Promise<Resolved> {
  const wanted = ref.trim();
  const found = await lookUp(db, kind, wanted);
  if (!found) {
    throw new NotFoundError(problem('refs.ref.not_found', { kind, ref: wanted, suggestions: await suggestionsFor(db, kind, wanted) }));
  }
  return found;
}

/** The one row `wanted` names, undefined for none; UsageError (2) for several. */
async function lookUp(db: Kysely<DB>, kind: RefKind, wanted: string): Promise<Resolved | undefined> {
  const spec = KINDS[kind];
  const byId = isUuid(wanted) ? sql<boolean>`id = ${wanted.toLowerCase()}` : sql<boolean>`false`;
  const { rows } = await sql<Resolved>`
    select id, ${spec.label} as label from ${sql.table(spec.table)}
     where ${byId} or ${spec.natural(wanted)}
     order by label limit 6`.execute(db);
  if (rows.length > 1) {
    const matches = rows.slice(0, 5).map((r) => `${r.label} [${r.id}]`);
    throw new UsageError(problem('refs.ref.ambiguous', { kind, ref: wanted, matches, more: rows.length > 5 }));
  }
  return rows[0];
}

/**
 * Every ref resolved, each thing once, in the order given, for a command that changes
 * them: all the unknown ones are named in one NotFoundError (4) before anything is
 * written, each with its close names.
 */
export async function resolveRefs(db: Kysely<DB>, kind: RefKind, refs: readonly string[]): Promise<Resolved[]> {
  const found = new Map<string, Resolved>();
  const unknown = new Set<string>();
  for (const ref of refs) {
    const resolved = await lookUp(db, kind, ref.trim());
    if (!resolved) unknown.add(ref.trim());
    else if (!found.has(resolved.id)) found.set(resolved.id, resolved);
  }
  if (unknown.size > 0) {
    const suggestions: Suggested[] = [];
    for (const ref of unknown) {
      const names = await suggestionsFor(db, kind, ref);
      if (names.length > 0) suggestions.push({ ref, names });
    }
    throw new NotFoundError(problem('refs.ref.unknown', { kind, refs: [...unknown], suggestions }));
  }
  return [...found.values()];
}

/** Close names for a ref that named nothing; none for an id (a mistyped id is like no name). */
function suggestionsFor(db: Kysely<DB>, kind: RefKind, ref: string): Promise<string[]> {
  return isUuid(ref) ? Promise.resolve([]) : suggestNames(db, kind, ref);
}

/** An id that may name an item, lower-cased; undefined when it is not one (then: not found). */
export function normaliseId(text: string): string | undefined {
  const id = text.trim().toLowerCase();
  return isUuid(id) ? id : undefined;
}

/**
 * Ids from the command line, each once, in the order given: those that are ids
 * lower-cased (so one given twice in two cases is one), the others trimmed, to be
 * named as not found. `wellFormed` are the ids worth looking up.
 */
export function normaliseIds(refs: readonly string[]): { ids: string[]; wellFormed: string[] } {
  const ids = [...new Set(refs.map((ref) => normaliseId(ref) ?? ref.trim()))];
  return { ids, wellFormed: ids.filter((id) => isUuid(id)) };
}
