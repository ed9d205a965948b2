import type { IsoDate } from '../model/dates.js';
import { canonicalId } from '../input/ids.js';
import type { TaskSeason } from '../model/seasons.js';
import { dueDay, type DueDay, type WorkCalendar } from '../model/workdays.js';
import type { Enterprise, Plan, Target, Task, Town } from '../model/plan.js';
import { planAsOf } from './as-of.js';
import { itemsAt, planItems, type ItemAt } from './items.js';
import type { Change } from '../model/history.js';
import { itemNotes, statusChangeOf, type DatedNote, type StatusChange } from './notes.js';
import { rosterStateAt, townsAt, type RosterState, type TownProgress } from './standardization.js';
import { targetsAt, type TargetAt } from './targets.js';

interface TaskRef {
  id: string;
  title: string;
  domainId: string;
  domainTitle: string;
  section: string | null;
  number: string | null;
}

export interface ShownTask extends TaskRef {
  kind: 'task';
  text: string;
  owners: string[];
  leaders: string[];
  units: string[];
  /** The units as the document writes them, where an alias or a combined name makes them differ from `units`. */
  unitsWritten: string[];
  /** The season the work lies within, before or after, with its dates where recorded; null for none. */
  season: TaskSeason | null;
  due: IsoDate;
  dueStated: boolean;
  status: Task['status'];
  /** The task's own item; null for a recurring duty, which counts through its occurrences. */
  item: ItemAt | null;
  /** Its deadline against the working calendar while still to do; null when done, recurring, or without a calendar. */
  dueDay: DueDay | null;
  recurrence: Task['recurrence'] | null;
  milestones: ItemAt[];
  occurrences: ItemAt[];
  targets: TargetAt[];
  notes: DatedNote[];
  /** For a blocked task: since when and why, as `plan block` recorded it (null fields for a status without a date). */
  blocked: StatusChange | null;
  /** For a cancelled task: since when and why, as `plan cancel` recorded it. */
  cancelled: StatusChange | null;
  /** For work carried over from last year's plan (plan rollover): that year and the task's id there, e.g. 2022:ZH-05. */
  carriedFrom: string | null;
  /** Every change of status recorded by the as-of date, oldest first. */
  history: { date: IsoDate; status: Change['status']; reason: string | null }[];
}

export interface ShownPart {
  kind: 'milestone' | 'occurrence';
  item: ItemAt;
  /** Its deadline against the working calendar while still to do; null when done or without a calendar. */
  dueDay: DueDay | null;
  task: TaskRef;
  notes: DatedNote[];
}

export interface ShownTarget {
  kind: 'target';
  target: TargetAt;
  metric: string | null;
  task: TaskRef | null;
  domainTitle: string;
  /** Every figure recorded by the as-of date, oldest first. */
  actuals: NonNullable<Target['actuals']>;
}

export interface ShownEnterprise {
  kind: 'enterprise';
  id: string;
  name: string;
  industry: Enterprise['industry'];
  town: string | null;
  /** As recorded, and as it stood at the as-of date (a certificate past its month has expired). */
  status: Enterprise['status'];
  state: RosterState;
  certifiedOn: IsoDate | null;
  expires: string | null;
  notes: DatedNote[];
}

export interface ShownTown {
  kind: 'town';
  progress: TownProgress;
  /** Every figure recorded by the as-of date, oldest first. */
  records: NonNullable<Town['progress']>;
  enterprises: { id: string; name: string; industry: Enterprise['industry']; state: RosterState }[];
}

export type Shown = ShownTask | ShownPart | ShownTarget | ShownEnterprise | ShownTown;

/** What `plan show` prints for an id or name, at a date; null when nothing has that id or name. */
export function showAt(recordedPlan: Plan, query: string, asOf: IsoDate, soonDays: number, calendar?: WorkCalendar): Shown | null {
  const dayOf = (item: ItemAt | null): DueDay | null => (calendar && item && item.completed === undefined && item.state !== 'cancelled' ? dueDay(calendar, item.due, asOf) : null);
  const plan = planAsOf(recordedPlan, asOf);
  const wanted = query.trim();
  const upper = canonicalId(wanted);
  const items = itemsAt(planItems(plan).items, asOf, soonDays);
  for (const domain of plan.domains) {
    for (const task of domain.tasks) {
      const ref: TaskRef = { id: task.id, title: task.title, domainId: domain.id, domainTitle: domain.title, section: task.section ?? null, number: task.number ?? null };
      const own = items.filter((i) => i.taskId === task.id);
      if (task.id.toUpperCase() === upper) {
        return {
          kind: 'task',
          ...ref,
          text: task.text,
          owners: task.owners,
          leaders: task.leaders,
          units: task.units,
          unitsWritten: task.unitsWritten,
          season: task.season ?? null,
          due: task.due,
          dueStated: task.dueStated,
          status: task.status,
          item: own.find((i) => i.kind === 'task') ?? null,
          dueDay: dayOf(own.find((i) => i.kind === 'task') ?? null),
          recurrence: task.recurrence ?? null,
          milestones: own.filter((i) => i.kind === 'milestone'),
          occurrences: own.filter((i) => i.kind === 'occurrence'),
          targets: targetsAt(plan, asOf).filter((t) => t.taskId === task.id),
          notes: itemNotes(task, { kind: 'task', part: undefined }, asOf),
          blocked: statusChangeOf(task, 'blocked', asOf),
          cancelled: statusChangeOf(task, 'cancelled', asOf),
          carriedFrom: task.carried_from ?? null,
          history: (task.history ?? []).map((c) => ({ date: c.date, status: c.status, reason: c.reason ?? null })),
        };
      }
      const part = own.find((i) => i.kind !== 'task' && i.id.toUpperCase() === upper);
      if (part) return { kind: part.kind as 'milestone' | 'occurrence', item: part, dueDay: dayOf(part), task: ref, notes: itemNotes(task, part, asOf) };
    }
  }
  const target = targetsAt(plan, asOf).find((t) => t.id.toUpperCase() === upper);
  if (target) {
    const domain = plan.domains.find((d) => d.id === target.domainId)!;
    const task = target.taskId === null ? undefined : domain.tasks.find((t) => t.id === target.taskId);
    const data = [...domain.targets, ...(task?.targets ?? [])].find((t) => t.id === target.id)!;
    // A target stated twice shows the figures recorded under the one it names.
    const source = target.sameAs === null ? data : (allTargets(plan).find((t) => t.id === target.sameAs) ?? data);
    return {
      kind: 'target',
      target,
      metric: data.metric ?? null,
      task: task ? { id: task.id, title: task.title, domainId: domain.id, domainTitle: domain.title, section: task.section ?? null, number: task.number ?? null } : null,
      domainTitle: domain.title,
      actuals: [...(source.actuals ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    };
  }
  const enterprise = plan.enterprises.find((e) => e.id.toUpperCase() === upper) ?? plan.enterprises.find((e) => e.name === wanted);
  if (enterprise) {
    return {
      kind: 'enterprise',
      id: enterprise.id,
      name: enterprise.name,
      industry: enterprise.industry,
      town: enterprise.town ?? null,
      status: enterprise.status,
      state: rosterStateAt(enterprise, asOf),
      certifiedOn: enterprise.certified_on ?? null,
      expires: enterprise.expires ?? null,
      notes: [...(enterprise.notes ?? [])],
    };
  }
  const townIndex = plan.towns.findIndex((t) => t.name === wanted);
  if (townIndex >= 0) {
    const town = plan.towns[townIndex]!;
    return {
      kind: 'town',
      progress: townsAt([town], asOf).towns[0]!,
      records: [...(town.progress ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
      enterprises: plan.enterprises.filter((e) => e.town === town.name).map((e) => ({ id: e.id, name: e.name, industry: e.industry, state: rosterStateAt(e, asOf) })),
    };
  }
  return null;
}

/** Every id and name `plan show` knows, for suggesting the closest ones to a typo. */
export function showableNames(plan: Plan): string[] {
  const names = planItems(plan).items.map((i) => i.id);
  for (const domain of plan.domains) {
    for (const task of domain.tasks) if (task.recurrence) names.push(task.id);
  }
  names.push(...targetsAt(plan, plan.period.end).map((t) => t.id));
  names.push(...plan.enterprises.flatMap((e) => [e.id, e.name]));
  names.push(...plan.towns.map((t) => t.name));
  return [...new Set(names)];
}

/** Up to `limit` names nearest to the query by edit distance (case-insensitive), nearest first. */
export function nearestNames(query: string, names: readonly string[], limit = 3): string[] {
  const q = query.trim().toUpperCase();
  const scored = names.map((name) => ({ name, distance: editDistance(q, name.toUpperCase()), prefix: commonPrefix(q, name.toUpperCase()) }));
  const threshold = Math.max(2, Math.ceil(q.length / 2));
  return scored
    .filter((s) => s.distance <= threshold)
    .sort((a, b) => a.distance - b.distance || b.prefix - a.prefix || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, limit)
    .map((s) => s.name);
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length]!;
}

function allTargets(plan: Plan): Target[] {
  return plan.domains.flatMap((d) => [...d.targets, ...d.tasks.flatMap((t) => t.targets ?? [])]);
}
