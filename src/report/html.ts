import { rateText } from '../cli/bars.js';
import { currentLanguage, formats, t, type MessageArgs, type MessageKey } from '../i18n/messages.js';
import { addCounts, situationRates, type SituationRates } from '../services/stats-rates.js';
import type { EmployerCount, FieldFigures, YearFigures, YearRange } from '../services/stats.js';
import { ratesByFieldChart, ratesByYearChart, trendChart, CHART_FONT, type RateSeries } from './charts.js';
import { smallCellLabel, suppressSmallCells, type SuppressedTable, type Suppression } from './suppression.js';

/**
 * The outcome report a director shows a board, in the language of the run (its words
 * from the report area of the catalogs, its numbers and dates through formats()). It
 * speaks of graduates, never of the columns and tables the figures come from.
 */

/** What the outcome report is made of (src/services/stats.ts), and how it is published. */
export interface ReportInput {
  years: YearFigures[];
  /** In French alphabetical order, the unrecorded field last (as employmentByField gives them). */
  fields: FieldFigures[];
  employers: EmployerCount[];
  /** When the per-year figures (the statistics view) were refreshed. */
  refreshedAt: Date | null;
  /** When the report was made: the per-field and employer figures are as of then. */
  generatedAt: Date;
  range: YearRange;
  minCell: number;
  /** The school's name, on the title and on each printed page; null when none is set. */
  school?: string | null;
}

const KNOWLEDGE = { color: '#8a9bb0' };
const EMPLOYMENT = { color: '#1f5f99' };

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A catalog message as HTML text. */
function tx<K extends MessageKey>(key: K, ...args: MessageArgs<K>): string {
  return escape(t(key, ...args));
}

/** "n&lt;5": the label of a hidden count, as HTML. */
function hiddenCount(minCell: number): string {
  return escape(smallCellLabel(minCell));
}

function when(at: Date): string {
  return formats().dateTime(at);
}

const integer = (n: number) => formats().integer(n);

/** One table row: a label, then the counts and the two rates, or why they are hidden. */
function figureRow(label: string, figures: SituationRates, suppressed: Suppression | null, minCell: number, total = false): string {
  const cells =
    suppressed === 'primary'
      ? `<td class="num">${hiddenCount(minCell)}</td><td colspan="5" class="hidden">${tx('report.hidden_primary', { minCell: integer(minCell) })}</td>`
      : suppressed === 'complementary'
        ? `<td class="num">${tx('report.hidden_mark')}</td><td colspan="5" class="hidden">${tx('report.hidden_complementary')}</td>`
        : [
            integer(figures.total_diplomes),
            integer(figures.nb_travaillent),
            integer(figures.nb_recherche),
            integer(figures.nb_inconnu),
            rateText(figures.taux_connaissance),
            rateText(figures.taux_emploi),
          ]
            .map((value) => `<td class="num">${escape(value)}</td>`)
            .join('');
  return `<tr${total ? ' class="total"' : ''}><th scope="row">${escape(label)}</th>${cells}</tr>`;
}

function figureTable<Row extends SituationRates>(
  caption: string,
  table: SuppressedTable<Row>,
  label: (row: Row) => string,
  minCell: number,
): string {
  const headers = [
    t('report.graduates'),
    t('report.working'),
    t('report.searching'),
    t('report.unknown'),
    t('report.knowledge_rate'),
    t('report.employment_rate'),
  ];
  const total = situationRates(addCounts(table.rows.map((r) => r.row)));
  const body = table.rows.map(({ row, suppressed }) => figureRow(label(row), row, suppressed, minCell)).join('\n');
  return `<table>
<caption>${escape(caption)}</caption>
<thead><tr><th scope="col"></th>${headers.map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead>
<tbody>
${body}
${figureRow(t('report.all'), total, table.totalSuppressed ? 'primary' : null, minCell, true)}
</tbody>
</table>`;
}

/** A rate per row for a chart: null where the row is hidden. */
function visibleRates<Row extends SituationRates>(table: SuppressedTable<Row>, rate: (row: Row) => number | null): Array<number | null> {
  return table.rows.map(({ row, suppressed }) => (suppressed ? null : rate(row)));
}

function employersSection(input: ReportInput, years: SuppressedTable<YearFigures>): string {
  const colon = tx('report.colon');
  const items = years.rows.map(({ row, suppressed }) => {
    if (suppressed) return `<li><strong>${row.annee_sortie}</strong>${colon}${tx('report.employers.hidden')}</li>`;
    const top = input.employers.filter((e) => e.annee_sortie === row.annee_sortie);
    const names = top.length
      ? top
          .map((e) => `${escape(e.nom_organisation)} (${e.alumni < input.minCell ? hiddenCount(input.minCell) : integer(e.alumni)})`)
          .join(', ')
      : tx('report.employers.none');
    return `<li><strong>${row.annee_sortie}</strong>${colon}${names}</li>`;
  });
  return `<ul class="employers">\n${items.join('\n')}\n</ul>`;
}

/** "classes 2020–2022", "promotion 2021": the class years the report covers (years are not numbers to group). */
function period(input: ReportInput): string {
  const { from, to } = input.range;
  const first = from ?? input.years[0]?.annee_sortie;
  const last = to ?? input.years.at(-1)?.annee_sortie;
  if (first === undefined || last === undefined) return t('report.period.none');
  return first === last
    ? t('report.period.one', { year: String(first) })
    : t('report.period.range', { first: String(first), last: String(last) });
}

/**
 * A CSS string holding `text`: quotes, backslashes, line breaks and `<` (which could end
 * the style element) written as escapes.
 */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\p{Cc}]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

/** "Page " counter(page) " / " counter(pages): the catalog's words around the page counters. */
function pageCounter(): string {
  const [before, between, after] = t('report.page', { page: '\u0001', pages: '\u0001' }).split('\u0001') as [string, string, string];
  return `${cssString(before)} counter(page) ${cssString(between)} counter(pages) ${cssString(after)}`;
}

/**
 * Each printed page's margins (CSS page margin boxes, which Chromium prints): the
 * school's name and the report's title at the top, when it was made and the page number
 * at the foot. In the HTML itself, so a browser's own print gives the same pages.
 */
function pageStyle(input: ReportInput, generated: string): string {
  const box = `font-family: ${CHART_FONT}; font-size: 8pt; color: #555;`;
  return `
@page {
  size: A4;
  margin: 18mm 15mm 16mm;
  @top-left { content: ${cssString(input.school ?? '')}; ${box} }
  @top-right { content: ${cssString(`${t('report.title')} — ${period(input)}`)}; ${box} }
  @bottom-left { content: ${cssString(t('report.footer', { generated }))}; ${box} }
  @bottom-right { content: ${pageCounter()}; ${box} }
}`;
}

// Page breaks: a heading stays with what follows it (a heading is never the last thing on
// a page), a list keeps at least two items together and with its heading, a paragraph
// leaves no single line behind or ahead.
const STYLE = `
* { box-sizing: border-box; }
body { font-family: ${CHART_FONT}; font-size: 10.5pt; color: #222; margin: 0 auto; max-width: 180mm; padding: 8mm 0; line-height: 1.35; }
h1 { font-size: 18pt; margin: 0 0 2mm; color: #123; }
h1 .school { display: block; font-size: 12pt; font-weight: normal; color: #1f5f99; margin-bottom: 1mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; color: #1f5f99; border-bottom: 1px solid #ccd; padding-bottom: 1mm; break-after: avoid; }
h2 + p.note { break-after: avoid; }
p, li, dd { orphans: 3; widows: 3; }
li, dd, tr { break-inside: avoid; }
ul li:first-child, ul li:nth-last-child(2), dt { break-after: avoid; }
p.meta { color: #555; margin: 0 0 4mm; }
.summary { display: flex; gap: 4mm; margin: 4mm 0; }
.summary div { flex: 1; border: 1px solid #ccd; border-radius: 2mm; padding: 2mm 3mm; }
.summary b { display: block; font-size: 15pt; color: #1f5f99; }
figure { margin: 2mm 0; break-inside: avoid; }
figcaption { font-weight: bold; font-size: 9.5pt; margin-bottom: 1mm; }
figure svg { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; font-size: 9.5pt; break-inside: avoid; }
caption { text-align: left; font-weight: bold; padding-bottom: 1mm; }
th, td { border-bottom: 1px solid #dde; padding: 1mm 1.5mm; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.hidden { color: #777; font-style: italic; }
tr.total th, tr.total td { border-top: 1.5px solid #889; font-weight: bold; }
ul.employers { padding-left: 5mm; margin: 1mm 0; }
dl dt { font-weight: bold; margin-top: 2mm; }
dl dd { margin: 0 0 0 5mm; }
code { font-family: 'Liberation Mono', 'DejaVu Sans Mono', monospace; font-size: 9pt; }
.note { color: #555; font-size: 9pt; }
`;

/** A term of the methodology and its definition, as HTML. */
function definition(term: string, text: string): string {
  return `<dt>${escape(term)}</dt>\n<dd>${escape(text)}</dd>`;
}

/** The outcome report as one self-contained HTML page: inline CSS and SVG, no script, no URL. */
export async function reportHtml(input: ReportInput): Promise<string> {
  const { minCell } = input;
  const years = suppressSmallCells(input.years, (y) => y.total_diplomes, minCell);
  const fields = suppressSmallCells(input.fields, (f) => f.total_diplomes, minCell);
  const fieldName = (f: FieldFigures) => f.domaine ?? t('report.field_not_recorded');
  const all = situationRates(addCounts(input.years));
  const fieldGraduates = input.fields.reduce((sum, f) => sum + f.total_diplomes, 0);
  const yearLabels = input.years.map((y) => String(y.annee_sortie));
  const knowledge = { ...KNOWLEDGE, name: t('report.knowledge_rate') };
  const employment = { ...EMPLOYMENT, name: t('report.employment_rate') };
  const yearSeries: RateSeries[] = [
    { ...knowledge, values: visibleRates(years, (y) => y.taux_connaissance) },
    { ...employment, values: visibleRates(years, (y) => y.taux_emploi) },
  ];
  const anyHidden = [...years.rows, ...fields.rows].some((r) => r.suppressed);
  const headline = (label: string, value: string) => `<div>${escape(label)}<b>${value}</b></div>`;
  const hiddenAll = years.totalSuppressed;
  const label = smallCellLabel(minCell);
  const ranged = input.range.from !== undefined || input.range.to !== undefined;
  const refreshed = input.refreshedAt ? when(input.refreshedAt) : null;
  const generated = when(input.generatedAt);

  // Each chart says what it plots, in words (its caption, also the SVG's accessible name).
  const chartOr = async (rows: number, caption: string, chart: () => Promise<string>) =>
    rows === 0
      ? `<p class="note">${tx('report.no_chart')}</p>`
      : `<figure>\n<figcaption>${escape(caption)}</figcaption>\n${await chart()}\n</figure>`;
  const school = input.school ? `<span class="school">${escape(input.school)}</span>` : '';

  return `<!DOCTYPE html>
<html lang="${currentLanguage()}">
<head>
<meta charset="utf-8">
<title>${input.school ? `${escape(input.school)} — ` : ''}${tx('report.title')} — ${escape(period(input))}</title>
<style>${pageStyle(input, generated)}${STYLE}</style>
</head>
<body>
<h1>${school}${tx('report.title')}</h1>
<p class="meta">${tx('report.meta', { period: period(input), generated, refreshed })}</p>
<div class="summary">
${headline(t('report.graduates'), hiddenAll ? hiddenCount(minCell) : escape(integer(all.total_diplomes)))}
${headline(t('report.knowledge_rate'), hiddenAll ? hiddenCount(minCell) : escape(rateText(all.taux_connaissance)))}
${headline(t('report.employment_rate'), hiddenAll ? hiddenCount(minCell) : escape(rateText(all.taux_emploi)))}
</div>
${anyHidden ? `<p class="note">${tx('report.hidden_note', { minCell: integer(minCell), label })}</p>` : ''}

<h2>${tx('report.section.years')}</h2>
${await chartOr(input.years.length, t('report.chart.by_year'), () => ratesByYearChart(yearLabels, yearSeries))}
${figureTable(t('report.caption.years'), years, (y) => String(y.annee_sortie), minCell)}

<h2>${tx('report.section.trend')}</h2>
${await chartOr(input.years.length, t('report.chart.trend'), () => trendChart(yearLabels, yearSeries))}

<h2>${tx('report.section.fields')}</h2>
${await chartOr(input.fields.length, t('report.chart.by_field'), () =>
  ratesByFieldChart(input.fields.map(fieldName), { ...employment, values: visibleRates(fields, (f) => f.taux_emploi) }),
)}
${figureTable(t('report.caption.fields'), fields, fieldName, minCell)}

<h2>${tx('report.section.employers')}</h2>
<p class="note">${tx('report.employers.note')}</p>
${employersSection(input, years)}

<h2>${tx('report.section.methodology')}</h2>
<dl>
${[
  definition(t('report.method.graduates.term'), t('report.method.graduates', { period: ranged ? period(input) : null })),
  definition(t('report.method.working.term'), t('report.method.working')),
  definition(t('report.method.searching.term'), t('report.method.searching')),
  definition(t('report.method.known.term'), t('report.method.known')),
  definition(t('report.method.knowledge.term'), t('report.method.knowledge')),
  definition(t('report.method.employment.term'), t('report.method.employment')),
  definition(t('report.method.rounding.term'), t('report.method.rounding')),
  definition(
    t('report.method.sources.term'),
    t('report.method.sources', { refreshed, generated }) +
      (fieldGraduates !== all.total_diplomes
        ? t('report.method.sources.stale', { records: integer(fieldGraduates), classes: integer(all.total_diplomes) })
        : ''),
  ),
  definition(t('report.method.small.term'), t('report.method.small', { minCell: integer(minCell), label })),
  definition(t('report.method.order.term'), t('report.method.order')),
].join('\n')}
</dl>
</body>
</html>
`;
}
