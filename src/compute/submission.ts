import type { IsoDate } from '../model/dates.js';
import type { Change } from '../model/history.js';
import type { Plan, Task, TaskStatus } from '../model/plan.js';
import { itemsOfPlanAt, planAsOf } from './as-of.js';
import { compareIds, type ItemState } from './items.js';
import type { MonthlyReport } from './monthly.js';
import { statusChangeOf, tasksById } from './notes.js';

/** One item as a report saw it: what a later report is compared against. */
export interface ItemRecord {
  id: string;
  title: string;
  state: ItemState;
  due: IsoDate;
  completed: IsoDate | null;
  /** Completions recorded by the as-of date (a minimum count shows 1/2). */
  count: number;
  taskStatus: TaskStatus;
  /** For a blocked or cancelled task: why, and since when (null where not recorded). */
  reason: string | null;
  since: IsoDate | null;
}

/** A report's headline figures, by name, in the order the report gives them. */
export const FIGURES = [
  'total',
  'done',
  'overdue',
  'blocked',
  'cancelled',
  'not_yet_due',
  'before_notice',
  'on_time',
  'completed',
  'fell_overdue',
  'still_overdue',
  'in_progress',
  'due_rest_of_month',
  'due_next_month',
  'certified',
] as const;
export type FigureName = (typeof FIGURES)[number];

/** A figure as stated: a count, or a rate written numerator/denominator. */
export interface FigureRecord {
  name: FigureName;
  value: string;
}

/** What a report said: every figure it gave and every item's state. */
export interface ReportSnapshot {
  figures: FigureRecord[];
  items: ItemRecord[];
}

/** A report as it was submitted: its snapshot, the day it was sent, and what it was computed with. */
export interface Submission extends ReportSnapshot {
  month: string;
  asOf: IsoDate;
  submittedOn: IsoDate;
  soonDays: number;
}

/** Why an item's figures changed after submission, from what is recorded now. */
export type Cause =
  | { kind: 'status'; date: IsoDate; status: TaskStatus; reason: string | null }
  | { kind: 'completion_recorded'; date: IsoDate }
  | { kind: 'completion_withdrawn' }
  | { kind: 'season'; name: string; from: IsoDate | null; to: IsoDate | null }
  | { kind: 'data' };

export interface ItemCorrection {
  id: string;
  title: string;
  /** As submitted; null for an item the submitted report did not have. */
  said: ItemRecord | null;
  /** As it stands now; null for an item that is no longer one. */
  now: ItemRecord | null;
  cause: Cause;
}

/** The differences between a submitted report and the same report now, figure by figure and item by item. */
export interface Corrections {
  submittedOn: IsoDate;
  asOf: IsoDate;
  figures: { name: FigureName; said: string; now: string }[];
  items: ItemCorrection[];
}

/** The snapshot of a monthly report: its figures, and every item of the plan at its as-of date. */
export function reportSnapshot(report: MonthlyReport, recordedPlan: Plan): ReportSnapshot {
  const t = report.totals;
  const f = report.figures;
  const values: Record<FigureName, number | string> = {
    total: t.total,
    done: t.done,
    overdue: t.overdue,
    blocked: t.blocked,
    cancelled: t.cancelled,
    not_yet_due: report.notYetDue,
    before_notice: t.beforeNotice,
    on_time: `${t.onTime.numerator}/${t.onTime.denominator}`,
    completed: f.completed,
    fell_overdue: f.fellOverdue,
    still_overdue: f.stillOverdue,
    in_progress: f.inProgress,
    due_rest_of_month: f.dueRestOfMonth,
    due_next_month: f.dueNextMonth,
    certified: f.certified,
  };
  return { figures: FIGURES.map((name) => ({ name, value: String(values[name]) })), items: itemRecords(recordedPlan, report.asOf, report.soonDays) };
}

/** Every item of the plan at a date, with the reason and date of a block or cancellation, in id order. */
export function itemRecords(recordedPlan: Plan, asOf: IsoDate, soonDays: number): ItemRecord[] {
  const tasks = tasksById(planAsOf(recordedPlan, asOf));
  return itemsOfPlanAt(recordedPlan, asOf, soonDays)
    .map((item): ItemRecord => {
      const task = tasks.get(item.taskId)!;
      const change = task.status === 'blocked' || task.status === 'cancelled' ? statusChangeOf(task, task.status, asOf) : null;
      return {
        id: item.id,
        title: item.title,
        state: item.state,
        due: item.due,
        completed: item.completed !== undefined && item.completed <= asOf ? item.completed : null,
        count: item.count,
        taskStatus: item.taskStatus,
        reason: change?.reason ?? null,
        since: change?.date ?? null,
      };
    })
    .sort((a, b) => compareIds(a.id, b.id));
}

/**
 * What changed between a submitted report and the same report computed now (at the same as-of date
 * and with the same --soon): each figure that differs, and each item whose record differs, with
 * the recorded change that explains it.
 */
export function correctionsOf(said: Submission, now: ReportSnapshot, recordedPlan: Plan): Corrections {
  const figures = FIGURES.flatMap((name) => {
    const before = said.figures.find((f) => f.name === name)?.value ?? '—';
    const after = now.figures.find((f) => f.name === name)?.value ?? '—';
    return before === after ? [] : [{ name, said: before, now: after }];
  });
  const before = new Map(said.items.map((i) => [i.id, i]));
  const after = new Map(now.items.map((i) => [i.id, i]));
  const tasks = tasksById(planAsOf(recordedPlan, said.asOf));
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort(compareIds);
  const items = ids.flatMap((id): ItemCorrection[] => {
    const was = before.get(id) ?? null;
    const is = after.get(id) ?? null;
    if (was !== null && is !== null && sameRecord(was, is)) return [];
    const task = tasks.get(taskIdOf(id));
    return [{ id, title: (is ?? was)!.title, said: was, now: is, cause: causeOf(was, is, task) }];
  });
  return { submittedOn: said.submittedOn, asOf: said.asOf, figures, items };
}

function sameRecord(a: ItemRecord, b: ItemRecord): boolean {
  return a.state === b.state && a.due === b.due && a.completed === b.completed && a.count === b.count && a.taskStatus === b.taskStatus && a.reason === b.reason && a.since === b.since && a.title === b.title;
}

function taskIdOf(itemId: string): string {
  return itemId.split(/[@/]/)[0]!;
}

/** The recorded change that explains a difference: a season dated, a completion, a change of status, or else the data. */
function causeOf(was: ItemRecord | null, is: ItemRecord | null, task: Task | undefined): Cause {
  if (task === undefined) return { kind: 'data' };
  if (was === null || is === null || was.due !== is.due) {
    const season = task.season ?? task.recurrence?.season;
    if (season !== undefined) {
      const from = 'from' in season ? season.from : null;
      const to = 'to' in season ? season.to : 'until' in season ? season.until : null;
      return { kind: 'season', name: season.name, from: from ?? null, to: to ?? null };
    }
    return { kind: 'data' };
  }
  if (was.completed !== is.completed || was.count !== is.count) {
    return is.count > was.count || (is.completed !== null && was.completed === null) ? { kind: 'completion_recorded', date: is.completed ?? '' } : { kind: 'completion_withdrawn' };
  }
  const last: Change | undefined = task.history?.at(-1);
  if (last !== undefined && (was.taskStatus !== is.taskStatus || was.reason !== is.reason || was.since !== is.since)) {
    return { kind: 'status', date: last.date, status: last.status, reason: last.reason ?? null };
  }
  return { kind: 'data' };
}
