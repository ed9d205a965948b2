import { minimumItems, recordedDates } from '../compute/minimum.js';
import { occurrencesOf, type Occurrence } from '../compute/occurrences.js';
import type { Context } from '../context.js';
import { addressText, parseAddress, locateTask, type Address, type TaskLocation } from '../edit/address.js';
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
  /** The id as the data writes it, whatever case it was typed in. */
  id: string;
  location: TaskLocation;
  /** The earliest day the item can have been done: the start of the plan, or of the occurrence's period. */
  earliest: IsoDate;
  /** For a yearly floor beside a shorter cadence (GM-A02@2022): the cadence's occurrences, one of which records the completion. */
  cadence?: readonly Occurrence[];
}

/** Finds what an id names, with a clear error when it names nothing. */
function resolve(ctx: Context, plan: Plan, loaded: LoadedFolder, typed: string): Resolved {
  const address = parseAddress(typed);
  if (!address) throw new PlanError(ctx.msg.badAddress(typed));
  const id = addressText(address);
  const location = locateTask(plan, loaded, address.taskId);
  if (!location) throw new PlanError(ctx.msg.unknownTask(address.taskId));
  const task = location.task;
  if (address.kind === 'milestone') {
    if (!(task.milestones ?? []).some((m) => m.id === address.milestoneId)) {
      throw new PlanError(ctx.msg.unknownMilestone(id, (task.milestones ?? []).map((m) => `${task.id}/${m.id}`).join(', ') || ctx.msg.none));
    }
    return { address, id, location, earliest: plan.period.start };
  }
  if (address.kind === 'occurrence') {
    if (!task.recurrence) throw new PlanError(ctx.msg.notRecurring(task.id));
    const result = occurrencesOf(task.recurrence, plan.period);
    const keys = result.ok ? result.occurrences : [];
    const occurrence = keys.find((o) => o.key === address.key);
    const floor = minimumItems(task.recurrence, keys, plan.period).find((f) => f.key === address.key);
    if (!occurrence && floor) {
      const cadence = keys.filter((o) => o.start >= floor.start && o.start <= floor.due);
      return { address, id, location, earliest: floor.start, cadence };
    }
    if (!occurrence) throw new PlanError(ctx.msg.unknownOccurrence(id, keys.slice(0, 4).map((o) => `${task.id}@${o.key}`).join(', ') || ctx.msg.none));
    return { address, id, location, earliest: occurrence.start };
  }
  return { address, id, location, earliest: plan.period.start };
}

/** The day an item was recorded done, whatever its kind; undefined while it is open. */
function doneOn(item: Resolved): IsoDate | undefined {
  const { address, location } = item;
  const task = location.task;
  if (address.kind === 'milestone') return task.milestones?.find((m) => m.id === address.milestoneId)?.completed;
  if (address.kind === 'occurrence') return recordedDates(task.recurrence?.done?.[address.key]).at(-1);
  return task.status === 'done' ? (task.completed ?? '') : undefined;
}

/** The YAML mapping of a milestone of the located task. */
function milestoneMap(doc: Document, location: TaskLocation, milestoneId: string): YAMLMap {
  const index = location.task.milestones!.findIndex((m) => m.id === milestoneId);
  return mapAt(doc, [...location.path, 'milestones', index]);
}

/**
 * `plan done ID [ID …]`: records tasks, milestones or occurrences as done on a date, all in one
 * edit: if any of them is refused, none is recorded. An item already done keeps its date unless
 * --force is given: a second `done` would otherwise silently change on-time figures.
 */
export function done(ctx: Context, ids: string | readonly string[], options: EditOptions): Promise<ExitCode> {
  return runEdit(ctx, options.dryRun, (plan, loaded) => {
    const items = (typeof ids === 'string' ? [ids] : ids).map((typed) => resolve(ctx, plan, loaded, typed));
    const seen = new Set<string>();
    for (const item of items) {
      if (seen.has(item.id)) throw new PlanError(ctx.msg.namedTwice(item.id));
      seen.add(item.id);
    }
    const changes = items.map((item) => {
      const { address, id, location, earliest, cadence } = item;
      const task = location.task;
      if (address.kind === 'task' && task.recurrence) throw new PlanError(ctx.msg.recurringNeedsOccurrence(task.id));
      const date = recordingDate(ctx, plan, options, earliest, id);
      // A completion for a floor (GM-A02@2022) is recorded under the cadence's period it falls in.
      const key = address.kind !== 'occurrence' ? '' : cadence ? ([...cadence].reverse().find((o) => o.start <= date)?.key ?? cadence[0]!.key) : address.key;
      const recorded = address.kind === 'occurrence' ? recordedDates(task.recurrence?.done?.[key]) : [];
      // Where the plan counts completions (minimum), each one is kept with its date; elsewhere a date is refused or, with --force, replaced.
      const counting = address.kind === 'occurrence' && task.recurrence?.minimum !== undefined;
      if (counting && recorded.includes(date)) throw new PlanError(ctx.msg.completionAlreadyRecorded(`${task.id}@${key}`, date));
      const previous = counting ? undefined : doneOn(item);
      if (previous !== undefined && !options.force) throw new PlanError(ctx.msg.alreadyDone(id, previous));
      const note = options.note !== undefined ? { date, text: options.note } : undefined;
      const summary = previous !== undefined && previous !== date ? ctx.msg.recordedDoneReplacing(id, date, previous, location.file.path) : ctx.msg.recordedDone(id, date, location.file.path);
      const change = (doc: Document) => {
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
          const value = counting ? flowList(doc, [...recorded, date].sort()) : date;
          if (isMap(doneMap)) setKey(doneMap, key, value, []);
          else setKey(recurrence, 'done', doc.createNode({ [key]: value }), RECURRENCE_ORDER);
          if (note) appendTo(doc, taskMap, 'notes', { date, text: `${key}: ${note.text}` }, TASK_ORDER);
        }
      };
      return { file: location.file, change, summary };
    });
    return { changes: changes.map(({ file, change }) => ({ file, change })), summary: changes.map((c) => c.summary) };
  });
}

/** Several completion dates on one line ([2022-03-10, 2022-09-15]); a single one stays a plain date. */
function flowList(doc: Document, dates: IsoDate[]): unknown {
  if (dates.length === 1) return dates[0];
  const node = doc.createNode(dates);
  node.flow = true;
  return node;
}

/** `plan start ID`: marks a task as being worked on, from the --on date (kept as `started`). */
export function start(ctx: Context, id: string, options: EditOptions): Promise<ExitCode> {
  return runEdit(ctx, options.dryRun, (plan, loaded) => {
    const item = resolve(ctx, plan, loaded, id);
    const { address, location, earliest } = item;
    if (address.kind !== 'task') throw new PlanError(ctx.msg.statusOnlyForTasks(item.id, address.taskId));
    const task = location.task;
    if (task.status === 'done') throw new PlanError(ctx.msg.alreadyDone(item.id, task.completed ?? ''));
    if (task.started !== undefined && !options.force) throw new PlanError(ctx.msg.alreadyStarted(item.id, task.started));
    const date = recordingDate(ctx, plan, options, earliest, item.id);
    return {
      file: location.file,
      summary: ctx.msg.recordedStart(item.id, date, location.file.path),
      change: (doc) => {
        const taskMap = mapAt(doc, location.path);
        setKey(taskMap, 'status', 'doing', TASK_ORDER);
        setKey(taskMap, 'started', date, TASK_ORDER);
      },
    };
  });
}

/** `plan block ID --reason TEXT`: marks a task as blocked, with the reason as a dated note. */
export function block(ctx: Context, id: string, reason: string, options: EditOptions): Promise<ExitCode> {
  return runEdit(ctx, options.dryRun, (plan, loaded) => {
    const item = resolve(ctx, plan, loaded, id);
    const { address, location, earliest } = item;
    if (address.kind !== 'task') throw new PlanError(ctx.msg.statusOnlyForTasks(item.id, address.taskId));
    if (location.task.status === 'done') throw new PlanError(ctx.msg.alreadyDone(item.id, location.task.completed ?? ''));
    const date = recordingDate(ctx, plan, options, earliest, item.id);
    return {
      file: location.file,
      summary: ctx.msg.recordedStatus(item.id, ctx.msg.taskStatus.blocked ?? 'blocked', location.file.path),
      change: (doc) => {
        const taskMap = mapAt(doc, location.path);
        setKey(taskMap, 'status', 'blocked', TASK_ORDER);
        appendTo(doc, taskMap, 'notes', { date, text: reason }, TASK_ORDER);
      },
    };
  });
}

/**
 * `plan reopen ID`: undoes done (or blocked, doing) for a task, milestone or occurrence. A done
 * task that had been started goes back to doing; one never started, to todo. An item that is
 * already open is left as it is, and the command says so.
 */
export function reopen(ctx: Context, id: string, options: EditOptions): Promise<ExitCode> {
  return runEdit(ctx, options.dryRun, (plan, loaded) => {
    const item = resolve(ctx, plan, loaded, id);
    const { address, location } = item;
    const task = location.task;
    const open = address.kind === 'task' ? (task.status ?? 'todo') === 'todo' && task.completed === undefined && task.started === undefined : doneOn(item) === undefined;
    if (open) return { changes: [], summary: [ctx.msg.alreadyOpen(item.id)] };
    return {
      file: location.file,
      summary: ctx.msg.recordedReopen(item.id, location.file.path),
      change: (doc) => {
        const taskMap = mapAt(doc, location.path);
        if (address.kind === 'task') {
          deleteKey(taskMap, 'completed');
          if (task.status === 'done' && task.started !== undefined) {
            setKey(taskMap, 'status', 'doing', TASK_ORDER);
          } else {
            deleteKey(taskMap, 'status');
            deleteKey(taskMap, 'started');
          }
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
    const { address, id: canonical, location } = resolve(ctx, plan, loaded, id);
    const date = recordingDate(ctx, plan, options, plan.period.start, canonical);
    return {
      file: location.file,
      summary: ctx.msg.recordedNote(canonical, date, location.file.path),
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
