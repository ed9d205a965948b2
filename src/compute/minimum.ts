import type { IsoDate } from '../model/dates.js';
import type { Recurrence } from '../model/plan.js';
import { occurrencesOf, type Occurrence } from './occurrences.js';

type Every = Recurrence['every'];
type Recorded = NonNullable<Recurrence['done']>[string];

/** Rough length of each kind of period, to tell a longer one from a shorter one. */
export const PERIOD_DAYS: Record<Every, number> = { week: 7, month: 30, two_months: 61, quarter: 91, half_year: 182, year: 365 };

/** The completion dates recorded for one period, earliest first (one date or a list of them). */
export function recordedDates(recorded: Recorded | undefined): IsoDate[] {
  if (recorded === undefined) return [];
  if (typeof recorded === 'string') return [recorded];
  return [...recorded].sort();
}

/** Completions each occurrence needs: the minimum when it counts per occurrence, else 1. */
export function requiredPerOccurrence(recurrence: Recurrence): number {
  const minimum = recurrence.minimum;
  return minimum !== undefined && (minimum.per === undefined || minimum.per === recurrence.every) ? minimum.count : 1;
}

/** One period of a floor that sits beside a shorter nominal cadence (全年不少于2次 beside 每季度). */
export interface MinimumPeriod {
  key: string;
  start: IsoDate;
  due: IsoDate;
  required: number;
  /** Completions recorded under the cadence's occurrences that start within the period, in date order. */
  completions: IsoDate[];
}

/**
 * The floor's own periods when its `per` is longer than the cadence; none otherwise. A completion
 * counts towards the floor period its occurrence starts in, so a meeting recorded for 2022-Q3 counts
 * for 2022 whatever day it was held.
 */
export function minimumItems(recurrence: Recurrence, occurrences: readonly Occurrence[], period: { start: IsoDate; end: IsoDate }): MinimumPeriod[] {
  const minimum = recurrence.minimum;
  if (minimum?.per === undefined || PERIOD_DAYS[minimum.per] <= PERIOD_DAYS[recurrence.every]) return [];
  const floors = occurrencesOf({ every: minimum.per, ...(recurrence.season && { season: recurrence.season }) }, period);
  if (!floors.ok) return [];
  return floors.occurrences.map((floor, i) => {
    // A floor period runs until the next one starts (its due date may be pulled in to the plan's end).
    const next = floors.occurrences[i + 1]?.start;
    const completions = occurrences
      .filter((o) => o.start >= floor.start && (next === undefined || o.start < next))
      .flatMap((o) => recordedDates(recurrence.done?.[o.key]))
      .sort();
    return { key: floor.key, start: floor.start, due: floor.due, required: minimum.count, completions };
  });
}
