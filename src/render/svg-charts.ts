import { scaleBand, scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';
import { displayWidth, truncateToWidth } from './text.js';

/**
 * Charts as inline SVG for the HTML report. Every chart carries its figures as text three times:
 * in its <title>/<desc> (screen readers), as labels beside the bars (screen and print), and in a
 * table under the figure (copying the numbers out). Every string is escaped here, whatever its source.
 */

export interface BarRow {
  label: string;
  /** The bar's length on the chart's scale, or null when there is no figure (no bar is drawn). */
  value: number | null;
  /** The figure as written beside the bar, e.g. "80% (4/5)". */
  text: string;
}

export interface BarChart {
  /** Unique within the document: the SVG's title and description are referred to by it. */
  id: string;
  title: string;
  valueAxis: string;
  categoryAxis: string;
  rows: BarRow[];
  /** The scale's upper end; values above it widen the scale. */
  max: number;
  tickFormat: (value: number) => string;
  /** A reference line across the bars, e.g. the target at 100%. */
  reference?: { value: number; label: string };
  noData: string;
  figuresOf: (title: string) => string;
}

export interface StackedChart {
  id: string;
  title: string;
  valueAxis: string;
  categoryAxis: string;
  keys: string[];
  keyLabels: Record<string, string>;
  /** The palette colour of each key (fill-N), when not the key's position: overdue drawn in red wherever it stands. */
  fills?: number[];
  rows: { label: string; counts: Record<string, number> }[];
  noData: string;
  figuresOf: (title: string) => string;
}

const WIDTH = 680;
const BAR = 22;
const FONT = 12;
const LABEL_MAX = 30; // display columns: 15 Chinese characters
const TEXT_ROOM = 120; // room right of the longest bar for its figure
const TOP = 28;
const AXIS = 44;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The width a bar of zero is drawn with. */
const ZERO_BAR = 2;

/** Horizontal bars, one per row, in the order given. */
export function renderBarChart(chart: BarChart): string {
  if (chart.rows.length === 0) return emptyFigure(chart.title, chart.noData);
  const left = labelRoom(chart.rows.map((r) => r.label));
  const height = TOP + chart.rows.length * BAR * 1.4 + AXIS;
  const max = Math.max(chart.max, ...chart.rows.map((r) => r.value ?? 0));
  const x = scaleLinear().domain([0, max]).range([left, WIDTH - TEXT_ROOM]);
  const y = scaleBand<number>()
    .domain(chart.rows.map((_, i) => i))
    .range([TOP, height - AXIS])
    .padding(0.3);
  const bars = chart.rows.map((row, i) => {
    const top = y(i)!;
    const mid = top + y.bandwidth() / 2;
    const end = row.value === null ? x(0) : x(row.value);
    // A zero is a stub of a bar, so that it differs from no figure at all (no bar, the text in grey).
    const width = row.value === 0 ? ZERO_BAR : end - x(0);
    return (
      `<g class="bar${row.value === null ? ' no-data' : ''}"><title>${escapeHtml(`${row.label}: ${row.text}`)}</title>` +
      label(left - 6, mid, 'end', truncateToWidth(row.label, LABEL_MAX)) +
      (row.value === null ? '' : `<rect x="${num(x(0))}" y="${num(top)}" width="${num(width)}" height="${num(y.bandwidth())}" class="fill-0"/>`) +
      label(end + 4, mid, 'start', row.text) +
      '</g>'
    );
  });
  const reference =
    chart.reference === undefined
      ? ''
      : `<g class="reference"><line x1="${num(x(chart.reference.value))}" x2="${num(x(chart.reference.value))}" y1="${TOP - 6}" y2="${num(height - AXIS)}"/>` +
        label(x(chart.reference.value), TOP - 10, 'middle', chart.reference.label) +
        '</g>';
  const axis = valueAxis(x.ticks(5).map((t) => ({ at: x(t), text: chart.tickFormat(t) })), height - AXIS, left, chart.valueAxis, chart.categoryAxis);
  const desc = chart.rows.map((r) => `${r.label}: ${r.text}`).join('; ');
  return figure(chart.id, chart.title, desc, height, axis + bars.join('') + reference, [chart.categoryAxis, chart.valueAxis], chart.rows.map((r) => [r.label, r.text]), chart.figuresOf);
}

/** Horizontal stacked bars: one bar per row, one segment per key, the total at the end. */
export function renderStackedChart(chart: StackedChart): string {
  if (chart.rows.length === 0) return emptyFigure(chart.title, chart.noData);
  const left = labelRoom(chart.rows.map((r) => r.label));
  const legendHeight = 24;
  const height = TOP + legendHeight + chart.rows.length * BAR * 1.4 + AXIS;
  const totals = chart.rows.map((r) => chart.keys.reduce((sum, k) => sum + (r.counts[k] ?? 0), 0));
  const x = scaleLinear()
    .domain([0, Math.max(1, ...totals)])
    .range([left, WIDTH - TEXT_ROOM])
    .nice();
  const y = scaleBand<number>()
    .domain(chart.rows.map((_, i) => i))
    .range([TOP + legendHeight, height - AXIS])
    .padding(0.3);
  const fill = (k: number) => `fill-${chart.fills?.[k] ?? k}`;
  const series = stack<{ label: string; counts: Record<string, number> }, string>()
    .keys(chart.keys)
    .value((row, key) => row.counts[key] ?? 0)(chart.rows);
  const segments = series.flatMap((layer, k) =>
    layer.flatMap(([from, to], i) => {
      if (to === from) return [];
      const count = to - from;
      const tip = `${chart.rows[i]!.label}, ${chart.keyLabels[layer.key]!}: ${count}`;
      const width = x(to) - x(from);
      return [
        `<g class="segment"><title>${escapeHtml(tip)}</title><rect x="${num(x(from))}" y="${num(y(i)!)}" width="${num(width)}" height="${num(y.bandwidth())}" class="${fill(k)}"/>` +
          // The count inside its segment when it fits; the table below has it in any case.
          (width >= 14 ? label(x(from) + width / 2, y(i)! + y.bandwidth() / 2, 'middle', String(count), 'inside') : '') +
          '</g>',
      ];
    }),
  );
  const rowLabels = chart.rows.map((row, i) => {
    const mid = y(i)! + y.bandwidth() / 2;
    return label(left - 6, mid, 'end', truncateToWidth(row.label, LABEL_MAX)) + label(x(totals[i]!) + 4, mid, 'start', String(totals[i]));
  });
  const legend = chart.keys
    .map((key, k) => `<rect x="${left + k * 110}" y="${TOP - 8}" width="12" height="12" class="${fill(k)}"/>` + label(left + k * 110 + 16, TOP - 2, 'start', chart.keyLabels[key]!))
    .join('');
  const axis = valueAxis(
    x.ticks(5).filter(Number.isInteger).map((t) => ({ at: x(t), text: String(t) })),
    height - AXIS,
    left,
    chart.valueAxis,
    chart.categoryAxis,
  );
  const desc = chart.rows.map((r, i) => `${r.label}: ${chart.keys.map((k) => `${chart.keyLabels[k]!} ${r.counts[k] ?? 0}`).join(', ')}; ${totals[i]}`).join('; ');
  const table = chart.rows.map((r, i) => [r.label, ...chart.keys.map((k) => String(r.counts[k] ?? 0)), String(totals[i])]);
  return figure(
    chart.id,
    chart.title,
    desc,
    height,
    legend + axis + segments.join('') + rowLabels.join(''),
    [chart.categoryAxis, ...chart.keys.map((k) => chart.keyLabels[k]!), chart.valueAxis],
    table,
    chart.figuresOf,
  );
}

function labelRoom(labels: string[]): number {
  const widest = Math.min(LABEL_MAX, Math.max(...labels.map(displayWidth)));
  return Math.max(80, Math.ceil(widest * (FONT / 2 + 0.5)) + 12);
}

function valueAxis(ticks: { at: number; text: string }[], bottom: number, left: number, valueLabel: string, categoryLabel: string): string {
  const marks = ticks.map((t) => `<line x1="${num(t.at)}" x2="${num(t.at)}" y1="${num(bottom)}" y2="${num(bottom + 4)}"/>` + label(t.at, bottom + 16, 'middle', t.text)).join('');
  return (
    `<g class="axis"><line x1="${left}" x2="${WIDTH - TEXT_ROOM}" y1="${num(bottom)}" y2="${num(bottom)}"/>` +
    `<line x1="${left}" x2="${left}" y1="${TOP - 8}" y2="${num(bottom)}"/>` +
    marks +
    label((left + WIDTH - TEXT_ROOM) / 2, bottom + 34, 'middle', valueLabel, 'axis-label') +
    label(4, TOP - 14, 'start', categoryLabel, 'axis-label') +
    '</g>'
  );
}

function label(x: number, y: number, anchor: 'start' | 'middle' | 'end', text: string, className?: string): string {
  const cls = className === undefined ? '' : ` class="${className}"`;
  return `<text x="${num(x)}" y="${num(y)}" text-anchor="${anchor}" dominant-baseline="middle"${cls}>${escapeHtml(text)}</text>`;
}

function figure(id: string, title: string, desc: string, height: number, body: string, headers: string[], rows: string[][], figuresOf: (title: string) => string): string {
  const table =
    `<table class="chart-figures"><caption>${escapeHtml(figuresOf(title))}</caption>` +
    `<thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => `<td${i > 0 ? ' class="num"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  return (
    `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption>` +
    `<svg role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${WIDTH} ${num(height)}" width="100%">` +
    `<title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(desc)}</desc>` +
    body +
    `</svg>${table}</figure>`
  );
}

function emptyFigure(title: string, noData: string): string {
  return `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption><p>${escapeHtml(noData)}</p></figure>`;
}

function num(value: number): string {
  return String(Math.round(value * 10) / 10);
}
