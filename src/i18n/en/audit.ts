/** English messages of the audit area: keys start with "audit.". */
export default {
  'audit.description': 'the audit trail: who changed what, when',
  'audit.list.description': 'audit entries, newest first',
  'audit.list.table': 'only this table',
  'audit.list.actor': 'only changes made as this user (id, e-mail or matricule)',
  'audit.list.action': 'only this kind of change',
  'audit.list.since': 'only entries since',
  'audit.list.import': 'only the changes of this roster import',
  'audit.show.description': 'one entry with its before and after',
  'audit.show.id': 'the id of the entry (printed by audit list)',

  'audit.not_found': (p: { id: string }) => `No audit entry "${p.id}".`,
  'audit.system': 'system',
  'audit.erased': '(erased)',

  'audit.label.created_at': 'When',
  'audit.label.table': 'Table',
  'audit.label.action': 'Change',
  'audit.label.by': 'By',
  'audit.label.user_agent': 'Made with',
  'audit.label.id': 'Id',
  'audit.label.ip_address': 'IP address',
  'audit.label.before': 'Before',
  'audit.label.after': 'After',
  'audit.list.empty': 'No audit entry matches these filters.',
} satisfies Record<`audit.${string}`, string | ((params: never) => string)>;
