import { daysBetween, type IsoDate } from '../model/dates.js';
import type { Plan, Task, TaskStatus } from '../model/plan.js';
import { minimumItems, recordedDates, requiredPerOccurrence } from './minimum.js';
import { occurrencesOf } from './occurrences.js';

export type ItemKind = 'task' | 'milestone' | 'occurrence';

/**
 * Everything countable: a task, a milestone of a task, or one occurrence of a recurring duty.
 * Ids: GM-04 (task), GM-04/m2 (milestone), ZH-02@2022-Q2 (occurrence).
 */
export interface Item {
  id: string;
  kind: ItemKind;
  taskId: string;
  domainId: string;
  title: string;
  /** For occurrences: the period key (2022-Q2); for milestones: the milestone id. */
  part: string | undefined;
  owners: string[];
  leaders: string[];
  units: string[];
  due: IsoDate;
  /** False when the document states no deadline and the end of the plan period stands in. */
  dueStated: boolean;
  /** For a count (minimum) the day the count was reached: its required-th completion. */
  completed: IsoDate | undefined;
  /** For tasks: the day work began (`plan start --on`), if recorded. */
  started: IsoDate | undefined;
  /** Completions needed: 1, or a recurrence's minimum count (每年至少2次 → 2). */
  required: number;
  /** Every completion recorded for the item, in date order. */
  completions: IsoDate[];
  taskStatus: TaskStatus;
  /** An occurrence due before the plan starts counting (the notice's issue date): not asked for yet, so never late. */
  beforeNotice: boolean;
}

export type ItemState = 'done_on_time' | 'done_late' | 'overdue' | 'due_soon' | 'open' | 'blocked' | 'cancelled' | 'before_notice';

export interface ItemAt extends Item {
  /** Completions recorded by the as-of date (shown as count/required, e.g. 1/2). */
  count: number;
  state: ItemState;
  /** Days past due: at the as-of date for overdue items, at completion for late ones. */
  daysLate: number;
  /** Days until due, for items not yet due. */
  daysLeft: number;
}

/** A recurring duty whose occurrences cannot be counted, and why. */
export interface Gap {
  taskId: string;
  domainId: string;
  title: string;
  /** season-deadline-undated: work within or before an undated season, counted as due at the period's end. */
  reason: 'season-dates-missing' | 'season-deadline-undated';
  season: string;
}

/** Expands the plan's tasks into items. A recurring task counts through its occurrences only. */
export function planItems(plan: Plan): { items: Item[]; gaps: Gap[] } {
  const items: Item[] = [];
  const gaps: Gap[] = [];
  for (const domain of plan.domains) {
    for (const task of domain.tasks) {
      if (task.recurrence) {
        const result = occurrencesOf(task.recurrence, plan.period);
        if (!result.ok) {
          gaps.push({ taskId: task.id, domainId: domain.id, title: task.title, reason: result.reason, season: task.recurrence.season?.name ?? '' });
          continue;
        }
        const required = requiredPerOccurrence(task.recurrence);
        for (const occurrence of result.occurrences) {
          const part = { id: `${task.id}@${occurrence.key}`, kind: 'occurrence' as const, title: task.title, part: occurrence.key, due: occurrence.due, dueStated: true };
          items.push(makeItem(task, part, recordedDates(task.recurrence.done?.[occurrence.key]), occurrence.due < plan.countFrom, required));
        }
        for (const floor of minimumItems(task.recurrence, result.occurrences, plan.period)) {
          const part = { id: `${task.id}@${floor.key}`, kind: 'occurrence' as const, title: task.title, part: floor.key, due: floor.due, dueStated: true };
          items.push(makeItem(task, part, floor.completions, floor.due < plan.countFrom, floor.required));
        }
        continue;
      }
      if (task.season && task.season.relation !== 'after' && !task.dueStated) {
        gaps.push({ taskId: task.id, domainId: domain.id, title: task.title, reason: 'season-deadline-undated', season: task.season.name });
      }
      const taskDone = completionOf(task);
      items.push(makeItem(task, { id: task.id, kind: 'task', title: task.title, due: task.due, dueStated: task.dueStated }, taskDone !== undefined ? [taskDone] : []));
      for (const m of task.milestones ?? []) {
        items.push(makeItem(task, { id: `${task.id}/${m.id}`, kind: 'milestone', title: m.title, part: m.id, due: m.due, dueStated: true }, m.completed !== undefined ? [m.completed] : []));
      }
    }
  }
  return { items, gaps };
}

/** A task's own completion: recorded as done, or done and then cancelled (the work was done). */
function completionOf(task: Task): IsoDate | undefined {
  return task.status === 'done' || task.status === 'cancelled' ? task.completed : undefined;
}

/**
 * An item with its keys in a fixed order, which is also the order of its JSON. Every item has
 * every key (undefined ones are left out of JSON): objects of one shape are copied far faster,
 * which a plan with tens of thousands of occurrences notices.
 */
function makeItem(
  task: Task,
  own: Pick<Item, 'id' | 'kind' | 'title' | 'due' | 'dueStated'> & { part?: string },
  completions: IsoDate[],
  beforeNotice = false,
  required = 1,
): Item {
  return {
    id: own.id,
    kind: own.kind,
    taskId: task.id,
    domainId: task.domainId,
    title: own.title,
    part: own.part,
    owners: task.owners,
    leaders: task.leaders,
    units: task.units,
    due: own.due,
    dueStated: own.dueStated,
    completed: completions[required - 1],
    started: own.kind === 'task' ? task.started : undefined,
    required,
    completions,
    taskStatus: task.status,
    beforeNotice,
  };
}

/**
 * The state of an item at a date. A completion dated after the as-of date is ignored, so a report
 * for an old date shows what was true then. Work completed counts as done even when its task was
 * cancelled afterwards (the files keep no date for a cancellation, and the work was done);
 * cancelling only takes away what was still to do.
 */
export function itemAt(item: Item, asOf: IsoDate, soonDays: number): ItemAt {
  const daysLeft = daysBetween(asOf, item.due);
  // A start recorded after the as-of date had not happened yet.
  const started = item.started !== undefined && item.started <= asOf ? item.started : undefined;
  const at = (state: ItemState, daysLate = 0): ItemAt => withState(item, asOf, state, daysLate, Math.max(0, daysLeft), started);
  // Not asked for yet, whatever was recorded: it counts neither as done nor as late.
  if (item.beforeNotice) return at('before_notice');
  if (item.completed !== undefined && item.completed <= asOf) {
    const late = daysBetween(item.due, item.completed);
    return late > 0 ? at('done_late', late) : at('done_on_time');
  }
  if (item.taskStatus === 'cancelled') return at('cancelled');
  if (item.taskStatus === 'blocked') return at('blocked', Math.max(0, -daysLeft));
  if (daysLeft < 0) return at('overdue', -daysLeft);
  if (daysLeft <= soonDays) return at('due_soon');
  return at('open');
}

/** The item with its state, keys in JSON order. Copied key by key: a spread is several times slower. */
function withState(item: Item, asOf: IsoDate, state: ItemState, daysLate: number, daysLeft: number, started: IsoDate | undefined): ItemAt {
  const { id, kind, taskId, domainId, title, part, owners, leaders, units, due, dueStated, completed, required, completions, taskStatus, beforeNotice } = item;
  let count = 0;
  while (count < completions.length && completions[count]! <= asOf) count++;
  // Completions recorded after the as-of date had not happened yet then.
  const recorded = count === completions.length ? completions : completions.slice(0, count);
  return { id, kind, taskId, domainId, title, part, owners, leaders, units, due, dueStated, completed, started, required, completions: recorded, taskStatus, beforeNotice, count, state, daysLate, daysLeft };
}

/** All items at a date, in plan order (reports sort the lists they show). */
export function itemsAt(items: readonly Item[], asOf: IsoDate, soonDays: number): ItemAt[] {
  return items.map((item) => itemAt(item, asOf, soonDays));
}

export function byDueThenId(a: Item, b: Item): number {
  return a.due < b.due ? -1 : a.due > b.due ? 1 : compareIds(a.id, b.id);
}

/**
 * Orders ids so that ZH-2 sorts before ZH-10 and occurrences in period order: runs of digits
 * compare as numbers, everything else by character code. (A collator would load ICU data.)
 */
export function compareIds(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let endA = i;
      let endB = j;
      while (endA < a.length && isDigit(a.charCodeAt(endA))) endA++;
      while (endB < b.length && isDigit(b.charCodeAt(endB))) endB++;
      const difference = Number(a.slice(i, endA)) - Number(b.slice(j, endB));
      if (difference !== 0) return difference;
      i = endA;
      j = endB;
      continue;
    }
    if (ca !== cb) return ca - cb;
    i++;
    j++;
  }
  return a.length - i - (b.length - j);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * The first `count` items of `[...items].sort(compare)` (a stable sort), found without sorting
 * them all: the one-screen status lists the first ten of what may be thousands of overdue items,
 * and comparing ids was most of the work of sorting the rest.
 */
export function firstSorted<T>(items: readonly T[], count: number, compare: (a: T, b: T) => number): T[] {
  if (count >= items.length) return [...items].sort(compare);
  const kept: T[] = [];
  if (count <= 0) return kept;
  for (const item of items) {
    if (kept.length === count && compare(item, kept[count - 1]!) >= 0) continue;
    // After every kept item not greater than it, so that equal items keep their order.
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compare(item, kept[middle]!) < 0) high = middle;
      else low = middle + 1;
    }
    kept.splice(low, 0, item);
    if (kept.length > count) kept.pop();
  }
  return kept;
}

/** Everyone who answers for an item: its people (owners, then leaders) and its units. */
export function responsibleOf(item: Pick<Item, 'owners' | 'leaders' | 'units'>): string[] {
  return [...new Set([...item.owners, ...item.leaders, ...item.units])];
}

/** Counts of items per state, and the on-time rate with its numerator and denominator. */
export interface Tally {
  total: number;
  done: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  dueSoon: number;
  open: number;
  blocked: number;
  cancelled: number;
  /** Occurrences due before the plan starts counting: listed, never counted as late or done. */
  beforeNotice: number;
  /** On time ÷ (on time + late + overdue): of the items that had to be done by now (or were), how many were done on time. */
  onTime: Rate;
}

export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator, or null when the denominator is 0. */
  value: number | null;
}

export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** Items grouped by a key, in one pass (filtering per group would be quadratic on big plans). */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The tally of each domain of the plan, in plan order. */
export function tallyByDomain(domains: readonly { id: string; title: string }[], items: readonly ItemAt[]): { id: string; title: string; tally: Tally }[] {
  const byDomain = groupBy(items, (i) => i.domainId);
  return domains.map((d) => ({ id: d.id, title: d.title, tally: tally(byDomain.get(d.id) ?? []) }));
}

export function tally(items: readonly ItemAt[]): Tally {
  const count: Record<ItemState, number> = { done_on_time: 0, done_late: 0, overdue: 0, due_soon: 0, open: 0, blocked: 0, cancelled: 0, before_notice: 0 };
  for (const item of items) count[item.state]++;
  return {
    total: items.length,
    done: count.done_on_time + count.done_late,
    doneOnTime: count.done_on_time,
    doneLate: count.done_late,
    overdue: count.overdue,
    dueSoon: count.due_soon,
    open: count.open,
    blocked: count.blocked,
    cancelled: count.cancelled,
    beforeNotice: count.before_notice,
    onTime: rate(count.done_on_time, count.done_on_time + count.done_late + count.overdue),
  };
}
