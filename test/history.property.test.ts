// Properties of dated histories, over random changes of status applied to the bundled plan:
// the state of every item at every date is a fold of its task's changes up to that date, and a
// report compared after later changes lists exactly the items whose figures changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemsOfPlanAt } from '../src/compute/as-of.js';
import { monthWindow } from '../src/compute/month-window.js';
import { monthlyReport } from '../src/compute/monthly.js';
import { correctionsOf, reportSnapshot, type Submission } from '../src/compute/submission.js';
import { messages } from '../src/i18n/index.js';
import { loadFolder } from '../src/load/load-folder.js';
import { addDays, daysBetween } from '../src/model/dates.js';
import type { Change } from '../src/model/history.js';
import { buildPlan, type Plan } from '../src/model/plan.js';
import { ROOT } from './helpers.js';

const bundled = buildPlan(loadFolder(`${ROOT}data`, messages('en')).files);
const taskIds = bundled.domains.flatMap((d) => d.tasks.map((t) => t.id));
const STATUSES: Change['status'][] = ['todo', 'doing', 'doing', 'blocked', 'blocked', 'done', 'done', 'cancelled'];

/** Random changes: task, status, day of the plan year (a few days either side), and a reason. */
const changes = fc.array(
  fc.record({ task: fc.nat(), status: fc.constantFrom(...STATUSES), day: fc.integer({ min: 0, max: 380 }), reason: fc.constantFrom('等待资金', '等待上级文件', '并入他项') }),
  { maxLength: 60 },
);

/** The plan with each task's changes as its history, oldest first, as the commands write them. */
function withHistories(steps: readonly { task: number; status: Change['status']; day: number; reason: string }[]): Plan {
  const byTask = new Map<string, Change[]>();
  for (const step of steps) {
    const id = taskIds[step.task % taskIds.length]!;
    const change: Change = { date: addDays('2021-12-25', step.day), status: step.status, ...((step.status === 'blocked' || step.status === 'cancelled') && { reason: step.reason }) };
    byTask.set(id, [...(byTask.get(id) ?? []), change]);
  }
  const raw = loadFolder(`${ROOT}data`, messages('en')).files;
  for (const file of raw) {
    if (file.kind !== 'domain') continue;
    const data = file.data as { tasks: { id: string; history?: Change[] }[] };
    for (const task of data.tasks) {
      const history = byTask.get(task.id);
      if (history) task.history = [...history].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    }
  }
  return buildPlan(raw);
}

/** The README's rule, written out again: the last change by the day gives the status; done dates the completion, which reopen, start or block take away. */
function expectedTaskState(history: readonly Change[], due: string, asOf: string, soonDays: number): string {
  let status = 'todo';
  let completed: string | undefined;
  for (const change of history) {
    if (change.date > asOf) continue;
    status = change.status;
    if (change.status === 'done') completed = change.date;
    else if (change.status !== 'cancelled') completed = undefined;
  }
  if (completed !== undefined) return daysBetween(due, completed) > 0 ? 'done_late' : 'done_on_time';
  if (status === 'cancelled' || status === 'blocked') return status;
  const left = daysBetween(asOf, due);
  return left < 0 ? 'overdue' : left <= soonDays ? 'due_soon' : 'open';
}

describe('dated histories', () => {
  it('give every task item, at every date, the state a fold of its changes up to that date gives', () => {
    fc.assert(
      fc.property(changes, fc.array(fc.integer({ min: 0, max: 380 }), { minLength: 8, maxLength: 8 }), (steps, days) => {
        const plan = withHistories(steps);
        const histories = new Map(plan.domains.flatMap((d) => d.tasks.map((t) => [t.id, t.history ?? []] as const)));
        for (const day of days) {
          const asOf = addDays('2021-12-25', day);
          for (const item of itemsOfPlanAt(plan, asOf, 14)) {
            if (item.kind !== 'task') continue;
            expect([item.id, asOf, item.state]).toEqual([item.id, asOf, expectedTaskState(histories.get(item.taskId)!, item.due, asOf, 14)]);
          }
        }
      }),
      { numRuns: 25, seed: 20220610 },
    );
  });

  it('make a report compared after later changes list exactly the items whose figures changed', () => {
    fc.assert(
      fc.property(changes, changes, fc.integer({ min: 0, max: 11 }), (before, later, monthIndex) => {
        const month = `2022-${String(monthIndex + 1).padStart(2, '0')}`;
        const window = monthWindow(month, undefined, '2023-06-30');
        if (!window.ok) throw new Error('no window');
        const first = withHistories(before);
        const report = monthlyReport(first, window.window, 14);
        const said: Submission = { month, asOf: report.asOf, submittedOn: addDays(report.asOf, 3), soonDays: 14, ...reportSnapshot(report, first) };
        // Later changes: recorded afterwards, dated anywhere in the year (a block recorded late, say).
        const second = withHistories([...before, ...later]);
        const corrections = correctionsOf(said, reportSnapshot(monthlyReport(second, window.window, 14), second), second);

        // Independently: every field plan tasks gives, and the block's reason and date, before and after.
        const view = (plan: Plan) => {
          const blocked = new Map(monthlyReport(plan, window.window, 14).blocked.map((b) => [b.id, `${b.since} ${b.reason}`]));
          const cancelled = new Map(plan.domains.flatMap((d) => d.tasks).map((t) => [t.id, JSON.stringify(t.history?.filter((c) => c.date <= report.asOf).at(-1) ?? null)]));
          return new Map(
            itemsOfPlanAt(plan, report.asOf, 14).map((i) => [i.id, JSON.stringify([i, blocked.get(i.id) ?? null, i.taskStatus === 'cancelled' ? cancelled.get(i.taskId) : null])]),
          );
        };
        const [a, b] = [view(first), view(second)];
        const changed = [...a.keys()].filter((id) => a.get(id) !== b.get(id)).sort();
        expect(corrections.items.map((c) => c.id).sort()).toEqual(changed);
        // The figures the report states differ exactly where the two reports' figures differ.
        const [r1, r2] = [report, monthlyReport(second, window.window, 14)];
        const differs = r1.totals.overdue !== r2.totals.overdue || r1.figures.stillOverdue !== r2.figures.stillOverdue || r1.figures.blocked !== r2.figures.blocked;
        expect(corrections.figures.some((f) => f.name === 'overdue' || f.name === 'still_overdue' || f.name === 'blocked')).toBe(differs);
      }),
      { numRuns: 30, seed: 20220705 },
    );
  });

  it('keep the monthly lists to one rule: no before-the-notice completion, every past-due blocked item still overdue', () => {
    fc.assert(
      fc.property(changes, fc.integer({ min: 0, max: 11 }), (steps, monthIndex) => {
        const plan = withHistories(steps);
        const window = monthWindow(`2022-${String(monthIndex + 1).padStart(2, '0')}`, undefined, '2023-06-30');
        if (!window.ok) throw new Error('no window');
        const report = monthlyReport(plan, window.window, 14);
        expect(report.completed.filter((i) => i.beforeNotice)).toEqual([]);
        const blockedBefore = report.blocked.filter((i) => i.due < addDays(report.monthStart, -1)).map((i) => i.id);
        const still = new Set(report.stillOverdue.map((i) => i.id));
        expect(blockedBefore.filter((id) => !still.has(id))).toEqual([]);
        expect(report.figures.inProgress).toBe(report.inProgress.length);
        expect(report.inProgress.every((i) => i.taskStatus === 'doing' && i.kind === 'task')).toBe(true);
      }),
      { numRuns: 30, seed: 20220630 },
    );
  });
});
