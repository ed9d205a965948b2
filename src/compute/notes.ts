import type { IsoDate } from '../model/dates.js';
import { statusOn } from '../model/history.js';
import type { Plan, Task } from '../model/plan.js';
import type { Item } from './items.js';

export interface DatedNote {
  date: IsoDate;
  text: string;
}

/** Tasks by id, for looking up what an item belongs to. */
export function tasksById(plan: Plan): Map<string, Task> {
  const tasks = new Map<string, Task>();
  for (const domain of plan.domains) for (const task of domain.tasks) tasks.set(task.id, task);
  return tasks;
}

/**
 * The notes of one item recorded on or before the as-of date, oldest first. An occurrence's notes
 * live on its task, prefixed with the period key (`2022-Q2: …`), which is how `plan done` writes them.
 */
export function itemNotes(task: Task, item: Pick<Item, 'kind' | 'part'>, asOf: IsoDate): DatedNote[] {
  const own =
    item.kind === 'milestone'
      ? ((task.milestones ?? []).find((m) => m.id === item.part)?.notes ?? [])
      : item.kind === 'occurrence'
        ? (task.notes ?? []).filter((n) => n.text.startsWith(`${item.part}: `)).map((n) => ({ date: n.date, text: n.text.slice(`${item.part}: `.length) }))
        : (task.notes ?? []);
  return own.filter((n) => n.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Since when a task has been blocked or cancelled, and why: the change of its history in effect on the day. */
export interface StatusChange {
  date: IsoDate | null;
  reason: string | null;
}

/**
 * Why a task is blocked (or cancelled) on a day and since when, from the dated change `plan block`
 * (`plan cancel`) recorded; a note is never taken for a reason. Null when the task is not in that
 * status on the day; date and reason null for a status written without a history.
 */
export function statusChangeOf(task: Task, status: 'blocked' | 'cancelled', asOf: IsoDate): StatusChange | null {
  if (!task.history?.length) return task.status === status ? { date: null, reason: null } : null;
  const on = statusOn(task.history, asOf);
  return on.status === status ? { date: on.since ?? null, reason: on.reason ?? null } : null;
}
