import { addCounts, formatRate, situationRates, type SituationRates } from '../services/stats-rates.js';
import type { EmployerCount, FieldFigures, YearFigures, YearRange } from '../services/stats.js';
import { ratesByFieldChart, ratesByYearChart, trendChart, CHART_FONT, type RateSeries } from './charts.js';
import { smallCellLabel, suppressSmallCells, type SuppressedTable, type Suppression } from './suppression.js';

/** What the outcome report is made of (src/services/stats.ts), and how it is published. */
export interface ReportInput {
  years: YearFigures[];
  fields: FieldFigures[];
  employers: EmployerCount[];
  /** When stats_emploi_par_annee, the source of the per-year figures, was refreshed. */
  refreshedAt: Date | null;
  /** When the report was made: the per-field and employer figures are as of then. */
  generatedAt: Date;
  range: YearRange;
  minCell: number;
}

const KNOWLEDGE = { name: 'Knowledge rate', color: '#8a9bb0' };
const EMPLOYMENT = { name: 'Employment rate', color: '#1f5f99' };

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** "n&lt;5": the label of a hidden count, as HTML. */
function hiddenCount(minCell: number): string {
  return escape(smallCellLabel(minCell));
}

function when(at: Date | null): string {
  return at ? `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'never (no refresh recorded)';
}

const FIGURE_HEADERS = ['Graduates', 'Working', 'Searching', 'Unknown', 'Knowledge rate', 'Employment rate'];

/** One table row: a label, then the counts and the two rates, or why they are hidden. */
function figureRow(label: string, figures: SituationRates, suppressed: Suppression | null, minCell: number, total = false): string {
  const cells =
    suppressed === 'primary'
      ? `<td class="num">${hiddenCount(minCell)}</td><td colspan="5" class="hidden">hidden: fewer than ${minCell} graduates</td>`
      : suppressed === 'complementary'
        ? `<td class="num">hidden†</td><td colspan="5" class="hidden">hidden† so that a smaller hidden figure cannot be recomputed from the total</td>`
        : [
            figures.total_diplomes,
            figures.nb_travaillent,
            figures.nb_recherche,
            figures.nb_inconnu,
            formatRate(figures.taux_connaissance),
            formatRate(figures.taux_emploi),
          ]
            .map((value) => `<td class="num">${value}</td>`)
            .join('');
  return `<tr${total ? ' class="total"' : ''}><th scope="row">${escape(label)}</th>${cells}</tr>`;
}

function figureTable<Row extends SituationRates>(
  caption: string,
  table: SuppressedTable<Row>,
  label: (row: Row) => string,
  minCell: number,
): string {
  const total = situationRates(addCounts(table.rows.map((r) => r.row)));
  const body = table.rows.map(({ row, suppressed }) => figureRow(label(row), row, suppressed, minCell)).join('\n');
  return `<table>
<caption>${escape(caption)}</caption>
<thead><tr><th scope="col"></th>${FIGURE_HEADERS.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>
${body}
${figureRow('All', total, table.totalSuppressed ? 'primary' : null, minCell, true)}
</tbody>
</table>`;
}

/** A rate per row for a chart: null where the row is hidden. */
function visibleRates<Row extends SituationRates>(table: SuppressedTable<Row>, rate: (row: Row) => number | null): Array<number | null> {
  return table.rows.map(({ row, suppressed }) => (suppressed ? null : rate(row)));
}

function employersSection(input: ReportInput, years: SuppressedTable<YearFigures>): string {
  const items = years.rows.map(({ row, suppressed }) => {
    if (suppressed) return `<li><strong>${row.annee_sortie}</strong>: hidden with the class's figures.</li>`;
    const top = input.employers.filter((e) => e.annee_sortie === row.annee_sortie);
    const names = top.length
      ? top.map((e) => `${escape(e.nom_organisation)} (${e.alumni < input.minCell ? hiddenCount(input.minCell) : e.alumni})`).join(', ')
      : 'none recorded';
    return `<li><strong>${row.annee_sortie}</strong>: ${names}</li>`;
  });
  return `<ul class="employers">\n${items.join('\n')}\n</ul>`;
}

function period(input: ReportInput): string {
  const { from, to } = input.range;
  const first = from ?? input.years[0]?.annee_sortie;
  const last = to ?? input.years.at(-1)?.annee_sortie;
  return first === undefined ? 'no class year' : first === last ? `class of ${first}` : `classes ${first}–${last}`;
}

const STYLE = `
@page { size: A4; margin: 14mm 15mm; }
* { box-sizing: border-box; }
body { font-family: ${CHART_FONT}; font-size: 10.5pt; color: #222; margin: 0 auto; max-width: 180mm; padding: 8mm 0; line-height: 1.35; }
h1 { font-size: 18pt; margin: 0 0 2mm; color: #123; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; color: #1f5f99; border-bottom: 1px solid #ccd; padding-bottom: 1mm; break-after: avoid; }
p.meta { color: #555; margin: 0 0 4mm; }
.summary { display: flex; gap: 4mm; margin: 4mm 0; }
.summary div { flex: 1; border: 1px solid #ccd; border-radius: 2mm; padding: 2mm 3mm; }
.summary b { display: block; font-size: 15pt; color: #1f5f99; }
figure { margin: 2mm 0; break-inside: avoid; }
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

/** The outcome report as one self-contained HTML page: inline CSS and SVG, no script, no URL. */
export async function reportHtml(input: ReportInput): Promise<string> {
  const { minCell } = input;
  const years = suppressSmallCells(input.years, (y) => y.total_diplomes, minCell);
  const fields = suppressSmallCells(input.fields, (f) => f.total_diplomes, minCell);
  const fieldName = (f: FieldFigures) => f.domaine ?? '(field not recorded)';
  const all = situationRates(addCounts(input.years));
  const fieldGraduates = input.fields.reduce((sum, f) => sum + f.total_diplomes, 0);
  const yearLabels = input.years.map((y) => String(y.annee_sortie));
  const yearSeries: RateSeries[] = [
    { ...KNOWLEDGE, values: visibleRates(years, (y) => y.taux_connaissance) },
    { ...EMPLOYMENT, values: visibleRates(years, (y) => y.taux_emploi) },
  ];
  const anyHidden = [...years.rows, ...fields.rows].some((r) => r.suppressed);
  const headline = (label: string, value: string) => `<div>${label}<b>${value}</b></div>`;
  const hiddenAll = years.totalSuppressed;

  const chartOr = async (rows: number, chart: () => Promise<string>) =>
    rows === 0 ? '<p class="note">No figures to chart.</p>' : `<figure>${await chart()}</figure>`;

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Graduate outcomes — ${escape(period(input))}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Graduate outcomes</h1>
<p class="meta">${escape(period(input))} · generated ${when(input.generatedAt)} · figures per class year as of ${when(input.refreshedAt)}</p>
<div class="summary">
${headline('Graduates', hiddenAll ? hiddenCount(minCell) : String(all.total_diplomes))}
${headline('Knowledge rate', hiddenAll ? hiddenCount(minCell) : formatRate(all.taux_connaissance))}
${headline('Employment rate', hiddenAll ? hiddenCount(minCell) : formatRate(all.taux_emploi))}
</div>
${anyHidden ? `<p class="note">Figures over fewer than ${minCell} graduates are hidden (shown as ${hiddenCount(minCell)}), with further figures hidden (†) where a hidden one could otherwise be recomputed from a total; see Methodology.</p>` : ''}

<h2>Per class year</h2>
${await chartOr(input.years.length, () => ratesByYearChart(yearLabels, yearSeries))}
${figureTable('Graduates and their situation per class year', years, (y) => String(y.annee_sortie), minCell)}

<h2>Trend over the class years</h2>
${await chartOr(input.years.length, () => trendChart(yearLabels, yearSeries))}

<h2>Per field</h2>
${await chartOr(input.fields.length, () =>
  ratesByFieldChart(input.fields.map(fieldName), { ...EMPLOYMENT, values: visibleRates(fields, (f) => f.taux_emploi) }),
)}
${figureTable('Graduates and their situation per field', fields, fieldName, minCell)}

<h2>Top employers per class</h2>
<p class="note">Where the graduates of each class work now: organisations of which they are a current contact (interns left out), the most graduates first.</p>
${employersSection(input, years)}

<h2>Methodology</h2>
<dl>
<dt>Graduates</dt>
<dd>Former students (statut <code>etudiant</code>) with a graduation year (<code>annee_sortie</code>)${input.range.from !== undefined || input.range.to !== undefined ? ` in ${escape(period(input))}` : ''}.</dd>
<dt>Known situation</dt>
<dd>A graduate's situation is known when the record says whether they work: <code>travailleur</code> true (working) or false (searching). No answer (NULL) is unknown.</dd>
<dt>Knowledge rate</dt>
<dd>Numerator: graduates whose situation is known (working + searching). Denominator: all graduates. It says how far the employment rate can be trusted.</dd>
<dt>Employment rate (taux net d'emploi)</dt>
<dd>Numerator: graduates working. Denominator: graduates whose situation is known (working + searching). Unknown situations are left out, not counted as unemployed. When no graduate's situation is known the rate is undefined and shown as —.</dd>
<dt>Rounding</dt>
<dd>Rates in percent, two decimals in the tables, whole numbers on the charts.</dd>
<dt>Sources and dates</dt>
<dd>Per class year: the statistics view <code>stats_emploi_par_annee</code>, last refreshed ${when(input.refreshedAt)}. Per field and employers: the records themselves, as of ${when(input.generatedAt)}.${
    fieldGraduates !== all.total_diplomes
      ? ` The records now count ${fieldGraduates} graduates where the view counts ${all.total_diplomes}: the view is older than the records (run <code>alumni jobs run refresh-stats</code> and generate the report again).`
      : ''
  }</dd>
<dt>Small cells</dt>
<dd>A row counting fewer than ${minCell} graduates is hidden and its count shown as ${hiddenCount(minCell)}, so that no small group can be recognised. Because each table also prints its total, one hidden row could be recomputed as the total minus the rows shown; so further rows are hidden (marked †), smallest first, until the hidden rows together count at least ${minCell} graduates. When all rows together count fewer than ${minCell}, the total is hidden too. Employers are listed only for classes whose figures are shown, and a count below ${minCell} reads ${hiddenCount(minCell)}.</dd>
</dl>
</body>
</html>
`;
}
