import { addDays, type IsoDate } from './dates.js';
import type { PlanFile } from './schema-types.js';

/** A day the plan's own calendar (plan.yaml `calendar:`) says is a holiday or a weekend worked. */
export type CalendarDay = NonNullable<PlanFile['calendar']>[number];

/**
 * China's working calendar for some years, as data: statutory holidays (法定节假日, with the days
 * off around them) and the weekend days worked in exchange (调休上班). Every other day is a
 * working day from Monday to Friday and a rest day at the weekend.
 */
export interface WorkCalendar {
  /** The years the calendar knows; outside them nothing is said about working days. */
  years: number[];
  /** Days off, by date: the holiday's name (元旦, 春节 …). */
  holidays: Record<IsoDate, string>;
  /** Weekend days that are working days, by date: the holiday they make up for. */
  workdays: Record<IsoDate, string>;
}

/** What kind of day a date is: a working day, a weekend, a holiday, a weekend worked (调休), or unknown. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup' | 'unknown';

export function dayKind(calendar: WorkCalendar, date: IsoDate): DayKind {
  if (!calendar.years.includes(Number(date.slice(0, 4)))) return 'unknown';
  if (Object.hasOwn(calendar.holidays, date)) return 'holiday';
  if (Object.hasOwn(calendar.workdays, date)) return 'makeup';
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? 'weekend' : 'workday';
}

/** Whether a date is a rest day (a weekend not worked, or a holiday); undefined outside the calendar's years. */
export function isRestDay(calendar: WorkCalendar, date: IsoDate): boolean | undefined {
  const kind = dayKind(calendar, date);
  return kind === 'unknown' ? undefined : kind === 'weekend' || kind === 'holiday';
}

/**
 * Working days after `from` up to and including `to` (0 when `to` is not after `from`): the working
 * days left to a deadline, counted like the calendar days left. Null when a day in between lies
 * outside the calendar's years.
 */
export function workingDaysBetween(calendar: WorkCalendar, from: IsoDate, to: IsoDate): number | null {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    const rest = isRestDay(calendar, day);
    if (rest === undefined) return null;
    if (!rest) count++;
  }
  return count;
}

/** A deadline read against the working calendar: whether it falls on a rest day, and the working days left to it. */
export interface DueDay {
  /** The day's kind; a deadline on a weekend or holiday is marked in reports. */
  kind: DayKind;
  /** The holiday's name (春节) when the day is a holiday or a weekend worked for one, else null. */
  holiday: string | null;
  /** Working days after the as-of date up to the deadline (0 once it has passed); null outside the calendar's years. */
  workingDaysLeft: number | null;
  /** Where working days cannot be counted: the first year in between that the calendar does not know. */
  unknownYear: number | null;
}

/** How a deadline stands against the working calendar at a date. */
export function dueDay(calendar: WorkCalendar, due: IsoDate, asOf: IsoDate): DueDay {
  const kind = dayKind(calendar, due);
  const holiday = kind === 'holiday' ? calendar.holidays[due]! : kind === 'makeup' ? calendar.workdays[due]! : null;
  const workingDaysLeft = workingDaysBetween(calendar, asOf, due);
  return { kind, holiday, workingDaysLeft, unknownYear: workingDaysLeft === null || kind === 'unknown' ? firstUnknownYear(calendar, asOf, due) : null };
}

/** The first year from one date's to the other's that the calendar does not know, or null. */
function firstUnknownYear(calendar: WorkCalendar, from: IsoDate, to: IsoDate): number | null {
  const [first, last] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))].sort((a, b) => a - b) as [number, number];
  for (let year = first; year <= last; year++) if (!calendar.years.includes(year)) return year;
  return null;
}
