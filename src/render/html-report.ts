import type { MonthPoint } from '../compute/month-series.js';
import type { MonthlyReport } from '../compute/monthly.js';
import type { Messages } from '../i18n/index.js';
import type { ReportDocument } from './document.js';
import { formatRate } from './format.js';
import { monthlyDocument } from './monthly.js';
import { escapeHtml, renderBarChart, renderStackedChart } from './svg-charts.js';
import { visible } from './text.js';

const ROSTER_STATES = ['certified', 'applying', 'not_started', 'expired', 'revoked'] as const;

/**
 * The monthly report as one self-contained HTML file for the screen and A4 print: the same
 * sections and tables as the text report, with charts drawn from the same figures. Nothing in it
 * loads anything (no script, no font, no image, no link), so it reads the same offline and on paper.
 */
export function renderMonthlyHtml(report: MonthlyReport, months: readonly MonthPoint[], msg: Messages): string {
  const doc = monthlyDocument(report, msg);
  const charts = new Map<string, string[]>([
    [msg.monthly.summary, [onTimeChart(report, msg), monthsChart(months, msg)]],
    [msg.monthly.standardization, [townsChart(report, msg), rosterChart(report, msg)]],
  ]);
  return renderDocumentHtml(doc, msg.htmlReport.lang, charts);
}

/** A report document as HTML; `charts` adds figures (already HTML) after the section with that heading. */
export function renderDocumentHtml(doc: ReportDocument, lang: string, charts: ReadonlyMap<string, string[]>): string {
  const sections = doc.sections.map((section) => {
    const blocks = section.blocks.map((block) => ('paragraph' in block ? `<p>${escapeHtml(block.paragraph)}</p>` : htmlTable(block.table.columns, block.table.rows)));
    return `<section>\n<h2>${escapeHtml(section.heading)}</h2>\n${[...blocks, ...(charts.get(section.heading) ?? [])].join('\n')}\n</section>`;
  });
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    ...doc.lead.map((line) => `<p class="lead">${escapeHtml(line)}</p>`),
    '</header>',
    ...sections,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** An id (ZH-03@2022-Q2, GM-A04/m1) or a date (2022-06-30, 2022-06): a cell never broken inside. */
const WHOLE = /^(?:[A-Z]{2,4}-[A-Z]?\d{2,3}(?:[@/][\w-]+)?|\d{4}-\d{2}(?:-\d{2})?\*?)$/;

function htmlTable(columns: { header: string; align?: 'left' | 'right' }[], rows: string[][]): string {
  const cls = (i: number, cell?: string) => {
    const names = [...(columns[i]?.align === 'right' ? ['num'] : []), ...(cell !== undefined && WHOLE.test(cell) ? ['whole'] : [])];
    return names.length > 0 ? ` class="${names.join(' ')}"` : '';
  };
  return (
    `<table>\n<thead><tr>${columns.map((c, i) => `<th${cls(i)}>${escapeHtml(c.header)}</th>`).join('')}</tr></thead>\n<tbody>\n` +
    rows.map((row) => `<tr>${row.map((cell, i) => `<td${cls(i, cell)}>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n') +
    '\n</tbody>\n</table>'
  );
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

function onTimeChart(report: MonthlyReport, msg: Messages): string {
  const h = msg.htmlReport;
  return renderBarChart({
    id: 'chart-on-time',
    title: h.onTimeTitle,
    valueAxis: h.onTimeAxis,
    categoryAxis: h.domainAxis,
    rows: report.domains.map((d) => ({ label: visible(`${d.id} ${d.title}`), value: d.tally.onTime.value, text: formatRate(d.tally.onTime, msg) })),
    max: 1,
    tickFormat: percent,
    noData: h.noData,
    figuresOf: h.figuresOf,
  });
}

const MONTH_KEYS = ['doneOnTime', 'doneLate', 'overdue'] as const;

function monthsChart(months: readonly MonthPoint[], msg: Messages): string {
  const h = msg.htmlReport;
  return renderStackedChart({
    id: 'chart-months',
    title: months.length === 0 ? h.monthsTitleNone : h.monthsTitle(months[0]!.month, months.at(-1)!.month),
    valueAxis: h.monthsAxis,
    categoryAxis: h.monthAxis,
    keys: [...MONTH_KEYS],
    keyLabels: h.monthKeys,
    // Overdue in the palette's red, as in the roster's expired.
    fills: [0, 1, 3],
    rows: months.map((p) => ({ label: h.monthLabel(p.month, p.partial ? p.asOf : null), counts: { doneOnTime: p.doneOnTime, doneLate: p.doneLate, overdue: p.overdue } })),
    noData: h.noData,
    figuresOf: h.figuresOf,
  });
}

function townsChart(report: MonthlyReport, msg: Messages): string {
  const h = msg.htmlReport;
  return renderBarChart({
    id: 'chart-towns',
    title: h.townsTitle,
    valueAxis: h.townsAxis,
    categoryAxis: h.townAxis,
    // Already ranked by the report; towns without a target have no share to draw.
    rows: report.townRanking.map((t) => ({
      label: t.rank === null ? visible(t.name) : `${t.rank}. ${visible(t.name)}`,
      // No figure is no bar at all, told apart from a reported 0% (a stub of a bar).
      value: t.achievedTotal === null ? null : t.total.value,
      text: t.achievedTotal === null ? `${msg.notReported} (0/${t.total.denominator})` : formatRate(t.total, msg),
    })),
    max: 1,
    tickFormat: percent,
    reference: { value: 1, label: h.targetLine },
    noData: h.noData,
    figuresOf: h.figuresOf,
  });
}

function rosterChart(report: MonthlyReport, msg: Messages): string {
  const h = msg.htmlReport;
  return renderStackedChart({
    id: 'chart-roster',
    title: h.rosterTitle,
    valueAxis: h.rosterAxis,
    categoryAxis: h.industryAxis,
    keys: [...ROSTER_STATES],
    keyLabels: Object.fromEntries(ROSTER_STATES.map((s) => [s, msg.show.rosterState[s]!])),
    rows: report.roster.industries.map((row) => ({ label: visible(row.industry), counts: { ...row.counts } })),
    noData: h.noData,
    figuresOf: h.figuresOf,
  });
}

// Print first: A4 with a government-document font stack, each section on its own page, table
// headers repeated on every page a table runs over. Only locally installed fonts are named.
const STYLE = `
@page { size: A4; margin: 25mm 20mm 22mm 20mm; }
html { font-family: FangSong, "仿宋", FangSong_GB2312, STFangsong, SimSun, "宋体", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 12pt; line-height: 1.6; color: #000; background: #fff; }
body { max-width: 170mm; margin: 0 auto; padding: 8mm 0; }
h1, h2, caption, figcaption { font-family: SimSun, "宋体", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-weight: bold; }
h1 { font-size: 20pt; text-align: center; margin: 0 0 6mm; }
h2 { font-size: 15pt; margin: 0 0 3mm; break-after: avoid; }
p { margin: 0 0 2mm; text-indent: 2em; }
p.lead { text-indent: 0; text-align: center; }
section { margin-top: 8mm; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 10.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #444; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eee; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
figure.chart { margin: 4mm 0; break-inside: avoid; }
figcaption { text-align: center; font-size: 12pt; }
caption { font-size: 10.5pt; text-align: left; padding-bottom: 1mm; }
svg { display: block; max-width: 100%; height: auto; font-size: 12px; }
svg text { fill: #000; }
svg text.inside { fill: #fff; font-size: 10px; }
svg text.axis-label { font-weight: bold; }
svg .axis line { stroke: #000; stroke-width: 1; }
svg .reference line { stroke: #c00; stroke-width: 1.5; stroke-dasharray: 4 3; }
th, td.whole { white-space: nowrap; word-break: keep-all; }
.no-data text { fill: #6b7280; font-style: italic; } .fill-0 { fill: #2b5c8a; } .fill-1 { fill: #e0a030; } .fill-2 { fill: #9aa5b1; } .fill-3 { fill: #b03a2e; } .fill-4 { fill: #5e3c58; }
@media print {
  body { max-width: none; padding: 0; }
  section { break-before: page; margin-top: 0; }
  th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
