import type { Column } from '../../cli/output.js';
import { UsageError } from '../../errors.js';
import type { UserFilters, UserView } from '../../services/users.js';
import type { UsersExportOpts } from './index.js';

/** The filter options of `users list` and `users export` as the service's filters. */
export function filtersOf(opts: UsersExportOpts): UserFilters {
  const { statut, role, annee, domaine, travailleur, actif, search } = opts;
  return { statut, role, annee, domaine, travailleur, actif, search };
}

/**
 * Kept only for jobs history, validate list and validate history, which import it from
 * here until they declare limitOption (cli/options.ts); users itself no longer uses it.
 */
export function parseLimit(raw: string | undefined, fallback: number): number {
  const limit = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new UsageError(`--limit ${raw}: give a whole number from 1 to 10000.`);
  return limit;
}

/** Columns of user lists and exports: the schema's names, never the password hash. */
export const USER_TABLE: Column<UserView>[] = [
  { header: 'matricule', value: 'matricule' },
  { header: 'nom_complet', value: 'nom_complet' },
  { header: 'email', value: 'email' },
  { header: 'statut', value: 'statut' },
  { header: 'role', value: 'role' },
  { header: 'annee_sortie', value: 'annee_sortie' },
  { header: 'domaine', value: 'domaine' },
  { header: 'travailleur', value: 'travailleur' },
  { header: 'est_actif', value: 'est_actif' },
];

export const USER_EXPORT: Column<UserView>[] = [
  { header: 'id', value: 'id' },
  ...USER_TABLE.slice(0, 3),
  { header: 'titre', value: 'titre' },
  { header: 'telephone', value: 'telephone' },
  ...USER_TABLE.slice(3),
  { header: 'created_at', value: 'created_at' },
  { header: 'updated_at', value: 'updated_at' },
  { header: 'last_login', value: 'last_login' },
];
