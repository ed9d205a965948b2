import type { ItemAt } from '../compute/items.js';
import type { BlockedItem, CompletedItem, ListedItem, MonthlyReport } from '../compute/monthly.js';
import type { Cause, Corrections, ItemRecord } from '../compute/submission.js';
import type { Messages } from '../i18n/index.js';
import { formatDue, formatItemTitle, formatOwners, formatRate, formatTargetFigure, formatTargetGoal, formatTargetTitle, gapLines } from './format.js';
import type { Block, ReportDocument } from './document.js';
import type { Column } from './table.js';
import { visible } from './text.js';

/** The monthly report for leaders as a document; the words come from the message catalog. */
export function monthlyDocument(report: MonthlyReport, msg: Messages): ReportDocument {
  const m = msg.monthly;
  const t = report.totals;
  const f = report.figures;
  const n = report.targetCounts;
  const withFigure = report.targets.filter((x) => x.actualDate !== null);

  const document: ReportDocument = {
    title: m.title(report.month),
    author: report.issuer,
    lead: [visible(`${report.title} — ${report.issuer}`), report.partial ? m.leadPartial(report.monthStart, report.asOf) : m.lead(report.monthStart, report.monthEnd)],
    sections: [
      {
        heading: m.summary,
        blocks: [
          {
            paragraph: m.summaryText({
              asOf: report.partial ? m.asOfPartial(report.asOf) : m.asOfEnd,
              total: t.total,
              done: t.done,
              overdue: t.overdue,
              blocked: t.blocked,
              cancelled: t.cancelled,
              notYetDue: report.notYetDue,
              beforeNotice: t.beforeNotice,
              onTime: formatRate(t.onTime, msg),
              completed: f.completed,
              completedOnTime: f.completedOnTime,
              completedLate: f.completedLate,
              fellOverdue: f.fellOverdue,
              stillOverdue: f.stillOverdue,
            }),
          },
          domainTable(report, msg),
        ],
      },
      { heading: m.completed(f.completed), blocks: listOrNone(report.completed, msg, completedTable) },
      { heading: m.fellOverdue(f.fellOverdue), blocks: listOrNone(report.fellOverdue, msg, fellOverdueTable) },
      { heading: m.stillOverdue(f.stillOverdue), blocks: listOrNone(report.stillOverdue, msg, stateNowTable) },
      { heading: m.blocked(f.blocked), blocks: listOrNone(report.blocked, msg, blockedTable) },
      { heading: m.inProgress(f.inProgress), blocks: listOrNone(report.inProgress, msg, inProgressTable) },
      { heading: m.dueRest(f.dueRestOfMonth), blocks: listOrNone(report.dueRestOfMonth, msg, (items) => withProgress(itemTable(items, msg, [], () => []), items, msg)) },
      { heading: m.dueNext(f.dueNextMonth), blocks: listOrNone(report.dueNextMonth, msg, (items) => withProgress(itemTable(items, msg, [], () => []), items, msg)) },
      {
        heading: m.owners,
        blocks:
          report.owners.length === 0
            ? [{ paragraph: m.nothing }]
            : report.owners.map((o) => ({
                paragraph: m.ownerLine(o.kind === 'unassigned' ? msg.unassigned : visible(o.name), o.tally.done, o.tally.overdue, o.tally.dueSoon, formatRate(o.tally.onTime, msg)),
              })),
      },
      ...(report.towns.towns.length + report.roster.all.total > 0 ? [{ heading: m.standardization, blocks: standardizationBlocks(report, msg) }] : []),
      ...(n.total + n.shared === 0 ? [] : [{
        heading: m.targets,
        blocks: [
          { paragraph: msg.targetsLine(n.met, n.missed, n.inProgress, n.noFigure) },
          { paragraph: m.targetsWithFigure(n.withFigure, n.total) },
          ...(n.shared > 0 ? [{ paragraph: msg.targetsShared(n.shared) }] : []),
          ...(withFigure.length === 0
            ? []
            : [
                {
                  table: {
                    columns: [
                      { header: msg.col.id },
                      { header: msg.col.title, flex: true },
                      { header: msg.col.target, flex: true },
                      { header: msg.col.figure, flex: true },
                      { header: msg.col.periodEnd },
                      { header: msg.col.state },
                    ],
                    rows: withFigure.map((x) => [
                      x.id,
                      formatTargetTitle(x, msg),
                      visible(formatTargetGoal(x, msg)),
                      formatTargetFigure(x, msg),
                      x.periodEnd,
                      msg.targetState[x.state]!,
                    ]),
                  },
                },
              ]),
        ],
      }]),
      {
        heading: m.notes,
        blocks: [
          { paragraph: m.basis(report.asOf) },
          { paragraph: m.definitions },
          ...(report.undatedTasks > 0 ? [{ paragraph: msg.undatedLine(report.undatedTasks, report.period.end) }] : []),
          ...gapLines(report.gaps, report.period.end, msg, false).map((line) => ({ paragraph: line })),
        ],
      },
      ...correctionSections(report.corrections, msg),
    ],
  };
  return { ...document, sections: numbered(document.sections) };
}

/**
 * Sections numbered in order (一、二、… or 1. 2. …): a plan without towns or targets leaves those
 * sections out, and the ones after them move up.
 */
function numbered(sections: ReportDocument['sections']): ReportDocument['sections'] {
  const zh = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
  return sections.map((section, i) => {
    const zhHead = /^[一二三四五六七八九十]+、/.exec(section.heading);
    if (zhHead) return { ...section, heading: `${zh[i]}、${section.heading.slice(zhHead[0].length)}` };
    const enHead = /^\d+\. /.exec(section.heading);
    return enHead ? { ...section, heading: `${i + 1}. ${section.heading.slice(enHead[0].length)}` } : section;
  });
}

/** 更正说明: for a submitted month, every figure and item that differs now from what was sent, and why. */
function correctionSections(corrections: Corrections | null, msg: Messages): ReportDocument['sections'] {
  if (corrections === null || corrections.figures.length + corrections.items.length === 0) return [];
  const m = msg.monthly;
  const blocks: Block[] = [{ paragraph: m.correctionsLead(corrections.submittedOn, corrections.asOf) }];
  if (corrections.figures.length > 0) {
    blocks.push({
      table: {
        columns: [{ header: msg.col.figureName, flex: true }, { header: msg.col.said, align: 'right' }, { header: msg.col.nowValue, align: 'right' }],
        rows: corrections.figures.map((f) => [m.figureName[f.name]!, f.said, f.now]),
      },
    });
  }
  if (corrections.items.length > 0) {
    blocks.push({
      table: {
        columns: [{ header: msg.col.id }, { header: msg.col.title, flex: true }, { header: msg.col.said, flex: true }, { header: msg.col.nowValue, flex: true }, { header: msg.col.cause, flex: true }],
        rows: corrections.items.map((c) => [c.id, visible(c.title), recordText(c.said, msg), recordText(c.now, msg), causeText(c.cause, msg)]),
      },
    });
  }
  return [{ heading: m.corrections, blocks }];
}

/** An item as a report saw it: its state (with the completion date, or why it is blocked) and its due date. */
function recordText(record: ItemRecord | null, msg: Messages): string {
  if (record === null) return msg.monthly.notAnItem;
  const completed = record.completed === null ? '' : ` ${record.completed}`;
  const reason = record.reason === null || (record.state !== 'blocked' && record.state !== 'cancelled') ? '' : msg.monthly.because(visible(record.reason));
  return msg.monthly.recordLine(`${msg.state[record.state]!}${completed}${reason}`, record.due);
}

function causeText(cause: Cause, msg: Messages): string {
  const m = msg.monthly;
  switch (cause.kind) {
    case 'status':
      return m.causeStatus(cause.date, msg.show.taskStatus[cause.status]!, cause.reason === null ? '' : m.because(visible(cause.reason)));
    case 'completion_recorded':
      return m.causeCompleted(cause.date);
    case 'completion_withdrawn':
      return m.causeReopened;
    case 'season':
      return m.causeSeason(visible(cause.name), cause.from, cause.to);
    case 'data':
      return m.causeData;
  }
}

function listOrNone<T>(items: readonly T[], msg: Messages, table: (items: readonly T[], msg: Messages) => Block | Block[]): Block[] {
  return items.length === 0 ? [{ paragraph: msg.monthly.nothing }] : [table(items, msg)].flat();
}

/** A list's table, then a line for each of its items with progress notes this month. */
function withProgress(table: Block, items: readonly ListedItem[], msg: Messages): Block[] {
  const lines = items.flatMap((i) => i.notes.map((n) => ({ paragraph: msg.monthly.progressLine(i.id, n.date, visible(n.text)) })));
  return [table, ...lines];
}

/** An item list: id, title, owners, due date, then the columns a section adds. */
function itemTable<T extends ItemAt>(items: readonly T[], msg: Messages, extraColumns: Column[], extra: (item: T) => string[]): Block {
  return {
    table: {
      columns: [{ header: msg.col.id }, { header: msg.col.title, flex: true }, { header: msg.col.owner, flex: true }, { header: msg.col.due }, ...extraColumns],
      rows: items.map((i) => [i.id, formatItemTitle(i), formatOwners(i, msg), formatDue(i), ...extra(i)]),
    },
  };
}

function completedTable(items: readonly CompletedItem[], msg: Messages): Block {
  return itemTable(items, msg, [{ header: msg.col.completed }, { header: msg.col.notes, flex: true }], (i) => [
    `${i.completed}${i.state === 'done_late' ? ` (${msg.monthly.late(i.daysLate)})` : ''}`,
    i.notes.length === 0 ? msg.none : visible(i.notes.map((n) => `${n.date} ${n.text}`).join('；')),
  ]);
}

/** What became of the items that fell overdue: still overdue (days), done late, or blocked. */
function fellOverdueTable(items: readonly ListedItem[], msg: Messages): Block[] {
  return withProgress(itemTable(items, msg, [{ header: msg.col.stateNow }], (i) => [stateNow(i, msg)]), items, msg);
}

/** Items not done since an earlier month: overdue or blocked, with the days since their due date. */
function stateNowTable(items: readonly ListedItem[], msg: Messages): Block[] {
  return withProgress(itemTable(items, msg, [{ header: msg.col.stateNow }], (i) => [msg.monthly.stateNow(msg.state[i.state]!, i.daysLate)]), items, msg);
}

function stateNow(i: ItemAt, msg: Messages): string {
  return i.state === 'done_late' ? `${msg.state[i.state]!} ${i.completed}` : msg.monthly.stateNow(msg.state[i.state]!, i.state === 'overdue' ? i.daysLate : 0);
}

function blockedTable(items: readonly BlockedItem[], msg: Messages): Block[] {
  const table = itemTable(items, msg, [{ header: msg.col.since }, { header: msg.col.reason, flex: true }], (i) => [i.since ?? msg.monthly.unknownSince, i.reason === null ? msg.monthly.noReason : visible(i.reason)]);
  return withProgress(table, items, msg);
}

/** Tasks being worked on: since when, where they stand, and the latest progress note of the month. */
function inProgressTable(items: readonly ListedItem[], msg: Messages): Block {
  return itemTable(items, msg, [{ header: msg.col.started }, { header: msg.col.stateNow }, { header: msg.col.monthProgress, flex: true }], (i) => {
    const latest = i.notes.at(-1);
    return [i.started ?? msg.monthly.unknownSince, stateNow(i, msg), latest === undefined ? msg.none : visible(`${latest.date} ${latest.text}`)];
  });
}

function domainTable(report: MonthlyReport, msg: Messages): Block {
  const row = (label: string, t: MonthlyReport['totals'], notYetDue: number) => [
    label,
    String(t.total),
    String(t.done),
    String(t.overdue),
    String(t.blocked),
    String(t.cancelled),
    String(notYetDue),
    formatRate(t.onTime, msg),
  ];
  return {
    table: {
      columns: [
        { header: msg.col.domain, flex: true },
        { header: msg.col.items, align: 'right' },
        { header: msg.col.done, align: 'right' },
        { header: msg.col.overdue, align: 'right' },
        { header: msg.col.blocked, align: 'right' },
        { header: msg.col.cancelled, align: 'right' },
        { header: msg.col.later, align: 'right' },
        { header: msg.col.onTime, align: 'right' },
      ],
      rows: [...report.domains.filter((d) => d.tally.total > 0).map((d) => row(visible(`${d.id} ${d.title}`), d.tally, d.notYetDue)), row(msg.col.total, report.totals, report.notYetDue)],
    },
  };
}

function standardizationBlocks(report: MonthlyReport, msg: Messages): Block[] {
  const m = msg.monthly;
  const certified: Block[] =
    report.certified.length === 0
      ? [{ paragraph: m.certifiedHeading(0) + ' ' + m.nothing }]
      : [
          { paragraph: m.certifiedHeading(report.certified.length) },
          {
            table: {
              columns: [{ header: msg.col.id }, { header: msg.col.name, flex: true }, { header: msg.col.industry, flex: true }, { header: msg.col.town, flex: true }, { header: msg.col.certifiedOn }],
              rows: report.certified.map((e) => [e.id, visible(e.name), visible(e.industry), e.town === null ? msg.none : visible(e.town), e.certifiedOn]),
            },
          },
        ];
  const ranking: Block[] =
    report.townRanking.length === 0
      ? []
      : [
          { paragraph: m.townRanking },
          {
            table: {
              columns: [
                { header: msg.col.rank, align: 'right' },
                { header: msg.col.town, flex: true },
                { header: msg.col.target, align: 'right' },
                { header: msg.col.achieved, align: 'right' },
                { header: msg.col.progress, align: 'right' },
                { header: msg.col.aboveScale, align: 'right' },
                { header: msg.col.asOfDate },
              ],
              rows: report.townRanking.map((t) => [
                t.rank === null ? msg.none : String(t.rank),
                visible(t.name),
                String(t.targetTotal),
                t.achievedTotal === null ? msg.notReported : String(t.achievedTotal),
                formatRate(t.total, msg),
                formatRate(t.aboveScale, msg),
                t.reportedOn ?? msg.none,
              ]),
            },
          },
        ];
  return [
    { paragraph: msg.townsLine(formatRate(report.towns.total, msg), formatRate(report.towns.aboveScale, msg)) },
    { paragraph: msg.townsGaps(report.towns.withoutTarget, report.towns.withoutReport) },
    { paragraph: msg.rosterLine({ total: report.roster.all.total, ...report.roster.all.counts }) },
    ...certified,
    ...ranking,
  ];
}
