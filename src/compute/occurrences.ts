import { addDays, endOfMonth, isoDate, toLocalDate, fromLocalDate, type IsoDate } from '../model/dates.js';
import type { Recurrence } from '../model/plan.js';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';

/** One period of a recurring duty: its key (2022-Q2), its first day and the day it is due. */
export interface Occurrence {
  key: string;
  start: IsoDate;
  due: IsoDate;
}

export type OccurrenceResult = { ok: true; occurrences: Occurrence[] } | { ok: false; reason: 'season-dates-missing' };

/**
 * The occurrences of a recurring duty within a window (the plan period, narrowed to the season
 * when there is one). Periods that only partly overlap the window are kept, with the due date
 * pulled in to the window's end.
 */
export function occurrencesOf(recurrence: Recurrence, period: { start: IsoDate; end: IsoDate }): OccurrenceResult {
  // Many tasks repeat the same way; the periods depend only on these fields.
  const key = JSON.stringify([recurrence.every, recurrence.by_day, recurrence.season?.from, recurrence.season?.until, recurrence.season !== undefined, period.start, period.end]);
  let result = memo.get(key);
  if (!result) {
    result = computeOccurrences(recurrence, period);
    memo.set(key, result);
  }
  return result;
}

const memo = new Map<string, OccurrenceResult>();

function computeOccurrences(recurrence: Recurrence, period: { start: IsoDate; end: IsoDate }): OccurrenceResult {
  const season = recurrence.season;
  if (season && (season.from === undefined || season.until === undefined)) return { ok: false, reason: 'season-dates-missing' };
  const from = season?.from !== undefined && season.from > period.start ? season.from : period.start;
  const until = season?.until !== undefined && season.until < period.end ? season.until : period.end;
  const occurrences: Occurrence[] = [];
  for (const candidate of periodsCovering(recurrence, from, until)) {
    if (candidate.due < from || candidate.start > until) continue;
    occurrences.push({ ...candidate, due: candidate.due > until ? until : candidate.due });
  }
  return { ok: true, occurrences };
}

function* periodsCovering(recurrence: Recurrence, from: IsoDate, until: IsoDate): Generator<Occurrence> {
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(until.slice(0, 4));
  if (recurrence.every === 'week') {
    for (let monday = fromLocalDate(startOfISOWeek(toLocalDate(from))); monday <= until; monday = addDays(monday, 7)) {
      const date = toLocalDate(monday);
      const key = `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;
      yield { key, start: monday, due: addDays(monday, 6) };
    }
    return;
  }
  for (let year = firstYear; year <= lastYear; year++) {
    switch (recurrence.every) {
      case 'month':
        for (let month = 1; month <= 12; month++) {
          const due = recurrence.by_day !== undefined ? isoDate(year, month, recurrence.by_day) : endOfMonth(year, month);
          yield { key: `${year}-${String(month).padStart(2, '0')}`, start: isoDate(year, month, 1), due };
        }
        break;
      case 'two_months':
        for (let n = 1; n <= 6; n++) yield { key: `${year}-B${n}`, start: isoDate(year, 2 * n - 1, 1), due: endOfMonth(year, 2 * n) };
        break;
      case 'quarter':
        for (let q = 1; q <= 4; q++) yield { key: `${year}-Q${q}`, start: isoDate(year, 3 * q - 2, 1), due: endOfMonth(year, 3 * q) };
        break;
      case 'half_year':
        yield { key: `${year}-H1`, start: isoDate(year, 1, 1), due: isoDate(year, 6, 30) };
        yield { key: `${year}-H2`, start: isoDate(year, 7, 1), due: isoDate(year, 12, 31) };
        break;
      case 'year':
        yield { key: `${year}`, start: isoDate(year, 1, 1), due: isoDate(year, 12, 31) };
        break;
    }
  }
}
