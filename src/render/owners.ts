import type { OwnerReport, OwnerRow } from '../compute/owners.js';
import type { Messages } from '../i18n/index.js';
import type { Colors } from './color.js';
import { formatDue, formatItemTitle, formatOwners, formatRate } from './format.js';
import type { ItemAt } from '../compute/items.js';
import { wrapLines } from './fit.js';
import { widthOf, type TextOptions } from './status.js';
import { renderMarkdownTable, renderTable, type Column } from './table.js';
import { visible } from './text.js';

function ownerColumns(msg: Messages): Column[] {
  return [
    { header: msg.col.name, flex: true },
    { header: msg.col.kind },
    { header: msg.col.items, align: 'right' },
    { header: msg.col.done, align: 'right' },
    { header: msg.col.overdue, align: 'right' },
    { header: msg.col.dueSoon, align: 'right' },
    { header: msg.col.later, align: 'right' },
    { header: msg.col.blocked, align: 'right' },
    { header: msg.col.onTime, align: 'right' },
  ];
}

function ownerCells(row: OwnerRow, msg: Messages, c: Colors): string[] {
  const t = row.tally;
  return [
    row.kind === 'unassigned' ? msg.unassigned : visible(row.name),
    msg.kind[row.kind]!,
    String(t.total),
    String(t.done),
    t.overdue > 0 ? c.red(String(t.overdue)) : '0',
    t.dueSoon > 0 ? c.yellow(String(t.dueSoon)) : '0',
    String(t.open),
    String(t.blocked),
    formatRate(t.onTime, msg),
  ];
}

/** One row per person, per unit, and for unassigned items. */
export function renderOwnersText(rows: readonly OwnerRow[], options: TextOptions): string {
  return renderTable(ownerColumns(options.msg), rows.map((r) => ownerCells(r, options.msg, options.colors)), options.width) + '\n';
}

export function renderOwnersMarkdown(rows: readonly OwnerRow[], msg: Messages, c: Colors): string {
  return renderMarkdownTable(ownerColumns(msg), rows.map((r) => ownerCells(r, msg, c))) + '\n';
}

/** A report fit to send to one person or unit: what is late, what is due next, what was done. */
export function renderOwnerText(report: OwnerReport, options: TextOptions): string {
  const { msg, colors: c, width } = options;
  const name = report.kind === 'unassigned' ? msg.unassigned : visible(report.name);
  const out = [c.bold(msg.ownerHeading(name, report.asOf)), msg.itemsLine(report.tally, report.soonDays), msg.onTimeLine(formatRate(report.tally.onTime, msg)), ''];
  out.push(c.bold(msg.ownerLate(report.late.length)));
  out.push(report.late.length > 0 ? lateTable(report, msg, c, width) : msg.none, '');
  out.push(c.bold(msg.ownerDueNext(report.horizonDays, report.dueNext.length)));
  out.push(report.dueNext.length > 0 ? comingTable(report, report.dueNext, msg, c, width) : msg.none, '');
  if (report.blocked.length > 0) out.push(c.bold(msg.ownerBlocked(report.blocked.length)), comingTable(report, report.blocked, msg, c, width), '');
  // Said once, in words, rather than a column of dashes.
  const unknownYears = [...new Set([...report.dueDays.values()].flatMap((d) => (d.unknownYear === null ? [] : [d.unknownYear])))].sort();
  for (const year of unknownYears) out.push(msg.noCalendar(year), '');
  out.push(c.bold(msg.ownerDone(report.done.length)));
  out.push(
    report.done.length > 0
      ? renderTable(
          [{ header: msg.col.id }, { header: msg.col.title, flex: true }, { header: msg.col.due }, { header: msg.col.completed }, { header: msg.col.state }],
          report.done.map((i) => [i.id, formatItemTitle(i), i.due, i.completed ?? '', msg.state[i.state]!]),
          width,
        )
      : msg.none,
  );
  return wrapLines(out.join('\n'), widthOf(width)) + '\n';
}

/** A deadline, marked when it falls on a weekend or holiday (（休息日）). */
function dueText(report: OwnerReport, item: ItemAt, msg: Messages): string {
  const day = report.dueDays.get(item.id);
  const rest = day !== undefined && (day.kind === 'weekend' || day.kind === 'holiday');
  return formatDue(item) + (rest ? msg.restDayMark(day.holiday) : '');
}

function lateTable(report: OwnerReport, msg: Messages, c: Colors, width: TextOptions['width']): string {
  return renderTable(
    [{ header: msg.col.id }, { header: msg.col.domain }, { header: msg.col.title, flex: true }, { header: msg.col.owner, flex: true }, { header: msg.col.due }, { header: msg.col.daysLate, align: 'right' }],
    report.late.map((i) => [i.id, i.domainId, formatItemTitle(i), formatOwners(i, msg), dueText(report, i, msg), c.red(String(i.daysLate))]),
    width,
  );
}

/** Items still to come, with the working days left to each (in the plan's working calendar). */
function comingTable(report: OwnerReport, items: readonly ItemAt[], msg: Messages, c: Colors, width: TextOptions['width']): string {
  return renderTable(
    [{ header: msg.col.id }, { header: msg.col.title, flex: true }, { header: msg.col.owner, flex: true }, { header: msg.col.due }, { header: msg.col.workingDaysLeft, align: 'right' }],
    items.map((i) => {
      const left = report.dueDays.get(i.id)?.workingDaysLeft;
      return [i.id, formatItemTitle(i), formatOwners(i, msg), i.state === 'due_soon' ? c.yellow(dueText(report, i, msg)) : dueText(report, i, msg), left === undefined || left === null ? msg.none : String(left)];
    }),
    width,
  );
}
