/** English messages of the groups area: keys start with "groups.". */

export default {
  // Help
  'groups.help.description': 'alumni groups (promotions, fields, towns, clubs), their members and messages',
  'groups.help.group': 'id or exact name (case and accents ignored)',
  'groups.help.person': 'id, e-mail or matricule',
  'groups.help.list': 'groups by name with their active members and member limit, valid or not unless filtered, a page at a time',
  'groups.help.type_filter': 'only this type',
  'groups.help.valide': 'valid groups, or those waiting for a moderator',
  'groups.help.search': 'the name contains this (case and accents ignored)',
  'groups.help.per_page': 'groups per page',
  'groups.help.nom': "the group's name (unique, case and accents ignored)",
  'groups.help.type': 'the kind of group',
  'groups.help.group_description': 'its description (empty clears it)',
  'groups.help.max': 'at most this many active members, or none',
  'groups.help.add': 'add a group (valid at once: an administrator makes it; public by default)',
  'groups.help.update': "change a group's fields: only what is given (--max below the active members is refused)",
  'groups.help.show': 'every field, members counted, moderators, last message, moderation decisions',
  'groups.help.members': "a group's members",
  'groups.help.members_list': 'the active members, admins and moderators first',
  'groups.help.all': 'those who left too, with the date they left',
  'groups.help.members_add': 'add people to the group (up to its member limit); with --from-users, everyone the users list filters choose',
  'groups.help.role': 'their role in the group',
  'groups.help.from_users': 'add the users the filters below choose, as `alumni users list` does (e.g. --annee 2020)',
  'groups.help.members_remove': 'the people stop being members (their membership stays as history, with the date they left)',
  'groups.help.set_role': "change an active member's role in the group",
  'groups.help.unknown_role': 'Unknown role',
  'groups.help.messages': "a group's messages",
  'groups.help.messages_list': "the group's messages, newest first, a page at a time",
  'groups.help.written_since': 'written since',
  'groups.help.written_before': 'written before',
  'groups.help.author': 'written by this person (id, e-mail or matricule)',
  'groups.help.include_deleted': 'deleted messages too (kept until purge-messages removes them)',
  'groups.help.messages_per_page': 'messages per page',
  'groups.help.messages_delete': 'delete messages (hidden now, removed by purge-messages after 30 days)',
  'groups.help.message_ids': 'message ids',

  // Labels of tables and records (the CSV headers and JSON keys stay as they are)
  'groups.label.id': 'Id',
  'groups.label.name': 'Name',
  'groups.label.type': 'Type',
  'groups.label.valid': 'Valid',
  'groups.label.active_members': 'Active members',
  'groups.label.max_members': 'Member limit',
  'groups.label.description': 'Description',
  'groups.label.photo': 'Photo',
  'groups.label.creator_id': 'Creator (id)',
  'groups.label.creator': 'Created by',
  'groups.label.created_at': 'Created',
  'groups.label.updated_at': 'Updated',
  'groups.label.last_message': 'Last message',
  'groups.label.messages': 'Messages',
  'groups.label.moderators': 'Moderators',
  'groups.label.decisions': 'Moderation',
  'groups.label.person_id': 'Person (id)',
  'groups.label.full_name': 'Name',
  'groups.label.email': 'E-mail',
  'groups.label.matricule': 'Matricule',
  'groups.label.role': 'Role',
  'groups.label.active': 'Active',
  'groups.label.joined': 'Joined',
  'groups.label.left': 'Left',
  'groups.label.changed': 'Changed',
  'groups.label.author': 'Author',
  'groups.label.text': 'Text',
  'groups.label.file': 'File',
  'groups.label.deleted': 'Deleted',
  'groups.label.written': 'Written',
  'groups.none': '(none)',
  'groups.no_limit': 'no limit',
  'groups.same_filters': (p: { command: string }) => `${p.command} (same filters)`,

  // groups add / update
  'groups.added': (p: { name: string }) => `Added the group ${p.name} (valid).`,
  'groups.updated': (p: { name: string }) => `Updated ${p.name}.`,
  'groups.unchanged': (p: { name: string }) => `${p.name}: nothing changed.`,
  'groups.name_empty': 'The name is empty; nothing was written.',
  'groups.name_required': (p: { field: string }) => `A group needs a name: give ${p.field}.`,
  'groups.nothing_to_update': 'Nothing to update: give at least one field (see alumni groups update --help).',
  'groups.max_below_members': (p: { group: string; members: number; max: number; field: string }) =>
    `${p.group} has ${p.members} active members, more than ${p.field} ${p.max}: ` +
    `give ${p.field} ${p.members} or more, or remove members first (alumni groups members remove).`,

  // groups members
  'groups.members.filters_need_from_users': 'The users filters (--annee, --domaine...) choose people only with --from-users.',
  'groups.members.from_users_needs_filter':
    '--from-users needs at least one users filter (--annee, --domaine, --statut...), or it would add every account.',
  'groups.members.every_account': 'No filter chooses the people: that would add every account.',
  'groups.members.name_people': 'Name the people to add (id, e-mail or matricule), or give --from-users with filters.',
  'groups.members.refused.erased': 'the account was erased (users erase)',
  'groups.members.not_added': (p: { person: string; reason: string }) => `${p.person} not added: ${p.reason}`,
  'groups.members.added': (p: { group: string; added: number; rejoined: number; unchanged: number; refused: number }) =>
    `${p.group}: ${p.added} added, ${p.rejoined} back after leaving, ${p.unchanged} already members, ${p.refused} refused.`,
  'groups.members.confirm_remove': (p: { people: string; group: string }) => `Remove ${p.people} from ${p.group}?`,
  'groups.members.skipped.left': 'left the group already',
  'groups.members.skipped.not_member': 'is not a member',
  'groups.members.nothing_to_remove': (p: { person: string; reason: string }) => `${p.person} ${p.reason}: nothing to remove.`,
  'groups.members.removed': (p: { group: string; removed: number }) => `${p.group}: ${p.removed} removed (kept as former members).`,
  'groups.members.not_active': (p: { person: string; group: string }) => `${p.person} is not an active member of ${p.group}.`,
  'groups.members.role_set': (p: { person: string; role: string }) => `${p.person} is now ${p.role}.`,
  'groups.members.role_unchanged': 'Already so: nothing changed.',

  // groups messages
  'groups.messages.confirm_delete': (p: { count: number }) => `Delete ${p.count === 1 ? 'this message' : `these ${p.count} messages`}?`,
  'groups.messages.already_deleted': (p: { id: string }) => `Message ${p.id} was deleted already: not written again.`,
  'groups.messages.deleted': (p: { count: number }) => `${p.count} message(s) deleted; purge-messages removes them for good after 30 days.`,
  'groups.messages.not_found': (p: { ids: string[] }) => `No message ${p.ids.map((id) => `"${id}"`).join(', ')}; nothing was deleted.`,

  // groups members add: places counted first, refusals summarised
  'groups.help.fill':
    'if more people would join than the group has places left, add the first ones that fit (the people named, in order, then the users chosen, by name) and leave the rest out',
  'groups.members.no_room': (p: { group: string; chosen: number; room: number }) =>
    p.room === 0
      ? `${p.group} has no place left but ${p.chosen} ${p.chosen === 1 ? 'person' : 'people'} would join: nothing was added. ` +
        'Raise the limit (groups update --max) or remove members first.'
      : `${p.group} has ${p.room} place${p.room === 1 ? '' : 's'} left but ${p.chosen} people would join: nothing was added. ` +
        `Choose fewer, raise the limit (groups update --max), or give --fill to add the first ${p.room}.`,
  'groups.members.summary.unchanged': (p: { count: number }) =>
    `${p.count} already ${p.count === 1 ? 'a member' : 'members'}: nothing changed for them.`,
  'groups.members.summary.refused': (p: { count: number; reason: string }) => `${p.count} not added: ${p.reason}.`,
  'groups.members.summary.left_out': (p: { count: number; room: number }) =>
    `${p.count} left out: the group had ${p.room} place${p.room === 1 ? '' : 's'} left (--fill added the first ones).`,
  'groups.members.summary.verbose_hint': 'Give --verbose for the people, one per line.',
  'groups.members.listed': (p: { person: string }) => `  ${p.person}`,
  'groups.list.empty': 'No group matches these filters.',
  'groups.members.empty': 'This group has no active member.',
  'groups.members.empty_all': 'Nobody has been a member of this group.',
  'groups.messages.empty': 'No message matches these filters.',
} satisfies Record<`groups.${string}`, string | ((params: never) => string)>;
