// Targets the document states twice (same_as) and targets set per unit (per_unit): checked,
// recorded, counted once and rolled up.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complianceReport } from '../src/compute/compliance.js';
import { targetsAt } from '../src/compute/targets.js';
import type { Plan, Target } from '../src/model/plan.js';
import { fixtureFolder, runCli } from './helpers.js';

const NOW = new Date('2022-07-01T04:00:00Z');
const DOMAIN = 'data/domains/01-aa.yaml';
const read = (cwd: string, file: string) => readFileSync(join(cwd, file), 'utf8');

/** The base fixture with AA-02 holding a copy of AA-T1 and a target set for both towns. */
function folder(extra = ''): string {
  const cwd = fixtureFolder();
  const targets =
    '    targets:\n' +
    '      - id: AA-02-T1\n        title: 达标率70%以上\n        direction: at_least\n        value: 70\n        unit: "%"\n        same_as: AA-T1\n' +
    '      - id: AA-02-T2\n        title: 各镇街各1个\n        direction: at_least\n        value: 1\n        unit: 个\n        per_unit: towns\n' +
    extra;
  writeFileSync(join(cwd, DOMAIN), read(cwd, DOMAIN).replace('        due: 2022-08-31\n  - id: AA-03', `        due: 2022-08-31\n${targets}  - id: AA-03`));
  return cwd;
}

const rows = (stdout: string) => (JSON.parse(stdout) as { rule: string; message: string; line: number }[]).map((d) => `${d.rule} ${d.line}: ${d.message}`);

describe('plan check on shared and per-unit targets', () => {
  it('accepts a copy with the same goal and a per-unit target of the towns', async () => {
    expect(rows((await runCli(['check', '--format', 'json'], { cwd: folder() })).stdout).filter((r) => !r.startsWith('no-owner'))).toEqual([]);
  });

  it('refuses a copy of no target, of a copy, with another goal, or with figures of its own', async () => {
    const extra =
      '      - id: AA-02-T3\n        title: 无\n        direction: at_least\n        value: 1\n        same_as: AA-T9\n' +
      '      - id: AA-02-T4\n        title: 链\n        direction: at_least\n        value: 70\n        unit: "%"\n        same_as: AA-02-T1\n' +
      '      - id: AA-02-T5\n        title: 不同\n        direction: at_least\n        value: 80\n        unit: "%"\n        same_as: AA-T1\n' +
      '      - id: AA-02-T6\n        title: 自录\n        direction: at_least\n        value: 70\n        unit: "%"\n        same_as: AA-T1\n        actuals:\n          - date: 2022-06-30\n            value: 71\n';
    const result = await runCli(['check', '--format', 'json'], { cwd: folder(extra) });
    expect(result.code).toBe(1);
    expect(rows(result.stdout).filter((r) => r.startsWith('same-target'))).toEqual([
      'same-target 51: same_as names AA-T9, which is no other target of the plan',
      'same-target 57: same_as names AA-02-T1, which is itself the same as AA-T1: name AA-T1',
      'same-target 63: same_as names AA-T1, whose goal is at_least 70 %, not at_least 80 %: one figure cannot be both',
      'same-target 71: a target the same as AA-T1 keeps no figures of its own: record them under AA-T1',
    ]);
  });

  it('refuses a per-unit figure without its unit or for another, a unit nobody lists, and a unit on a plain target', async () => {
    const extra =
      '        actuals:\n          - date: 2022-06-30\n            value: 1\n          - date: 2022-06-30\n            for: 安居镇\n            value: 1\n' +
      '      - id: AA-02-T3\n        title: 列出\n        direction: at_least\n        value: 1\n        per_unit: [水口镇, 区水利局, 区水务部]\n' +
      '      - id: AA-02-T4\n        title: 普通\n        direction: at_least\n        value: 1\n        actuals:\n          - date: 2022-06-30\n            for: 水口镇\n            value: 1\n';
    const result = await runCli(['check', '--format', 'json'], { cwd: folder(extra) });
    expect(rows(result.stdout).filter((r) => r.startsWith('per-unit'))).toEqual([
      'per-unit 48: AA-02-T2 is set per unit: each figure says which unit it is for (for: …)',
      'per-unit 51: "安居镇" is not one of the units AA-02-T2 is set for',
      'per-unit 57: "区水务部" is no town of towns.yaml nor a unit of people.yaml',
      'per-unit 64: AA-02-T4 is not set per unit: its figures are for nobody in particular',
    ]);
  });
});

describe('recording and reporting', () => {
  it('records a copy\'s figure under the target it names, and shows it under both', async () => {
    const cwd = folder();
    const result = await runCli(['target', 'AA-02-T1', '72', '--on', '2022-06-30'], { cwd, now: NOW });
    expect(result.stdout).toBe('AA-02-T1 is the same target as AA-T1: the figure is recorded under AA-T1\nAA-T1: 72 recorded for 2022-06-30 (data/domains/01-aa.yaml)\nreading: 72%; the target is at least 70%\n');
    expect(read(cwd, DOMAIN)).toContain('    unit: "%"\n    actuals:\n      - date: 2022-06-30\n        value: 72\n');
    const compliance = JSON.parse((await runCli(['compliance', '--format', 'json', '--as-of', '2022-06-30'], { cwd })).stdout);
    const figures = (compliance.targets as { id: string; actual: number | null; state: string; same_as: string | null }[]).map((t) => [t.id, t.actual, t.state, t.same_as]);
    expect(figures).toEqual([
      ['AA-T1', 72, 'met', null],
      ['AA-02-T1', 72, 'met', 'AA-T1'],
      ['AA-02-T2', null, 'no_figure', null],
    ]);
    expect(compliance.target_counts).toEqual({ met: 1, missed: 0, in_progress: 0, no_figure: 1, with_figure: 1, total: 2, shared: 1 });
    const text = (await runCli(['compliance', '--as-of', '2022-06-30'], { cwd })).stdout;
    expect(text).toContain('1 met · 0 missed · 0 in progress (period not over) · 1 with no recorded figure\n1 target is stated twice in the document and counted once, under the target named.\n');
  });

  it('records a per-unit figure with --unit, refuses one without or for another unit, and rolls them up', async () => {
    const cwd = folder();
    const before = read(cwd, DOMAIN);
    expect((await runCli(['target', 'AA-02-T2', '1', '--on', '2022-06-30'], { cwd, now: NOW })).stderr).toBe('plan: AA-02-T2 is set per unit: give the unit with --unit (高新区、水口镇)\n');
    expect((await runCli(['target', 'AA-02-T2', '1', '--unit', '安居镇', '--on', '2022-06-30'], { cwd, now: NOW })).code).toBe(2);
    expect((await runCli(['target', 'AA-T1', '1', '--unit', '水口镇', '--on', '2022-06-30'], { cwd, now: NOW })).stderr).toBe('plan: AA-T1 is not set per unit: leave out --unit\n');
    expect(read(cwd, DOMAIN)).toBe(before);
    const recorded = await runCli(['target', 'AA-02-T2', '2', '--unit', '水口镇', '--on', '2022-06-30'], { cwd, now: NOW });
    expect(recorded.stdout.split('\n')[0]).toBe('AA-02-T2 水口镇: 2 recorded for 2022-06-30 (data/domains/01-aa.yaml)');
    expect(read(cwd, DOMAIN)).toContain('        per_unit: towns\n        actuals:\n          - date: 2022-06-30\n            for: 水口镇\n            value: 2\n');
    const zh = await runCli(['compliance', '--as-of', '2022-06-30'], { cwd, env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout).toMatch(/AA-02-T2 +各镇街各1个 +≥ 1个 +达成 1\/2 镇街 \(2022-06-30\) +进行中/);
    const show = await runCli(['show', 'AA-02-T2', '--as-of', '2022-06-30', '--format', 'json'], { cwd });
    expect(JSON.parse(show.stdout).target.per_unit).toEqual({
      of: 'towns',
      met: 1,
      total: 2,
      units: [
        { name: '高新区', actual: null, actual_date: null, state: 'no_figure' },
        { name: '水口镇', actual: 2, actual_date: '2022-06-30', state: 'met' },
      ],
    });
  });
});

// Property: however targets are copied and figures recorded, the counts take each figure once.
const YEAR = { start: '2022-01-01', end: '2022-12-31' };
const dateArb = fc.integer({ min: 0, max: 364 }).map((n) => new Date(Date.UTC(2022, 0, 1 + n)).toISOString().slice(0, 10));

function planWith(goals: Target[], taskTargets: Target[], towns: string[]): Plan {
  const task = { id: 'AA-01', title: 't', text: 't', domainId: 'AA', due: '2022-12-31', dueStated: false, status: 'todo' as const, owners: [], leaders: [], units: [], unitsWritten: [], targets: taskTargets };
  return {
    title: 'p',
    issuer: 'i',
    issued: '2022-01-01',
    countFrom: '2022-01-01',
    period: YEAR,
    seasons: [],
    calendar: [],
    notes: [],
    timezone: 'Asia/Shanghai',
    domains: [{ id: 'AA', title: 'a', file: 'domains/01-aa.yaml', goals: [], targets: goals, tasks: [task] }],
    enterprises: [],
    towns: towns.map((name) => ({ name, target_total: null, target_above_scale: null })),
    people: [],
    units: [],
    combinedUnits: [],
    unitIndex: {},
  };
}

describe('target counts (property)', () => {
  const towns = ['甲镇', '乙镇', '丙镇'];
  const figures = (perUnit: boolean) => fc.array(fc.record({ date: dateArb, value: fc.integer({ min: 0, max: 100 }), ...(perUnit ? { for: fc.constantFrom(...towns) } : {}) }), { maxLength: 5 });
  const goalArb = fc.record({ value: fc.integer({ min: 1, max: 100 }), perUnit: fc.boolean() }).chain(({ value, perUnit }) =>
    figures(perUnit).map((actuals) => ({ direction: 'at_least' as const, value, ...(perUnit ? { per_unit: 'towns' as const } : {}), actuals })),
  );
  const planArb = fc
    .array(goalArb, { minLength: 1, maxLength: 6 })
    .chain((goals) => fc.tuple(fc.constant(goals), fc.array(fc.integer({ min: 0, max: goals.length - 1 }), { maxLength: 6 }), fc.array(goalArb, { maxLength: 3 }), dateArb))
    .map(([goals, copies, own, asOf]) => {
      const domainTargets = goals.map((g, i) => ({ ...g, id: `AA-T${i + 1}`, title: `g${i}` }));
      const copied = copies.map((of, k) => {
        const { actuals: _dropped, ...goal } = domainTargets[of]!;
        return { ...goal, id: `AA-01-T${k + 1}`, title: `c${k}`, same_as: goal.id };
      });
      const owned = own.map((g, k) => ({ ...g, id: `AA-01-T${copies.length + k + 1}`, title: `o${k}` }));
      return { plan: planWith(domainTargets, [...copied, ...owned], towns), copies: copies.length, asOf };
    });

  it('counts a target stated twice once, and every figure in exactly one state', () => {
    fc.assert(
      fc.property(planArb, ({ plan, copies, asOf }) => {
        const report = complianceReport(plan, asOf, 14);
        const n = report.targetCounts;
        expect(report.targets).toHaveLength(n.total + copies);
        expect(n.shared).toBe(copies);
        expect(n.met + n.missed + n.inProgress + n.noFigure).toBe(n.total);
        // A copy reads exactly what the target it names reads.
        const byId = new Map(report.targets.map((t) => [t.id, t]));
        for (const copy of report.targets.filter((t) => t.sameAs !== null)) {
          const source = byId.get(copy.sameAs!)!;
          expect([copy.actual, copy.actualDate, copy.state, copy.perUnit]).toEqual([source.actual, source.actualDate, source.state, source.perUnit]);
        }
      }),
    );
  });

  it('rolls a per-unit target up from its units: met when every unit meets it, each unit by its latest figure', () => {
    fc.assert(
      fc.property(planArb, ({ plan, asOf }) => {
        const data = new Map(plan.domains[0]!.targets.concat(plan.domains[0]!.tasks[0]!.targets ?? []).map((t) => [t.id, t]));
        for (const target of targetsAt(plan, asOf).filter((t) => t.perUnit !== null)) {
          const own = data.get(target.sameAs ?? target.id)!;
          const units = target.perUnit!.units;
          expect(units.map((u) => u.name)).toEqual(towns);
          for (const unit of units) {
            const mine = (own.actuals ?? []).filter((a) => a.for === unit.name && a.date <= asOf);
            const latest = mine.reduce<(typeof mine)[number] | undefined>((best, a) => (best === undefined || a.date >= best.date ? a : best), undefined);
            expect(unit.actual).toBe(latest?.value ?? null);
          }
          expect(target.perUnit!.met).toBe(units.filter((u) => u.actual !== null && u.actual >= target.value!).length);
          expect(target.state === 'met').toBe(target.perUnit!.met === units.length);
        }
      }),
    );
  });
});
