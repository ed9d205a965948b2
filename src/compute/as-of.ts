import type { IsoDate } from '../model/dates.js';
import { itemsAt, planItems, type ItemAt } from './items.js';
import { statusOn } from '../model/history.js';
import type { Domain, Enterprise, Milestone, Plan, Target, Task, Town } from '../model/plan.js';

/**
 * The plan as it was recorded by the end of a day: every completion, note, measured figure, town
 * report and certification dated after it is left out, as if it had not been written yet. Every
 * report at an as-of date is computed from this, so no field can show the future.
 *
 * A task's status at the date is that of its history's last change by then (start, block, unblock,
 * cancel, reopen, done: each dated). A task without a history has an undated status, except that a
 * completion dated later was not there yet (the task was `doing` if started by then, else `todo`)
 * and nor was a later start. A certification granted later was not held then: the enterprise was
 * applying.
 */
export function planAsOf(plan: Plan, asOf: IsoDate): Plan {
  return {
    ...plan,
    domains: plan.domains.map((d) => domainAsOf(d, asOf)),
    enterprises: plan.enterprises.map((e) => enterpriseAsOf(e, asOf)),
    towns: plan.towns.map((t) => townAsOf(t, asOf)),
  };
}

const byDate = <T extends { date: IsoDate }>(records: readonly T[] | undefined, asOf: IsoDate): T[] | undefined => records && records.filter((r) => r.date <= asOf);

function domainAsOf(domain: Domain, asOf: IsoDate): Domain {
  return { ...domain, targets: domain.targets.map((t) => targetAsOf(t, asOf)), tasks: domain.tasks.map((t) => taskAsOf(t, asOf)) };
}

function taskAsOf(task: Task, asOf: IsoDate): Task {
  const out = task.history?.length ? datedTaskAsOf(task, asOf) : undatedTaskAsOf(task, asOf);
  if (task.notes) out.notes = byDate(task.notes, asOf);
  if (task.milestones) out.milestones = task.milestones.map((m) => milestoneAsOf(m, asOf));
  if (task.targets) out.targets = task.targets.map((t) => targetAsOf(t, asOf));
  if (task.recurrence?.done) {
    const done: NonNullable<typeof task.recurrence.done> = {};
    for (const [key, recorded] of Object.entries(task.recurrence.done)) {
      // Several completions of one period (a minimum count): keep those made by the date.
      const dates = (typeof recorded === 'string' ? [recorded] : recorded).filter((date) => date <= asOf);
      if (dates.length > 0) done[key] = typeof recorded === 'string' ? dates[0]! : (dates as [string, ...string[]]);
    }
    out.recurrence = { ...task.recurrence, done };
  }
  return out;
}

/** A task with a history: its status, start and completion on the day, and the changes made by then. */
function datedTaskAsOf(task: Task, asOf: IsoDate): Task {
  const on = statusOn(task.history!, asOf);
  const out: Task = { ...task, status: on.status, history: task.history!.filter((change) => change.date <= asOf) };
  if (on.started === undefined) delete out.started;
  else out.started = on.started;
  if (on.completed === undefined) delete out.completed;
  else out.completed = on.completed;
  return out;
}

/** A task without a history (written by hand, or before plan kept one): only its start and completion are dated. */
function undatedTaskAsOf(task: Task, asOf: IsoDate): Task {
  const doneLater = task.completed !== undefined && task.completed > asOf;
  const startedLater = task.started !== undefined && task.started > asOf;
  // Before its completion a task that had been started was being worked on; before its start, it was to do.
  const openStatus = task.started !== undefined && !startedLater ? 'doing' : 'todo';
  const status = doneLater && task.status === 'done' ? openStatus : startedLater && task.status === 'doing' ? 'todo' : task.status;
  const out: Task = { ...task, status };
  if (doneLater) delete out.completed;
  if (startedLater) delete out.started;
  return out;
}

function milestoneAsOf(milestone: Milestone, asOf: IsoDate): Milestone {
  const out: Milestone = { ...milestone };
  if (milestone.completed !== undefined && milestone.completed > asOf) delete out.completed;
  if (milestone.notes) out.notes = byDate(milestone.notes, asOf);
  return out;
}

function targetAsOf(target: Target, asOf: IsoDate): Target {
  return target.actuals ? { ...target, actuals: byDate(target.actuals, asOf) } : target;
}

function townAsOf(town: Town, asOf: IsoDate): Town {
  return town.progress ? { ...town, progress: byDate(town.progress, asOf) } : town;
}

function enterpriseAsOf(enterprise: Enterprise, asOf: IsoDate): Enterprise {
  const out: Enterprise = { ...enterprise };
  if (enterprise.notes) out.notes = byDate(enterprise.notes, asOf);
  if (enterprise.certified_on !== undefined && enterprise.certified_on > asOf) {
    delete out.certified_on;
    delete out.expires;
    if (enterprise.status === 'certified') out.status = 'applying';
  }
  return out;
}

/** Every item of the plan with its state at a date, computed from what was recorded by then. */
export function itemsOfPlanAt(plan: Plan, asOf: IsoDate, soonDays: number): ItemAt[] {
  return itemsAt(planItems(planAsOf(plan, asOf)).items, asOf, soonDays);
}
