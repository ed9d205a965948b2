import type { IsoDate } from '../model/dates.js';
import type { Plan } from '../model/plan.js';
import { planAsOf } from './as-of.js';
import { itemsAt, planItems, tally, tallyByDomain, type Rate } from './items.js';
import { ownerSummary, type OwnerRow } from './owners.js';
import { standardizationAt, type RosterSummary, type TownsSummary } from './standardization.js';
import { reportBasis, type ReportBasis } from './status.js';
import { targetsAt, targetsWithCounts, type TargetAt, type TargetTally } from './targets.js';

export interface ComplianceReport extends ReportBasis {
  overall: Rate;
  domains: { id: string; title: string; onTime: Rate }[];
  owners: { name: string; kind: OwnerRow['kind']; onTime: Rate }[];
  towns: TownsSummary;
  roster: RosterSummary;
  targets: TargetAt[];
  targetCounts: TargetTally;
}

/** Every rate the plan can be held to, each with its numerator and denominator. */
export function complianceReport(recordedPlan: Plan, asOf: IsoDate, soonDays: number): ComplianceReport {
  const plan = planAsOf(recordedPlan, asOf);
  const items = itemsAt(planItems(plan).items, asOf, soonDays);
  return {
    ...reportBasis(plan, asOf, soonDays),
    overall: tally(items).onTime,
    domains: tallyByDomain(plan.domains, items).map((d) => ({ id: d.id, title: d.title, onTime: d.tally.onTime })),
    owners: ownerSummary(plan, items).map((row) => ({ name: row.name, kind: row.kind, onTime: row.tally.onTime })),
    ...standardizationAt(plan, asOf),
    ...targetsWithCounts(targetsAt(plan, asOf)),
  };
}
