import { endOfMonth, latestRecord, type IsoDate } from '../model/dates.js';
import type { Enterprise, Plan, Town } from '../model/plan.js';
import { rate, type Rate } from './items.js';

export interface TownProgress {
  name: string;
  targetTotal: number | null;
  targetAboveScale: number | null;
  /** Latest recorded figures on or before the as-of date; null when none is recorded. */
  achievedTotal: number | null;
  achievedAboveScale: number | null;
  reportedOn: IsoDate | null;
  total: Rate;
  aboveScale: Rate;
}

export interface TownsSummary {
  towns: TownProgress[];
  /** Sums over towns that have a target; achieved counts only towns that reported. */
  targetTotal: number;
  targetAboveScale: number;
  achievedTotal: number;
  achievedAboveScale: number;
  total: Rate;
  aboveScale: Rate;
  withoutTarget: number;
  withoutReport: number;
}

/** Standardization progress of every town against its 2022 target, at a date. */
export function townsAt(towns: readonly Town[], asOf: IsoDate): TownsSummary {
  const rows = towns.map((town): TownProgress => {
    const latest = latestRecord(town.progress, asOf);
    const achievedTotal = latest?.achieved_total ?? null;
    const achievedAboveScale = latest?.achieved_above_scale ?? null;
    return {
      name: town.name,
      targetTotal: town.target_total,
      targetAboveScale: town.target_above_scale,
      achievedTotal,
      achievedAboveScale,
      reportedOn: latest?.date ?? null,
      total: rate(achievedTotal ?? 0, town.target_total ?? 0),
      aboveScale: rate(achievedAboveScale ?? 0, town.target_above_scale ?? 0),
    };
  });
  const withTarget = rows.filter((r) => r.targetTotal !== null);
  const sum = (pick: (r: TownProgress) => number | null) => withTarget.reduce((s, r) => s + (pick(r) ?? 0), 0);
  const targetTotal = sum((r) => r.targetTotal);
  const targetAboveScale = sum((r) => r.targetAboveScale);
  const achievedTotal = sum((r) => r.achievedTotal);
  const achievedAboveScale = sum((r) => r.achievedAboveScale);
  return {
    towns: rows,
    targetTotal,
    targetAboveScale,
    achievedTotal,
    achievedAboveScale,
    total: rate(achievedTotal, targetTotal),
    aboveScale: rate(achievedAboveScale, targetAboveScale),
    withoutTarget: rows.length - withTarget.length,
    withoutReport: withTarget.filter((r) => r.reportedOn === null).length,
  };
}

export type RosterState = 'not_started' | 'applying' | 'certified' | 'expired' | 'revoked';

/**
 * An enterprise's standing at a date. A certificate is good through the end of its expiry month;
 * a certification recorded after the as-of date did not exist yet then.
 */
export function rosterStateAt(enterprise: Enterprise, asOf: IsoDate): RosterState {
  if (enterprise.status === 'certified') {
    if (enterprise.certified_on !== undefined && enterprise.certified_on > asOf) return 'applying';
    if (enterprise.expires !== undefined) {
      const [year, month] = enterprise.expires.split('-').map(Number) as [number, number];
      if (endOfMonth(year, month) < asOf) return 'expired';
    }
    return 'certified';
  }
  return enterprise.status;
}

export interface IndustryRow {
  industry: string;
  total: number;
  counts: Record<RosterState, number>;
  certified: Rate;
}

export interface RosterSummary {
  industries: IndustryRow[];
  all: IndustryRow;
  /** Certified enterprises whose certificate runs out by the end of the third month after the as-of month. */
  expiringSoon: { id: string; name: string; expires: string }[];
}

const EMPTY_COUNTS: Record<RosterState, number> = { not_started: 0, applying: 0, certified: 0, expired: 0, revoked: 0 };

/** The roster by industry at a date: how many are not started, applying, certified or expired. */
export function rosterAt(enterprises: readonly Enterprise[], asOf: IsoDate): RosterSummary {
  const byIndustry = new Map<string, IndustryRow>();
  const all: IndustryRow = { industry: '', total: 0, counts: { ...EMPTY_COUNTS }, certified: rate(0, 0) };
  const expiringSoon: RosterSummary['expiringSoon'] = [];
  const horizon = addMonthsEnd(asOf, 3);
  for (const enterprise of enterprises) {
    const state = rosterStateAt(enterprise, asOf);
    let row = byIndustry.get(enterprise.industry);
    if (!row) {
      row = { industry: enterprise.industry, total: 0, counts: { ...EMPTY_COUNTS }, certified: rate(0, 0) };
      byIndustry.set(enterprise.industry, row);
    }
    for (const target of [row, all]) {
      target.total++;
      target.counts[state]++;
    }
    if (state === 'certified' && enterprise.expires !== undefined && enterprise.expires <= horizon) {
      expiringSoon.push({ id: enterprise.id, name: enterprise.name, expires: enterprise.expires });
    }
  }
  const industries = [...byIndustry.values()];
  for (const row of [...industries, all]) row.certified = rate(row.counts.certified, row.total);
  return { industries, all, expiringSoon };
}

/** YYYY-MM of the month `months` after the date's month. */
function addMonthsEnd(date: IsoDate, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  return `${year + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** Convenience for reports: both summaries of a plan at a date. */
export function standardizationAt(plan: Plan, asOf: IsoDate): { towns: TownsSummary; roster: RosterSummary } {
  return { towns: townsAt(plan.towns, asOf), roster: rosterAt(plan.enterprises, asOf) };
}
