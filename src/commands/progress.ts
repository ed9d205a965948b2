import { exampleIds } from '../compute/examples.js';
import { minimumItems, recordedDates } from '../compute/minimum.js';
import { occurrencesOf, type Occurrence } from '../compute/occurrences.js';
import type { Context } from '../context.js';
import { addressText, parseAddress, locateTask, type Address, type TaskLocation } from '../edit/address.js';
import { runEdit } from '../edit/session.js';
import { historyOf, withChange, writeHistory } from '../edit/history-edit.js';
import { appendTo, deleteKey, mapAt, setKey, MILESTONE_ORDER, RECURRENCE_ORDER, TASK_ORDER } from '../edit/yaml-edit.js';
import { PlanError, type ExitCode } from '../errors.js';
import type { LoadedFolder } from '../load/load-folder.js';
import type { IsoDate } from '../model/dates.js';
import { statusNow, statusUndated, type Change } from '../model/history.js';
import type { Plan } from '../model/plan.js';
import { isMap, isSeq, type Document, type YAMLMap } from 'yaml';
import { dateInput, recordingDate } from './shared.js';

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
  if (!address) throw new PlanError(ctx.msg.badAddress(typed, exampleIds(plan)));
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
    // Two ids can name one record (GM-A02@2022 is recorded under the quarter it falls in, GM-A02@2022-Q3): one date, one completion.
    const records = new Map<string, string>();
    const changes = items.map((item) => {
      const { address, id, location, earliest, cadence } = item;
      const task = location.task;
      if (address.kind === 'task' && task.recurrence) {
        const first = occurrencesOf(task.recurrence, plan.period);
        throw new PlanError(ctx.msg.recurringNeedsOccurrence(task.id, `${task.id}@${first.ok && first.occurrences[0] ? first.occurrences[0].key : `${plan.period.end.slice(0, 4)}-Q2`}`));
      }
      const date = recordingDate(ctx, plan, options, earliest, id);
      // A completion for a floor (GM-A02@2022) is recorded under the cadence's period it falls in.
      const key = address.kind !== 'occurrence' ? '' : cadence ? ([...cadence].reverse().find((o) => o.start <= date)?.key ?? cadence[0]!.key) : address.key;
      const record = address.kind === 'occurrence' ? `${task.id}@${key}` : id;
      const first = records.get(record);
      if (first !== undefined) throw new PlanError(ctx.msg.sameRecordTwice(first, id, record));
      records.set(record, id);
      const recorded = address.kind === 'occurrence' ? recordedDates(task.recurrence?.done?.[key]) : [];
      // Where the plan counts completions (minimum), each one is kept with its date; elsewhere a date is refused or, with --force, replaced.
      const counting = address.kind === 'occurrence' && task.recurrence?.minimum !== undefined;
      if (counting && recorded.includes(date)) throw new PlanError(ctx.msg.completionAlreadyRecorded(`${task.id}@${key}`, date));
      const previous = counting ? undefined : doneOn(item);
      if (previous !== undefined && !options.force) throw new PlanError(ctx.msg.alreadyDone(id, previous));
      const note = options.note !== undefined ? { date, text: options.note } : undefined;
      // A task's completion is a dated change of its status; --force replaces the completion recorded.
      const taskChange = address.kind === 'task' ? statusChange(ctx, item, date, options, { status: 'done' }, previous !== undefined) : undefined;
      const summary = previous !== undefined && previous !== date ? ctx.msg.recordedDoneReplacing(id, date, previous, location.file.path) : ctx.msg.recordedDone(id, date, location.file.path);
      const change = (doc: Document) => {
        const taskMap = mapAt(doc, location.path);
        if (address.kind === 'task') {
          taskChange!(doc);
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
      return { file: location.file, change, summary: [summary, ...(address.kind === 'task' ? undatedDropped(ctx, item, 'done') : [])] };
    });
    return { changes: changes.map(({ file, change }) => ({ file, change })), summary: changes.flatMap((c) => c.summary) };
  });
}

/** Several completion dates on one line ([2022-03-10, 2022-09-15]); a single one stays a plain date. */
function flowList(doc: Document, dates: IsoDate[]): unknown {
  if (dates.length === 1) return dates[0];
  const node = doc.createNode(dates);
  node.flow = true;
  return node;
}

/** `plan start ID`: marks a task as being worked on from the --on date (kept as `started` and in its history). */
export function start(ctx: Context, id: string, options: EditOptions): Promise<ExitCode> {
  return runEdit(ctx, options.dryRun, (plan, loaded) => {
    const item = taskToChange(ctx, plan, loaded, id);
    const task = item.location.task;
    if (task.status === 'done') throw new PlanError(ctx.msg.alreadyDone(item.id, task.completed ?? ''));
    if (task.started !== undefined && !options.force) throw new PlanError(ctx.msg.alreadyStarted(item.id, task.started));
    // --force on a start just recorded replaces its date; otherwise work begins (again) from this day.
    const replace = task.started !== undefined && historyOf(task).at(-1)?.status === 'doing';
    const date = recordingDate(ctx, plan, options, item.earliest, item.id);
    const change = statusChange(ctx, item, date, options, { status: 'doing' }, replace);
    return { changes: [{ file: item.location.file, change }], summary: [ctx.msg.recordedStart(item.id, date, item.location.file.path), ...undatedDropped(ctx, item, 'doing')] };
  });
}

/** `plan block ID --reason TEXT`: marks a task as blocked from the --on date, the reason kept with that change. */
export function block(ctx: Context, id: string, reason: string, options: EditOptions): Promise<ExitCode> {
  return setAside(ctx, id, 'blocked', reason, options);
}

/** `plan unblock ID`: the block is lifted from the --on date: back to doing if work had started, else to do. */
export function unblock(ctx: Context, id: string, options: EditOptions): Promise<ExitCode> {
  return runEdit(ctx, options.dryRun, (plan, loaded) => {
    const item = taskToChange(ctx, plan, loaded, id);
    const task = item.location.task;
    if (task.status !== 'blocked') throw new PlanError(ctx.msg.notBlocked(item.id, ctx.msg.taskStatus[task.status] ?? task.status));
    const status = task.started !== undefined ? 'doing' : 'todo';
    const date = recordingDate(ctx, plan, options, item.earliest, item.id);
    const change = statusChange(ctx, item, date, options, { status });
    return { changes: [{ file: item.location.file, change }], summary: [ctx.msg.recordedStatusOn(item.id, ctx.msg.taskStatus[status]!, date, item.location.file.path), ...undatedDropped(ctx, item, status)] };
  });
}

/** `plan cancel ID --reason TEXT`: the task is dropped from the --on date; work done before stays done. */
export function cancel(ctx: Context, id: string, reason: string, options: EditOptions): Promise<ExitCode> {
  return setAside(ctx, id, 'cancelled', reason, options);
}

/**
 * Blocks or cancels a task from a day, with the reason. A done task cannot be blocked. A block (or
 * cancellation) already dated is kept unless --force replaces it; one written without a date gets this date.
 */
function setAside(ctx: Context, id: string, status: 'blocked' | 'cancelled', reason: string, options: EditOptions): Promise<ExitCode> {
  return runEdit(ctx, options.dryRun, (plan, loaded) => {
    const item = taskToChange(ctx, plan, loaded, id);
    const task = item.location.task;
    if (status === 'blocked' && task.status === 'done') throw new PlanError(ctx.msg.alreadyDone(item.id, task.completed ?? ''));
    const current = statusNow(historyOf(task));
    const dated = task.status === status && current.status === status;
    if (dated && !options.force) throw new PlanError(ctx.msg.alreadyInStatus(item.id, ctx.msg.taskStatus[status]!, current.since ?? ''));
    const date = recordingDate(ctx, plan, options, item.earliest, item.id);
    const change = statusChange(ctx, item, date, options, { status, reason }, dated);
    return { changes: [{ file: item.location.file, change }], summary: [ctx.msg.recordedStatusOn(item.id, ctx.msg.taskStatus[status]!, date, item.location.file.path), ...undatedDropped(ctx, item, status)] };
  });
}

/**
 * `plan reopen ID`: undoes done (or blocked, doing, cancelled). For a task this is a change dated
 * --on: a done task that had been started goes back to doing, any other to do. A milestone or
 * occurrence loses its completion. An item already open is left as it is, and the command says so.
 */
export function reopen(ctx: Context, id: string, options: EditOptions): Promise<ExitCode> {
  return runEdit(ctx, options.dryRun, (plan, loaded) => {
    const item = resolve(ctx, plan, loaded, id);
    const { address, location } = item;
    const task = location.task;
    const open = address.kind === 'task' ? (task.status ?? 'todo') === 'todo' && task.completed === undefined && task.started === undefined : doneOn(item) === undefined;
    if (open) return { changes: [], summary: [ctx.msg.alreadyOpen(item.id)] };
    if (address.kind === 'task') {
      const status = task.status === 'done' && task.started !== undefined ? 'doing' : 'todo';
      const date = recordingDate(ctx, plan, options, item.earliest, item.id);
      const change = statusChange(ctx, item, date, options, { status });
      return { changes: [{ file: location.file, change }], summary: [ctx.msg.recordedReopenOn(item.id, date, location.file.path), ...undatedDropped(ctx, item, status)] };
    }
    return {
      file: location.file,
      summary: ctx.msg.recordedReopen(item.id, location.file.path),
      change: (doc) => {
        if (address.kind === 'milestone') {
          deleteKey(milestoneMap(doc, location, address.milestoneId), 'completed');
        } else if (address.kind === 'occurrence') {
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

/** A task named to change its status: a milestone or occurrence has none. */
function taskToChange(ctx: Context, plan: Plan, loaded: LoadedFolder, id: string): Resolved {
  const item = resolve(ctx, plan, loaded, id);
  if (item.address.kind !== 'task') throw new PlanError(ctx.msg.statusOnlyForTasks(item.id, item.address.taskId));
  return item;
}

/**
 * A status written without a date cannot be placed in the history: the change goes ahead, and the
 * confirmation says how the old status could have been kept. Empty when there is nothing to say.
 */
function undatedDropped(ctx: Context, item: Resolved, status: Change['status']): string[] {
  const task = item.location.task;
  const redates = task.status === status && (status === 'blocked' || status === 'cancelled');
  if (!statusUndated(task) || task.status === 'doing' || redates) return [];
  return [ctx.msg.undatedStatusDropped(item.id, ctx.msg.taskStatus[task.status] ?? task.status, task.status === 'cancelled' ? 'cancel' : 'block')];
}

/**
 * The edit that records a change of a task's status on a day, as an entry of its history (with the
 * status fields it implies). Refused when the day lies before the last change recorded, which would
 * then still be the status now (unless --force, which files it in date order).
 */
function statusChange(ctx: Context, item: Resolved, date: IsoDate, options: EditOptions, change: Omit<Change, 'date'>, replaceLast = false): (doc: Document) => void {
  const task = item.location.task;
  const previous = historyOf(task);
  const last = replaceLast ? previous.at(-2) : previous.at(-1);
  if (last !== undefined && date < last.date && !options.force) throw new PlanError(ctx.msg.changeBeforeLast(item.id, date, last.date, ctx.msg.taskStatus[last.status] ?? last.status));
  const history = withChange(previous, { date, ...change }, replaceLast);
  return (doc) => writeHistory(doc, mapAt(doc, item.location.path), task.history ?? [], history);
}

export interface NoteOptions extends EditOptions {
  /** Replace the note dated --on with the text given. */
  replace?: boolean;
  /** Withdraw (delete) the note dated --on. */
  withdraw?: boolean;
  /** Where several notes share the date: a part of the text of the one meant. */
  match?: string;
}

/**
 * `plan note ID TEXT`: adds a dated note to a task or milestone (an occurrence's note goes on its
 * task, prefixed with its period). With --replace or --withdraw, the note of that item dated --on
 * is corrected or withdrawn instead; a note is a remark about progress, never a status's reason.
 */
export function note(ctx: Context, id: string, text: string | undefined, options: NoteOptions): Promise<ExitCode> {
  return runEdit(ctx, options.dryRun, (plan, loaded) => {
    const { address, id: canonical, location } = resolve(ctx, plan, loaded, id);
    if (options.replace || options.withdraw) return correctNote(ctx, canonical, address, location, text, options, plan.period);
    if (text === undefined) throw new PlanError(ctx.msg.noteNeedsText);
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

/** The edit that corrects (--replace TEXT) or withdraws the one note of an item dated --on. */
function correctNote(ctx: Context, id: string, address: Address, location: TaskLocation, text: string | undefined, options: NoteOptions, period: Plan['period']) {
  if (options.replace && options.withdraw) throw new PlanError(ctx.msg.replaceOrWithdraw);
  if (options.on === undefined) throw new PlanError(ctx.msg.correctionNeedsOn);
  if (options.replace && text === undefined) throw new PlanError(ctx.msg.noteNeedsText);
  // Any date a note may carry, written as people write it (6月18日 in the plan's year).
  const date = dateInput(ctx, '--on', options.on, period);
  const task = location.task;
  const prefix = address.kind === 'occurrence' ? `${address.key}: ` : '';
  const notes = address.kind === 'milestone' ? (task.milestones!.find((m) => m.id === address.milestoneId)!.notes ?? []) : (task.notes ?? []);
  const candidates = notes
    .map((n, index) => ({ ...n, index }))
    .filter((n) => n.date === date && n.text.startsWith(prefix))
    .filter((n) => options.match === undefined || n.text.includes(options.match));
  if (candidates.length === 0) throw new PlanError(ctx.msg.noNoteOn(id, date));
  if (candidates.length > 1) throw new PlanError(ctx.msg.severalNotesOn(id, date, candidates.length));
  const { index, text: old } = candidates[0]!;
  const path = address.kind === 'milestone' ? [...location.path, 'milestones', task.milestones!.findIndex((m) => m.id === address.milestoneId), 'notes'] : [...location.path, 'notes'];
  return {
    file: location.file,
    summary: options.withdraw ? ctx.msg.noteWithdrawn(id, date, old.slice(prefix.length), location.file.path) : ctx.msg.noteReplaced(id, date, old.slice(prefix.length), location.file.path),
    change: (doc: Document) => {
      const list = doc.getIn(path, true);
      if (!isSeq(list)) throw new Error(`no list at ${path.join('/')}`);
      if (options.withdraw) {
        list.items.splice(index, 1);
        if (list.items.length === 0) deleteKey(mapAt(doc, path.slice(0, -1)), 'notes');
      } else {
        setKey(mapAt(doc, [...path, index]), 'text', `${prefix}${text}`, ['date', 'text']);
      }
    },
  };
}
