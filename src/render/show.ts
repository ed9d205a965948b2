import type { ItemAt } from '../compute/items.js';
import type { DatedNote, StatusChange } from '../compute/notes.js';
import type { Shown, ShownEnterprise, ShownPart, ShownTarget, ShownTask, ShownTown } from '../compute/show.js';
import type { TargetAt } from '../compute/targets.js';
import type { DueDay } from '../model/workdays.js';
import type { Messages } from '../i18n/index.js';
import type { Colors } from './color.js';
import { formatDue, formatItemTitle, formatRate, formatState, formatTargetFigure, formatTargetGoal, formatTargetTitle } from './format.js';
import { renderTable } from './table.js';
import { displayWidth, visible, visibleLines } from './text.js';

type Field = [label: string, value: string];

/** `plan show` as text: a heading, labelled fields, then the lists that belong to the thing shown. */
export function renderShowText(shown: Shown, asOf: string, msg: Messages, c: Colors, width: number | undefined): string {
  const s = msg.show;
  const heading = (kind: string, id: string, title: string) => c.bold(`${s.kind[kind]} ${visible(id)} ${visible(title)} — ${s.asOf(asOf)}`);
  switch (shown.kind) {
    case 'task':
      return lines([heading('task', shown.id, shown.title), ...taskLines(shown, msg, c, width)]);
    case 'milestone':
    case 'occurrence':
      return lines([heading(shown.kind, shown.item.id, formatItemTitle(shown.item)), ...partLines(shown, msg, c)]);
    case 'target':
      return lines([heading('target', shown.target.id, shown.target.title), ...targetLines(shown, msg, width)]);
    case 'enterprise':
      return lines([heading('enterprise', shown.id, shown.name), ...enterpriseLines(shown, msg)]);
    case 'town':
      return lines([c.bold(`${s.kind.town} ${visible(shown.progress.name)} — ${s.asOf(asOf)}`), ...townLines(shown, msg, width)]);
  }
}

function lines(parts: string[]): string {
  return parts.join('\n').replace(/\n+$/, '') + '\n';
}

/** Labelled fields, the values lined up by display width; empty values are left out. */
function fields(rows: (Field | null)[]): string[] {
  const present = rows.filter((r): r is Field => r !== null);
  const labelWidth = Math.max(0, ...present.map(([label]) => displayWidth(label)));
  return present.map(([label, value]) => `${label}${' '.repeat(labelWidth - displayWidth(label))}  ${value}`);
}

const names = (list: readonly string[], msg: Messages) => (list.length === 0 ? msg.none : visible(list.join('、')));

function stateText(item: ItemAt, msg: Messages, c: Colors): string {
  const late = item.state === 'overdue' || item.state === 'done_late' || item.state === 'blocked' ? item.daysLate : 0;
  const left = item.state === 'due_soon' || item.state === 'open' ? item.daysLeft : 0;
  return msg.show.stateWithDays(formatState(item, msg, c), late, left);
}

function noteLines(notes: readonly DatedNote[], msg: Messages): string[] {
  return notes.length === 0 ? [] : ['', msg.show.notes(notes.length), ...notes.map((n) => `${n.date}  ${visible(n.text)}`)];
}

function itemRows(items: readonly ItemAt[], msg: Messages, c: Colors, width: number | undefined): string {
  return renderTable(
    [{ header: msg.col.id }, { header: msg.col.title, flex: true }, { header: msg.col.due }, { header: msg.col.state }, { header: msg.col.completed }],
    items.map((i) => [i.id, formatItemTitle(i), formatDue(i), stateText(i, msg, c), i.completed ?? msg.none]),
    width,
  );
}

function targetRows(targets: readonly TargetAt[], msg: Messages, width: number | undefined): string {
  return renderTable(
    [{ header: msg.col.id }, { header: msg.col.title, flex: true }, { header: msg.col.target }, { header: msg.col.figure }, { header: msg.col.state }],
    targets.map((x) => [x.id, formatTargetTitle(x, msg), visible(formatTargetGoal(x, msg)), formatTargetFigure(x, msg), msg.targetState[x.state]!]),
    width,
  );
}

function taskLines(t: ShownTask, msg: Messages, c: Colors, width: number | undefined): string[] {
  const s = msg.show;
  const recurrence = t.recurrence ? `${s.every[t.recurrence.every]}${t.recurrence.season ? `（${visible(t.recurrence.season.name)}）` : ''}` : null;
  const out = fields([
    [s.domain, visible(`${t.domainId} ${t.domainTitle}`)],
    t.section === null ? null : [s.section, visible(t.section)],
    t.number === null ? null : [s.number, visible(t.number)],
    [s.owners, names(t.owners, msg)],
    [s.leaders, names(t.leaders, msg)],
    [s.units, names(t.units, msg)],
    t.unitsWritten.join('\n') === t.units.join('\n') ? null : [s.unitsWritten, names(t.unitsWritten, msg)],
    t.season === null ? null : [s.season, msg.seasonRelation(t.season.relation, visible(t.season.name), t.season.from, t.season.to)],
    // A recurring duty's deadlines are its occurrences'.
    t.recurrence !== null ? null : [s.due, (t.dueStated ? t.due : s.dueNotStated(t.due)) + restMark(t.dueDay, msg)],
    workingDaysRow(t.dueDay, msg),
    recurrence === null ? null : [s.recurrence, recurrence],
    [s.status, s.taskStatus[t.status]!],
    t.item === null ? null : [s.state, stateText(t.item, msg, c)],
    t.item?.completed === undefined ? null : [s.completed, t.item.completed],
    t.carriedFrom === null ? null : [s.carriedFrom, s.carriedFromText(t.carriedFrom.slice(0, 4), t.carriedFrom.slice(5))],
    t.blocked === null ? null : [s.blocked, changeText(t.blocked, msg)],
    t.cancelled === null ? null : [s.cancelled, changeText(t.cancelled, msg)],
  ]);
  // The task's text is prose of several lines; its own line breaks are kept.
  if (t.text !== '') out.push('', s.text, visibleLines(t.text));
  if (t.milestones.length > 0) out.push('', s.milestones(t.milestones.length), itemRows(t.milestones, msg, c, width));
  if (t.occurrences.length > 0) out.push('', s.occurrences(t.occurrences.length), itemRows(t.occurrences, msg, c, width));
  if (t.targets.length > 0) out.push('', s.targets(t.targets.length), targetRows(t.targets, msg, width));
  if (t.history.length > 0) out.push('', s.history(t.history.length), ...t.history.map((h) => `${h.date}  ${s.taskStatus[h.status]!}${h.reason === null ? '' : `  ${visible(h.reason)}`}`));
  return [...out, ...noteLines(t.notes, msg)];
}

/** Since when and why a task is blocked or cancelled; a status written without a date says so. */
function changeText(change: StatusChange, msg: Messages): string {
  const reason = change.reason === null ? msg.monthly.noReason : visible(change.reason);
  return change.date === null ? msg.show.undatedStatus(reason) : msg.show.blockedSince(change.date, reason);
}

function partLines(p: ShownPart, msg: Messages, c: Colors): string[] {
  const s = msg.show;
  return [
    ...fields([
      [s.task, visible(`${p.task.id} ${p.task.title}`)],
      [s.domain, visible(`${p.task.domainId} ${p.task.domainTitle}`)],
      [s.owners, names(p.item.owners, msg)],
      [s.leaders, names(p.item.leaders, msg)],
      [s.units, names(p.item.units, msg)],
      [s.due, p.item.due + restMark(p.dueDay, msg)],
      workingDaysRow(p.dueDay, msg),
      [s.state, stateText(p.item, msg, c)],
      [s.completed, p.item.completed ?? msg.none],
    ]),
    ...noteLines(p.notes, msg),
  ];
}

function targetLines(t: ShownTarget, msg: Messages, width: number | undefined): string[] {
  const s = msg.show;
  const x = t.target;
  const out = fields([
    t.task === null ? [s.domain, visible(`${x.domainId} ${t.domainTitle}`)] : [s.task, visible(`${t.task.id} ${t.task.title}`)],
    t.metric === null ? null : [s.metric, visible(t.metric)],
    [s.goal, visible(formatTargetGoal(x, msg)) + (x.baseline === null ? '' : `（${visible(x.baseline)}）`)],
    x.sameAs === null ? null : [s.sameAs, x.sameAs],
    [s.figure, formatTargetFigure(x, msg)],
    [s.periodEnd, x.periodEnd],
    [s.state, msg.targetState[x.state]!],
  ]);
  if (x.perUnit !== null) {
    out.push(
      '',
      s.unitFigures(x.perUnit.total),
      renderTable(
        [{ header: msg.col.name, flex: true }, { header: msg.col.figure, align: 'right' }, { header: msg.col.asOfDate }, { header: msg.col.state }],
        x.perUnit.units.map((u) => [visible(u.name), u.actual === null ? msg.none : `${u.actual}${visible(x.unit)}`, u.actualDate ?? '', msg.targetState[u.state]!]),
        width,
      ),
    );
  }
  if (t.actuals.length > 0) {
    const perUnit = x.perUnit !== null;
    out.push(
      '',
      s.actuals(t.actuals.length),
      renderTable(
        [{ header: msg.col.asOfDate }, ...(perUnit ? [{ header: msg.col.name }] : []), { header: msg.col.figure, align: 'right' }, { header: msg.col.notes, flex: true }],
        t.actuals.map((a) => [a.date, ...(perUnit ? [visible(a.for ?? '')] : []), `${a.value}${visible(x.unit)}`, a.note === undefined ? '' : visible(a.note)]),
        width,
      ),
    );
  }
  return out;
}

function enterpriseLines(e: ShownEnterprise, msg: Messages): string[] {
  const s = msg.show;
  return [
    ...fields([
      [s.industry, visible(e.industry)],
      [s.town, e.town === null ? msg.none : visible(e.town)],
      [s.state, s.rosterState[e.state]!],
      [s.certifiedOn, e.certifiedOn ?? msg.none],
      [s.expires, e.expires ?? msg.none],
    ]),
    ...noteLines(e.notes, msg),
  ];
}

function townLines(t: ShownTown, msg: Messages, width: number | undefined): string[] {
  const s = msg.show;
  const p = t.progress;
  const out = fields([
    [s.target, p.targetTotal === null ? msg.noTarget : String(p.targetTotal)],
    [s.achieved, p.targetTotal === null ? String(p.achievedTotal ?? msg.none) : `${p.achievedTotal ?? msg.notReported}  ${formatRate(p.total, msg)}`],
    [s.aboveScale, p.targetAboveScale === null ? String(p.achievedAboveScale ?? msg.none) : `${p.achievedAboveScale ?? msg.notReported}  ${formatRate(p.aboveScale, msg)}`],
  ]);
  if (t.records.length > 0) {
    out.push(
      '',
      s.records(t.records.length),
      renderTable(
        [{ header: msg.col.asOfDate }, { header: msg.col.achieved, align: 'right' }, { header: msg.col.aboveScale, align: 'right' }],
        t.records.map((r) => [r.date, String(r.achieved_total), r.achieved_above_scale === undefined ? msg.none : String(r.achieved_above_scale)]),
        width,
      ),
    );
  }
  if (t.enterprises.length > 0) {
    out.push(
      '',
      s.enterprises(t.enterprises.length),
      renderTable(
        [{ header: msg.col.id }, { header: msg.col.name, flex: true }, { header: msg.col.industry }, { header: msg.col.state }],
        t.enterprises.map((e) => [e.id, visible(e.name), visible(e.industry), s.rosterState[e.state]!]),
        width,
      ),
    );
  }
  return out;
}

/** （休息日） after a deadline that falls on a weekend or holiday. */
/** The working days left to a deadline, or why they are not counted (a year the calendar does not know). */
function workingDaysRow(day: DueDay | null, msg: Messages): [string, string] | null {
  if (day === null) return null;
  if (day.workingDaysLeft !== null) return [msg.show.workingDaysLeft, String(day.workingDaysLeft)];
  return day.unknownYear === null ? null : [msg.show.workingDaysLeft, msg.noCalendar(day.unknownYear)];
}

function restMark(day: DueDay | null, msg: Messages): string {
  return day !== null && (day.kind === 'weekend' || day.kind === 'holiday') ? msg.restDayMark(day.holiday) : '';
}
