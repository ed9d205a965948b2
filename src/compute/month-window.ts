import { addDays, endOfMonth, isoDate, monthOf, type IsoDate } from '../model/dates.js';

/** The stretch of a month a report covers: from its first day to the as-of date. */
export interface MonthWindow {
  month: string;
  monthStart: IsoDate;
  monthEnd: IsoDate;
  /** The report's date: the month's last day, or an earlier day of a month still in progress. */
  asOf: IsoDate;
  /** True when the as-of date is before the month's last day: the month is reported so far. */
  partial: boolean;
  nextStart: IsoDate;
  nextEnd: IsoDate;
}

export type WindowProblem = 'as-of-before-month' | 'as-of-after-month' | 'month-not-started';

/**
 * Which days a monthly report covers. Without --month, the month of the as-of date (or today);
 * without --as-of, a past month is reported as of its last day and the current month as of today.
 * An as-of date outside the month, or a month that has not begun, is a problem for the caller to word.
 */
export function monthWindow(month: string | undefined, asOf: IsoDate | undefined, today: IsoDate): { ok: true; window: MonthWindow } | { ok: false; problem: WindowProblem; monthStart: IsoDate; monthEnd: IsoDate } {
  const chosen = month ?? monthOf(asOf ?? today);
  const [year, monthNumber] = chosen.split('-').map(Number) as [number, number];
  const monthStart = isoDate(year, monthNumber, 1);
  const monthEnd = endOfMonth(year, monthNumber);
  let date: IsoDate;
  if (asOf !== undefined) {
    if (asOf < monthStart) return { ok: false, problem: 'as-of-before-month', monthStart, monthEnd };
    if (asOf > monthEnd) return { ok: false, problem: 'as-of-after-month', monthStart, monthEnd };
    date = asOf;
  } else if (today < monthStart) {
    return { ok: false, problem: 'month-not-started', monthStart, monthEnd };
  } else {
    date = today > monthEnd ? monthEnd : today;
  }
  const nextStart = addDays(monthEnd, 1);
  const nextEnd = endOfMonth(Number(nextStart.slice(0, 4)), Number(nextStart.slice(5, 7)));
  return { ok: true, window: { month: chosen, monthStart, monthEnd, asOf: date, partial: date < monthEnd, nextStart, nextEnd } };
}
