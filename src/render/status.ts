import type { ItemAt } from '../compute/items.js';
import type { ReportBasis, StatusReport } from '../compute/status.js';
import type { Messages } from '../i18n/index.js';
import type { Colors } from './color.js';
import { formatDue, formatItemTitle, formatOwners, formatRate, gapLines } from './format.js';
import { wrapLines } from './fit.js';
import { renderTable, type Column, type Fit } from './table.js';
import { visible } from './text.js';

export interface TextOptions {
  msg: Messages;
  colors: Colors;
  /** Where the text goes: its width (a number or a Fit), to which tables and lines are fitted. */
  width: Fit | number | undefined;
}

/** The one-screen answer to "where do we stand?". */
export function renderStatusText(report: StatusReport, options: TextOptions): string {
  const { msg, colors: c, width } = options;
  const out: string[] = [...headerLines(report, msg, c)];
  out.push(msg.itemsLine(report.totals, report.soonDays), msg.onTimeLine(formatRate(report.totals.onTime, msg)), '');

  // A domain with nothing to count (goals but no tasks) would be a row of noughts.
  const domains = report.domains.filter((d) => d.tally.total > 0);
  if (domains.length > 0) out.push(c.bold(msg.byDomain));
  if (domains.length > 0) out.push(
    renderTable(
      [
        { header: msg.col.domain, flex: true },
        { header: msg.col.items, align: 'right' },
        { header: msg.col.done, align: 'right' },
        { header: msg.col.overdue, align: 'right' },
        { header: msg.col.dueSoon, align: 'right' },
        { header: msg.col.later, align: 'right' },
        { header: msg.col.onTime, align: 'right' },
      ],
      domains.map((d) => [
        visible(`${d.id} ${d.title}`),
        String(d.tally.total),
        String(d.tally.done),
        d.tally.overdue > 0 ? c.red(String(d.tally.overdue)) : '0',
        d.tally.dueSoon > 0 ? c.yellow(String(d.tally.dueSoon)) : '0',
        String(d.tally.open),
        formatRate(d.tally.onTime, msg),
      ]),
      width,
    ),
    '',
  );

  if (report.totals.overdue === 0) out.push(c.green(msg.noneOverdue), '');
  else out.push(c.bold(msg.mostOverdue(report.overdue.length, report.totals.overdue)), overdueTable(report.overdue, msg, c, width), '');

  if (report.dueSoon.length > 0) {
    out.push(c.bold(msg.dueSoonHeading(report.soonDays, report.dueSoon.length)), dueTable(report.dueSoon, msg, c, width), '');
  }

  // Sections for what the plan has: a notice without towns, a roster or targets prints none of them.
  const t = report.towns;
  const hasTowns = t.towns.length > 0;
  const hasRoster = report.roster.all.total > 0;
  if (hasTowns || hasRoster) out.push(c.bold(msg.standardization));
  if (hasTowns) out.push(msg.townsLine(formatRate(t.total, msg), formatRate(t.aboveScale, msg)), msg.townsGaps(t.withoutTarget, t.withoutReport));
  if (hasRoster) out.push(msg.rosterLine({ total: report.roster.all.total, ...report.roster.all.counts }));
  if (hasTowns || hasRoster) out.push('');

  const n = report.targetCounts;
  if (n.total + n.shared > 0) out.push(c.bold(msg.targetsHeading), msg.targetsLine(n.met, n.missed, n.inProgress, n.noFigure), '');

  out.push(...footnotes(report, msg));
  return wrapLines(out.join('\n').replace(/\n+$/, ''), widthOf(width)) + '\n';
}

/** The line width of a fit given as a number or a Fit. */
export function widthOf(fit: Fit | number | undefined): number | undefined {
  return typeof fit === 'number' ? fit : fit?.width;
}

export function headerLines(report: ReportBasis, msg: Messages, c: Colors): string[] {
  const lines = [c.bold(visible(`${report.title} — ${report.issuer}`)), msg.asOfLine(report.asOf, report.period.start, report.period.end)];
  if (report.position === 'before') lines.push(c.yellow(msg.outsideBefore(report.asOf, report.period.start)));
  if (report.position === 'after') lines.push(c.yellow(msg.outsideAfter(report.asOf, report.period.end)));
  lines.push('');
  return lines;
}

/** Table of overdue items: id, domain, title, owner, due, days late. */
export function overdueTable(items: readonly ItemAt[], msg: Messages, c: Colors, width: Fit | number | undefined): string {
  const columns: Column[] = [
    { header: msg.col.id },
    { header: msg.col.domain },
    { header: msg.col.title, flex: true },
    { header: msg.col.owner, flex: true },
    { header: msg.col.due },
    { header: msg.col.daysLate, align: 'right' },
  ];
  return renderTable(
    columns,
    items.map((i) => [i.id, i.domainId, formatItemTitle(i), formatOwners(i, msg), formatDue(i), c.red(String(i.daysLate))]),
    width,
  );
}

/** Table of items still to come: id, title, owner, due. */
export function dueTable(items: readonly ItemAt[], msg: Messages, c: Colors, width: Fit | number | undefined): string {
  return renderTable(
    [{ header: msg.col.id }, { header: msg.col.title, flex: true }, { header: msg.col.owner, flex: true }, { header: msg.col.due }],
    items.map((i) => [i.id, formatItemTitle(i), formatOwners(i, msg), i.state === 'due_soon' ? c.yellow(formatDue(i)) : formatDue(i)]),
    width,
  );
}

export function footnotes(report: Pick<StatusReport, 'undatedTasks' | 'gaps' | 'period' | 'countFrom' | 'totals'>, msg: Messages): string[] {
  const lines: string[] = [];
  if (report.totals.beforeNotice > 0) lines.push(`† ${msg.beforeNoticeLine(report.totals.beforeNotice, report.countFrom)}`);
  if (report.undatedTasks > 0) lines.push(`* ${msg.undatedLine(report.undatedTasks, report.period.end)}`);
  for (const line of gapLines(report.gaps, report.period.end, msg, true)) lines.push(`! ${line}`);
  return lines;
}
