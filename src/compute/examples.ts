import type { Plan } from '../model/plan.js';
import { occurrencesOf } from './occurrences.js';

/** Ids of the plan in use, to show in a message what each kind of id looks like. */
export interface ExampleIds {
  task: string;
  milestone: string;
  occurrence: string;
  target: string;
}

/** The first task, milestone, occurrence and target of the plan; a made-up id of the form where it has none. */
export function exampleIds(plan: Plan): ExampleIds {
  const tasks = plan.domains.flatMap((d) => d.tasks);
  const year = plan.period.end.slice(0, 4);
  const task = tasks.find((t) => !t.recurrence)?.id ?? tasks[0]?.id ?? 'AB-01';
  const withMilestone = tasks.find((t) => t.milestones?.length);
  const recurring = tasks.find((t) => t.recurrence);
  const occurrences = recurring?.recurrence ? occurrencesOf(recurring.recurrence, plan.period) : undefined;
  const firstKey = occurrences?.ok ? occurrences.occurrences[0]?.key : undefined;
  const target = plan.domains.flatMap((d) => [...d.targets, ...d.tasks.flatMap((t) => t.targets ?? [])])[0]?.id;
  return {
    task,
    milestone: withMilestone ? `${withMilestone.id}/${withMilestone.milestones![0]!.id}` : `${task}/m1`,
    occurrence: recurring && firstKey ? `${recurring.id}@${firstKey}` : `${task}@${year}-Q2`,
    target: target ?? `${task.replace(/-.*/, '')}-T1`,
  };
}
