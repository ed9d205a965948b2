import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planItems } from '../src/compute/items.js';
import { monthWindow } from '../src/compute/month-window.js';
import { monthlyReport, rankTowns } from '../src/compute/monthly.js';
import { targetState, targetsAt } from '../src/compute/targets.js';
import { townsAt } from '../src/compute/standardization.js';
import { messages } from '../src/i18n/index.js';
import { loadFolder } from '../src/load/load-folder.js';
import { buildPlan, type Plan } from '../src/model/plan.js';
import { fixtureFolder, ROOT, runCli } from './helpers.js';

const cwd = fixtureFolder('monthly');

function bundledPlan(): Plan {
  return buildPlan(loadFolder(`${ROOT}data`, messages('en')).files);
}

/** A copy of the bundled data to record progress in. */
function bundledCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'plan-monthly-'));
  cpSync(join(ROOT, 'data'), join(root, 'data'), { recursive: true });
  return root;
}

function window(month: string, asOf?: string, today = '2026-01-01') {
  const result = monthWindow(month, asOf, today);
  if (!result.ok) throw new Error(result.problem);
  return result.window;
}

describe.each(['zh', 'en'])('the monthly report in %s', (lang) => {
  it('shows every section: completions with notes, blocked with reasons, certified enterprises, towns ranked, targets', async () => {
    const result = await runCli(['--lang', lang, 'report', '--month', '2022-06'], { cwd, columns: 120 });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchSnapshot();
  });

  it('reports a month in progress up to the as-of date, and says so', async () => {
    const result = await runCli(['--lang', lang, 'report', '--month', '2022-06', '--as-of', '2022-06-15'], { cwd, columns: 120 });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchSnapshot();
  });
});

describe('monthly figures on the bundled plan', () => {
  const plan = bundledPlan();

  it('counts the items due on 31 May as falling overdue in June, not in May', () => {
    const june = monthlyReport(plan, window('2022-06'), 14);
    // FX-19 is weekly (镇街周检查): its weeks ending 5–26 June fall overdue in June.
    expect(june.fellOverdue.map((i) => i.id)).toEqual([
      'FM-04@2022-05',
      'JC-05@2022-05',
      'JY-05',
      'ZH-05/m1',
      'FM-07@2022-06',
      'FX-19@2022-W22',
      'FX-19@2022-W23',
      'FX-19@2022-W24',
      'FX-19@2022-W25',
    ]);
    const may = monthlyReport(plan, window('2022-05'), 14);
    expect(may.fellOverdue.map((i) => i.id)).not.toContain('JY-05');
    expect(may.fellOverdue.map((i) => i.id)).toContain('FM-04@2022-04');
  });

  it('counts every item due on 31 December 2022 as falling overdue in January 2023', () => {
    const january = monthlyReport(plan, window('2023-01'), 14);
    const dueYearEnd = planItems(plan).items.filter((i) => i.due === '2022-12-31');
    expect(january.fellOverdue.map((i) => i.id).sort()).toEqual(dueYearEnd.map((i) => i.id).sort());
    // 156 undated tasks, 3 stated 年底 deadlines, 15 occurrences (FX-19@2022-W52 cut at the year end
    // among them) and the two minimum counts SL-01@2022 and GM-A02@2022.
    expect(january.figures.fellOverdue).toBe(176);
  });

  it('shows a target measured mid-year below its goal as in progress, and as missed once its period is over', () => {
    const target = { direction: 'at_least' as const, value: 100 };
    expect(targetState(target, 85, '2022-12-31', '2022-06-30')).toBe('in_progress');
    expect(targetState(target, 85, '2022-12-31', '2022-12-31')).toBe('missed');
    expect(targetState(target, 100, '2022-12-31', '2022-06-30')).toBe('met');
    expect(targetState(target, null, '2022-12-31', '2023-01-31')).toBe('no_figure');
    const gm = plan.domains.find((d) => d.id === 'GM')!;
    const withFigure: Plan = {
      ...plan,
      domains: plan.domains.map((d) => (d !== gm ? d : { ...d, targets: d.targets.map((t) => (t.id === 'GM-T3' ? { ...t, actuals: [{ date: '2022-06-30', value: 85 }] } : t)) })),
    };
    expect(targetsAt(withFigure, '2022-06-30').find((t) => t.id === 'GM-T3')).toMatchObject({ actual: 85, periodEnd: '2022-12-31', state: 'in_progress' });
    expect(targetsAt(withFigure, '2023-01-31').find((t) => t.id === 'GM-T3')!.state).toBe('missed');
  });
});

describe('town ranking', () => {
  it('ranks towns that reported by the share reached; equal shares share a rank in the document\'s order; towns without a figure are not ranked; towns without a target are left out', () => {
    const towns = townsAt(
      [
        { name: '甲镇', target_total: 4, target_above_scale: 2, progress: [{ date: '2022-06-30', achieved_total: 2 }] },
        { name: '乙镇', target_total: null, target_above_scale: null },
        { name: '丙镇', target_total: 10, target_above_scale: 5, progress: [{ date: '2022-06-30', achieved_total: 5 }] },
        { name: '丁镇', target_total: 3, target_above_scale: 1, progress: [{ date: '2022-06-30', achieved_total: 3 }] },
        { name: '戊镇', target_total: 3, target_above_scale: 1 },
        { name: '己镇', target_total: 3, target_above_scale: 1, progress: [{ date: '2022-06-30', achieved_total: 0 }] },
        { name: '庚镇', target_total: 2, target_above_scale: 1 },
      ],
      '2022-06-30',
    ).towns;
    expect(rankTowns(towns).map((t) => [t.rank, t.name])).toEqual([
      [1, '丁镇'],
      [2, '甲镇'],
      [2, '丙镇'],
      [4, '己镇'],
      [null, '戊镇'],
      [null, '庚镇'],
    ]);
  });
});

describe('report --as-of and --month', () => {
  it('reports a past month as of its last day and the current month as of today', async () => {
    const past = await runCli(['report', '--month', '2022-05', '--format', 'json'], { cwd });
    const current = await runCli(['report', '--format', 'json'], { cwd, now: new Date('2022-06-15T04:00:00Z') });
    expect(JSON.parse(past.stdout)).toMatchObject({ month: '2022-05', as_of: '2022-05-31', partial: false });
    expect(JSON.parse(current.stdout)).toMatchObject({ month: '2022-06', as_of: '2022-06-15', partial: true });
  });

  it('takes the month of --as-of when no --month is given', async () => {
    const result = await runCli(['report', '--as-of', '2022-03-31', '--format', 'json'], { cwd });
    expect(JSON.parse(result.stdout)).toMatchObject({ month: '2022-03', as_of: '2022-03-31', partial: false });
  });

  it.each([
    [['--month', '2022-13'], 'plan: --month 2022-13: there is no month 13 (months are 1 to 12)\n'],
    [['--month', '2022-06', '--as-of', '2022-05-31'], 'plan: --as-of 2022-05-31 lies outside the month reported (2022-06-01 to 2022-06-30)\n'],
    [['--month', '2022-06', '--as-of', '2022-07-01'], 'plan: --as-of 2022-07-01 lies outside the month reported (2022-06-01 to 2022-06-30)\n'],
    [['--month', '2022-06', '--as-of', '2022-06-31'], 'plan: --as-of 2022-06-31: that day does not exist (2022-06 has 30 days)\n'],
    [['--month', '2022-07'], 'plan: 2022-07 has not begun (today is 2022-06-30); choose an earlier month or give --as-of within it\n'],
  ])('refuses %j with one line and exit 2', async (args, stderr) => {
    expect(await runCli(['report', ...args], { cwd })).toEqual({ code: 2, stdout: '', stderr });
  });
});

describe('blocked and cancelled items', () => {
  it('counts a blocked item in the summary and lists it with its reason and since when', async () => {
    const root = bundledCopy();
    const blocked = await runCli(['block', 'FX-04', '--reason', '等待市级资金下达', '--on', '2022-06-20'], { cwd: root });
    expect(blocked.code).toBe(0);
    const result = await runCli(['--lang', 'zh', '--width', '200', 'report', '--month', '2022-06'], { cwd: root });
    expect(result.stdout).toContain('全部 292 项工作事项中，已完成 0 项，逾期未完成 22 项，受阻 1 项，已取消 0 项，未到期 238 项，通知印发前到期 31 项（不计）');
    expect(result.stdout).toMatch(/五、受阻事项（1 项）\n.*\nFX-04 +扎实推进水库除险加固 +区水利局、各镇街 +2022-12-31\* +2022-06-20 +等待市级资金下达\n/);
    const json = JSON.parse((await runCli(['report', '--month', '2022-06', '--format', 'json'], { cwd: root })).stdout);
    expect(json.blocked).toMatchObject([{ id: 'FX-04', reason: '等待市级资金下达', since: '2022-06-20' }]);
  });
});

describe('days left', () => {
  it('shows an item due today as 0 days, never -0', async () => {
    const result = await runCli(['tasks', '--as-of', '2022-06-30', '--domain', 'AA'], { cwd });
    expect(result.stdout).toMatch(/\nAA-03@2022-Q2 .* 0\n/);
    expect(result.stdout).not.toContain('-0\n');
  });
});
