/**
 * English messages of the report area (keys start with "report."): the outcome report a
 * director shows a board, and the Chromium that prints it. Plain text: the report escapes
 * every message as HTML. No column or table name: the board reads people's words.
 */
export default {
  'report.title': 'Graduate outcomes',
  'report.period.none': 'no class year',
  'report.period.one': (p: { year: string }) => `class of ${p.year}`,
  'report.period.range': (p: { first: string; last: string }) => `classes ${p.first}–${p.last}`,
  'report.meta': (p: { period: string; generated: string; refreshed: string | null }) =>
    `${p.period} · generated ${p.generated} · figures per class year as of ${p.refreshed ?? 'never (no refresh recorded)'}`,
  'report.colon': ': ',

  'report.graduates': 'Graduates',
  'report.working': 'Working',
  'report.searching': 'Searching',
  'report.unknown': 'Unknown',
  'report.knowledge_rate': 'Knowledge rate',
  'report.employment_rate': 'Employment rate',
  'report.all': 'All',
  'report.field_not_recorded': '(field not recorded)',

  'report.hidden_note': (p: { minCell: string; label: string }) =>
    `Figures over fewer than ${p.minCell} graduates are hidden (shown as ${p.label}), with further figures hidden (†) where a hidden one could otherwise be recomputed from a total; see Methodology.`,
  'report.hidden_primary': (p: { minCell: string }) => `hidden: fewer than ${p.minCell} graduates`,
  'report.hidden_mark': 'hidden†',
  'report.hidden_complementary': 'hidden† so that a smaller hidden figure cannot be recomputed from the total',
  'report.no_chart': 'No figures to chart.',

  'report.section.years': 'Per class year',
  'report.caption.years': 'Graduates and their situation per class year',
  'report.section.trend': 'Trend over the class years',
  'report.section.fields': 'Per field',
  'report.caption.fields': 'Graduates and their situation per field',
  'report.section.employers': 'Top employers per class',
  'report.employers.note':
    'Where the graduates of each class work now: organisations of which they are a current contact (interns left out), the most graduates first.',
  'report.employers.hidden': "hidden with the class's figures.",
  'report.employers.none': 'none recorded',

  'report.chart.by_year':
    'Knowledge rate (graduates whose situation is known, among all graduates) and employment rate (graduates working, among those whose situation is known) per class year, in percent',
  'report.chart.trend': 'Knowledge rate and employment rate over the class years, in percent',
  'report.chart.by_field':
    'Employment rate per field: graduates working, among the graduates of the field whose situation is known (working or searching), in percent',

  'report.section.methodology': 'Methodology',
  'report.method.graduates.term': 'Graduates',
  'report.method.graduates': (p: { period: string | null }) =>
    `Former students of the school whose graduation year is recorded${p.period ? `, in ${p.period}` : ''}. Teachers and staff are not counted.`,
  'report.method.working.term': 'Working',
  'report.method.working': 'A graduate who has told the school that they have a job.',
  'report.method.searching.term': 'Searching',
  'report.method.searching': 'A graduate who has told the school that they are looking for a job.',
  'report.method.known.term': 'Known situation',
  'report.method.known':
    "A graduate's situation is known when the school knows whether they work: they are working or searching. A graduate who has not answered has an unknown situation.",
  'report.method.knowledge.term': 'Knowledge rate',
  'report.method.knowledge':
    'Numerator: graduates whose situation is known (working + searching). Denominator: all graduates. It says how far the employment rate can be trusted.',
  'report.method.employment.term': "Employment rate (taux net d'emploi)",
  'report.method.employment':
    "Numerator: graduates working. Denominator: graduates whose situation is known (working + searching). Unknown situations are left out, not counted as unemployed. When no graduate's situation is known the rate is undefined and shown as —.",
  'report.method.rounding.term': 'Rounding',
  'report.method.rounding': 'Rates in percent, two decimals in the tables, whole numbers on the charts.',
  'report.method.sources.term': 'Sources and dates',
  'report.method.sources': (p: { refreshed: string | null; generated: string }) =>
    `Per class year: the figures the database keeps per class, last brought up to date ${p.refreshed ?? 'never (no update recorded)'}. Per field and employers: the graduates' records themselves, as of ${p.generated}.`,
  'report.method.sources.stale': (p: { records: string; classes: string }) =>
    ` The records now count ${p.records} graduates where the per-class figures count ${p.classes}: those figures are older than the records (run alumni jobs run refresh-stats and generate the report again).`,
  'report.method.small.term': 'Small cells',
  'report.method.small': (p: { minCell: string; label: string }) =>
    `A row counting fewer than ${p.minCell} graduates is hidden and its count shown as ${p.label}, so that no small group can be recognised. Because each table also prints its total, one hidden row could be recomputed as the total minus the rows shown; so further rows are hidden (marked †), smallest first, until the hidden rows together count at least ${p.minCell} graduates. When all rows together count fewer than ${p.minCell}, the total is hidden too. Employers are listed only for classes whose figures are shown, and a count below ${p.minCell} reads ${p.label}.`,
  'report.method.order.term': 'Order',
  'report.method.order': 'Fields and organisations are listed in alphabetical order, accents ignored (École comes between E and F).',

  // The Chromium that prints the PDF.
  'report.chromium.not_executable': (p: { path: string; package: string }) =>
    `ALUMNI_CHROMIUM (${p.path}) is not an executable file: point it at a Chromium, or install the Debian package \`${p.package}\`.`,
  'report.chromium.missing': (p: { package: string }) =>
    `No Chromium found to print the PDF: install the Debian package \`${p.package}\` (apt-get install ${p.package}), or set ALUMNI_CHROMIUM to a Chromium executable.`,
  'report.chromium.not_started': (p: { path: string; reason: string; package: string }) =>
    `Chromium (${p.path}) did not start (${p.reason}): point ALUMNI_CHROMIUM at a working Chromium, or install the Debian package \`${p.package}\`.`,

  // Issue 27: the school's name, each page's header and footer, the command's own words.
  'report.school_missing':
    'No school name on the report: set it once with alumni settings set school-name "…" --as ADMIN, or give --school for this run.',
  'report.page': (p: { page: string; pages: string }) => `Page ${p.page} / ${p.pages}`,
  'report.footer': (p: { generated: string }) => `Generated ${p.generated}`,
  'report.option.school': "the school's name on the report, for this run (default: the setting school-name)",
  'report.no_output': 'Name the report to write: --html FILE, --pdf FILE, or both.',
} satisfies Record<`report.${string}`, string | ((params: never) => string)>;
