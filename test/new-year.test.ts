// Any year, any district: a new plan from nothing (plan init), next year's from this year's (plan
// rollover), and the check rules that keep a year's records in its year.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { shiftYear } from '../src/commands/rollover.js';
import { checkJson, fixtureFolder, ROOT, runCli } from './helpers.js';

const env = { LANG: 'zh_CN.UTF-8', PLAN_CACHE: '0' };
const at = (day: string) => new Date(`${day}T04:00:00Z`);

function emptyFolder(): string {
  return mkdtempSync(join(tmpdir(), 'plan-new-'));
}

/** Fifteen tasks of a notice, typed in as the example in domains/01-gz.yaml shows. */
function fifteenTasks(year: number): string {
  const tasks = Array.from({ length: 15 }, (_, i) => {
    const n = i + 1;
    const month = ((i % 12) + 1).toString().padStart(2, '0');
    const lines = [`  - id: GZ-${String(n).padStart(2, '0')}`, `    number: "${n}."`, `    title: 第${n}项工作`, `    text: ${n}. 第${n}项工作。（牵头单位：区应急管理局）`, '    units: [区应急管理局]'];
    if (n % 5 === 0) lines.push('    recurrence:', '      every: quarter');
    else lines.push(`    due: ${year}-${month}-28`);
    return lines.join('\n');
  });
  return `id: GZ\ntitle: 工作要点\ntasks:\n${tasks.join('\n')}\n`;
}

describe('plan init', () => {
  it('makes a folder that passes plan check, then 15 tasks give a monthly report with working days from the package', async () => {
    const cwd = emptyFolder();
    const made = await runCli(['init', '--year', '2026', '--title', '关于印发2026年安全生产工作要点的通知', '--issuer', '某区应急管理局', '--issued', '2026-03-02', '--lang', 'zh'], { cwd, env, now: at('2026-03-05') });
    expect(made.code).toBe(0);
    expect(made.stdout.split('\n')[0]).toBe('已在 data 建立新计划：plan.yaml、people.yaml 和 domains/01-gz.yaml。接下来：');
    expect(readdirSync(join(cwd, 'data')).sort()).toEqual(['domains', 'people.yaml', 'plan.yaml']);
    const planText = readFileSync(join(cwd, 'data/plan.yaml'), 'utf8');
    expect(planText).toContain('title: 关于印发2026年安全生产工作要点的通知\nissuer: 某区应急管理局\nissued: 2026-03-02\nperiod:\n  start: 2026-01-01\n  end: 2026-12-31\n');
    // The modelines reach the schemas from wherever the folder is.
    const modeline = /\$schema=(\S+)/.exec(readFileSync(join(cwd, 'data/domains/01-gz.yaml'), 'utf8'))![1]!;
    expect(existsSync(join(cwd, 'data/domains', modeline))).toBe(true);
    expect(await checkJson(cwd)).toMatchObject({ code: 0, rows: [] });

    writeFileSync(join(cwd, 'data/domains/01-gz.yaml'), fifteenTasks(2026));
    writeFileSync(join(cwd, 'data/people.yaml'), 'people: []\nunits:\n  - name: 区应急管理局\n');
    expect(await checkJson(cwd)).toMatchObject({ code: 0, rows: [] });
    const report = JSON.parse((await runCli(['report', '--month', '2026-04', '--format', 'json'], { cwd, env, now: at('2026-05-10') })).stdout);
    expect(report.totals.total).toBe(12 + 3 * 4);
    const owner = JSON.parse((await runCli(['owner', '区应急管理局', '--as-of', '2026-04-20', '--days', '90', '--format', 'json'], { cwd, env })).stdout);
    // From Monday 04-20 to Tuesday 04-28: six working days. To 06-30: 51 weekdays, less 劳动节 (05-01, 05-04, 05-05)
    // and 端午 (06-19) off, plus Saturday 05-09 worked: 48.
    expect(owner.due_days['GZ-04']).toEqual({ kind: 'workday', holiday: null, working_days_left: 6, unknown_year: null });
    expect(owner.due_days['GZ-05@2026-Q2']).toEqual({ kind: 'workday', holiday: null, working_days_left: 48, unknown_year: null });
    // Messages give examples from the plan in use, not from the 2022 notice.
    const wrongId = await runCli(['done', 'GZ01', '--lang', 'en'], { cwd, env, now: at('2026-05-10') });
    expect(wrongId.stderr).toBe('plan: "GZ01" is not an item id: use a task (GZ-01), a milestone (GZ-01/m1) or an occurrence (GZ-05@2026-Q1)\n');
    const wrongDate = await runCli(['done', 'GZ-01', '--on', 'May 1', '--lang', 'en'], { cwd, env, now: at('2026-05-10') });
    expect(wrongDate.stderr).toBe('plan: --on needs a date such as 2026-06-30, 2026/6/30, 20260630, 2026年6月30日 or 6月30日; "May 1" is not one\n');
    const help = await runCli(['done', '--help', '--lang', 'en'], { cwd, env });
    expect(help.stdout).not.toMatch(/2022|GM-04|ZH-02/);
  });

  it('leaves a folder with files alone, and tells an empty one to run it', async () => {
    const cwd = fixtureFolder();
    const refused = await runCli(['init', 'data', '--lang', 'zh'], { cwd, env });
    expect([refused.code, refused.stderr]).toEqual([2, 'plan: data 中已有文件；plan init 只在空文件夹或新文件夹中建立数据目录（请另指定：plan init 文件夹）\n']);
    const empty = emptyFolder();
    mkdirSync(join(empty, 'data'));
    for (const command of [['status'], ['check']]) {
      const result = await runCli(command, { cwd: empty, env });
      expect([result.code, result.stdout, result.stderr]).toEqual([2, '', 'plan: data 中没有计划（没有 plan.yaml、people.yaml 或 domains/）：用 plan init data 新建\n']);
    }
  });
});

describe('plan rollover', () => {
  it('turns the bundled 2022 plan into a 2023 plan that checks clean, with unfinished work carried over and no 2022 record', async () => {
    const cwd = emptyFolder();
    cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
    cpSync(join(ROOT, 'schemas'), join(cwd, 'schemas'), { recursive: true });
    // A 2022 clerk's records: a completion, a season dated, a block, a town's figure.
    for (const args of [
      ['done', 'JY-05', '--on', '2022-05-27'],
      ['season', '汛期', '--from', '2022-05-01', '--to', '2022-09-30'],
      ['block', 'FX-04', '--reason', '等待市级资金下达', '--on', '2022-06-10'],
      ['town', '虎峰镇', '--achieved', '3', '--on', '2022-06-30'],
    ]) {
      expect((await runCli(args, { cwd, env, now: at('2022-07-01') })).code).toBe(0);
    }
    const before = readdirSync(join(cwd, 'data'), { recursive: true }).map((f) => [f, existsSync(join(cwd, 'data', String(f))) && !String(f).endsWith('domains') ? readFileSync(join(cwd, 'data', String(f)), 'utf8') : '']);
    const dry = await runCli(['rollover', '--to', '2023', '--dry-run', '--lang', 'en'], { cwd, env, now: at('2022-12-20') });
    expect(dry.stdout.split('\n')[0]).toBe('The 2023 plan from the 2022 plan: data-2023 (dry run: nothing written)');
    expect(existsSync(join(cwd, 'data-2023'))).toBe(false);
    // The README's sample, on the bundled data as it ships.
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('$ plan rollover --to 2023 --dry-run\n') + '$ plan rollover --to 2023 --dry-run\n'.length;
    const sample = readme.slice(start, readme.indexOf('```', start)).split('\n').filter((l) => l !== '' && l !== '…');
    const shipped = emptyFolder();
    cpSync(join(ROOT, 'data'), join(shipped, 'data'), { recursive: true });
    const fresh = (await runCli(['rollover', '--to', '2023', '--dry-run', '--lang', 'en'], { cwd: shipped, env })).stdout.split('\n');
    expect(sample.filter((l) => !fresh.includes(l))).toEqual([]);
    expect(existsSync(join(cwd, 'data-2023'))).toBe(false);

    const result = await runCli(['rollover', '--to', '2023', '--lang', 'en'], { cwd, env, now: at('2022-12-20') });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[1]).toBe('Kept: 6 people, 16 units, 29 towns, 243 enterprises (7 certificates)');
    expect(lines[2]).toBe('Cleared: 1 completions, 2 changes of status, 0 notes, 2 season dates, 1 town figures, 50 town targets, 0 target figures');
    expect(lines[3]).toMatch(/^Carried over \(结转; no deadline until the new notice sets one\): 161: ZH-01, ZH-05, /);
    expect(lines[3]).toContain('FX-04');
    expect(lines[3]).not.toContain('JY-05');
    // Last year's folder is only read.
    for (const [file, text] of before) if (text !== '') expect(readFileSync(join(cwd, 'data', String(file)), 'utf8')).toBe(text);

    const next = join(cwd, 'data-2023');
    expect((await runCli(['--data', next, 'check', '--format', 'json', '--quiet'], { cwd, env })).stdout).toBe('[]\n');
    const status = JSON.parse((await runCli(['--data', next, 'status', '--as-of', '2023-03-31', '--format', 'json', '--all'], { cwd, env })).stdout);
    expect(status.period).toEqual({ start: '2023-01-01', end: '2023-12-31' });
    expect(status.totals).toMatchObject({ total: 161, done: 0, overdue: 0, blocked: 0 });
    const fx04 = JSON.parse((await runCli(['--data', next, 'show', 'FX-04', '--as-of', '2023-03-31', '--format', 'json'], { cwd, env })).stdout);
    expect([fx04.status, fx04.carried_from, fx04.history, fx04.notes, fx04.due]).toEqual(['todo', '2022:FX-04', [], [], '2023-12-31']);
    const plan = readFileSync(join(next, 'plan.yaml'), 'utf8');
    expect(parse(plan).seasons).toEqual([{ name: '森林防火期' }, { name: '汛期' }]);
    const towns = parse(readFileSync(join(next, 'towns.yaml'), 'utf8')).towns as Record<string, unknown>[];
    expect(towns.filter((t) => 'progress' in t || t.target_total !== null || t.target_above_scale !== null)).toEqual([]);
    expect(towns).toHaveLength(29);
    // The modelines still reach the schemas, from the new folder.
    expect(readFileSync(join(next, 'domains/12-fx.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/domain.json');
  }, 60_000);

  it('keeps every task with --keep-tasks, stated deadlines and milestones a year on', async () => {
    const cwd = fixtureFolder('progress');
    const result = await runCli(['rollover', '--to', '2023', '--keep-tasks', '--out', 'next'], { cwd, env, now: at('2022-12-20') });
    expect(result.code).toBe(0);
    const text = readFileSync(join(cwd, 'next/domains/01-aa.yaml'), 'utf8');
    expect(text).toContain('    due: 2023-03-30\n');
    expect(text).toContain('        due: 2023-05-31\n');
    expect(text).not.toContain('2022-');
    expect((await runCli(['--data', 'next', 'check', '--format', 'json', '--quiet'], { cwd, env })).stdout).toBe('[]\n');
    expect(shiftYear('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('refuses a year that is not after the plan\'s, and a folder that is there already', async () => {
    const cwd = fixtureFolder();
    expect((await runCli(['rollover', '--to', '2022'], { cwd })).stderr).toBe('plan: --to 2022 is not after the plan\'s year 2022\n');
    mkdirSync(join(cwd, 'data-2023'));
    writeFileSync(join(cwd, 'data-2023/x.txt'), 'x');
    expect((await runCli(['rollover', '--to', '2023'], { cwd })).code).toBe(2);
  });
});

describe('check rules for the plan\'s year', () => {
  it('makes last year\'s records in a new plan errors with the fix, and a certificate or start from before it no warning', async () => {
    const cwd = fixtureFolder('progress');
    const plan = join(cwd, 'data/plan.yaml');
    writeFileSync(plan, `${readFileSync(plan, 'utf8').replace(/2022-/g, '2023-')}seasons:\n  - name: 森林防火期\n    from: 2022-01-01\n    to: 2022-04-30\n`);
    const { code, rows } = await checkJson(cwd);
    expect(code).toBe(1);
    const outside = rows.filter((r) => r.rule === 'outside-period');
    const lineOf = (r: { file: string; line: number }) => readFileSync(join(cwd, r.file), 'utf8').split('\n')[r.line - 1]!.trim();
    // Figures, completions, the change of status, a duty's completions, towns' reports and the season: not the due dates or the note.
    expect(outside.map((r) => `${r.file} ${lineOf(r)}`).sort()).toEqual(
      [
        ...['- date: 2022-05-31', '- date: 2022-06-15', '- date: 2022-07-15', 'completed: 2022-05-20', 'completed: 2022-06-10', '- date: 2022-06-01'],
        ...['2022-01: 2022-01-04', '2022-02: 2022-02-07', '2022-06: 2022-06-03', 'completed: 2022-05-10', 'completed: 2022-07-20'],
      ]
        .map((l) => `data/domains/02-bb.yaml ${l}`)
        .concat(['data/plan.yaml from: 2022-01-01', 'data/plan.yaml to: 2022-04-30'])
        .concat(['- date: 2022-03-31', '- date: 2022-06-30', '- date: 2022-09-30'].map((l) => `data/towns.yaml ${l}`))
        .sort(),
    );
    expect(outside.find((r) => r.file === 'data/plan.yaml')!.message).toBe(
      '森林防火期: 2022-01-01 lies outside the plan period (2023-01-01 to 2023-12-31), so the deadlines it gives would fall in another year; record this year\'s dates with plan season 森林防火期 --from … --to …, or delete from/to until they are known',
    );
    // A certificate granted, and work started, last year: no warning.
    const enterprises = join(cwd, 'data/enterprises.yaml');
    writeFileSync(enterprises, readFileSync(enterprises, 'utf8').replace('    expires: 2022-03\n', '    expires: 2024-03\n    certified_on: 2021-03-15\n'));
    const domain = join(cwd, 'data/domains/01-aa.yaml');
    writeFileSync(domain, readFileSync(domain, 'utf8').replace('    due: 2022-03-30\n', '    due: 2023-03-30\n    status: doing\n    started: 2022-11-01\n'));
    const again = await checkJson(cwd);
    expect(again.rows.filter((r) => ['date-range', 'outside-period'].includes(r.rule) && /certified_on|started/.test(lineOf(r)))).toEqual([]);
  });

  it('refuses due, milestones or a season on a recurring duty, which reads none of them', async () => {
    const cwd = fixtureFolder();
    const domain = join(cwd, 'data/domains/01-aa.yaml');
    writeFileSync(domain, readFileSync(domain, 'utf8').replace('    recurrence:\n      every: quarter\n', '    due: 2022-06-30\n    milestones:\n      - id: m1\n        title: 第一次\n        due: 2022-03-31\n    recurrence:\n      every: quarter\n'));
    const { code, rows } = await checkJson(cwd);
    expect(code).toBe(1);
    expect(rows.filter((r) => r.rule === 'recurring-deadline').map((r) => r.message.slice(0, 60))).toEqual([
      'a recurring duty counts through its occurrences, each due at',
      'a recurring duty counts through its occurrences, so its mile',
    ]);
    const done = await runCli(['done', 'AA-03/m1', '--on', '2022-03-30', '--dry-run'], { cwd });
    expect(done.code).toBe(1);
  });
});

describe('plan season --clear', () => {
  it('takes a season\'s dates away, and the deadlines it gave with them', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'plan-season-'));
    cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
    const original = readFileSync(join(cwd, 'data/plan.yaml'), 'utf8');
    expect((await runCli(['season', '汛期', '--from', '2022-05-01', '--to', '2022-09-30'], { cwd, env })).code).toBe(0);
    const cleared = await runCli(['season', '汛期', '--clear'], { cwd, env });
    expect(cleared.stdout).toBe('汛期：已删除起止日期，现为未定（data/plan.yaml）\n');
    expect(readFileSync(join(cwd, 'data/plan.yaml'), 'utf8')).toBe(original);
    expect((await runCli(['season', '汛期', '--clear', '--from', '2022-05-01'], { cwd, env })).code).toBe(2);
  });
});

describe('a plan period typed wrong', () => {
  it('is an error with the likely slip named, and no report counts a millennium of weeks', async () => {
    const cwd = fixtureFolder('progress');
    const plan = join(cwd, 'data/plan.yaml');
    for (const [start, end] of [['2022-01-01', '9022-12-31'], ['0001-01-01', '9999-12-31']]) {
      writeFileSync(plan, readFileSync(join(ROOT, 'test/fixtures/base/plan.yaml'), 'utf8').replace('  start: 2022-01-01', `  start: ${start}`).replace('  end: 2022-12-31', `  end: ${end}`));
      const { code, rows } = await checkJson(cwd);
      expect(code).toBe(1);
      expect(rows.filter((r) => r.rule === 'plan-period').map((r) => r.message)).toEqual([
        `a plan period from ${start} to ${end} is longer than 10 years, the most a plan holds: check the years (a typo such as 9022 for 2022?)`,
      ]);
      const status = await runCli(['status'], { cwd });
      expect([status.code, status.stderr]).toEqual([1, expect.stringContaining('plan-period')]);
    }
  });
});
