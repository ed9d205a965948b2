import type { IsoDate } from './dates.js';
import type { Change, Task as TaskData } from './schema-types.js';

export type { Change };
export type Status = Change['status'];

/** A task's status on a day, with the dates and reason that go with it. */
export interface StatusOn {
  status: Status;
  /** The day work began: the first `doing` since the task was last to do. */
  started: IsoDate | undefined;
  /** The day it was done; kept when a done task is cancelled afterwards (the work was done). */
  completed: IsoDate | undefined;
  /** For blocked and cancelled: since when, and why (the reason recorded with the change). */
  since: IsoDate | undefined;
  reason: string | undefined;
}

/**
 * The status a history gives on a day: the last change on or before it, folded in order. Before
 * the first change the task was to do. Changes are in date order (plan check's rule `history`);
 * several on one day take effect in the order written.
 */
export function statusOn(history: readonly Change[], day: IsoDate): StatusOn {
  const at: StatusOn = { status: 'todo', started: undefined, completed: undefined, since: undefined, reason: undefined };
  for (const change of history) {
    if (change.date > day) break;
    at.status = change.status;
    at.since = undefined;
    at.reason = undefined;
    if (change.status === 'todo') {
      at.started = undefined;
      at.completed = undefined;
    } else if (change.status === 'doing') {
      at.started ??= change.date;
      at.completed = undefined;
    } else if (change.status === 'done') {
      at.completed = change.date;
    } else {
      // Blocked or cancelled: since when and why. A block lifts a completion (the work is not done);
      // a cancellation keeps it (the work was done before the task was dropped).
      at.since = change.date;
      at.reason = change.reason;
      if (change.status === 'blocked') at.completed = undefined;
    }
  }
  return at;
}

/** The history's last status with its dates: what `status`, `started` and `completed` must say. */
export function statusNow(history: readonly Change[]): StatusOn {
  return statusOn(history, '9999-12-31');
}

/**
 * Whether a task's status carries no date: blocked or cancelled without a history, or being
 * worked on without a start date. Such a status holds at every as-of date.
 */
export function statusUndated(task: Pick<TaskData, 'status' | 'started' | 'history'>): boolean {
  if (task.history !== undefined && task.history.length > 0) return false;
  return task.status === 'blocked' || task.status === 'cancelled' || (task.status === 'doing' && task.started === undefined);
}
