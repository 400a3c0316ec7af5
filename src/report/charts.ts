import { formats, t } from '../i18n/messages.js';

/**
 * The report's charts: ECharts in server-side SVG mode (no DOM, no canvas, no native
 * dependency), each rendered to an SVG string and disposed of at once. Loaded only by
 * `stats report` (a dynamic import), so no other command pays for ECharts.
 */

export const CHART_FONT = "'Liberation Sans', Arial, Helvetica, sans-serif";
export const CHART_WIDTH = 680;

export interface RateSeries {
  name: string;
  /** One value per category, in percent; null where the figure is hidden or undefined. */
  values: Array<number | null>;
  color: string;
}

type ECharts = typeof import('echarts');

async function renderSvg(width: number, height: number, option: Record<string, unknown>, label: string): Promise<string> {
  const echarts: ECharts = await import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT, fontSize: 11, color: '#222' }, ...option });
    // The namespaces are implied in HTML; dropping them leaves no URL in the file at all.
    return chart
      .renderToSVGString()
      .replace(/ xmlns(:xlink)?="[^"]*"/g, '')
      .replace('<svg ', `<svg role="img" aria-label="${label.replace(/"/g, '&quot;')}" `);
  } finally {
    chart.dispose();
  }
}

// Axes and labels as the run's language writes numbers: `25 %` in French, `25%` in English.
const percentAxis = () => ({
  type: 'value',
  min: 0,
  max: 100,
  interval: 25,
  axisLabel: { formatter: (value: number) => formats().percent(value, 0) },
});
const valueLabel = () => ({
  show: true,
  fontSize: 9,
  formatter: (p: { value: number | null }) => (p.value === null ? '' : formats().integer(Math.round(p.value))),
});

/** Both rates per class year, side by side. */
export function ratesByYearChart(years: string[], series: RateSeries[]): Promise<string> {
  return renderSvg(
    CHART_WIDTH,
    280,
    {
      legend: { top: 0, itemWidth: 14, itemHeight: 10 },
      grid: { left: 56, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: years },
      yAxis: percentAxis(),
      series: series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.values,
        itemStyle: { color: s.color },
        label: { ...valueLabel(), position: 'top' },
      })),
    },
    t('report.chart.by_year'),
  );
}

/** The rates' trend over the class years; a hidden year is a gap, not a zero. */
export function trendChart(years: string[], series: RateSeries[]): Promise<string> {
  return renderSvg(
    CHART_WIDTH,
    240,
    {
      legend: { top: 0, itemWidth: 14, itemHeight: 10 },
      grid: { left: 56, right: 24, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: years, boundaryGap: false },
      yAxis: percentAxis(),
      series: series.map((s) => ({
        type: 'line',
        name: s.name,
        data: s.values,
        connectNulls: false,
        symbolSize: 6,
        itemStyle: { color: s.color },
        lineStyle: { color: s.color, width: 2 },
      })),
    },
    t('report.chart.trend'),
  );
}

/** The employment rate per field, one horizontal bar each. */
export function ratesByFieldChart(fields: string[], series: RateSeries): Promise<string> {
  return renderSvg(
    CHART_WIDTH,
    Math.max(120, 40 + fields.length * 26),
    {
      grid: { left: 176, right: 48, top: 8, bottom: 28 },
      xAxis: percentAxis(),
      yAxis: { type: 'category', data: fields, inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: series.name,
          data: series.values,
          itemStyle: { color: series.color },
          label: { ...valueLabel(), position: 'right' },
        },
      ],
    },
    t('report.chart.by_field'),
  );
}
