import { UsageError } from '../../errors.js';
import type { Column } from '../../cli/output.js';
import type { Context } from '../../context.js';
import type { RoleUtilisateur, StatutUtilisateur } from '../../db/schema.js';
import { enumFlag, yesNoFlag } from '../../services/flags.js';
import type { UserFilters, UserView } from '../../services/users.js';

export interface FilterFlags {
  statut?: string;
  role?: string;
  annee?: string;
  domaine?: string;
  travailleur?: string;
  actif?: string;
  search?: string;
}

export const STATUTS: readonly StatutUtilisateur[] = ['etudiant', 'enseignant', 'directeur', 'personnel_admin', 'personnel_technique'];
export const ROLES: readonly RoleUtilisateur[] = ['user', 'admin', 'super_admin'];

export function parseFilters(flags: FilterFlags): UserFilters {
  if (flags.annee !== undefined && !/^\d{4}$/.test(flags.annee)) throw new UsageError(`--annee ${flags.annee}: give a year such as 2024.`);
  return {
    statut: flags.statut === undefined ? undefined : enumFlag('--statut', flags.statut, STATUTS),
    role: flags.role === undefined ? undefined : enumFlag('--role', flags.role, ROLES),
    annee: flags.annee === undefined ? undefined : Number(flags.annee),
    domaine: flags.domaine,
    travailleur: flags.travailleur === undefined ? undefined : yesNoFlag('--travailleur', flags.travailleur),
    actif: flags.actif === undefined ? undefined : yesNoFlag('--actif', flags.actif),
    search: flags.search,
  };
}

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

/** One user as label/value lines, or JSON. */
export function showUser(ctx: Context, user: UserView & { has_password?: boolean }): void {
  if (ctx.out.json) ctx.out.writeJson(user);
  else ctx.out.writeFields(Object.entries(user));
}

/** Options shared by `users add` and `users update`. */
export interface UserFieldFlags {
  nom?: string;
  matricule?: string;
  email?: string;
  titre?: string;
  statut?: string;
  annee?: string;
  domaine?: string;
  travailleur?: string;
  telephone?: string;
  country?: string;
  passwordStdin?: boolean;
  password?: boolean;
}
