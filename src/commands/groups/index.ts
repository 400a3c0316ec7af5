import { Argument, Option, type Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import {
  afterOption,
  csvOption,
  enumOption,
  enumValue,
  limitOption,
  sinceOption,
  untilOption,
  wholeNumber,
  yesNoOption,
  yesOption,
} from '../../cli/options.js';
import { ROLES_MEMBRE, TYPES_GROUPE } from '../../enums.js';
import type { Lazy, OptsOf } from '../types.js';
import { withUserFilters } from '../../cli/user-filters.js';

const GROUP = 'id or exact name (case and accents ignored)';
const PERSON = 'id, e-mail or matricule';

/** --max N, or --max none: no limit. */
function maxValue(text: string): number | 'none' {
  if (['none', 'aucun', 'aucune'].includes(text.trim().toLowerCase())) return 'none';
  return wholeNumber('--max', text, 1, 1_000_000);
}

const list = (groups: CommandUnknownOpts) =>
  groups
    .command('list')
    .description('groups by name with their active members and max_membres, valid or not unless filtered, a page at a time')
    .addOption(enumOption('--type <type>', 'only this type', TYPES_GROUPE))
    .addOption(yesNoOption('--valide <oui|non>', 'valid groups, or those waiting for a moderator'))
    .addOption(new Option('--search <text>', 'the name contains this (case and accents ignored)'))
    .addOption(limitOption(50, 'groups per page'))
    .addOption(afterOption())
    .addOption(csvOption());
export type GroupsListOpts = OptsOf<typeof list>;

/** A verb taking the fields `add` and `update` share. */
const withFields = (groups: CommandUnknownOpts, name: string, description: string) =>
  groups
    .command(name)
    .description(description)
    .addOption(new Option('--nom <name>', 'nom_groupe (unique, case and accents ignored)'))
    .addOption(enumOption('--type <type>', 'type_groupe', TYPES_GROUPE))
    .addOption(new Option('--description <text>', 'description (empty clears it)'))
    .addOption(new Option('--max <n|none>', 'max_membres: at most this many active members, or none').argParser(maxValue));

const add = (groups: CommandUnknownOpts) =>
  withFields(groups, 'add', 'add a group (valid at once: an administrator makes it; public by default)');
export type GroupsAddOpts = OptsOf<typeof add>;
const update = (groups: CommandUnknownOpts) =>
  withFields(groups, 'update', "change a group's fields: only what is given (--max below the active members is refused)").argument(
    '<group>',
    GROUP,
  );
export type GroupsUpdateOpts = OptsOf<typeof update>;

const membersList = (members: CommandUnknownOpts) =>
  members
    .command('list')
    .description('the active members, admins and moderators first')
    .argument('<group>', GROUP)
    .addOption(new Option('--all', 'those who left too, with the date they left'))
    .addOption(csvOption());
export type MembersListOpts = OptsOf<typeof membersList>;

const membersAdd = (members: CommandUnknownOpts) =>
  withUserFilters(
    members
      .command('add')
      .description('add people to the group (up to its max_membres); with --from-users, everyone the users list filters choose')
      .argument('<group>', GROUP)
      .argument('[people...]', PERSON)
      .addOption(enumOption('--role <role>', 'their role in the group', ROLES_MEMBRE).default('membre' as const))
      .addOption(new Option('--from-users', 'add the users the filters below choose, as `alumni users list` does (e.g. --annee 2020)')),
    '--user-role <role>',
  );
export type MembersAddOpts = OptsOf<typeof membersAdd>;

const membersRemove = (members: CommandUnknownOpts) =>
  members
    .command('remove')
    .description('the people stop being members (their membership stays as history: inactive, with date_sortie)')
    .argument('<group>', GROUP)
    .argument('<people...>', PERSON)
    .addOption(yesOption());
export type MembersRemoveOpts = OptsOf<typeof membersRemove>;

const messagesList = (messages: CommandUnknownOpts) =>
  messages
    .command('list')
    .description("the group's messages, newest first, a page at a time")
    .argument('<group>', GROUP)
    .addOption(sinceOption('written since'))
    .addOption(untilOption('written before'))
    .addOption(new Option('--author <person>', `written by this person (${PERSON})`))
    .addOption(new Option('--include-deleted', 'deleted messages too (kept until purge-messages removes them)'))
    .addOption(limitOption(50, 'messages per page'))
    .addOption(afterOption())
    .addOption(csvOption());
export type MessagesListOpts = OptsOf<typeof messagesList>;

const messagesDelete = (messages: CommandUnknownOpts) =>
  messages
    .command('delete')
    .description('delete messages (est_supprime: hidden now, removed by purge-messages after 30 days)')
    .argument('<ids...>', 'message ids')
    .addOption(yesOption());
export type MessagesDeleteOpts = OptsOf<typeof messagesDelete>;

export function registerGroups(program: Command, lazy: Lazy): void {
  const groups = program.command('groups').description('alumni groups (promotions, fields, towns, clubs), their members and messages');
  list(groups).action(lazy(() => import('./list.js')));
  groups
    .command('show')
    .description('every field, members counted, moderators, last message, moderation decisions')
    .argument('<group>', GROUP)
    .action(lazy(() => import('./show.js')));
  add(groups).action(lazy(() => import('./add.js')));
  update(groups).action(lazy(() => import('./update.js')));
  const members = groups.command('members').description("a group's members");
  membersList(members).action(lazy(() => import('./members-list.js')));
  membersAdd(members).action(lazy(() => import('./members-add.js')));
  membersRemove(members).action(lazy(() => import('./members-remove.js')));
  members
    .command('set-role')
    .description("change an active member's role in the group")
    .argument('<group>', GROUP)
    .argument('<person>', PERSON)
    .addArgument(new Argument('<role>', ROLES_MEMBRE.join(', ')).argParser((text: string) => enumValue('Unknown role', text, ROLES_MEMBRE)))
    .action(lazy(() => import('./members-set-role.js')));
  const messages = groups.command('messages').description("a group's messages");
  messagesList(messages).action(lazy(() => import('./messages-list.js')));
  messagesDelete(messages).action(lazy(() => import('./messages-delete.js')));
}
