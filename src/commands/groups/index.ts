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
import { columnsOption } from '../../cli/columns.js';
import { t } from '../../i18n/messages.js';

/** --max N, or --max none: no limit. */
function maxValue(text: string): number | 'none' {
  if (['none', 'aucun', 'aucune'].includes(text.trim().toLowerCase())) return 'none';
  return wholeNumber('--max', text, 1, 1_000_000);
}

const list = (groups: CommandUnknownOpts) =>
  groups
    .command('list')
    .description(t('groups.help.list'))
    .addOption(enumOption('--type <type>', t('groups.help.type_filter'), TYPES_GROUPE))
    .addOption(yesNoOption('--valide <oui|non>', t('groups.help.valide')))
    .addOption(new Option('--search <text>', t('groups.help.search')))
    .addOption(limitOption(50, t('groups.help.per_page')))
    .addOption(afterOption())
    .addOption(csvOption())
    .addOption(columnsOption());
export type GroupsListOpts = OptsOf<typeof list>;

/** A verb taking the fields `add` and `update` share. */
const withFields = (groups: CommandUnknownOpts, name: string, description: string) =>
  groups
    .command(name)
    .description(description)
    .addOption(new Option('--nom <name>', t('groups.help.nom')))
    .addOption(enumOption('--type <type>', t('groups.help.type'), TYPES_GROUPE))
    .addOption(new Option('--description <text>', t('groups.help.group_description')))
    .addOption(new Option('--max <n|none>', t('groups.help.max')).argParser(maxValue));

const add = (groups: CommandUnknownOpts) => withFields(groups, 'add', t('groups.help.add'));
export type GroupsAddOpts = OptsOf<typeof add>;
const update = (groups: CommandUnknownOpts) =>
  withFields(groups, 'update', t('groups.help.update')).argument('<group>', t('groups.help.group'));
export type GroupsUpdateOpts = OptsOf<typeof update>;

const membersList = (members: CommandUnknownOpts) =>
  members
    .command('list')
    .description(t('groups.help.members_list'))
    .argument('<group>', t('groups.help.group'))
    .addOption(new Option('--all', t('groups.help.all')))
    .addOption(csvOption())
    .addOption(columnsOption());
export type MembersListOpts = OptsOf<typeof membersList>;

const membersAdd = (members: CommandUnknownOpts) =>
  withUserFilters(
    members
      .command('add')
      .description(t('groups.help.members_add'))
      .argument('<group>', t('groups.help.group'))
      .argument('[people...]', t('groups.help.person'))
      .addOption(enumOption('--role <role>', t('groups.help.role'), ROLES_MEMBRE).default('membre' as const))
      .addOption(new Option('--from-users', t('groups.help.from_users')))
      .addOption(new Option('--fill', t('groups.help.fill'))),
    '--user-role <role>',
  );
export type MembersAddOpts = OptsOf<typeof membersAdd>;

const membersRemove = (members: CommandUnknownOpts) =>
  members
    .command('remove')
    .description(t('groups.help.members_remove'))
    .argument('<group>', t('groups.help.group'))
    .argument('<people...>', t('groups.help.person'))
    .addOption(yesOption());
export type MembersRemoveOpts = OptsOf<typeof membersRemove>;

const messagesList = (messages: CommandUnknownOpts) =>
  messages
    .command('list')
    .description(t('groups.help.messages_list'))
    .argument('<group>', t('groups.help.group'))
    .addOption(sinceOption(t('groups.help.written_since')))
    .addOption(untilOption(t('groups.help.written_before')))
    .addOption(new Option('--author <person>', t('groups.help.author')))
    .addOption(new Option('--include-deleted', t('groups.help.include_deleted')))
    .addOption(limitOption(50, t('groups.help.messages_per_page')))
    .addOption(afterOption())
    .addOption(csvOption())
    .addOption(columnsOption());
export type MessagesListOpts = OptsOf<typeof messagesList>;

const messagesDelete = (messages: CommandUnknownOpts) =>
  messages
    .command('delete')
    .description(t('groups.help.messages_delete'))
    .argument('<ids...>', t('groups.help.message_ids'))
    .addOption(yesOption());
export type MessagesDeleteOpts = OptsOf<typeof messagesDelete>;

export function registerGroups(program: Command, lazy: Lazy): void {
  const groups = program.command('groups').description(t('groups.help.description'));
  list(groups).action(lazy(() => import('./list.js')));
  groups
    .command('show')
    .description(t('groups.help.show'))
    .argument('<group>', t('groups.help.group'))
    .action(lazy(() => import('./show.js')));
  add(groups).action(lazy(() => import('./add.js')));
  update(groups).action(lazy(() => import('./update.js')));
  const members = groups.command('members').description(t('groups.help.members'));
  membersList(members).action(lazy(() => import('./members-list.js')));
  membersAdd(members).action(lazy(() => import('./members-add.js')));
  membersRemove(members).action(lazy(() => import('./members-remove.js')));
  members
    .command('set-role')
    .description(t('groups.help.set_role'))
    .argument('<group>', t('groups.help.group'))
    .argument('<person>', t('groups.help.person'))
    .addArgument(
      new Argument('<role>', ROLES_MEMBRE.join(', ')).argParser((text: string) =>
        enumValue(t('groups.help.unknown_role'), text, ROLES_MEMBRE),
      ),
    )
    .action(lazy(() => import('./members-set-role.js')));
  const messages = groups.command('messages').description(t('groups.help.messages'));
  messagesList(messages).action(lazy(() => import('./messages-list.js')));
  messagesDelete(messages).action(lazy(() => import('./messages-delete.js')));
}
