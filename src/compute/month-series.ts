import { addDays, endOfMonth, monthOf, type IsoDate } from '../model/dates.js';
import type { Plan } from '../model/plan.js';
import { itemsOfPlanAt } from './as-of.js';
import { tally } from './items.js';
import type { MonthWindow } from './month-window.js';

/** The state of the plan's items at one month's end (or the report's date in its last month). */
export interface MonthPoint {
  month: string;
  asOf: IsoDate;
  /** True when asOf is before the month's last day (the report's month, still running). */
  partial: boolean;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
}

/**
 * The plan year month by month, from the month the plan period starts to the report's month: at
 * each month's end, how many items had been done on time, done late, and were overdue. Each point
 * is the `totals` of that month's report, counted by the same rules (planAsOf, itemsAt, tally);
 * the report's own month ends at its as-of date.
 */
export function monthSeries(plan: Plan, window: MonthWindow, soonDays: number): MonthPoint[] {
  const points: MonthPoint[] = [];
  for (let month = monthOf(plan.period.start); month <= window.month; month = nextMonth(month)) {
    const monthEnd = endOfMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
    const asOf = month === window.month ? window.asOf : monthEnd;
    const t = tally(itemsOfPlanAt(plan, asOf, soonDays));
    points.push({ month, asOf, partial: asOf < monthEnd, doneOnTime: t.doneOnTime, doneLate: t.doneLate, overdue: t.overdue });
  }
  return points;
}

function nextMonth(month: string): string {
  return monthOf(addDays(endOfMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))), 1));
}
