// Invariants of the monthly figures, over random progress histories applied to the bundled plan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemsOfPlanAt } from '../src/compute/as-of.js';
import { complianceReport } from '../src/compute/compliance.js';
import { planItems, type Item } from '../src/compute/items.js';
import { monthWindow } from '../src/compute/month-window.js';
import { monthSeries } from '../src/compute/month-series.js';
import { monthlyReport, type MonthlyReport } from '../src/compute/monthly.js';
import { ownerSummary } from '../src/compute/owners.js';
import { statusReport } from '../src/compute/status.js';
import { messages } from '../src/i18n/index.js';
import { loadFolder } from '../src/load/load-folder.js';
import { addDays } from '../src/model/dates.js';
import { buildPlan, type Plan, type Task } from '../src/model/plan.js';
import { renderJson } from '../src/render/json.js';
import { renderDocumentText } from '../src/render/document.js';
import { monthlyDocument } from '../src/render/monthly.js';
import { makeColors } from '../src/render/color.js';
import { ROOT } from './helpers.js';

const bundled = buildPlan(loadFolder(`${ROOT}data`, messages('en')).files);
const baseItems = planItems(bundled).items;
// Kept modest so the file runs in a few seconds on two cores.
const RUNS = 12;
const MONTHS = ['2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06', '2022-07', '2022-08', '2022-09', '2022-10', '2022-11', '2022-12', '2023-01'];

interface Step {
  item: number;
  action: 'done' | 'block' | 'cancel';
  /** Days after 2021-12-25: a day of the plan year, or a little before or after it. */
  day: number;
}

const history = fc.array(
  fc.record({ item: fc.nat(), action: fc.constantFrom<Step['action']>('done', 'done', 'done', 'block', 'cancel'), day: fc.integer({ min: 0, max: 420 }) }),
  { maxLength: 120 },
);

/** The bundled plan with the steps recorded, as the edit commands would record them. */
function withHistory(plan: Plan, steps: readonly Step[]): Plan {
  const tasks = new Map<string, Task>();
  const copy: Plan = {
    ...plan,
    domains: plan.domains.map((d) => ({
      ...d,
      tasks: d.tasks.map((t) => {
        const task: Task = {
          ...t,
          notes: [...(t.notes ?? [])],
          milestones: t.milestones?.map((m) => ({ ...m })),
          recurrence: t.recurrence && { ...t.recurrence, done: { ...t.recurrence.done } },
        };
        tasks.set(t.id, task);
        return task;
      }),
    })),
  };
  for (const step of steps) {
    const item = baseItems[step.item % baseItems.length]!;
    const task = tasks.get(item.taskId)!;
    const date = addDays('2021-12-25', step.day);
    if (step.action === 'block' && task.status !== 'done') {
      task.status = 'blocked';
      task.notes!.push({ date, text: `受阻 ${step.day}` });
    } else if (step.action === 'cancel') {
      task.status = 'cancelled';
    } else if (step.action === 'done') {
      if (item.kind === 'milestone') task.milestones!.find((m) => m.id === item.part)!.completed = date;
      else if (item.kind === 'occurrence') task.recurrence!.done![item.part!] = date;
      else if (task.status !== 'cancelled') {
        task.status = 'done';
        task.completed = date;
      }
    }
  }
  return copy;
}

function report(plan: Plan, month: string, asOf?: string): MonthlyReport {
  const window = monthWindow(month, asOf, '2030-01-01');
  if (!window.ok) throw new Error(window.problem);
  return monthlyReport(plan, window.window, 14);
}

/** The month (YYYY-MM) of the day after a date, by the calendar of UTC noon: no code shared with src/. */
function monthAfter(due: string): string {
  const next = new Date(Date.parse(`${due}T12:00:00Z`) + 86_400_000);
  return next.toISOString().slice(0, 7);
}

/** The items of the plan with their completion as recorded (planItems reads the files' fields). */
function recorded(plan: Plan): Item[] {
  return planItems(plan).items;
}

describe('monthly figures over random progress histories', () => {
  it('every tally sums to its total, in the summary, each domain and the month figures', () => {
    fc.assert(
      fc.property(history, fc.constantFrom(...MONTHS), fc.integer({ min: 0, max: 30 }), (steps, month, dayIndex) => {
        const plan = withHistory(bundled, steps);
        const last = report(plan, month).monthEnd;
        const asOf = addDays(`${month}-01`, Math.min(dayIndex, Number(last.slice(8, 10)) - 1));
        const r = report(plan, month, asOf);
        const t = r.totals;
        expect(t.done + t.overdue + t.blocked + t.cancelled + r.notYetDue + t.beforeNotice).toBe(t.total);
        expect(t.doneOnTime + t.doneLate).toBe(t.done);
        for (const d of r.domains) expect(d.tally.done + d.tally.overdue + d.tally.blocked + d.tally.cancelled + d.notYetDue + d.tally.beforeNotice).toBe(d.tally.total);
        expect(r.domains.reduce((sum, d) => sum + d.tally.total, 0)).toBe(t.total);
        expect(r.figures.completedOnTime + r.figures.completedLate).toBe(r.figures.completed);
        // Overdue at the as-of date = fell overdue this month and still overdue + overdue from before.
        // Overdue at the as-of date: fell overdue this month, or earlier and still not done (the earlier list also has the blocked ones).
        expect(r.fellOverdue.filter((i) => i.state === 'overdue').length + r.stillOverdue.filter((i) => i.state === 'overdue').length).toBe(t.overdue);
        expect(r.stillOverdue.every((i) => i.state === 'overdue' || i.state === 'blocked')).toBe(true);
      }),
      { numRuns: RUNS, seed: 11 },
    );
  });

  it('newly overdue in a month is exactly the items whose day after the due date lies in it and that were not done by then', () => {
    fc.assert(
      fc.property(history, (steps) => {
        const plan = withHistory(bundled, steps);
        const items = recorded(plan);
        for (const month of MONTHS) {
          const monthEnd = report(plan, month).monthEnd;
          // A completion recorded after the month had not happened by then.
          const expected = items
            .filter((i) => monthAfter(i.due) === month && !i.beforeNotice)
            .filter((i) => (i.completed === undefined || i.completed > monthEnd ? i.taskStatus !== 'cancelled' : i.completed > i.due))
            .map((i) => i.id)
            .sort();
          expect(report(plan, month).fellOverdue.map((i) => i.id).sort(), month).toEqual(expected);
        }
      }),
      { numRuns: RUNS, seed: 12 },
    );
  });

  it('over the plan months, newly overdue names every item that was ever late exactly once', () => {
    fc.assert(
      fc.property(history, (steps) => {
        const plan = withHistory(bundled, steps);
        const named = MONTHS.flatMap((month) => report(plan, month).fellOverdue.map((i) => i.id));
        // Ever late, as the item states a year on tell it: overdue, done late, or blocked past its date.
        const everLate = itemsOfPlanAt(plan, '2023-12-31', 14)
          // A cancelled task's work done after the month it fell due in was, at that month's end, cancelled and not done.
          .filter((i) => !(i.taskStatus === 'cancelled' && i.completed !== undefined && i.completed.slice(0, 7) > monthAfter(i.due)))
          .filter((i) => i.state === 'overdue' || i.state === 'done_late' || (i.state === 'blocked' && i.daysLate > 0))
          .map((i) => i.id);
        expect(named.length).toBe(new Set(named).size);
        expect([...named].sort()).toEqual([...everLate].sort());
      }),
      { numRuns: RUNS, seed: 13 },
    );
  });

  it('status, compliance, owners and the report agree on every figure at the same as-of date', () => {
    fc.assert(
      fc.property(history, fc.constantFrom(...MONTHS), (steps, month) => {
        const plan = withHistory(bundled, steps);
        const r = report(plan, month);
        const status = statusReport(plan, r.asOf, 14);
        const compliance = complianceReport(plan, r.asOf, 14);
        const owners = ownerSummary(plan, itemsOfPlanAt(plan, r.asOf, 14));
        expect(status.totals).toEqual(r.totals);
        expect(status.domains).toEqual(r.domains.map(({ id, title, tally }) => ({ id, title, tally })));
        expect(compliance.overall).toEqual(r.totals.onTime);
        expect(status.targets).toEqual(r.targets);
        expect(compliance.targets).toEqual(r.targets);
        for (const row of r.owners) expect(owners.find((o) => o.name === row.name && o.kind === row.kind)).toEqual(row);
        expect(owners.filter((o) => o.tally.done + o.tally.overdue + o.tally.dueSoon > 0)).toEqual(r.owners);
      }),
      { numRuns: RUNS, seed: 14 },
    );
  });

  it('the text and the JSON of one report give the same figures', () => {
    const msg = messages('en');
    const colors = makeColors({ color: false, isTTY: false, env: {} });
    fc.assert(
      fc.property(history, fc.constantFrom(...MONTHS), (steps, month) => {
        const r = report(withHistory(bundled, steps), month);
        const json = JSON.parse(renderJson(r)) as { totals: Record<string, number>; not_yet_due: number; figures: Record<string, number> };
        const text = renderDocumentText(monthlyDocument(r, msg), colors, undefined);
        const summary = /of (\d+) items (\d+) are done, (\d+) overdue and not done, (\d+) blocked, (\d+) cancelled and (\d+) not yet due\. .*This month (\d+) items were completed \((\d+) on time, (\d+) late\), (\d+) fell overdue, and (\d+) overdue/.exec(text);
        expect(summary).not.toBeNull();
        const f = json.figures;
        expect(summary!.slice(1).map(Number)).toEqual([
          json.totals.total!,
          json.totals.done!,
          json.totals.overdue!,
          json.totals.blocked!,
          json.totals.cancelled!,
          json.not_yet_due,
          f.completed!,
          f.completed_on_time!,
          f.completed_late!,
          f.fell_overdue!,
          f.still_overdue!,
        ]);
        const heading = (pattern: RegExp) => Number(pattern.exec(text)?.[1]);
        expect(heading(/\n2\. Completed this month \((\d+)\)/)).toBe(f.completed);
        expect(heading(/\n3\. Fell overdue this month \((\d+)\)/)).toBe(f.fell_overdue);
        expect(heading(/\n4\. Still overdue from earlier months \((\d+)\)/)).toBe(f.still_overdue);
        expect(heading(/\n5\. Blocked \((\d+)\)/)).toBe(f.blocked);
        expect(heading(/\n6\. In progress \((\d+)\)/)).toBe(f.in_progress);
        expect(heading(/\n7\. Due in the rest of the month \((\d+)\)/)).toBe(f.due_rest_of_month);
        expect(heading(/\n8\. Due next month \((\d+)\)/)).toBe(f.due_next_month);
        const totalRow = /\nTotal +(\d+) +(\d+) +(\d+) +(\d+) +(\d+) +(\d+) /.exec(text);
        expect(totalRow!.slice(1).map(Number)).toEqual([json.totals.total, json.totals.done, json.totals.overdue, json.totals.blocked, json.totals.cancelled, json.not_yet_due]);
      }),
      { numRuns: RUNS, seed: 15 },
    );
  });

  it('the month-by-month series gives, for each month, the totals of that month\'s report at its end; what was done stays done', () => {
    fc.assert(
      fc.property(history, fc.constantFrom(...MONTHS), fc.integer({ min: 0, max: 30 }), (steps, month, dayIndex) => {
        const plan = withHistory(bundled, steps);
        const last = report(plan, month).monthEnd;
        const asOf = addDays(`${month}-01`, Math.min(dayIndex, Number(last.slice(8, 10)) - 1));
        const series = monthSeries(plan, report(plan, month, asOf), 14);
        expect(series.map((p) => p.month)).toEqual(MONTHS.slice(0, MONTHS.indexOf(month) + 1));
        for (const point of series) {
          // Each earlier month at its last day; the report's own month at its as-of date.
          const r = point.month === month ? report(plan, month, asOf) : report(plan, point.month);
          expect(point.asOf).toBe(r.asOf);
          expect(point.partial).toBe(r.partial);
          expect([point.doneOnTime, point.doneLate, point.overdue]).toEqual([r.totals.doneOnTime, r.totals.doneLate, r.totals.overdue]);
        }
        // A completion is dated: once counted at a month's end it is counted at every later one.
        for (let i = 1; i < series.length; i++) {
          expect(series[i]!.doneOnTime).toBeGreaterThanOrEqual(series[i - 1]!.doneOnTime);
          expect(series[i]!.doneLate).toBeGreaterThanOrEqual(series[i - 1]!.doneLate);
        }
      }),
      { numRuns: RUNS, seed: 16 },
    );
  });
});
