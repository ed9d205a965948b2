// China's working calendar comes from the chinese-days package (statutory holidays and 调休 as the
// State Council announces them each year). Only the years a plan can need are bundled, so the CLI
// stays small; a plan outside them gets no working-day counts rather than wrong ones.
import days2022 from 'chinese-days/dist/years/2022.json' with { type: 'json' };
import days2023 from 'chinese-days/dist/years/2023.json' with { type: 'json' };
import type { WorkCalendar } from '../model/workdays.js';

interface YearFile {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** The package writes each day as "Spring Festival,春节,3": the Chinese name is the second field. */
const chineseName = (value: string) => value.split(',')[1] ?? value;

const byName = (days: Record<string, string>) => Object.fromEntries(Object.entries(days).map(([date, value]) => [date, chineseName(value)]));

/** The working calendar of mainland China for 2022 and 2023. */
export function chinaWorkCalendar(): WorkCalendar {
  const files: [number, YearFile][] = [
    [2022, days2022],
    [2023, days2023],
  ];
  return {
    years: files.map(([year]) => year),
    holidays: Object.assign({}, ...files.map(([, f]) => byName(f.holidays))),
    workdays: Object.assign({}, ...files.map(([, f]) => byName(f.workdays))),
  };
}
