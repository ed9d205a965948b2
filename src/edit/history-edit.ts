import { isSeq, type Document, type YAMLMap } from 'yaml';
import { statusNow, type Change } from '../model/history.js';
import type { Task } from '../model/plan.js';
import { deleteKey, setKey, TASK_ORDER } from './yaml-edit.js';

/**
 * A task's history as it stands, for a new change to follow. A task written without a history
 * gets one from its dated fields: a start (`started`) and a completion (`completed`); a blocked or
 * cancelled status written without a date has no place in it (the command says so).
 */
export function historyOf(task: Task): Change[] {
  if (task.history?.length) return [...task.history];
  const seeded: Change[] = [];
  if (task.started !== undefined) seeded.push({ date: task.started, status: 'doing' });
  if (task.completed !== undefined && (task.status === 'done' || task.status === 'cancelled')) seeded.push({ date: task.completed, status: 'done' });
  return seeded.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The history with a change added: at the end, or (`replaceLast`) in place of the last change, as
 * `--force` replaces what was recorded. Placed in date order, after changes of the same day.
 */
export function withChange(history: readonly Change[], change: Change, replaceLast = false): Change[] {
  const kept = replaceLast ? history.slice(0, -1) : [...history];
  let at = kept.length;
  while (at > 0 && kept[at - 1]!.date > change.date) at--;
  kept.splice(at, 0, change);
  return kept;
}

/**
 * Writes a task's new history into its mapping, with the status, start and completion it gives
 * (`status` left out when to do, as a task without one is). A task that already has a history gets
 * its new entry appended, so `git diff` shows one entry more; a rewritten one is written whole.
 */
export function writeHistory(doc: Document, taskMap: YAMLMap, previous: readonly Change[], history: readonly Change[]): void {
  const existing = taskMap.get('history', true);
  const appended = isSeq(existing) && history.length === previous.length + 1 && previous.every((change, i) => sameChange(change, history[i]!));
  if (appended) existing.items.push(doc.createNode(entry(history.at(-1)!)));
  else setKey(taskMap, 'history', doc.createNode(history.map(entry)), TASK_ORDER);
  const now = statusNow(history);
  if (now.status === 'todo') deleteKey(taskMap, 'status');
  else setKey(taskMap, 'status', now.status, TASK_ORDER);
  for (const key of ['started', 'completed'] as const) {
    const value = now[key];
    if (value === undefined) deleteKey(taskMap, key);
    else setKey(taskMap, key, value, TASK_ORDER);
  }
}

/** A change as the file writes it: date, status, then the reason where there is one. */
function entry(change: Change): Record<string, string> {
  return change.reason === undefined ? { date: change.date, status: change.status } : { date: change.date, status: change.status, reason: change.reason };
}

function sameChange(a: Change, b: Change): boolean {
  return a.date === b.date && a.status === b.status && a.reason === b.reason;
}
