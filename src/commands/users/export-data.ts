import type { CommandRun } from '../types.js';

/** Section of the document → what a line of the terminal summary calls it. */
const SECTIONS = {
  contacts: 'organisation contacts',
  group_memberships: 'group memberships',
  messages: 'messages',
  offers_created: 'offers created',
  groups_created: 'groups created',
  moderation_decisions: 'moderation decisions',
  imports: 'imports (theirs, or touching them)',
  audit_about: 'audit entries about them',
  audit_by: 'audit entries by them',
} as const;

const ACCOUNT_FIELDS = [
  'id',
  'nom_complet',
  'matricule',
  'email',
  'telephone',
  'statut',
  'role',
  'annee_sortie',
  'domaine',
  'est_actif',
  'efface_le',
];

export const run: CommandRun = async (ctx, { args }) => {
  const { exportPersonalData } = await import('../../services/personal-data.js');
  const data = await ctx.withDb(({ db }) => exportPersonalData(db, args[0]!));
  // The document is the point of the command: it is what goes anywhere but a terminal.
  if (ctx.out.json || !ctx.io.stdout.isTTY) return ctx.out.writeJson(data);
  ctx.out.writeFields([
    ...ACCOUNT_FIELDS.map((field): [string, unknown] => [field, data.account[field]]),
    ...Object.entries(SECTIONS).map(([key, label]): [string, unknown] => [label, data[key as keyof typeof SECTIONS].length]),
  ]);
  ctx.out.info(`The whole document: alumni users export-data ${args[0]} --json > person.json`);
};
