import type { Column } from '../../cli/output.js';
import { t, type LabelKey } from '../../i18n/messages.js';
import { ERASED_NAME } from '../../services/erasure.js';
import type { ShownUser, UserView } from '../../services/users.js';

/**
 * Columns of user lists and exports: the schema's names as CSV headers (machine output,
 * the same in every language), human words above a table; never the password hash.
 */
export const USER_TABLE: Column<UserView>[] = [
  { header: 'matricule', label: 'users.label.matricule', value: 'matricule' },
  { header: 'nom_complet', label: 'users.label.nom_complet', value: 'nom_complet' },
  { header: 'email', label: 'users.label.email', value: 'email' },
  { header: 'statut', label: 'users.label.statut', value: 'statut' },
  { header: 'role', label: 'users.label.role', value: 'role' },
  { header: 'annee_sortie', label: 'users.label.annee_sortie', value: 'annee_sortie' },
  { header: 'domaine', label: 'users.label.domaine', value: 'domaine' },
  { header: 'travailleur', label: 'users.label.travailleur', value: 'travailleur' },
  { header: 'est_actif', label: 'users.label.est_actif', value: 'est_actif' },
];

/**
 * The list as a person reads it in a table: the name first, then what tells people apart
 * (matricule, e-mail, class, field, status), so it fits 80 columns; role, situation and
 * whether the account is active on demand (`--columns`). Yes or no in their language
 * rather than true or false, an erased account's stored placeholder name in their language.
 */
const READ_ORDER = ['nom_complet', 'matricule', 'email', 'annee_sortie', 'domaine', 'statut', 'role', 'travailleur', 'est_actif'];
const HIDDEN = new Set(['role', 'travailleur', 'est_actif']);
export const USER_TABLE_READ: Column<UserView>[] = READ_ORDER.map((header) => {
  const column = USER_TABLE.find((c) => c.header === header)!;
  const hidden = HIDDEN.has(header);
  if (column.value === 'travailleur' || column.value === 'est_actif') {
    const field = column.value;
    return { ...column, hidden, value: (user: UserView) => yesNo(user[field]) };
  }
  if (column.value === 'nom_complet') return { ...column, value: (user: UserView) => shownName(user.nom_complet) };
  // "Graduation year" over four digits would cost a table eleven cells.
  if (column.value === 'annee_sortie') return { ...column, label: 'users.label.class' };
  return { ...column, hidden };
});

/** A name as a person reads it: the placeholder an erasure stores (ERASED_NAME) in their language. */
export function shownName(name: string | null | undefined): string | null | undefined {
  return name === ERASED_NAME ? t('users.value.erased_name') : name;
}

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

/** The fields of a user record (`users show`, and what add, update... print), in order, with their labels. */
const RECORD_FIELDS: ReadonlyArray<[keyof ShownUser, LabelKey]> = [
  ['id', 'users.label.id'],
  ['matricule', 'users.label.matricule'],
  ['nom_complet', 'users.label.nom_complet'],
  ['email', 'users.label.email'],
  ['titre', 'users.label.titre'],
  ['statut', 'users.label.statut'],
  ['role', 'users.label.role'],
  ['annee_sortie', 'users.label.annee_sortie'],
  ['domaine', 'users.label.domaine'],
  ['travailleur', 'users.label.travailleur'],
  ['telephone', 'users.label.telephone'],
  ['photo_profil_url', 'users.label.photo_profil_url'],
  ['est_actif', 'users.label.est_actif'],
  ['has_password', 'users.label.has_password'],
  ['created_at', 'users.label.created_at'],
  ['updated_at', 'users.label.updated_at'],
  ['last_login', 'users.label.last_login'],
];

/**
 * A user as label/value lines in the run's language (renderRecord); its JSON stays the
 * record itself. Times and yes/no are left to the view: local and in words on a terminal,
 * ISO 8601 with the local offset and true/false off one.
 */
export function userRecord(user: UserView | ShownUser): Array<[label: string, value: unknown]> {
  return RECORD_FIELDS.filter(([field]) => field in user).map(([field, label]) => [
    t(label),
    field === 'nom_complet' ? shownName(user.nom_complet) : user[field as keyof UserView],
  ]);
}

function yesNo(value: boolean | null): string {
  return value === null ? '' : t(value ? 'users.value.yes' : 'users.value.no');
}
