import type { Column } from '../../cli/output.js';
import { formats, t } from '../../i18n/messages.js';
import type { Setting } from '../../services/settings.js';

/** A setting for a person: its value or "(not set)", the time in the run's language and time zone. */
export function settingColumns(csv: boolean): Column<Setting>[] {
  return [
    { header: 'cle', label: 'settings.label.key', value: 'cle' },
    { header: 'valeur', label: 'settings.label.value', value: csv ? 'valeur' : (s) => s.valeur ?? t('settings.not_set_value') },
    {
      header: 'modifie_le',
      label: 'settings.label.changed_at',
      value: csv ? 'modifie_le' : (s) => (s.modifie_le ? formats().dateTime(s.modifie_le) : ''),
    },
    { header: 'modifie_par', label: 'settings.label.changed_by', value: csv ? 'modifie_par' : (s) => s.modifie_par_ref ?? '' },
  ];
}

/** A setting's label/value lines, as `settings set` prints it. */
export function settingFields(setting: Setting): Array<[string, unknown]> {
  return settingColumns(false).map((column) => [
    t(column.label!),
    typeof column.value === 'function' ? column.value(setting) : setting[column.value],
  ]);
}
