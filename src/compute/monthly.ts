import { addDays, endOfMonth, isoDate, type IsoDate } from '../model/dates.js';
import type { Plan } from '../model/plan.js';
import { planAsOf } from './as-of.js';
import { byDueThenId, itemsAt, planItems, tally, tallyByDomain, type Gap, type ItemAt, type Tally } from './items.js';
import { ownerSummary, type OwnerRow } from './owners.js';
import { standardizationAt, type RosterSummary, type TownsSummary } from './standardization.js';
import { reportBasis, type ReportBasis } from './status.js';
import { targetsAt, type TargetAt } from './targets.js';

export interface MonthlyReport extends ReportBasis {
  month: string;
  monthStart: IsoDate;
  monthEnd: IsoDate;
  totals: Tally;
  domains: { id: string; title: string; tally: Tally }[];
  /** Completed within the month (on time or late). */
  completed: ItemAt[];
  /** Due within the month and not done by its end. */
  fellOverdue: ItemAt[];
  /** Overdue since before the month and still not done. */
  stillOverdue: ItemAt[];
  /** Due next month and not yet done. */
  dueNextMonth: ItemAt[];
  /** Owners with anything due by the month's end or done: everyone who has something to report. */
  owners: OwnerRow[];
  towns: TownsSummary;
  roster: RosterSummary;
  targets: TargetAt[];
  gaps: Gap[];
  undatedTasks: number;
}

/** The monthly report for leaders: the plan as it stood on the last day of the month. */
export function monthlyReport(recordedPlan: Plan, month: string, soonDays: number): MonthlyReport {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const monthStart = isoDate(year, monthNumber, 1);
  const monthEnd = endOfMonth(year, monthNumber);
  const nextStart = addDays(monthEnd, 1);
  const nextEnd = endOfMonth(Number(nextStart.slice(0, 4)), Number(nextStart.slice(5, 7)));
  const plan = planAsOf(recordedPlan, monthEnd);
  const { items: all, gaps } = planItems(plan);
  const items = itemsAt(all, monthEnd, soonDays);
  const inMonth = (date: IsoDate | undefined) => date !== undefined && date >= monthStart && date <= monthEnd;
  const notDone = (i: ItemAt) => i.state === 'overdue' || i.state === 'due_soon' || i.state === 'open' || i.state === 'blocked';
  const mostLateFirst = (a: ItemAt, b: ItemAt) => b.daysLate - a.daysLate || byDueThenId(a, b);
  return {
    ...reportBasis(plan, monthEnd, soonDays),
    month,
    monthStart,
    monthEnd,
    totals: tally(items),
    domains: tallyByDomain(plan.domains, items),
    completed: items.filter((i) => inMonth(i.completed)).sort((a, b) => (a.completed! < b.completed! ? -1 : a.completed! > b.completed! ? 1 : byDueThenId(a, b))),
    fellOverdue: items.filter((i) => i.state === 'overdue' && inMonth(i.due)).sort(byDueThenId),
    stillOverdue: items.filter((i) => i.state === 'overdue' && i.due < monthStart).sort(mostLateFirst),
    dueNextMonth: items.filter((i) => notDone(i) && i.due >= nextStart && i.due <= nextEnd).sort(byDueThenId),
    owners: ownerSummary(plan, items).filter((o) => o.tally.done + o.tally.overdue + o.tally.dueSoon > 0),
    ...standardizationAt(plan, monthEnd),
    targets: targetsAt(plan, monthEnd),
    gaps,
    undatedTasks: plan.domains.flatMap((d) => d.tasks).filter((t) => !t.dueStated && !t.recurrence).length,
  };
}
