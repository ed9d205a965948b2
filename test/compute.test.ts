import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byDueThenId, compareIds, firstSorted, itemAt, itemsAt, planItems, tally, type Item } from '../src/compute/items.js';
import { occurrencesOf } from '../src/compute/occurrences.js';
import { rosterStateAt, townsAt } from '../src/compute/standardization.js';
import { statusReport } from '../src/compute/status.js';
import { meets } from '../src/compute/targets.js';
import { addDays, daysBetween, endOfMonth, isCalendarDate, todayIn } from '../src/model/dates.js';
import type { Plan, Task } from '../src/model/plan.js';

const YEAR_2022 = { start: '2022-01-01', end: '2022-12-31' };

function task(overrides: Partial<Task> & { id: string }): Task {
  return { title: '任务', text: '任务。', domainId: 'AA', due: '2022-12-31', dueStated: false, status: 'todo', owners: [], leaders: [], units: [], unitsWritten: [], ...overrides };
}

function planWith(tasks: Task[], period = YEAR_2022): Plan {
  return {
    title: '测试',
    issuer: '测试局',
    issued: '2022-04-06',
    // Counting from the start of the year keeps these tests about occurrences, not about the notice.
    countFrom: period.start,
    period,
    seasons: [],
    calendar: [],
    notes: [],
    timezone: 'Asia/Shanghai',
    domains: [{ id: 'AA', title: '测试', file: 'domains/01-aa.yaml', goals: [], targets: [], tasks }],
    enterprises: [],
    towns: [],
    people: [],
    units: [],
    combinedUnits: [],
    unitIndex: {},
  };
}

const item = (overrides: Partial<Item>): Item => ({
  id: 'AA-01',
  kind: 'task',
  taskId: 'AA-01',
  domainId: 'AA',
  title: '任务',
  part: undefined,
  owners: [],
  leaders: [],
  units: [],
  due: '2022-05-31',
  dueStated: true,
  completed: undefined,
  started: undefined,
  required: 1,
  completions: [],
  taskStatus: 'todo',
  beforeNotice: false,
  ...overrides,
  ...(overrides.completions === undefined && { completions: overrides.completed !== undefined ? [overrides.completed] : [] }),
});

describe('calendar dates', () => {
  it('knows real dates from impossible ones, leap years included', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2022-02-29')).toBe(false);
    expect(isCalendarDate('2022-02-30')).toBe(false);
    expect(isCalendarDate('2022-3-5')).toBe(false);
  });

  it('finds month ends, February of a leap year included', () => {
    expect(endOfMonth(2022, 2)).toBe('2022-02-28');
    expect(endOfMonth(2024, 2)).toBe('2024-02-29');
    expect(endOfMonth(2022, 12)).toBe('2022-12-31');
  });

  it('counts calendar days across a leap day and across the year end', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2022-12-31', '2023-01-01')).toBe(1);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('takes today in the plan time zone, not the machine one', () => {
    const lateEveningUtc = new Date('2022-06-30T17:30:00Z');
    expect(todayIn('Asia/Shanghai', lateEveningUtc)).toBe('2022-07-01');
    expect(todayIn('UTC', lateEveningUtc)).toBe('2022-06-30');
  });
});

describe('occurrences of recurring duties', () => {
  it('puts quarterly duties at quarter ends', () => {
    const result = occurrencesOf({ every: 'quarter' }, YEAR_2022);
    expect(result).toEqual({
      ok: true,
      occurrences: [
        { key: '2022-Q1', start: '2022-01-01', due: '2022-03-31' },
        { key: '2022-Q2', start: '2022-04-01', due: '2022-06-30' },
        { key: '2022-Q3', start: '2022-07-01', due: '2022-09-30' },
        { key: '2022-Q4', start: '2022-10-01', due: '2022-12-31' },
      ],
    });
  });

  it('puts "by the 5th of every month" on the 5th, and plain monthly duties on month ends', () => {
    const byFifth = occurrencesOf({ every: 'month', by_day: 5 }, YEAR_2022);
    const monthly = occurrencesOf({ every: 'month' }, { start: '2024-01-01', end: '2024-12-31' });
    expect(byFifth.ok && byFifth.occurrences.map((o) => o.due).slice(0, 3)).toEqual(['2022-01-05', '2022-02-05', '2022-03-05']);
    expect(monthly.ok && monthly.occurrences[1]).toEqual({ key: '2024-02', start: '2024-02-01', due: '2024-02-29' });
  });

  it('splits the year into two-month periods and halves', () => {
    const bimonthly = occurrencesOf({ every: 'two_months' }, YEAR_2022);
    const halves = occurrencesOf({ every: 'half_year' }, YEAR_2022);
    expect(bimonthly.ok && bimonthly.occurrences.map((o) => `${o.key} ${o.due}`)).toEqual([
      '2022-B1 2022-02-28',
      '2022-B2 2022-04-30',
      '2022-B3 2022-06-30',
      '2022-B4 2022-08-31',
      '2022-B5 2022-10-31',
      '2022-B6 2022-12-31',
    ]);
    expect(halves.ok && halves.occurrences.map((o) => o.due)).toEqual(['2022-06-30', '2022-12-31']);
  });

  it('repeats weekly only inside a season with stated dates, ending each week on Sunday', () => {
    const result = occurrencesOf({ every: 'week', season: { name: '防火期', from: '2022-01-01', until: '2022-01-20' } }, YEAR_2022);
    expect(result.ok && result.occurrences).toEqual([
      { key: '2021-W52', start: '2021-12-27', due: '2022-01-02' },
      { key: '2022-W01', start: '2022-01-03', due: '2022-01-09' },
      { key: '2022-W02', start: '2022-01-10', due: '2022-01-16' },
      { key: '2022-W03', start: '2022-01-17', due: '2022-01-20' },
    ]);
  });

  it('cannot count a season whose dates are not stated, and says so', () => {
    expect(occurrencesOf({ every: 'week', season: { name: '森林防火期' } }, YEAR_2022)).toEqual({ ok: false, reason: 'season-dates-missing' });
    const { items, gaps } = planItems(planWith([task({ id: 'AA-01', recurrence: { every: 'week', season: { name: '森林防火期' } } })]));
    expect(items).toEqual([]);
    expect(gaps).toEqual([{ taskId: 'AA-01', domainId: 'AA', title: '任务', reason: 'season-dates-missing', season: '森林防火期' }]);
  });
});

describe('counting from the notice', () => {
  const quarterly = task({ id: 'AA-01', recurrence: { every: 'quarter' } });
  const staged = task({ id: 'AA-02', due: '2022-08-31', dueStated: true, milestones: [{ id: 'm1', title: '3月30日前', due: '2022-03-30' }] });
  const states = (plan: Plan, asOf: string) => itemsAt(planItems(plan).items, asOf, 14).map((i) => [i.id, i.state]);

  it('lists an occurrence due before the notice as before the notice, and counts a stated deadline all the same', () => {
    const plan = { ...planWith([quarterly, staged]), countFrom: '2022-04-06' };
    expect(states(plan, '2022-06-30').slice(0, 3)).toEqual([
      ['AA-01@2022-Q1', 'before_notice'],
      ['AA-01@2022-Q2', 'due_soon'],
      ['AA-01@2022-Q3', 'open'],
    ]);
    expect(states(plan, '2022-06-30')).toContainEqual(['AA-02/m1', 'overdue']);
  });

  it('counts every occurrence when the plan counts from the start of its period', () => {
    expect(states(planWith([quarterly]), '2022-06-30')[0]).toEqual(['AA-01@2022-Q1', 'overdue']);
  });

  it('leaves before-the-notice items out of the on-time rate and the totals of late work', () => {
    const t = tally(itemsAt(planItems({ ...planWith([quarterly]), countFrom: '2022-04-06' }).items, '2022-07-31', 14));
    expect([t.total, t.beforeNotice, t.overdue, t.onTime.denominator]).toEqual([4, 1, 1, 1]);
  });
});

describe('minimum counts', () => {
  const twice = (done?: Record<string, string | [string, ...string[]]>) =>
    task({ id: 'AA-01', recurrence: { every: 'year', minimum: { count: 2 }, ...(done && { done }) } });
  const quarterlyFloor = (done: Record<string, string | [string, ...string[]]>) =>
    task({ id: 'AA-02', recurrence: { every: 'quarter', minimum: { count: 2, per: 'year' }, done } });
  const at = (t: Task, asOf: string) => itemsAt(planItems(planWith([t])).items, asOf, 14).map((i) => [i.id, i.count, i.required, i.state, i.completed]);

  it('asks for two completions in the year, with one item due at its end', () => {
    expect(at(twice(), '2022-06-30')).toEqual([['AA-01@2022', 0, 2, 'open', undefined]]);
  });

  it('shows 1/2 after one completion and is late at the year end when the second never came', () => {
    expect(at(twice({ '2022': ['2022-03-10'] }), '2022-06-30')).toEqual([['AA-01@2022', 1, 2, 'open', undefined]]);
    expect(at(twice({ '2022': ['2022-03-10'] }), '2023-01-05')).toEqual([['AA-01@2022', 1, 2, 'overdue', undefined]]);
  });

  it('is done on the day of the second completion, whatever order the dates are written in', () => {
    expect(at(twice({ '2022': ['2022-09-15', '2022-03-10'] }), '2022-12-31')).toEqual([['AA-01@2022', 2, 2, 'done_on_time', '2022-09-15']]);
    expect(at(twice({ '2022': ['2022-09-15', '2022-03-10'] }), '2022-09-14')[0]!.slice(0, 4)).toEqual(['AA-01@2022', 1, 2, 'open']);
  });

  it('keeps the nominal quarters beside a yearly floor that counts the completions recorded under them', () => {
    const result = at(quarterlyFloor({ '2022-Q1': '2022-03-20', '2022-Q3': ['2022-07-05', '2022-09-01'] }), '2022-12-31');
    expect(result).toEqual([
      ['AA-02@2022-Q1', 1, 1, 'done_on_time', '2022-03-20'],
      ['AA-02@2022-Q2', 0, 1, 'overdue', undefined],
      ['AA-02@2022-Q3', 2, 1, 'done_on_time', '2022-07-05'],
      ['AA-02@2022-Q4', 0, 1, 'due_soon', undefined],
      ['AA-02@2022', 3, 2, 'done_on_time', '2022-07-05'],
    ]);
  });

  it('never counts more completions than were recorded by the as-of date (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 364 }), { maxLength: 6 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 400 }), (days, count, asOfDay) => {
        const dates = days.map((d) => addDays('2022-01-01', d));
        const asOf = addDays('2022-01-01', asOfDay);
        const t = task({ id: 'AA-01', recurrence: { every: 'year', minimum: { count }, ...(dates.length > 0 && { done: { '2022': dates as [string, ...string[]] } }) } });
        const [only] = itemsAt(planItems(planWith([t])).items, asOf, 14);
        const recorded = dates.filter((d) => d <= asOf).length;
        expect(only!.count).toBe(recorded);
        expect(only!.state === 'done_on_time' || only!.state === 'done_late').toBe(recorded >= count);
      }),
    );
  });
});

describe('item states at a date', () => {
  it('is overdue the day after a month-end deadline, with the days counted', () => {
    expect(itemAt(item({ due: '2022-05-31' }), '2022-05-31', 14).state).toBe('due_soon');
    expect(itemAt(item({ due: '2022-05-31' }), '2022-06-01', 14)).toMatchObject({ state: 'overdue', daysLate: 1 });
    expect(itemAt(item({ due: '2022-05-31' }), '2022-06-30', 14)).toMatchObject({ state: 'overdue', daysLate: 30 });
  });

  it('is due soon within the window and open beyond it', () => {
    expect(itemAt(item({ due: '2022-06-14' }), '2022-05-31', 14).state).toBe('due_soon');
    expect(itemAt(item({ due: '2022-06-15' }), '2022-05-31', 14)).toMatchObject({ state: 'open', daysLeft: 15 });
  });

  it('counts an occurrence completed late as done late, with its days late', () => {
    const plan = planWith([task({ id: 'AA-01', recurrence: { every: 'quarter', done: { '2022-Q1': '2022-04-10', '2022-Q2': '2022-06-30' } } })]);
    const states = itemsAt(planItems(plan).items, '2022-07-15', 14).sort(byDueThenId).map((i) => `${i.id} ${i.state} ${i.daysLate}`);
    expect(states).toEqual(['AA-01@2022-Q1 done_late 10', 'AA-01@2022-Q2 done_on_time 0', 'AA-01@2022-Q3 open 0', 'AA-01@2022-Q4 open 0']);
  });

  it('counts a milestone done before its task on its own', () => {
    const plan = planWith([
      task({ id: 'AA-01', due: '2022-08-31', dueStated: true, milestones: [{ id: 'm1', title: '试点', due: '2022-05-31', completed: '2022-05-10' }] }),
    ]);
    const states = itemsAt(planItems(plan).items, '2022-06-30', 14).sort(byDueThenId).map((i) => `${i.id} ${i.state}`);
    expect(states).toEqual(['AA-01/m1 done_on_time', 'AA-01 open']);
  });

  it('ignores a completion dated after the as-of date, so old reports stay as they were', () => {
    expect(itemAt(item({ due: '2022-05-31', completed: '2022-06-10' }), '2022-06-05', 14)).toMatchObject({ state: 'overdue', daysLate: 5 });
    expect(itemAt(item({ due: '2022-05-31', completed: '2022-06-10' }), '2022-06-10', 14)).toMatchObject({ state: 'done_late', daysLate: 10 });
  });

  it('keeps blocked and cancelled apart from overdue', () => {
    expect(itemAt(item({ taskStatus: 'blocked' }), '2022-06-30', 14).state).toBe('blocked');
    expect(itemAt(item({ taskStatus: 'cancelled' }), '2022-06-30', 14).state).toBe('cancelled');
  });

  it('gives the on-time rate with its numerator and denominator', () => {
    const items = [
      itemAt(item({ id: 'a', completed: '2022-05-01' }), '2022-06-30', 14),
      itemAt(item({ id: 'b', completed: '2022-06-02' }), '2022-06-30', 14),
      itemAt(item({ id: 'c' }), '2022-06-30', 14),
      itemAt(item({ id: 'd', due: '2022-12-31' }), '2022-06-30', 14),
    ];
    expect(tally(items).onTime).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
  });

  it('gives no rate (null) rather than 0% when nothing was due', () => {
    expect(tally([]).onTime).toEqual({ numerator: 0, denominator: 0, value: null });
  });

  it('uses the end of the plan period for a task with no stated deadline', () => {
    const plan = planWith([task({ id: 'AA-01' })]);
    expect(planItems(plan).items[0]).toMatchObject({ due: '2022-12-31', dueStated: false });
  });
});

describe('standardization and targets', () => {
  it('takes the latest town figure on or before the as-of date and keeps "no target" apart from 0', () => {
    const towns = townsAt(
      [
        { name: '高新区', target_total: 10, target_above_scale: 6, progress: [{ date: '2022-03-31', achieved_total: 2 }, { date: '2022-09-30', achieved_total: 9 }] },
        { name: '水口镇', target_total: null, target_above_scale: null },
        { name: '东城街道', target_total: 1, target_above_scale: 0 },
      ],
      '2022-06-30',
    );
    expect(towns.towns.map((t) => [t.name, t.achievedTotal, t.total.value])).toEqual([
      ['高新区', 2, 0.2],
      ['水口镇', null, null],
      ['东城街道', null, 0],
    ]);
    expect([towns.targetTotal, towns.achievedTotal, towns.withoutTarget, towns.withoutReport]).toEqual([11, 2, 1, 1]);
  });

  it('treats a certificate as good through the end of its expiry month', () => {
    const enterprise = { id: 'E001', name: '甲', industry: '机械' as const, status: 'certified' as const, expires: '2022-04' };
    expect(rosterStateAt(enterprise, '2022-04-30')).toBe('certified');
    expect(rosterStateAt(enterprise, '2022-05-01')).toBe('expired');
  });

  it('judges targets by direction', () => {
    expect(meets({ direction: 'at_least', value: 70 }, 70)).toBe(true);
    expect(meets({ direction: 'at_least', value: 70 }, 69.9)).toBe(false);
    expect(meets({ direction: 'at_most', value: 0.3 }, 0.31)).toBe(false);
    expect(meets({ direction: 'reduce_by', value: 20 }, 25)).toBe(true);
    expect(meets({ direction: 'zero' }, 0)).toBe(true);
    expect(meets({ direction: 'decrease' }, 0)).toBe(false);
  });
});

describe('the first items in order', () => {
  it('are the first of a stable sort, ties kept in their order, for every count', () => {
    const entry = fc.record({ key: fc.integer({ min: 0, max: 5 }), place: fc.nat() });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), fc.integer({ min: -1, max: 45 }), (items, count) => {
        const byKey = (a: (typeof items)[number], b: (typeof items)[number]) => a.key - b.key;
        const sorted = [...items].sort(byKey);
        expect(firstSorted(items, count, byKey)).toEqual(sorted.slice(0, Math.max(0, count)));
        expect(firstSorted(items, Infinity, byKey)).toEqual(sorted);
      }),
      { numRuns: 2000 },
    );
  });

  it('list the status report’s most overdue items as the full list begins', () => {
    const plan = planWith([
      task({ id: 'ZH-10', due: '2022-03-01', dueStated: true }),
      task({ id: 'ZH-2', due: '2022-03-01', dueStated: true }),
      task({ id: 'ZH-1', due: '2022-05-01', dueStated: true }),
      task({ id: 'ZH-3', due: '2022-02-01', dueStated: true }),
    ]);
    const all = statusReport(plan, '2022-06-30', 14).overdue.map((i) => i.id);
    expect(all).toEqual(['ZH-3', 'ZH-2', 'ZH-10', 'ZH-1']);
    expect(statusReport(plan, '2022-06-30', 14, {}, 2).overdue.map((i) => i.id)).toEqual(['ZH-3', 'ZH-2']);
    expect(statusReport(plan, '2022-06-30', 14, {}, 2).totals.overdue).toBe(4);
  });
});

describe('id order', () => {
  it('sorts numbers inside ids by value and periods in calendar order', () => {
    const ids = ['ZH-10', 'ZH-2', 'GM-A10', 'GM-A02', 'FM-07@2022-10', 'FM-07@2022-02', 'FM-07@2022-W05', 'FM-07@2022-W12', 'ZH-02/m10', 'ZH-02/m2'];
    expect([...ids].sort(compareIds)).toEqual(['FM-07@2022-02', 'FM-07@2022-10', 'FM-07@2022-W05', 'FM-07@2022-W12', 'GM-A02', 'GM-A10', 'ZH-2', 'ZH-02/m2', 'ZH-02/m10', 'ZH-10']);
  });
});
