import { latestRecord, type IsoDate } from '../model/dates.js';
import type { Plan, Target } from '../model/plan.js';

export type TargetState = 'met' | 'missed' | 'no_figure';

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
  state: TargetState;
}

/** Every target of the plan with its latest figure on or before the as-of date. */
export function targetsAt(plan: Plan, asOf: IsoDate): TargetAt[] {
  const rows: TargetAt[] = [];
  for (const domain of plan.domains) {
    for (const target of domain.targets) rows.push(targetAt(target, domain.id, null, asOf));
    for (const task of domain.tasks) for (const target of task.targets ?? []) rows.push(targetAt(target, domain.id, task.id, asOf));
  }
  return rows;
}

function targetAt(target: Target, domainId: string, taskId: string | null, asOf: IsoDate): TargetAt {
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
    state: actual === null ? 'no_figure' : meets(target, actual) ? 'met' : 'missed',
  };
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
