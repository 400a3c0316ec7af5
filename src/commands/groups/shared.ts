import type { Column } from '../../cli/output.js';
import type { GroupInput } from '../../services/group-writes.js';
import type { GroupView, MemberView } from '../../services/groups.js';
import type { GroupsAddOpts } from './index.js';

export const GROUP_TABLE: Column<GroupView>[] = [
  { header: 'nom_groupe', value: 'nom_groupe' },
  { header: 'type_groupe', value: 'type_groupe' },
  { header: 'est_valide', value: 'est_valide' },
  { header: 'membres_actifs', value: 'membres_actifs' },
  { header: 'max_membres', value: 'max_membres' },
  { header: 'id', value: 'id' },
];

/** Columns of members lists; the dates each member joined and left with --all. */
export function memberTable(all: boolean): Column<MemberView>[] {
  return [
    { header: 'nom_complet', value: 'nom_complet' },
    { header: 'email', value: 'email' },
    { header: 'matricule', value: 'matricule' },
    { header: 'role_membre', value: 'role_membre' },
    { header: 'date_adhesion', value: 'date_adhesion' },
    ...(all ? [{ header: 'est_actif', value: 'est_actif' } as const, { header: 'date_sortie', value: 'date_sortie' } as const] : []),
  ];
}

/** The flags of `groups add|update` as service input. */
export function groupInput(opts: GroupsAddOpts): GroupInput {
  return {
    nom_groupe: opts.nom,
    type_groupe: opts.type,
    description: opts.description,
    max_membres: opts.max === 'none' ? null : opts.max,
  };
}
