import type { Column } from '../../cli/output.js';
import type { UserView } from '../../services/users.js';

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
