import names, { type Suggested } from './names.js';

/** English messages of the refs area (reference values, and REFs naming a person, an organisation or a group): keys start with "refs.". */
type Kind = 'user' | 'organisation' | 'groupe';
const NOUN: Record<Kind, string> = { user: 'user', organisation: 'organisation', groupe: 'group' };
const HINT: Record<Kind, string> = {
  user: 'give an id, an e-mail or a matricule',
  organisation: 'give an id or the exact name',
  groupe: 'give an id or the exact name',
};

/** One unknown ref: its close names as after "not found"; several: each with the ref it is for. */
function unknownSuggestions(p: { refs: string[]; suggestions?: Suggested[] }): string {
  const suggestions = p.suggestions ?? [];
  if (p.refs.length === 1) return names['names.did_you_mean']({ names: suggestions[0]?.names ?? [] });
  return names['names.did_you_mean_each']({ suggestions });
}

export default {
  // A REF on the command line (src/services/refs.ts)
  'refs.ref.not_found': (p: { kind: Kind; ref: string; suggestions?: string[] }) =>
    `No ${NOUN[p.kind]} "${p.ref}" (${HINT[p.kind]}).${names['names.did_you_mean']({ names: p.suggestions ?? [] })}`,
  'refs.ref.ambiguous': (p: { kind: Kind; ref: string; matches: string[]; more: boolean }) =>
    `"${p.ref}" names several ${NOUN[p.kind]}s: ${p.matches.join('; ')}${p.more ? '; …' : ''}. Give the id.`,
  'refs.ref.unknown': (p: { kind: Kind; refs: string[]; suggestions?: Suggested[] }) =>
    `No ${p.refs.length === 1 ? NOUN[p.kind] : `${NOUN[p.kind]}s`} ${p.refs.map((r) => `"${r}"`).join(', ')} (${HINT[p.kind]}); nothing was changed.${unknownSuggestions(p)}`,

  // Help
  'refs.help.description': 'the reference values a roster is checked against: fields (with aliases) and years',
  'refs.help.field': 'the field, as stored (case, accents, spaces and punctuation ignored)',
  'refs.help.year': 'a graduation year, such as 2024',
  'refs.help.fields': 'fields of study and their aliases',
  'refs.help.fields_list': 'the fields with their aliases, whether imports may use them, and how many users have each',
  'refs.help.years_list': 'the graduation years, whether imports may use them, and how many users have each',
  'refs.help.fields_add': 'add a field',
  'refs.help.name': 'its name, as the platform shows it',
  'refs.help.fields_rename': 'rename a field: its users, aliases and statistics follow',
  'refs.help.new_name': 'the new name',
  'refs.help.fields_alias': 'map another spelling to a field, for every import from then on (e.g. "Génie Info" → "Génie informatique")',
  'refs.help.alias': 'the other spelling',
  'refs.help.fields_deactivate': 'no import may give the field any more; the users who have it keep it',
  'refs.help.years': 'graduation years',
  'refs.help.years_add': 'add a year, open to imports',
  'refs.help.years_open': 'let imports give this year',
  'refs.help.years_close': 'no import may give this year any more; the users who have it keep it',

  // Labels (the CSV headers and JSON keys stay as they are)
  'refs.label.field': 'Field',
  'refs.label.active': 'Open to imports',
  'refs.label.aliases': 'Aliases',
  'refs.label.users': 'Users',
  'refs.label.year': 'Year',
  'refs.label.available': 'Open to imports',
  'refs.yes': 'yes',
  'refs.no': 'no',

  // Changes
  'refs.field.added': (p: { field: string }) => `Added the field ${p.field}.`,
  'refs.field.aliased': (p: { alias: string; field: string }) => `Imports will store ${p.alias} as ${p.field}.`,
  'refs.field.deactivated': (p: { field: string; users: number }) =>
    `No import may give the field ${p.field} any more; its ${p.users} users keep it.`,
  'refs.field.renamed': (p: { field: string; users: number }) =>
    `Renamed the field to ${p.field}; its ${p.users} users and its aliases follow.`,
  'refs.year.added': (p: { year: number }) => `Added the year ${p.year}, open to imports.`,
  'refs.year.closed': (p: { year: number; users: number }) =>
    `No import may give the year ${p.year} any more; its ${p.users} users keep it.`,
  'refs.year.opened': (p: { year: number }) => `Imports may give the year ${p.year}.`,

  // Refusals
  'refs.field.not_found': (p: { field: string }) => `No field "${p.field}" among the reference fields (see alumni refs fields list).`,
  'refs.field.empty': (p: { what: 'name' | 'new_name' | 'alias' }) =>
    `The ${{ name: 'field name', new_name: 'new name', alias: 'alias' }[p.what]} is empty: give letters or digits.`,
  'refs.field.taken_by_field': (p: { name: string; field: string }) =>
    `"${p.name}" is already the field "${p.field}", without regard to case, accents, spaces or punctuation.`,
  'refs.field.taken_by_alias': (p: { name: string; field: string; alias: string }) =>
    `"${p.name}" is already an alias of "${p.field}" ("${p.alias}"), without regard to case, accents, spaces or punctuation.`,
  'refs.year.exists': (p: { year: number }) => `The year ${p.year} is already among the reference years (see alumni refs years list).`,
  'refs.year.not_found': (p: { year: number }) =>
    `No year ${p.year} among the reference years (add it with alumni refs years add ${p.year}).`,
  'refs.fields.empty': 'No field of study yet: add one with alumni refs fields add NAME.',
  'refs.years.empty': 'No reference year yet: add one with alumni refs years add YEAR.',
} satisfies Record<`refs.${string}`, string | ((params: never) => string)>;
