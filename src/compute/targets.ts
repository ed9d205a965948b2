import { latestRecord, type IsoDate } from '../model/dates.js';
import type { Plan, Target } from '../model/plan.js';

/**
 * met / missed: the latest figure against the goal once the target's period has ended;
 * in_progress: the period has not ended and the goal is not reached yet, so it is not missed;
 * no_figure: nothing recorded by the as-of date.
 */
export type TargetState = 'met' | 'missed' | 'in_progress' | 'no_figure';

/** One unit's figure of a per-unit target (各镇街…各1个). */
export interface UnitFigure {
  name: string;
  actual: number | null;
  actualDate: IsoDate | null;
  state: TargetState;
}

/** A per-unit target's figures, one per unit, and how many units reached it. */
export interface PerUnitAt {
  /** towns: the units are towns of towns.yaml (the roll-up reads 达成 N/M 镇街); units: any other list. */
  of: 'towns' | 'units';
  met: number;
  total: number;
  units: UnitFigure[];
}

export interface TargetAt {
  id: string;
  domainId: string;
  /** The task the target belongs to, or null for a domain goal. */
  taskId: string | null;
  title: string;
  direction: Target['direction'];
  value: number | null;
  unit: string;
  baseline: string | null;
  /** The latest figure; null for a per-unit target, whose figures are per unit. */
  actual: number | null;
  /** The date of the latest figure (for a per-unit target, of the latest unit's). */
  actualDate: IsoDate | null;
  /** The last day of the period the target is set for: its task's deadline, or the plan period's end for a domain goal. */
  periodEnd: IsoDate;
  state: TargetState;
  /** The target whose figure this one is (the document states it twice); counted once, under that one. */
  sameAs: string | null;
  perUnit: PerUnitAt | null;
}

interface Placed {
  target: Target;
  domainId: string;
  taskId: string | null;
  periodEnd: IsoDate;
}

/** Every target of the plan with its latest figure on or before the as-of date. */
export function targetsAt(plan: Plan, asOf: IsoDate): TargetAt[] {
  const placed: Placed[] = [];
  for (const domain of plan.domains) {
    for (const target of domain.targets) placed.push({ target, domainId: domain.id, taskId: null, periodEnd: plan.period.end });
    for (const task of domain.tasks) for (const target of task.targets ?? []) placed.push({ target, domainId: domain.id, taskId: task.id, periodEnd: task.due });
  }
  const byId = new Map(placed.map((p) => [p.target.id, p.target]));
  const towns = new Set(plan.towns.map((t) => t.name));
  return placed.map((p) => targetAt(p, byId, plan, towns, asOf));
}

/** The targets each counted once: a target stated twice counts under the one the other names. */
export function countedTargets(targets: readonly TargetAt[]): TargetAt[] {
  return targets.filter((t) => t.sameAs === null);
}

function targetAt({ target, domainId, taskId, periodEnd }: Placed, byId: ReadonlyMap<string, Target>, plan: Plan, towns: ReadonlySet<string>, asOf: IsoDate): TargetAt {
  // A target stated twice has one figure: the one recorded under the target it names.
  const source = (target.same_as !== undefined ? byId.get(target.same_as) : undefined) ?? target;
  const base = {
    id: target.id,
    domainId,
    taskId,
    title: target.title,
    direction: target.direction,
    value: target.value ?? null,
    unit: target.unit ?? '',
    baseline: target.baseline ?? null,
    periodEnd,
    sameAs: target.same_as ?? null,
  };
  if (source.per_unit !== undefined) {
    const perUnit = perUnitAt(source, unitsOf(source.per_unit, plan), towns, periodEnd, asOf);
    const dates = perUnit.units.flatMap((u) => (u.actualDate === null ? [] : [u.actualDate])).sort();
    return { ...base, actual: null, actualDate: dates.at(-1) ?? null, state: rolledUpState(perUnit, periodEnd, asOf), perUnit };
  }
  const latest = latestRecord(source.actuals, asOf);
  const actual = latest?.value ?? null;
  return { ...base, actual, actualDate: latest?.date ?? null, state: targetState(target, actual, periodEnd, asOf), perUnit: null };
}

/** The units a per-unit target is set for: every town of towns.yaml, or the names listed. */
export function unitsOf(perUnit: NonNullable<Target['per_unit']>, plan: Pick<Plan, 'towns'>): string[] {
  return perUnit === 'towns' ? plan.towns.map((t) => t.name) : [...perUnit];
}

function perUnitAt(target: Target, names: readonly string[], towns: ReadonlySet<string>, periodEnd: IsoDate, asOf: IsoDate): PerUnitAt {
  const units = names.map((name) => {
    const latest = latestRecord(
      (target.actuals ?? []).filter((a) => a.for === name),
      asOf,
    );
    const actual = latest?.value ?? null;
    return { name, actual, actualDate: latest?.date ?? null, state: targetState(target, actual, periodEnd, asOf) };
  });
  return { of: names.every((n) => towns.has(n)) ? 'towns' : 'units', met: units.filter((u) => u.state === 'met').length, total: units.length, units };
}

/** A per-unit target is met when every unit met it; missed when its period ended short; no figure until one unit reports. */
function rolledUpState(perUnit: PerUnitAt, periodEnd: IsoDate, asOf: IsoDate): TargetState {
  if (perUnit.units.every((u) => u.actual === null)) return 'no_figure';
  if (perUnit.met === perUnit.total) return 'met';
  return asOf < periodEnd ? 'in_progress' : 'missed';
}

/** The one rule every report uses for a target's state at a date. */
export function targetState(target: Pick<Target, 'direction' | 'value'>, actual: number | null, periodEnd: IsoDate, asOf: IsoDate): TargetState {
  if (actual === null) return 'no_figure';
  if (meets(target, actual)) return 'met';
  return asOf < periodEnd ? 'in_progress' : 'missed';
}

/** Whether a figure meets a target. For reductions the figure is the reduction achieved. */
export function meets(target: Pick<Target, 'direction' | 'value'>, actual: number): boolean {
  const value = target.value ?? 0;
  switch (target.direction) {
    case 'at_least':
    case 'reduce_by':
      return actual >= value;
    case 'at_most':
      return actual <= value;
    case 'decrease':
      return actual > 0;
    case 'zero':
      return actual === 0;
  }
}

export interface TargetTally {
  met: number;
  missed: number;
  inProgress: number;
  noFigure: number;
  /** Targets with a figure recorded by the date. */
  withFigure: number;
  /** Targets counted: each figure once. */
  total: number;
  /** Targets left out of the count as the same as another. */
  shared: number;
}

/** How many targets stand where, each figure counted once (a target stated twice counts under the one it names). */
export function targetTally(targets: readonly TargetAt[]): TargetTally {
  const counted = countedTargets(targets);
  const count = (state: TargetState) => counted.filter((t) => t.state === state).length;
  return {
    met: count('met'),
    missed: count('missed'),
    inProgress: count('in_progress'),
    noFigure: count('no_figure'),
    withFigure: counted.filter((t) => t.actualDate !== null).length,
    total: counted.length,
    shared: targets.length - counted.length,
  };
}

/** The targets and their counts, each figure counted once. */
export function targetsWithCounts(targets: TargetAt[]): { targets: TargetAt[]; targetCounts: TargetTally } {
  return { targets, targetCounts: targetTally(targets) };
}
