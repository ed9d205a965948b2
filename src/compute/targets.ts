import { latestRecord, type IsoDate } from '../model/dates.js';
import type { Plan, Target } from '../model/plan.js';

/**
 * met / missed: the latest figure against the goal once the target's period has ended;
 * in_progress: the period has not ended and the goal is not reached yet, so it is not missed;
 * no_figure: nothing recorded by the as-of date.
 */
export type TargetState = 'met' | 'missed' | 'in_progress' | 'no_figure';

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
  actual: number | null;
  actualDate: IsoDate | null;
  /** The last day of the period the target is set for: its task's deadline, or the plan period's end for a domain goal. */
  periodEnd: IsoDate;
  state: TargetState;
}

/** Every target of the plan with its latest figure on or before the as-of date. */
export function targetsAt(plan: Plan, asOf: IsoDate): TargetAt[] {
  const rows: TargetAt[] = [];
  for (const domain of plan.domains) {
    for (const target of domain.targets) rows.push(targetAt(target, domain.id, null, plan.period.end, asOf));
    for (const task of domain.tasks) for (const target of task.targets ?? []) rows.push(targetAt(target, domain.id, task.id, task.due, asOf));
  }
  return rows;
}

function targetAt(target: Target, domainId: string, taskId: string | null, periodEnd: IsoDate, asOf: IsoDate): TargetAt {
  const latest = latestRecord(target.actuals, asOf);
  const actual = latest?.value ?? null;
  return {
    id: target.id,
    domainId,
    taskId,
    title: target.title,
    direction: target.direction,
    value: target.value ?? null,
    unit: target.unit ?? '',
    baseline: target.baseline ?? null,
    actual,
    actualDate: latest?.date ?? null,
    periodEnd,
    state: targetState(target, actual, periodEnd, asOf),
  };
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
