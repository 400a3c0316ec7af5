import type { Column } from '../../cli/output.js';
import { currentLanguage, renderIn, t, type LabelKey } from '../../i18n/messages.js';
import type { Language } from '../../i18n/language.js';
import type { RefusedPerson, Why } from '../../services/group-members.js';
import type { GroupInput } from '../../services/group-writes.js';
import type { GroupView, MemberView } from '../../services/groups.js';
import type { GroupsAddOpts } from './index.js';

/**
 * The columns of `groups list`: the name, what kind of group, whether it is valid and how
 * full it is; its id on demand (`--columns`, CSV), since a group is named by its name.
 * Cells hold the values themselves: the view writes them for a person on a terminal
 * (yes/no, local times), plainly off one, as stored in CSV (true/false, ISO 8601).
 */
export const GROUP_TABLE: Column<GroupView>[] = [
  { header: 'nom_groupe', label: 'groups.label.name', value: 'nom_groupe' },
  { header: 'type_groupe', label: 'groups.label.type', value: 'type_groupe' },
  { header: 'est_valide', label: 'groups.label.valid', value: 'est_valide' },
  { header: 'membres_actifs', label: 'groups.label.active_members', value: 'membres_actifs' },
  { header: 'max_membres', label: 'groups.label.max_members', value: 'max_membres' },
  { header: 'id', label: 'groups.label.id', value: 'id', hidden: true },
];

/**
 * Columns of members lists: name, e-mail, role, when they joined (their matricule on
 * demand); whether each is still a member and when they left with --all.
 */
export function memberTable(all: boolean): Column<MemberView>[] {
  return [
    { header: 'nom_complet', label: 'groups.label.full_name', value: 'nom_complet' },
    { header: 'email', label: 'groups.label.email', value: 'email' },
    { header: 'matricule', label: 'groups.label.matricule', value: 'matricule', hidden: true },
    { header: 'role_membre', label: 'groups.label.role', value: 'role_membre' },
    { header: 'date_adhesion', label: 'groups.label.joined', value: 'date_adhesion' },
    ...(all
      ? ([
          { header: 'est_actif', label: 'groups.label.active', value: 'est_actif' },
          { header: 'date_sortie', label: 'groups.label.left', value: 'date_sortie' },
        ] satisfies Column<MemberView>[])
      : []),
  ];
}

/** What a person reads before each field of a group or a member (`show`, add, update, set-role). */
const LABELS: Record<string, LabelKey> = {
  id: 'groups.label.id',
  nom_groupe: 'groups.label.name',
  type_groupe: 'groups.label.type',
  est_valide: 'groups.label.valid',
  max_membres: 'groups.label.max_members',
  description: 'groups.label.description',
  photo_groupe_url: 'groups.label.photo',
  createur_id: 'groups.label.creator_id',
  createur: 'groups.label.creator',
  created_at: 'groups.label.created_at',
  updated_at: 'groups.label.updated_at',
  membres_actifs: 'groups.label.active_members',
  dernier_message_le: 'groups.label.last_message',
  messages: 'groups.label.messages',
  utilisateur_id: 'groups.label.person_id',
  nom_complet: 'groups.label.full_name',
  email: 'groups.label.email',
  matricule: 'groups.label.matricule',
  role_membre: 'groups.label.role',
  est_actif: 'groups.label.active',
  date_adhesion: 'groups.label.joined',
  date_sortie: 'groups.label.left',
  changed: 'groups.label.changed',
};

/**
 * A record's fields as label/value lines: human labels, "no limit" for a group without a
 * maximum. Times and yes/no stay values: the view writes them local and in words on a
 * terminal, ISO 8601 with the offset off one.
 */
export function humanFields(record: object): Array<[string, unknown]> {
  return Object.entries(record).map(([key, value]): [string, unknown] => {
    const label = LABELS[key] ? t(LABELS[key]) : key;
    if (key === 'max_membres' && value === null) return [label, t('groups.no_limit')];
    return [label, value];
  });
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

/** The flag of each field `groups add|update` sets, for the errors that name a field. */
export const GROUP_FIELD_FLAGS = { nom_groupe: '--nom', type_groupe: '--type', description: '--description', max_membres: '--max' };

/** Why a person was refused or skipped, in `language` (JSON keeps English: machine output). */
export function sayWhy(why: Why, language: Language = currentLanguage()): string {
  return why.code === null ? why.message : renderIn(language, why.code, why.values);
}

/** A members report as JSON: each reason in English, as before the catalogs. */
export function reportJson<R extends { refused?: RefusedPerson[]; skipped?: RefusedPerson[] }>(report: R): R {
  const english = (people: RefusedPerson[]) => people.map((p) => ({ ...p, reason: sayWhy(p.reason, 'en') }));
  return {
    ...report,
    ...(report.refused ? { refused: english(report.refused) } : {}),
    ...(report.skipped ? { skipped: english(report.skipped) } : {}),
  };
}
