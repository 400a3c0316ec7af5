import { formats, t, type LabelKey } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import { renderRecord } from '../../cli/render.js';

/** Section of the document → what a line of the terminal summary calls it. */
const SECTIONS = {
  contacts: 'users.export_data.contacts',
  group_memberships: 'users.export_data.group_memberships',
  messages: 'users.export_data.messages',
  offers_created: 'users.export_data.offers_created',
  groups_created: 'users.export_data.groups_created',
  moderation_decisions: 'users.export_data.moderation_decisions',
  imports: 'users.export_data.imports',
  audit_about: 'users.export_data.audit_about',
  audit_by: 'users.export_data.audit_by',
} as const satisfies Record<string, LabelKey>;

/** The account's fields the summary shows, with their labels. */
const ACCOUNT_FIELDS: ReadonlyArray<[field: string, label: LabelKey]> = [
  ['id', 'users.label.id'],
  ['nom_complet', 'users.label.nom_complet'],
  ['matricule', 'users.label.matricule'],
  ['email', 'users.label.email'],
  ['telephone', 'users.label.telephone'],
  ['statut', 'users.label.statut'],
  ['role', 'users.label.role'],
  ['annee_sortie', 'users.label.annee_sortie'],
  ['domaine', 'users.label.domaine'],
  ['est_actif', 'users.label.est_actif'],
  ['efface_le', 'users.label.efface_le'],
];

export const run: CommandRun = async (ctx, { args }) => {
  const { exportPersonalData } = await import('../../services/personal-data.js');
  const data = await ctx.withDb(({ db }) => exportPersonalData(db, args[0]!));
  // The document is the point of the command: it is what goes anywhere but a terminal
  // (two flows, not a branch on --json: off a terminal the JSON document is the output).
  if (!ctx.out.stdoutIsTTY) return ctx.out.writeJson(data);
  // The account comes as JSON: its erasure date is ISO text, read by a person in local time.
  const value = (field: string) => {
    const raw = data.account[field];
    return field === 'efface_le' && typeof raw === 'string' ? new Date(raw) : raw;
  };
  renderRecord(
    ctx,
    data,
    [
      ...ACCOUNT_FIELDS.map(([field, label]): [string, unknown] => [t(label), value(field)]),
      ...Object.entries(SECTIONS).map(([key, label]): [string, unknown] => [
        t(label),
        formats().integer(data[key as keyof typeof SECTIONS].length),
      ]),
    ],
    { notes: [t('users.export_data.whole_document', { ref: args[0]! })] },
  );
};
