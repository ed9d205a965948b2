import type { IsoDate } from '../model/dates.js';
import type { Plan } from '../model/plan.js';
import { filterItems, findDomain, type ItemFilter } from './filter.js';
import { planAsOf } from './as-of.js';
import { byDueThenId, firstSorted, itemsAt, planItems, tally, tallyByDomain, type Gap, type ItemAt, type Tally } from './items.js';
import { standardizationAt, type RosterSummary, type TownsSummary } from './standardization.js';
import { targetsAt, targetsWithCounts, type TargetAt, type TargetTally } from './targets.js';

export interface ReportBasis {
  asOf: IsoDate;
  soonDays: number;
  /** Where the as-of date lies against the plan period. */
  position: 'before' | 'within' | 'after';
  title: string;
  issuer: string;
  period: { start: IsoDate; end: IsoDate };
  /** First day work is counted (the notice's issue date unless plan.yaml says otherwise). */
  countFrom: IsoDate;
}

export interface StatusReport extends ReportBasis {
  filter: ItemFilter;
  totals: Tally;
  domains: { id: string; title: string; tally: Tally }[];
  /** Overdue items, most days late first: all of them, or as many as were asked for (their number is in `totals`). */
  overdue: ItemAt[];
  /** Items due within the soon window, earliest first. */
  dueSoon: ItemAt[];
  gaps: Gap[];
  /** Tasks whose deadline is not stated in the document (counted as due at the period's end). */
  undatedTasks: number;
  towns: TownsSummary;
  roster: RosterSummary;
  targets: TargetAt[];
  targetCounts: TargetTally;
}

export function reportBasis(plan: Plan, asOf: IsoDate, soonDays: number): ReportBasis {
  const position = asOf < plan.period.start ? 'before' : asOf > plan.period.end ? 'after' : 'within';
  return { asOf, soonDays, position, title: plan.title, issuer: plan.issuer, period: plan.period, countFrom: plan.countFrom };
}

/** Where the plan stands at a date: the data behind `plan status`, listing the first `overdueListed` overdue items. */
export function statusReport(recordedPlan: Plan, asOf: IsoDate, soonDays: number, filter: ItemFilter = {}, overdueListed = Infinity): StatusReport {
  const plan = planAsOf(recordedPlan, asOf);
  const { items, gaps } = planItems(plan);
  const selected = filterItems(itemsAt(items, asOf, soonDays), filter, plan);
  const domainFilter = filter.domain !== undefined ? findDomain(plan, filter.domain)?.id : undefined;
  const domains = tallyByDomain(
    plan.domains.filter((d) => domainFilter === undefined || d.id === domainFilter),
    selected,
  );
  const taskIds = new Set(selected.map((i) => i.taskId));
  return {
    ...reportBasis(plan, asOf, soonDays),
    filter,
    totals: tally(selected),
    domains,
    overdue: firstSorted(selected.filter((i) => i.state === 'overdue'), overdueListed, (a, b) => b.daysLate - a.daysLate || byDueThenId(a, b)),
    dueSoon: selected.filter((i) => i.state === 'due_soon').sort(byDueThenId),
    gaps: gaps.filter((g) => domainFilter === undefined || g.domainId === domainFilter),
    undatedTasks: plan.domains.flatMap((d) => d.tasks).filter((t) => taskIds.has(t.id) && !t.dueStated && !t.recurrence).length,
    ...standardizationAt(plan, asOf),
    ...targetsWithCounts(targetsAt(plan, asOf).filter((t) => domainFilter === undefined || t.domainId === domainFilter)),
  };
}
