// Dates are YYYY-MM-DD strings at the edges (they sort and compare as text) and local calendar
// dates inside; arithmetic goes through date-fns on local dates, never on UTC timestamps.
// Functions are imported by path: importing date-fns from its root loads hundreds of modules.
import { addDays as addDaysToDate } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';

/** A calendar date written YYYY-MM-DD. */
export type IsoDate = string;

const DATE_FORM = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2022-02-30 is not one). */
export function isCalendarDate(text: string): boolean {
  const match = DATE_FORM.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return localDate(year, month, 0).getDate();
}

/** The local Date at midnight of a YYYY-MM-DD string. */
export function toLocalDate(date: IsoDate): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return localDate(year, month - 1, day);
}

/** new Date(year, monthIndex, day), except that years 0–99 stay themselves (the constructor makes them 19xx). */
function localDate(year: number, monthIndex: number, day: number): Date {
  if (year >= 100) return new Date(year, monthIndex, day);
  const date = new Date(2000, 0, 1);
  date.setFullYear(year, monthIndex, day);
  return date;
}

export function fromLocalDate(date: Date): IsoDate {
  return isoDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromLocalDate(addDaysToDate(toLocalDate(date), days));
}

// Day numbers are remembered per date: a big plan asks about the same few hundred dates many
// thousand times.
const dayNumbers = new Map<IsoDate, number>();
const EPOCH = new Date(2000, 0, 1);

/** Calendar days from 2000-01-01 to the date. */
function dayNumber(date: IsoDate): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    n = differenceInCalendarDays(toLocalDate(date), EPOCH);
    dayNumbers.set(date, n);
  }
  return n;
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Last day of a month: endOfMonth(2024, 2) is 2024-02-29. */
export function endOfMonth(year: number, month: number): IsoDate {
  return isoDate(year, month, daysInMonth(year, month));
}

// Zones without daylight saving since 1992 (China's clocks have been UTC+8 all year since 1991):
// computing them directly spares loading the time-zone database, a fifth of a status run.
const FIXED_OFFSET_HOURS: Record<string, number> = { 'Asia/Shanghai': 8, 'Asia/Chongqing': 8, 'Asia/Urumqi': 6, UTC: 0, 'Etc/UTC': 0 };

/** Today's calendar date in a time zone, whatever the machine's own zone is. */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  const fixed = FIXED_OFFSET_HOURS[timeZone];
  if (fixed !== undefined && now.getUTCFullYear() >= 1992) {
    const shifted = new Date(now.getTime() + fixed * 3_600_000);
    return isoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
  }
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return isoDate(get('year'), get('month'), get('day'));
}

export function isValidTimeZone(timeZone: string): boolean {
  // Asking Intl loads the time-zone database, a good part of a short run.
  if (Object.hasOwn(FIXED_OFFSET_HOURS, timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The latest of some dated records, whatever their order in the file; with `asOf`, the latest on or
 * before it (figures recorded later did not exist yet then). Of records of one date, the last.
 */
export function latestRecord<T extends { date: IsoDate }>(records: readonly T[] | undefined, asOf?: IsoDate): T | undefined {
  let latest: T | undefined;
  for (const record of records ?? []) {
    if ((asOf === undefined || record.date <= asOf) && (latest === undefined || record.date >= latest.date)) latest = record;
  }
  return latest;
}

/** True for a month written YYYY-MM. */
export function isYearMonth(text: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

/** YYYY-MM of a date. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}
