// China's working calendar: statutory holidays and 调休 from the chinese-days package, working days
// left to a deadline, and deadlines on a rest day marked in plan owner and plan show.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaWorkCalendar } from '../src/load/work-calendar.js';
import { addDays } from '../src/model/dates.js';
import { dayKind, dueDay, workingDaysBetween, type WorkCalendar } from '../src/model/workdays.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureFolder, runCli } from './helpers.js';

const china = chinaWorkCalendar({ start: '2022-01-01', end: '2023-12-31' });

describe('the 2022 and 2023 calendars', () => {
  it('hold the State Council\'s 2022 holidays and the weekends worked for them', () => {
    const days = (kind: string) => Object.keys(kind === 'holiday' ? china.holidays : china.workdays).filter((d) => d.startsWith('2022')).sort();
    // 国务院办公厅关于2022年部分节假日安排的通知: 元旦 1.1–3; 春节 1.31–2.6 (1.29, 1.30 worked); 清明 4.3–5 (4.2 worked);
    // 劳动节 4.30–5.4 (4.24, 5.7 worked); 端午 6.3–5; 中秋 9.10–12; 国庆 10.1–7 (10.8, 10.9 worked); and 2023's 元旦 from 12.31.
    expect(days('workday')).toEqual(['2022-01-29', '2022-01-30', '2022-04-02', '2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09']);
    expect(days('holiday')).toHaveLength(32);
    expect(['2022-01-31', '2022-06-03', '2022-09-12', '2022-10-07', '2022-12-31'].map((d) => [d, dayKind(china, d), china.holidays[d]])).toEqual([
      ['2022-01-31', 'holiday', '春节'],
      ['2022-06-03', 'holiday', '端午'],
      ['2022-09-12', 'holiday', '中秋'],
      ['2022-10-07', 'holiday', '国庆节'],
      ['2022-12-31', 'holiday', '元旦'],
    ]);
    expect(dayKind(china, '2023-01-28')).toBe('makeup');
    expect(dayKind(china, '2024-01-02')).toBe('unknown');
  });

  it('counts the working days to a deadline: 2022-09-30 is 69 working days after Saturday 2022-06-25 (中秋 off)', () => {
    expect(workingDaysBetween(china, '2022-06-25', '2022-09-30')).toBe(69);
    expect(workingDaysBetween(china, '2022-09-30', '2022-10-09')).toBe(2);
    expect(workingDaysBetween(china, '2022-07-01', '2022-06-30')).toBe(0);
    expect(workingDaysBetween(china, '2023-12-20', '2024-01-05')).toBeNull();
    // 4.21, 4.22, Sunday 4.24 (worked), 4.25–29; 4.30 and 5.1 are off.
    expect(dueDay(china, '2022-05-01', '2022-04-20')).toEqual({ kind: 'holiday', holiday: '劳动节', workingDaysLeft: 8, unknownYear: null });
  });
});

describe('working days (property)', () => {
  // A calendar of random holidays and worked weekends over 2022, against a day-by-day count.
  const date = fc.integer({ min: 0, max: 364 }).map((n) => addDays('2022-01-01', n));
  const calendarArb = fc.tuple(fc.uniqueArray(date, { maxLength: 30 }), fc.uniqueArray(date, { maxLength: 10 })).map(
    ([holidays, worked]): WorkCalendar => ({
      years: [2022],
      holidays: Object.fromEntries(holidays.map((d) => [d, '节'])),
      workdays: Object.fromEntries(worked.filter((d) => !holidays.includes(d)).map((d) => [d, '节'])),
    }),
  );

  it('adds up: the working days from a to c are those from a to b plus those from b to c, each at most the calendar days', () => {
    fc.assert(
      fc.property(calendarArb, date, date, date, (calendar, x, y, z) => {
        const [a, b, c] = [x, y, z].sort();
        const ab = workingDaysBetween(calendar, a!, b!)!;
        const bc = workingDaysBetween(calendar, b!, c!)!;
        expect(workingDaysBetween(calendar, a!, c!)).toBe(ab + bc);
        expect(ab).toBeLessThanOrEqual(Math.round((Date.parse(b!) - Date.parse(a!)) / 86_400_000));
        // One more day counts one more working day exactly when that day is worked.
        if (b! < '2022-12-31') {
          const next = addDays(b!, 1);
          expect(workingDaysBetween(calendar, a!, next)! - ab).toBe(['workday', 'makeup'].includes(dayKind(calendar, next)) ? 1 : 0);
        }
      }),
    );
  });
});

describe('plan owner and plan show', () => {
  it('mark a deadline on a rest day and give the working days left', async () => {
    const owner = await runCli(['owner', '各镇街', '--as-of', '2022-06-25', '--lang', 'zh'], { columns: 120 });
    expect(owner.stdout).toContain('FX-19@2022-W17  FX    全年常态开展“日周月”隐患排查  各镇街       2022-05-01（休息日，劳动节）');
    expect(owner.stdout).toMatch(/FX-19@2022-W16 .* 2022-04-24 {2,}62\n/);
    expect(owner.stdout).toMatch(/FX-19@2022-W26 .* 2022-07-03（休息日） +5\n/);
    const json = JSON.parse((await runCli(['owner', '各镇街', '--as-of', '2022-06-25', '--format', 'json'])).stdout);
    expect(json.due_days['FX-19@2022-W26']).toEqual({ kind: 'weekend', holiday: null, working_days_left: 5, unknown_year: null });
    const show = await runCli(['show', 'GM-A02@2022-Q3', '--as-of', '2022-06-25', '--lang', 'zh']);
    expect(show.stdout).toContain('期限        2022-09-30\n剩余工作日  69\n');
    const shown = JSON.parse((await runCli(['show', 'GM-A02@2022-Q3', '--as-of', '2022-06-25', '--format', 'json'])).stdout);
    expect(shown.due_day).toEqual({ kind: 'workday', holiday: null, working_days_left: 69, unknown_year: null });
  });
});

describe('a calendar for every year the plan spans', () => {
  it('reads the package\'s years of the plan period only: 2026 from the package, 2027 not yet there', () => {
    const calendar = chinaWorkCalendar({ start: '2026-01-01', end: '2027-12-31' });
    expect(calendar.years).toEqual([2026]);
    expect(['2026-02-17', '2026-10-01', '2026-02-14'].map((d) => [d, dayKind(calendar, d), calendar.holidays[d] ?? calendar.workdays[d] ?? null])).toEqual([
      ['2026-02-17', 'holiday', '春节'],
      ['2026-10-01', 'holiday', '国庆节'],
      ['2026-02-14', 'makeup', '春节'],
    ]);
    expect(dayKind(calendar, '2027-01-04')).toBe('unknown');
    expect(dueDay(calendar, '2027-01-08', '2026-12-28')).toEqual({ kind: 'unknown', holiday: null, workingDaysLeft: null, unknownYear: 2027 });
  });

  it('takes a year beyond the package from plan.yaml\'s calendar:, and lets it correct a day the package has', () => {
    const own = [
      { date: '2027-01-01', holiday: '元旦' },
      { date: '2027-02-06', workday: '春节' },
      { date: '2026-02-14', holiday: '更正' },
    ];
    const calendar = chinaWorkCalendar({ start: '2026-01-01', end: '2027-12-31' }, own);
    expect(calendar.years).toEqual([2026, 2027]);
    expect([dayKind(calendar, '2027-01-01'), dayKind(calendar, '2027-01-04'), dayKind(calendar, '2027-02-06'), dayKind(calendar, '2026-02-14')]).toEqual(['holiday', 'workday', 'makeup', 'holiday']);
    // 2026-12-31 (Thu) to 2027-01-08 (Fri): 01-01 is a holiday, 01-02/03 the weekend, 01-04 … 01-08 five working days.
    expect(workingDaysBetween(calendar, '2026-12-31', '2027-01-08')).toBe(5);
  });

  it('says once, in words, why working days are not counted for a year nobody knows', async () => {
    const cwd = fixtureFolder();
    const plan = join(cwd, 'data/plan.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/2022-/g, '2027-').replace('issued: 2027-04-06', 'issued: 2027-01-01'));
    const domain = join(cwd, 'data/domains/01-aa.yaml');
    writeFileSync(domain, readFileSync(domain, 'utf8').replace(/2022-/g, '2027-'));
    const show = await runCli(['show', 'AA-02', '--as-of', '2027-06-01', '--lang', 'zh'], { cwd, now: new Date('2027-06-01T04:00:00Z') });
    expect(show.stdout).toContain('剩余工作日  剩余工作日未计：2027 年的节假日安排尚不在日历中（可在 plan.yaml 的 calendar: 中补充）\n');
    writeFileSync(plan, `${readFileSync(plan, 'utf8')}calendar:\n  - date: 2027-06-14\n    holiday: 端午节\n`);
    const counted = await runCli(['show', 'AA-02', '--as-of', '2027-06-01', '--format', 'json'], { cwd, now: new Date('2027-06-01T04:00:00Z') });
    // 2027-06-02 … 08-31: 65 weekdays, less the Dragon Boat holiday.
    expect(JSON.parse(counted.stdout).due_day).toEqual({ kind: 'workday', holiday: null, working_days_left: 64, unknown_year: null });
    const check = await runCli(['check', '--format', 'json'], { cwd });
    expect(JSON.parse(check.stdout).filter((d: { rule: string }) => d.rule === 'calendar')).toEqual([]);
    writeFileSync(plan, `${readFileSync(plan, 'utf8')}  - date: 2027-06-15\n    workday: 端午节\n`);
    const wrong = JSON.parse((await runCli(['check', '--format', 'json'], { cwd })).stdout).filter((d: { rule: string }) => d.rule === 'calendar');
    expect(wrong.map((d: { message: string }) => d.message)).toEqual(['2027-06-15 is a weekday, a working day anyway: workday: is for a Saturday or Sunday worked in exchange (调休)']);
  });
});
