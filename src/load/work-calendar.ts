// China's working calendar comes from the chinese-days package (statutory holidays and 调休 as the
// State Council announces them each year, one file per year). Only the years a plan spans are read,
// so a start reads a few kilobytes; plan.yaml's `calendar:` adds or overrides days for a year the
// package does not know yet. A year known to neither gets no working-day counts rather than wrong ones.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IsoDate } from '../model/dates.js';
import type { CalendarDay, WorkCalendar } from '../model/workdays.js';

interface YearFile {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** The package writes each day as "Spring Festival,春节,3": the Chinese name is the second field. */
const chineseName = (value: string) => value.split(',')[1] ?? value;

/** The package's file for a year, or undefined for a year it does not have. */
function packageYear(year: number): YearFile | undefined {
  try {
    const path = createRequire(import.meta.url).resolve(`chinese-days/dist/years/${year}.json`);
    return JSON.parse(readFileSync(path, 'utf8')) as YearFile;
  } catch {
    return undefined;
  }
}

/**
 * The working calendar of mainland China for the years from `from` to `to`: the package's years,
 * then the plan's own days (`calendar:` in plan.yaml) over them. A year is known when the package
 * has it or the plan names a day in it.
 */
export function chinaWorkCalendar(period: { start: IsoDate; end: IsoDate }, own: readonly CalendarDay[] = []): WorkCalendar {
  const calendar: WorkCalendar = { years: [], holidays: {}, workdays: {} };
  for (let year = Number(period.start.slice(0, 4)); year <= Number(period.end.slice(0, 4)); year++) {
    const file = packageYear(year);
    if (!file) continue;
    calendar.years.push(year);
    for (const [date, value] of Object.entries(file.holidays)) calendar.holidays[date] = chineseName(value);
    for (const [date, value] of Object.entries(file.workdays)) calendar.workdays[date] = chineseName(value);
  }
  for (const day of own) {
    const year = Number(day.date.slice(0, 4));
    if (!calendar.years.includes(year)) calendar.years.push(year);
    // The plan's word on a day replaces the package's.
    delete calendar.holidays[day.date];
    delete calendar.workdays[day.date];
    if (day.holiday !== undefined) calendar.holidays[day.date] = day.holiday;
    else if (day.workday !== undefined) calendar.workdays[day.date] = day.workday;
  }
  calendar.years.sort((a, b) => a - b);
  return calendar;
}
