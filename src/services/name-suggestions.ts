import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import type { RefKind } from './refs.js';

/**
 * Close names for a REF that named nothing ("Promotion 2024" → Promo 2024, Promo 2023):
 * up to three, best first, by trigram similarity (pg_trgm), accents and case ignored.
 * Groups and organisations by their name; people by their name or e-mail, shown as
 * `Name <e-mail>` (an e-mail or a matricule is what names a person on the command line).
 * An erased account is never offered. The `%` operator keeps what is at least as similar
 * as pg_trgm.similarity_threshold (0.3 unless set): "Promo 2024" is 0.62 from "Promotion
 * 2024", "Promo 2023" 0.44, a name sharing a word or two less; the GIN trigram indexes
 * of 20261208110000_name_suggestions serve it.
 */
export const MAX_SUGGESTIONS = 3;

export async function suggestNames(db: Kysely<DB>, kind: RefKind, ref: string): Promise<string[]> {
  const wanted = ref.trim();
  if (wanted === '') return [];
  const query = SUGGESTIONS[kind](wanted, sql`true`);
  const { rows } = await query.execute(db);
  return rows.map((row) => row.name);
}

type Query = RawBuilder<{ name: string }>;

/** The active administrators close to what `--as` gave: the only people one may act as. */
export async function suggestActors(db: Kysely<DB>, ref: string): Promise<string[]> {
  const wanted = ref.trim();
  if (wanted === '') return [];
  const { rows } = await SUGGESTIONS.user(wanted, sql`est_actif and role in ('admin', 'super_admin')`).execute(db);
  return rows.map((row) => row.name);
}

/** Groups and organisations ignore `among`: people are chosen among those it keeps. */
const SUGGESTIONS: Record<RefKind, (wanted: string, among: RawBuilder<unknown>) => Query> = {
  groupe: (wanted) => sql<{ name: string }>`
    select nom_groupe as name from groupe
     where immutable_unaccent(nom_groupe) % immutable_unaccent(${wanted})
     order by similarity(immutable_unaccent(nom_groupe), immutable_unaccent(${wanted})) desc, nom_groupe
     limit ${MAX_SUGGESTIONS}`,
  organisation: (wanted) => sql<{ name: string }>`
    select name from (
      select nom_organisation as name, max(similarity(immutable_unaccent(nom_organisation), immutable_unaccent(${wanted}))) as score
        from organisation
       where immutable_unaccent(nom_organisation) % immutable_unaccent(${wanted})
       group by nom_organisation) as close
     order by score desc, name
     limit ${MAX_SUGGESTIONS}`,
  user: (wanted, among) => sql<{ name: string }>`
    select concat_ws(' ', nom_complet, '<' || coalesce(email, matricule) || '>') as name from (
      select nom_complet, email, matricule,
             greatest(similarity(immutable_unaccent(nom_complet), immutable_unaccent(${wanted})),
                      coalesce(similarity(lower(email), lower(${wanted})), 0)) as score
        from utilisateur
       where efface_le is null and ${among}
         and (immutable_unaccent(nom_complet) % immutable_unaccent(${wanted}) or lower(email) % lower(${wanted}))) as close
     order by score desc, name
     limit ${MAX_SUGGESTIONS}`,
};
