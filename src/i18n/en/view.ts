/** English messages of the view area (how results are shown): keys start with "view.". */
export default {
  'view.yes': 'yes',
  'view.no': 'no',
  'view.option.columns': 'the columns of the table, comma-separated (e.g. --columns email,statut); all of them: --columns all',
  'view.columns_unknown': (p: { unknown: string[]; available: string[] }) =>
    `No column ${p.unknown.map((name) => `"${name}"`).join(', ')} in this list: choose among ${p.available.join(', ')} (or all).`,
  'view.field_label': (p: { label: string }) => `${p.label}:`,
  'view.empty': 'Nothing to show.',
} satisfies Record<`view.${string}`, string | ((params: never) => string)>;
