import { occurrencesOf } from '../compute/occurrences.js';
import type { Context } from '../context.js';
import { parseAddress, locateTask, type Address, type TaskLocation } from '../edit/address.js';
import { runEdit } from '../edit/session.js';
import { appendTo, deleteKey, mapAt, setKey, MILESTONE_ORDER, RECURRENCE_ORDER, TASK_ORDER } from '../edit/yaml-edit.js';
import { PlanError, type ExitCode } from '../errors.js';
import type { LoadedFolder } from '../load/load-folder.js';
import type { IsoDate } from '../model/dates.js';
import type { Plan } from '../model/plan.js';
import { isMap, type Document, type YAMLMap } from 'yaml';
import { recordingDate } from './shared.js';

export interface EditOptions {
  on?: string;
  note?: string;
  force: boolean;
  dryRun: boolean;
}

interface Resolved {
  address: Address;
  location: TaskLocation;
  /** The earliest day the item can have been done: the start of the plan, or of the occurrence's period. */
  earliest: IsoDate;
}

/** Finds what an id names, with a clear error when it names nothing. */
function resolve(ctx: Context, plan: Plan, loaded: LoadedFolder, id: string): Resolved {
  const address = parseAddress(id);
  if (!address) throw new PlanError(ctx.msg.badAddress(id));
  const location = locateTask(plan, loaded, address.taskId);
  if (!location) throw new PlanError(ctx.msg.unknownTask(address.taskId));
  const task = location.task;
  if (address.kind === 'milestone') {
    if (!(task.milestones ?? []).some((m) => m.id === address.milestoneId)) {
      throw new PlanError(ctx.msg.unknownMilestone(id, (task.milestones ?? []).map((m) => `${task.id}/${m.id}`).join(', ') || ctx.msg.none));
    }
    return { address, location, earliest: plan.period.start };
  }
  if (address.kind === 'occurrence') {
    if (!task.recurrence) throw new PlanError(ctx.msg.notRecurring(task.id));
    const result = occurrencesOf(task.recurrence, plan.period);
    const keys = result.ok ? result.occurrences : [];
    const occurrence = keys.find((o) => o.key === address.key);
    if (!occurrence) throw new PlanError(ctx.msg.unknownOccurrence(id, keys.slice(0, 4).map((o) => `${task.id}@${o.key}`).join(', ') || ctx.msg.none));
    return { address, location, earliest: occurrence.start };
  }
  return { address, location, earliest: plan.period.start };
}

/** The YAML mapping of a milestone of the located task. */
function milestoneMap(doc: Document, location: TaskLocation, milestoneId: string): YAMLMap {
  const index = location.task.milestones!.findIndex((m) => m.id === milestoneId);
  return mapAt(doc, [...location.path, 'milestones', index]);
}

/** `plan done ID`: records a task, milestone or occurrence as done on a date. */
export function done(ctx: Context, id: string, options: EditOptions): Promise<ExitCode> {
  return runEdit(ctx, options.dryRun, (plan, loaded) => {
    const { address, location, earliest } = resolve(ctx, plan, loaded, id);
    const date = recordingDate(ctx, plan, options, earliest);
    const task = location.task;
    const note = options.note !== undefined ? { date, text: options.note } : undefined;
    if (address.kind === 'task') {
      if (task.recurrence) throw new PlanError(ctx.msg.recurringNeedsOccurrence(task.id));
      if (task.status === 'done' && !options.force) throw new PlanError(ctx.msg.alreadyDone(id, task.completed ?? ''));
    }
    return {
      file: location.file,
      summary: ctx.msg.recordedDone(id, date, location.file.path),
      change: (doc) => {
        const taskMap = mapAt(doc, location.path);
        if (address.kind === 'task') {
          setKey(taskMap, 'status', 'done', TASK_ORDER);
          setKey(taskMap, 'completed', date, TASK_ORDER);
          if (note) appendTo(doc, taskMap, 'notes', note, TASK_ORDER);
        } else if (address.kind === 'milestone') {
          const milestone = milestoneMap(doc, location, address.milestoneId);
          setKey(milestone, 'completed', date, MILESTONE_ORDER);
          if (note) appendTo(doc, milestone, 'notes', note, MILESTONE_ORDER);
        } else {
          const recurrence = mapAt(doc, [...location.path, 'recurrence']);
          const doneMap = recurrence.get('done', true);
          if (isMap(doneMap)) setKey(doneMap, address.key, date, []);
          else setKey(recurrence, 'done', doc.createNode({ [address.key]: date }), RECURRENCE_ORDER);
          if (note) appendTo(doc, taskMap, 'notes', { date, text: `${address.key}: ${note.text}` }, TASK_ORDER);
        }
      },
    };
  });
}

/** `plan start ID`: marks a task as being worked on. */
export function start(ctx: Context, id: string, options: EditOptions): Promise<ExitCode> {
  return setStatus(ctx, id, options, 'doing', undefined);
}

/** `plan block ID --reason TEXT`: marks a task as blocked, with the reason as a dated note. */
export function block(ctx: Context, id: string, reason: string, options: EditOptions): Promise<ExitCode> {
  return setStatus(ctx, id, options, 'blocked', reason);
}

function setStatus(ctx: Context, id: string, options: EditOptions, status: 'doing' | 'blocked', reason: string | undefined): Promise<ExitCode> {
  return runEdit(ctx, options.dryRun, (plan, loaded) => {
    const { address, location, earliest } = resolve(ctx, plan, loaded, id);
    if (address.kind !== 'task') throw new PlanError(ctx.msg.statusOnlyForTasks(id, address.taskId));
    if (location.task.status === 'done') throw new PlanError(ctx.msg.alreadyDone(id, location.task.completed ?? ''));
    const date = recordingDate(ctx, plan, options, earliest);
    return {
      file: location.file,
      summary: ctx.msg.recordedStatus(id, ctx.msg.taskStatus[status] ?? status, location.file.path),
      change: (doc) => {
        const taskMap = mapAt(doc, location.path);
        setKey(taskMap, 'status', status, TASK_ORDER);
        if (reason !== undefined) appendTo(doc, taskMap, 'notes', { date, text: reason }, TASK_ORDER);
      },
    };
  });
}

/** `plan reopen ID`: undoes done (or blocked, doing) for a task, milestone or occurrence. */
export function reopen(ctx: Context, id: string, options: EditOptions): Promise<ExitCode> {
  return runEdit(ctx, options.dryRun, (plan, loaded) => {
    const { address, location } = resolve(ctx, plan, loaded, id);
    return {
      file: location.file,
      summary: ctx.msg.recordedReopen(id, location.file.path),
      change: (doc) => {
        const taskMap = mapAt(doc, location.path);
        if (address.kind === 'task') {
          deleteKey(taskMap, 'completed');
          deleteKey(taskMap, 'status');
        } else if (address.kind === 'milestone') {
          deleteKey(milestoneMap(doc, location, address.milestoneId), 'completed');
        } else {
          const recurrence = mapAt(doc, [...location.path, 'recurrence']);
          const doneMap = recurrence.get('done', true);
          if (isMap(doneMap)) {
            deleteKey(doneMap, address.key);
            if (doneMap.items.length === 0) deleteKey(recurrence, 'done');
          }
        }
      },
    };
  });
}

/** `plan note ID TEXT`: adds a dated note to a task or milestone (an occurrence's note goes on its task). */
export function note(ctx: Context, id: string, text: string, options: EditOptions): Promise<ExitCode> {
  return runEdit(ctx, options.dryRun, (plan, loaded) => {
    const { address, location } = resolve(ctx, plan, loaded, id);
    const date = recordingDate(ctx, plan, options, plan.period.start);
    return {
      file: location.file,
      summary: ctx.msg.recordedNote(id, date, location.file.path),
      change: (doc) => {
        const taskMap = mapAt(doc, location.path);
        if (address.kind === 'milestone') {
          appendTo(doc, milestoneMap(doc, location, address.milestoneId), 'notes', { date, text }, MILESTONE_ORDER);
        } else {
          appendTo(doc, taskMap, 'notes', { date, text: address.kind === 'occurrence' ? `${address.key}: ${text}` : text }, TASK_ORDER);
        }
      },
    };
  });
}
