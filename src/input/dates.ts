// Dates and months as people type them on the command line. Data files stay strict (YYYY-MM-DD);
// this module is for what a clerk types, and for suggesting the strict spelling of such a form.
import { daysInMonth, isoDate, type IsoDate } from '../model/dates.js';

export type DateProblem =
  | { problem: 'form' }
  | { problem: 'no-such-month'; month: number }
  | { problem: 'no-such-day'; year: number; month: number; day: number; days: number };

export type Parsed<T> = ({ ok: true } & T) | ({ ok: false } & DateProblem);

/** The plan period, which supplies the year of a date typed without one (6月30日). */
export interface Period {
  start: IsoDate;
  end: IsoDate;
}

/** Full-width digits and separators (typed with a Chinese input method) as ASCII; spaces dropped. */
function normalise(text: string): string {
  return text
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/[－—]/g, '-')
    .replace(/／/g, '/')
    .replace(/[．。]/g, '.')
    .replace(/\s+/g, '');
}

const FULL_FORMS = [
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/, // 2022-06-30, 2022/6/30, 2022.6.30
  /^(\d{4})()(\d{2})(\d{2})$/, // 20220630
  /^(\d{4})年()(\d{1,2})月(\d{1,2})[日号]?$/, // 2022年6月30日
];
const NO_YEAR = /^(\d{1,2})月(\d{1,2})[日号]?$/; // 6月30日

/**
 * A date typed as 2022-06-30, 2022-6-30, 2022/6/30, 2022.6.30, 20220630, 2022年6月30日 or 6月30日
 * (the year then comes from the plan period), as YYYY-MM-DD; or what is wrong with it.
 */
export function parseDateInput(text: string, period?: Period): Parsed<{ date: IsoDate }> {
  const typed = normalise(text);
  for (const form of FULL_FORMS) {
    const m = form.exec(typed);
    if (m) return calendarDate(Number(m[1]), Number(m[3]), Number(m[4]));
  }
  const m = NO_YEAR.exec(typed);
  if (m && period) {
    const month = Number(m[1]);
    const day = Number(m[2]);
    return calendarDate(yearInPeriod(month, period), month, day);
  }
  return { ok: false, problem: 'form' };
}

/** A month typed as 2022-06, 2022-6, 2022/6, 2022.6, 202206, 2022年6月 or 6月, as YYYY-MM. */
export function parseMonthInput(text: string, period?: Period): Parsed<{ month: string }> {
  const typed = normalise(text);
  const full = /^(\d{4})(?:[-/.]|年)?(\d{1,2})月?$/.exec(typed);
  const short = /^(\d{1,2})月$/.exec(typed);
  if (!full && !(short && period)) return { ok: false, problem: 'form' };
  // 202206 is a month; 2022-6 and 2022年6月 too; but 20226 is not.
  if (full && /^\d{5}$/.test(typed)) return { ok: false, problem: 'form' };
  const month = Number(full ? full[2] : short![1]);
  if (month < 1 || month > 12) return { ok: false, problem: 'no-such-month', month };
  const year = full ? Number(full[1]) : yearInPeriod(month, period!);
  return { ok: true, month: isoDate(year, month, 1).slice(0, 7) };
}

function calendarDate(year: number, month: number, day: number): Parsed<{ date: IsoDate }> {
  if (month < 1 || month > 12) return { ok: false, problem: 'no-such-month', month };
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return { ok: false, problem: 'no-such-day', year, month, day, days };
  return { ok: true, date: isoDate(year, month, day) };
}

/** The year of the plan period in which that month falls; the period's first year if none. */
function yearInPeriod(month: number, period: Period): number {
  const first = Number(period.start.slice(0, 4));
  const last = Number(period.end.slice(0, 4));
  for (let year = first; year <= last; year++) {
    const yearMonth = isoDate(year, month, 1).slice(0, 7);
    if (yearMonth >= period.start.slice(0, 7) && yearMonth <= period.end.slice(0, 7)) return year;
  }
  return first;
}

/** The strict spelling of a date written in one of the forms people type, for data-file diagnostics. */
export function strictDateSpelling(value: unknown): IsoDate | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const parsed = parseDateInput(String(value));
  return parsed.ok ? parsed.date : undefined;
}

/** The strict spelling (YYYY-MM) of a month written in one of the forms people type. */
export function strictMonthSpelling(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const parsed = parseMonthInput(String(value));
  return parsed.ok ? parsed.month : undefined;
}
