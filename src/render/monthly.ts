import type { ItemAt } from '../compute/items.js';
import type { MonthlyReport } from '../compute/monthly.js';
import type { Messages } from '../i18n/index.js';
import { formatDue, formatItemTitle, formatOwners, formatRate, formatTargetGoal } from './format.js';
import type { Block, ReportDocument } from './document.js';
import { visible } from './text.js';

/** The monthly report for leaders as a document; the words come from the message catalog. */
export function monthlyDocument(report: MonthlyReport, msg: Messages): ReportDocument {
  const m = msg.monthly;
  const t = report.totals;
  const itemTable = (items: readonly ItemAt[], extra: 'daysLate' | 'completed' | 'none'): Block => ({
    table: {
      columns: [
        { header: msg.col.id },
        { header: msg.col.title, flex: true },
        { header: msg.col.owner },
        { header: msg.col.due },
        ...(extra === 'daysLate' ? [{ header: msg.col.daysLate, align: 'right' as const }] : extra === 'completed' ? [{ header: msg.col.completed }] : []),
      ],
      rows: items.map((i) => [
        i.id,
        formatItemTitle(i),
        formatOwners(i, msg),
        formatDue(i),
        ...(extra === 'daysLate' ? [String(i.daysLate)] : extra === 'completed' ? [`${i.completed}${i.state === 'done_late' ? ` (${m.late(i.daysLate)})` : ''}`] : []),
      ]),
    },
  });
  const listOrNone = (items: readonly ItemAt[], extra: 'daysLate' | 'completed' | 'none'): Block[] =>
    items.length === 0 ? [{ paragraph: m.nothing }] : [itemTable(items, extra)];
  const count = (state: string) => report.targets.filter((x) => x.state === state).length;

  return {
    title: m.title(report.month),
    lead: [visible(`${report.title} — ${report.issuer}`), m.lead(report.monthStart, report.monthEnd)],
    sections: [
      {
        heading: m.summary,
        blocks: [
          { paragraph: m.summaryText(t.total, t.done, t.overdue, t.dueSoon + t.open, formatRate(t.onTime, msg), report.completed.length, report.fellOverdue.length) },
          {
            table: {
              columns: [
                { header: msg.col.domain, flex: true },
                { header: msg.col.items, align: 'right' },
                { header: msg.col.done, align: 'right' },
                { header: msg.col.overdue, align: 'right' },
                { header: msg.col.onTime, align: 'right' },
              ],
              rows: report.domains.map((d) => [visible(`${d.id} ${d.title}`), String(d.tally.total), String(d.tally.done), String(d.tally.overdue), formatRate(d.tally.onTime, msg)]),
            },
          },
        ],
      },
      { heading: m.completed(report.completed.length), blocks: listOrNone(report.completed, 'completed') },
      { heading: m.fellOverdue(report.fellOverdue.length), blocks: listOrNone(report.fellOverdue, 'daysLate') },
      { heading: m.stillOverdue(report.stillOverdue.length), blocks: listOrNone(report.stillOverdue, 'daysLate') },
      { heading: m.dueNext(report.dueNextMonth.length), blocks: listOrNone(report.dueNextMonth, 'none') },
      {
        heading: m.owners,
        blocks:
          report.owners.length === 0
            ? [{ paragraph: m.nothing }]
            : report.owners.map((o) => ({
                paragraph: m.ownerLine(o.kind === 'unassigned' ? msg.unassigned : visible(o.name), o.tally.done, o.tally.overdue, o.tally.dueSoon, formatRate(o.tally.onTime, msg)),
              })),
      },
      {
        heading: m.standardization,
        blocks: [
          { paragraph: msg.townsLine(formatRate(report.towns.total, msg), formatRate(report.towns.aboveScale, msg)) },
          { paragraph: msg.townsGaps(report.towns.withoutTarget, report.towns.withoutReport) },
          { paragraph: msg.rosterLine({ total: report.roster.all.total, ...report.roster.all.counts }) },
        ],
      },
      {
        heading: m.targets,
        blocks: [
          { paragraph: msg.targetsLine(count('met'), count('missed'), count('no_figure')) },
          {
            table: {
              columns: [{ header: msg.col.id }, { header: msg.col.title, flex: true }, { header: msg.col.target }, { header: msg.col.figure }, { header: msg.col.state }],
              rows: report.targets.map((x) => [
                x.id,
                visible(x.title),
                visible(formatTargetGoal(x, msg)),
                x.actual === null ? msg.none : `${x.actual}${visible(x.unit)} (${x.actualDate})`,
                msg.targetState[x.state]!,
              ]),
            },
          },
        ],
      },
      {
        heading: m.notes,
        blocks: [
          { paragraph: m.basis(report.monthEnd) },
          ...(report.undatedTasks > 0 ? [{ paragraph: msg.undatedLine(report.undatedTasks, report.period.end) }] : []),
          ...report.gaps.map((g) => ({ paragraph: msg.gapLine(g.taskId, visible(g.title), visible(g.season)) })),
        ],
      },
    ],
  };
}
