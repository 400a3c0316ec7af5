/**
 * English messages of the import area (keys start with "import."): the reasons of the
 * rejects file, the values every command reads (values.ts, phone.ts), the reading of a
 * file, and what `users import` and `orgs import` say. A reason names a field in words
 * (`the name is empty`), never by its column; a value given as a flag (`--debut`, when a
 * command maps its fields to its flags) is named as it is.
 */

/** The data model's fields in words, as a sentence names them; anything else (a flag) as given. */
const FIELD_WORDS: Record<string, string> = {
  nom_complet: 'the name',
  prenom: 'the given name',
  nom: 'the family name',
  matricule: 'the matricule',
  email: 'the e-mail',
  annee_sortie: 'the graduation year',
  telephone: 'the phone',
  domaine: 'the field',
  travailleur: 'the employment situation',
  titre: 'the title',
  statut: 'the status',
  role: 'the role',
  pays: 'the country',
  nom_organisation: "the organisation's name",
  type_organisation: "the organisation's type",
  secteur_activite: 'the sector',
  adresse: 'the address',
  ville: 'the town',
  site_web: 'the website',
  email_general: 'the general e-mail',
  telephone_general: 'the general phone',
  description: 'the description',
  date_creation: 'the founding date',
  nom_groupe: "the group's name",
  nom_structure: "the organisation's name",
  lieu: 'the place',
  poste: 'the position',
  date_debut: 'the start date',
  date_fin: 'the end date',
};

const field = (name: string) => FIELD_WORDS[name] ?? name;
const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
const q = (text: string) => `"${text}"`;
const numbers = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const n = (value: number) => numbers.format(value);
const list = (items: readonly string[], word = 'and') =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}`;
/** Items shown, then how many more: "a, b and 3 more". */
const more = (items: readonly string[], count: number) => (count > 0 ? `${items.join(', ')} and ${n(count)} more` : items.join(', '));
const percents = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const percent = (value: number) => `${percents.format(value)}%`;
/** The most changed columns and their counts: "telephone (975), domaine (960) and 2 more". */
const changedColumns = (columns: Array<{ name: string; count: number }>, count: number) =>
  more(
    columns.map((c) => `${c.name} (${n(c.count)})`),
    count,
  );
const regions = new Intl.DisplayNames(['en'], { type: 'region' });
const country = (code: string) => regions.of(code) ?? code;
/** What a key of a row is: "matricule A12", "e-mail awa@ucad.sn", "website orange.bj", "name orange benin". */
const key = (k: { kind: string; value: string }) =>
  `${{ matricule: 'matricule', email: 'e-mail', 'site-web': 'website', nom: 'name' }[k.kind] ?? k.kind} ${k.value}`;
const lines = (p: { lines: number[]; linesMore: number }) =>
  p.linesMore > 0 ? `${p.lines.join(', ')} and ${n(p.linesMore)} more` : list(p.lines.map(String));
const BREAKAGES: Record<string, (maxLines: number) => string> = {
  text_after_quote: () => 'a closing quote is followed by text instead of a delimiter',
  unclosed_quote: (maxLines) => `a quote opens a cell that is not closed within ${maxLines} lines`,
  unclosed_at_end: () => 'a quote opens a cell that is not closed by the end of the file',
  several_lines: () => 'the text in the first column holds several lines',
};
const EMAIL_FLAWS: Record<string, (detail: string) => string> = {
  no_at: () => 'it has no @',
  several_at: () => 'it has more than one @',
  nothing_before_at: () => 'nothing before the @',
  character: (c) => `it holds ${c.trim() === '' ? 'a space' : c}, which cannot be written before the @`,
  dot_at_edge: () => 'a dot cannot start or end the part before the @',
  two_dots: () => 'two dots in a row',
  local_too_long: () => 'more than 64 bytes before the @',
  nothing_after_at: () => 'nothing after the @',
  not_domain: (domain) => `${q(domain)} is not a domain name`,
};

export default {
  // ---- Values quoted in messages (src/text.ts) ----
  'import.text.quoted': (p: { text: string }) => `"${p.text}"`,
  'import.text.more_characters': (p: { count: string }) => `(${p.count} more characters)`,
  'import.text.and_more': (p: { items: string; count: string }) => `${p.items} and ${p.count} more`,

  // ---- Values (src/values.ts): a cell's reason, or a command's value ----
  'import.value.nothing_written': (p: { reason: string; reasonCode: string | null }) => `${capitalised(p.reason)}; nothing was written.`,
  'import.value.empty': (p: { field: string }) => `${field(p.field)} is empty`,
  'import.value.too_long': (p: { field: string; max: number }) => `${field(p.field)} is longer than ${n(p.max)} characters`,
  'import.value.not_one_of': (p: { field: string; value: string; choices: string[] }) =>
    `${field(p.field)} ${q(p.value)} is not one of ${p.choices.join(', ')}`,
  'import.email.invalid': (p: { value: string; flaw: string; detail: string }) =>
    `e-mail ${q(p.value)} is not a valid address (${EMAIL_FLAWS[p.flaw]?.(p.detail) ?? p.flaw})`,
  'import.email.too_long': (p: { value: string }) => `e-mail ${q(p.value)} is longer than 254 characters`,
  'import.year.not_a_year': (p: { value: string }) => `graduation year ${q(p.value)} is not a year`,
  'import.year.not_a_school_year': (p: { value: string }) =>
    `graduation year ${q(p.value)} is not a school year (two years in a row, as 2018-2019)`,
  'import.employment.unknown': (p: { value: string }) =>
    `employment situation ${q(p.value)} is neither oui/non (yes/no, 1/0, x) nor a situation such as En emploi, En recherche or Étudiant`,
  'import.url.invalid': (p: { field: string; value: string }) =>
    `${field(p.field)} ${q(p.value)} is not a web address (write it as https://…)`,
  'import.url.not_http': (p: { field: string; value: string }) => `${field(p.field)} ${q(p.value)} must start with http:// or https://`,
  'import.date.not_a_date': (p: { field: string; value: string; french: boolean }) =>
    `${field(p.field)} ${q(p.value)} is not a date (${p.french ? 'DD/MM/YYYY or YYYY-MM-DD' : 'YYYY-MM-DD'})`,
  'import.date.in_future': (p: { field: string; value: string; today: string }) =>
    `${field(p.field)} "${p.value}" is in the future (today is ${p.today})`,
  'import.option.not_one_of': (p: { flag: string; value: string; choices: string[] }) =>
    `${p.flag} ${JSON.stringify(p.value)}: use ${p.choices.length > 1 ? 'one of ' : ''}${p.choices.join(', ')}.`,
  'import.option.not_yes_no': (p: { flag: string; value: string }) =>
    `${p.flag} ${JSON.stringify(p.value)}: use oui/non, yes/no, true/false or 1/0.`,

  // ---- Phones and countries (src/phone.ts, src/phone-renumbering.ts) ----
  'import.phone.unknown_country_code': (p: { code: string }) =>
    `Country code "${p.code}" is not one phone numbers can be read for (use an ISO code such as SN, CI or BJ).`,
  'import.phone.no_country': (p: { value: string }) => `phone ${q(p.value)} has no country code; give the default country with --country`,
  'import.phone.invalid': (p: { value: string }) => `phone ${q(p.value)} is not a valid number`,
  'import.phone.invalid_for_country': (p: { value: string; country: string; neighbours: Array<{ country: string; written: string }> }) => {
    const start = `phone ${q(p.value)} is not a valid number for ${p.country}`;
    if (p.neighbours.length === 0) return start;
    if (p.neighbours.length === 1)
      return `${start}; it looks like a number from ${country(p.neighbours[0]!.country)}: write ${p.neighbours[0]!.written}`;
    const listed = p.neighbours.map((m) => `${country(m.country)} (${m.written})`);
    return `${start}; it looks like a number from ${list(listed, 'or')}: write it with its country code`;
  },
  'import.phone.ci_old_fixed_line': (p: { value: string }) =>
    `phone ${q(p.value)} is an 8-digit Ivorian fixed number from before 31 January 2021 whose new prefix (21 Moov or 25 MTN) cannot be told from the number; write it in its 10-digit form`,
  'import.country.unknown': (p: { field: string; value: string }) =>
    `${field(p.field)} ${q(p.value)} is not a country phone numbers can be read for (write an ISO code such as SN, a country name, or a dialling code such as +221)`,

  // ---- Lines that cannot be read as rows (src/import/read.ts) ----
  'import.csv.unreadable_line': (p: { breakage: string; maxLines: number }) =>
    `not readable as CSV (${BREAKAGES[p.breakage]?.(p.maxLines) ?? p.breakage}); the whole line is in the first column: fix it there`,
  'import.csv.too_many_cells': (p: { cells: number; headerCells: number }) =>
    `${n(p.cells)} cells where the header has ${n(p.headerCells)}`,
  'import.csv.nul': 'holds a NUL character',
  'import.csv.not_utf8': (p: { bytes: string[] }) =>
    `holds bytes that are not valid UTF-8 (${p.bytes.join(', ')}) in a file read as UTF-8: retype the characters they stand for`,
  'import.csv.replacement_character': 'holds U+FFFD (\uFFFD), the mark of a character lost before this file was written: retype it',

  // ---- Keys on several lines (src/import/repeats.ts) ----
  'import.repeats.secondary_key': (p: {
    key: { kind: string; value: string };
    lines: number[];
    linesMore: number;
    others: string[];
    othersMore: number;
  }) =>
    `${key(p.key)} appears on lines ${lines(p)} under different matricules (${p.others.join(', ')}${p.othersMore > 0 ? ` and ${n(p.othersMore)} more` : ''})`,
  'import.repeats.different_data': (p: { key: { kind: string; value: string }; lines: number[]; linesMore: number }) =>
    `${key(p.key)} appears on lines ${lines(p)} with different data`,

  // ---- The roster (src/import/roster/) ----
  'import.roster.name_parts_empty': 'the given name and the family name are both empty',
  'import.roster.role_needs_super_admin': (p: { role: string }) => `role "${p.role}" can only be given by a super_admin`,
  'import.roster.year_closed': (p: { year: number }) => `graduation year ${p.year} is closed`,
  'import.roster.year_unknown': (p: { year: number }) =>
    `graduation year ${p.year} is not among the graduation years (add it, or use --create-missing-references)`,
  'import.roster.field_inactive': (p: { name: string }) => `field ${q(p.name)} is deactivated: no import may give it`,
  'import.roster.field_near': (p: { name: string; likely: string[] }) =>
    `field ${q(p.name)} is not among the fields: did you mean ${p.likely.map(q).join(' or ')}? (alumni refs fields alias "${p.likely[0]}" "${p.name}")`,
  'import.roster.field_unknown': (p: { name: string }) =>
    `field ${q(p.name)} is not among the fields (add it, or use --create-missing-references)`,
  'import.roster.account_needs_super_admin': (p: { matricule: string; role: string }) =>
    `matricule ${p.matricule} is a ${p.role} account, which only a super_admin may change or give a role`,
  'import.roster.email_taken': (p: { email: string; owner: string | null }) =>
    p.owner === null ? `e-mail ${p.email} belongs to an account without matricule` : `e-mail ${p.email} belongs to matricule ${p.owner}`,
  'import.roster.unknown_in_update': (p: { matricule: string }) => `matricule ${p.matricule} does not exist (mode update adds nobody)`,

  // ---- The partner list (src/import/orgs/) ----
  'import.orgs.no_match_key': (p: { match: string | null }) =>
    p.match === null
      ? 'nothing to match on'
      : `no ${p.match === 'site-web' ? 'website' : p.match === 'email' ? 'e-mail' : 'name'} to match on (--match ${p.match})`,
  'import.orgs.several_matches': (p: { key: { kind: string; value: string }; organisations: Array<{ name: string; id: string }> }) =>
    `${key(p.key)} matches ${n(p.organisations.length)} organisations: ${p.organisations.map((o) => `${o.name} (${o.id})`).join('; ')}; merge them first`,
  'import.orgs.no_match_in_update': (p: { key: { kind: string; value: string } }) =>
    `${key(p.key)} matches no organisation (mode update adds none)`,
  'import.orgs.type_needed': "the organisation's type is empty, and a new organisation needs one (a Type column, or --type)",
  'import.orgs.already_written': (p: { key: { kind: string; value: string }; line: number; id: string }) =>
    `${key(p.key)} matches the organisation line ${p.line} already wrote (${p.id})`,
  // ---- Reading the file (src/import/read.ts, xlsx.ts, pipeline.ts, rejects.ts) ----
  'import.file.cannot_read': (p: { name: string; why: string }) => `Cannot read ${p.name}: ${p.why}.`,
  'import.file.directory': (p: { name: string }) => `${p.name} is a directory, not a CSV file.`,
  'import.file.empty': (p: { name: string }) => `${p.name} is empty: there is no header line.`,
  'import.file.utf16': (p: { name: string }) => `${p.name} is UTF-16, which alumni does not read; save it as CSV UTF-8 (or Windows-1252).`,
  'import.file.binary': (p: { name: string }) => `${p.name} looks binary (it holds NUL bytes), not a CSV file.`,
  'import.file.no_header': (p: { name: string }) => `${p.name} has no header line.`,
  'import.file.header_unreadable': (p: { name: string; line: number; breakage: string; maxLines: number }) =>
    `The header line of ${p.name} (line ${p.line}) is not readable as CSV: ${BREAKAGES[p.breakage]?.(p.maxLines) ?? p.breakage}.`,
  'import.file.changed': (p: { name: string; nothingWritten: boolean }) =>
    `${p.name} changed while it was being imported: ${p.nothingWritten ? 'nothing was written' : 'rows written before the change stay'}; import the file again once it is complete.`,
  'import.xlsx.old_xls': (p: { name: string }) =>
    `${p.name} is an old Excel workbook (.xls), which alumni does not read; save it as .xlsx or CSV.`,
  'import.xlsx.not_zip': (p: { name: string }) => `${p.name} is not an Excel workbook (it is not a ZIP file); save it again as .xlsx.`,
  'import.xlsx.sheet_with_csv': (p: { name: string }) => `--sheet applies to Excel workbooks (.xlsx); ${p.name} is a CSV file.`,
  'import.xlsx.damaged': (p: { name: string }) =>
    `${p.name} cannot be read as an Excel workbook: it is damaged or incomplete; open it and save it again as .xlsx.`,
  'import.xlsx.no_sheets': (p: { name: string }) => `${p.name} is a ZIP file, not an Excel workbook (it has no sheet).`,
  'import.xlsx.no_such_sheet': (p: { name: string; sheet: string | null; sheets: string[]; sheetsMore: number }) =>
    `${p.name} has no ${p.sheet === null ? 'sheet' : `sheet ${q(p.sheet)}`} (its sheets: ${p.sheets.length === 0 ? 'none' : more(p.sheets, p.sheetsMore)}); name one with --sheet.`,
  'import.xlsx.empty_sheet': (p: { name: string }) => `${p.name} has no header line (its sheet is empty).`,
  'import.rejects.what': 'the rejects file',
  'import.rejects.input_what': 'the file being imported',
  'import.rejects.cannot_write': (p: { path: string; why: string }) =>
    `Cannot write the rejects file ${p.path}: ${p.why}; the import stopped there.`,

  // ---- The file's header (src/import/headers.ts) ----
  'import.headers.map_not_a_field': (p: { pair: string; name: string; fields: string[] }) =>
    `--map ${q(p.pair)}: ${q(p.name)} is not a field; use one of ${p.fields.join(', ')}.`,
  'import.headers.no_such_column': (p: { choice: 'map' | 'ignore'; header: string }) =>
    `${p.choice === 'map' ? '--map' : '--ignore-column'} names a column ${q(p.header)} that the file does not have.`,
  'import.headers.mapped_and_ignored': (p: { header: string }) =>
    `Column ${q(p.header)} is given both to --map and to --ignore-column; keep one.`,
  'import.headers.missing': (p: { fields: string[]; columns: string[]; columnsMore: number }) =>
    `The file has no column for ${p.fields.map(field).join(' and ')} (its columns: ${p.columns.length === 0 ? 'none' : more(p.columns, p.columnsMore)}); name one with --map 'Header=${p.fields[0]}'.`,
  'import.headers.unread_columns': (p: {
    columns: Array<{ header: string; columnField: string; takenBy: string | null }>;
    more: number;
    mapValue: string;
    ignoreValue: string;
    fields: string[];
  }) => {
    const describe = (c: { header: string; columnField: string; takenBy: string | null }) =>
      `${q(c.header)} (${c.takenBy === null ? `looks like ${field(c.columnField)}` : `${field(c.columnField)} comes from ${q(c.takenBy)}`})`;
    const ways = `read it with --map ${p.mapValue}, or leave it out with --ignore-column ${p.ignoreValue}`;
    const fields = `--map accepts ${p.fields.join(', ')}`;
    if (p.columns.length === 1 && p.more === 0) return `Column ${describe(p.columns[0]!)} would not be read: ${ways} (${fields}).`;
    return `Columns ${p.columns.map(describe).join(', ')}${p.more > 0 ? ` and ${n(p.more)} more` : ''} would not be read: for each, as for the first, ${ways} (${fields}).`;
  },
  'import.option.encoding': (p: { value: string }) => `--encoding ${q(p.value)} is not supported; use utf-8 or windows-1252 (latin1).`,
  'import.option.delimiter': (p: { value: string }) => `--delimiter ${q(p.value)}: use , ; or tab.`,
  'import.option.map_pair': (p: { value: string }) => `--map ${q(p.value)}: write it as 'Header=field'.`,

  // ---- What users import and orgs import say (src/commands/imports.ts) ----
  'import.reading_as': (p: { encoding: string; delimiter: string }) => `Reading as ${p.encoding}, delimiter ${p.delimiter}.`,
  'import.unknown_columns': (p: { items: string[]; more: number }) => `Ignoring unknown column(s): ${more(p.items, p.more)}.`,
  'import.repeated_lines': (p: { count: number; pairs: Array<{ line: number; sameAs: number }>; more: number }) =>
    `${n(p.count)} line(s) repeat an earlier line exactly: stored once, counted as skipped (${p.pairs.map((r) => `line ${r.line} = line ${r.sameAs}`).join(', ')}${p.more > 0 ? `, and ${n(p.more)} more` : ''}).`,
  'import.summary.read': 'Read',
  'import.summary.inserted': 'Added',
  'import.summary.updated': 'Updated',
  'import.summary.unchanged': 'Unchanged',
  'import.summary.skipped': 'Skipped',
  'import.summary.rejected': 'Rejected',
  'import.summary.time': 'Time',
  'import.summary.rows_per_second': 'Rows per second',
  'import.references_created': (p: {
    dryRun: boolean;
    fields: { items: string[]; more: number; count: number };
    years: { items: string[]; more: number; count: number };
  }) => {
    const what = [
      ...(p.fields.count > 0 ? [`${n(p.fields.count)} field(s): ${more(p.fields.items, p.fields.more)}`] : []),
      ...(p.years.count > 0 ? [`${n(p.years.count)} year(s): ${more(p.years.items, p.years.more)}`] : []),
    ].join('; ');
    return `${p.dryRun ? 'Would create' : 'Created'} ${what}.`;
  },
  'import.dry_run_done': 'Dry run: nothing was written to the database.',
  'import.rejected_rows': (p: { count: number; path: string }) =>
    `${n(p.count)} row(s) rejected: see ${p.path} (fix it and import it as it is).`,
  'import.roster.joined_names': (p: { order: 'given-first' | 'family-first'; names: Array<{ line: number; name: string }> }) =>
    `Names are joined from the given names and the family name, ${p.order === 'given-first' ? 'given names' : 'family name'} first (--name-order ${p.order === 'given-first' ? 'family-first' : 'given-first'} for the other way): ${p.names.map((x) => `line ${x.line} ${q(x.name)}`).join(', ')}.`,

  // ---- The import ledger (users imports, orgs imports) ----
  'import.ledger.started_at': 'Started',
  'import.ledger.file': 'File',
  'import.ledger.by': 'By',
  'import.ledger.mode': 'Mode',
  'import.ledger.status': 'Status',
  'import.ledger.read': 'Read',
  'import.ledger.inserted': 'Added',
  'import.ledger.updated': 'Updated',
  'import.ledger.unchanged': 'Unchanged',
  'import.ledger.skipped': 'Skipped',
  'import.ledger.rejected': 'Rejected',
  'import.ledger.id': 'Import',
  'import.ledger.status_running': 'running',
  'import.ledger.status_completed': 'completed',
  'import.ledger.status_rolled_back': 'rolled back',
  'import.ledger.status_failed': 'failed',

  // ---- Help of the import options (src/cli/import-options.ts) and of the import commands ----
  'import.help.file': 'the CSV file or Excel workbook (.xlsx), or - for standard input',
  'import.help.mode': (p: { known: string }) =>
    `upsert inserts new rows and updates known ones (${p.known}), insert skips known ones, update rejects unknown ones; one of`,
  'import.help.known_by_matricule': 'by matricule',
  'import.help.known_by_match': 'by --match',
  'import.help.dry_run': 'check everything, database included, and report; write nothing',
  'import.help.all_or_nothing': 'write nothing unless every row is valid',
  'import.help.encoding': 'utf-8 or windows-1252 (default: detected)',
  'import.help.delimiter': ', ; or tab (default: detected)',
  'import.help.sheet': 'the sheet of an Excel workbook to read (default: the first)',
  'import.help.map': (p: { fields: string[] }) => `read column Header as field (repeatable); fields: ${p.fields.join(', ')}`,
  'import.help.ignore_column': 'leave column Header out, even if it looks like a field (repeatable)',
  'import.help.rejects': 'where rejected rows go (default: <file name>.rejects.csv here)',
  'import.help.batch_size': 'rows per transaction',
  'import.ledger.empty': 'No import yet.',
  'import.ledger.status_undone': 'undone',

  // ---- The change check (--max-changes, src/import/changes.ts) ----
  'import.changes.over_limit': (p: {
    kind: 'users' | 'orgs';
    dryRun: boolean;
    matched: number;
    updated: number;
    percent: number;
    limit: number;
    columns: Array<{ name: string; count: number }>;
    columnsMore: number;
  }) =>
    `The file would change ${n(p.updated)} of the ${n(p.matched)} stored ${p.kind === 'users' ? 'people' : 'organisations'} it matches (${percent(p.percent)}, more than --max-changes ${p.limit}%); most changed: ${changedColumns(p.columns, p.columnsMore)}. ${p.dryRun ? 'The import would stop before writing anything' : 'Nothing was written'}; check the file's columns, or give --max-changes 100 if this is meant.`,
  'import.help.max_changes':
    'stop before writing when the file would change more than this percentage of the stored rows it matches (default: 50, for a file matching 100 or more; 100: no check)',
  'import.summary.matched': 'Matched',
  'import.summary.changes': 'Changes',
  'import.summary.changes_value': (p: {
    percent: number;
    limit: number | null;
    columns: Array<{ name: string; count: number }>;
    columnsMore: number;
  }) =>
    `${percent(p.percent)} of matched${p.limit === null ? '' : ` (limit ${p.limit}%)`}${p.columns.length > 0 ? `: ${changedColumns(p.columns, p.columnsMore)}` : ''}`,
} satisfies Record<`import.${string}`, string | ((params: never) => string)>;
