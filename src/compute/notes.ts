import type { IsoDate } from '../model/dates.js';
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

/**
 * Why a blocked task is blocked, and since when: `plan block` records the reason as a dated note,
 * so it is the task's latest note on or before the as-of date. Null when no note explains it.
 */
export function blockReason(task: Task, asOf: IsoDate): DatedNote | null {
  let latest: DatedNote | null = null;
  for (const note of task.notes ?? []) if (note.date <= asOf && (latest === null || note.date >= latest.date)) latest = note;
  return latest;
}
