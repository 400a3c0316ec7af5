/** English messages of the settings area (keys start with "settings."): `alumni settings`. */
export default {
  // ---- help ----
  'settings.description': "the platform's settings, such as the school's name on the outcome report",
  'settings.list.description': 'every setting, its value, when and by whom it was last set',
  'settings.get.description': "print a setting's value (exit 4 while it is not set)",
  'settings.set.description': 'set a setting (an administrator: --as)',
  'settings.argument.key': (p: { keys: string }) => `the setting: ${p.keys}`,
  'settings.argument.value': 'its new value',

  // ---- refusals ----
  'settings.not_set': (p: { key: string }) => `The setting ${p.key} is not set: set it with alumni settings set ${p.key} VALUE --as ADMIN.`,
  'settings.unknown': (p: { name: string; keys: string[] }) => `Unknown setting "${p.name}": the settings are ${p.keys.join(', ')}.`,
  'settings.empty': (p: { key: string }) => `The setting ${p.key} needs a value.`,
  'settings.too_long': (p: { key: string; max: number }) => `The setting ${p.key} is at most ${p.max} characters long.`,

  // ---- what the commands say ----
  'settings.set.done': (p: { key: string }) => `Setting ${p.key} saved.`,
  'settings.set.unchanged': (p: { key: string }) => `The setting ${p.key} had this value already: nothing changed.`,
  'settings.not_set_value': '(not set)',
  'settings.label.key': 'Setting',
  'settings.label.value': 'Value',
  'settings.label.changed_at': 'Changed',
  'settings.label.changed_by': 'By',
} satisfies Record<`settings.${string}`, string | ((params: never) => string)>;
