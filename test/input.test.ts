import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDateInput, parseMonthInput, strictDateSpelling } from '../src/input/dates.js';
import { parseNumberInput } from '../src/input/numbers.js';
import { matchDomains, ownerName, parseStateWords } from '../src/input/words.js';
import type { Domain } from '../src/model/plan.js';
import { fixtureFolder, runCli } from './helpers.js';

const PERIOD = { start: '2022-01-01', end: '2022-12-31' };
const ZH = { PLAN_LANG: 'zh' };

describe('dates typed on the command line', () => {
  it.each([
    ['2022-06-30'],
    ['2022-6-30'],
    ['2022/6/30'],
    ['2022/06/30'],
    ['2022.6.30'],
    ['20220630'],
    ['2022年6月30日'],
    ['2022年6月30号'],
    ['6月30日'],
    ['6月30'],
    ['２０２２年６月３０日'],
    [' 2022/6/30 '],
  ])('reads %s as 2022-06-30', (typed) => {
    expect(parseDateInput(typed, PERIOD)).toEqual({ ok: true, date: '2022-06-30' });
  });

  it('takes the year of a date without one from the plan period, also across a new year', () => {
    expect(parseDateInput('1月15日', { start: '2022-07-01', end: '2023-06-30' })).toEqual({ ok: true, date: '2023-01-15' });
    expect(parseDateInput('8月1日', { start: '2022-07-01', end: '2023-06-30' })).toEqual({ ok: true, date: '2022-08-01' });
  });

  it('says a day does not exist rather than that the form is wrong', () => {
    expect(parseDateInput('2022-06-31', PERIOD)).toEqual({ ok: false, problem: 'no-such-day', year: 2022, month: 6, day: 31, days: 30 });
    expect(parseDateInput('2月29日', PERIOD)).toMatchObject({ ok: false, problem: 'no-such-day', days: 28 });
    expect(parseDateInput('2024/2/29', PERIOD)).toEqual({ ok: true, date: '2024-02-29' });
    expect(parseDateInput('2022-13-01', PERIOD)).toEqual({ ok: false, problem: 'no-such-month', month: 13 });
  });

  it.each([['2022-06'], ['30/6/2022'], ['2022-06-30T00:00'], ['tomorrow'], ['2022/6-30'], ['']])('refuses %j as a date', (typed) => {
    expect(parseDateInput(typed, PERIOD)).toEqual({ ok: false, problem: 'form' });
  });

  it.each([['2022-06'], ['2022-6'], ['2022/6'], ['2022.6'], ['202206'], ['2022年6月'], ['6月']])('reads the month %s as 2022-06', (typed) => {
    expect(parseMonthInput(typed, PERIOD)).toEqual({ ok: true, month: '2022-06' });
  });

  it('refuses month 13 by name and nonsense by form', () => {
    expect(parseMonthInput('2022-13', PERIOD)).toEqual({ ok: false, problem: 'no-such-month', month: 13 });
    expect(parseMonthInput('20226', PERIOD)).toEqual({ ok: false, problem: 'form' });
    expect(parseMonthInput('2022-06-30', PERIOD)).toEqual({ ok: false, problem: 'form' });
  });

  it('gives the strict spelling of a date in a data file, which needs a year', () => {
    expect(strictDateSpelling('2022/3/30')).toBe('2022-03-30');
    expect(strictDateSpelling(20220330)).toBe('2022-03-30');
    expect(strictDateSpelling('3月30日')).toBeUndefined();
  });
});

describe('numbers typed on the command line', () => {
  it('refuses a percent sign, saying to write the number alone', () => {
    expect(parseNumberInput('85%', { decimals: true, negative: true })).toEqual({ ok: false, problem: 'percent', bare: '85' });
    expect(parseNumberInput('72.4％', { decimals: true, negative: true })).toEqual({ ok: false, problem: 'percent', bare: '72.4' });
  });

  it('accepts decimals only where the message says so', () => {
    expect(parseNumberInput('72.4', { decimals: true, negative: false })).toMatchObject({ ok: true, value: 72.4 });
    expect(parseNumberInput('72.4', { decimals: false, negative: false })).toEqual({ ok: false, problem: 'decimal' });
    expect(parseNumberInput('-3', { decimals: false, negative: false })).toEqual({ ok: false, problem: 'negative' });
    expect(parseNumberInput('１２', { decimals: false, negative: false })).toMatchObject({ ok: true, value: 12 });
    expect(parseNumberInput('1,234', { decimals: false, negative: false })).toEqual({ ok: false, problem: 'separator', bare: '1234' });
  });
});

describe('words for codes', () => {
  it.each([
    ['逾期', ['overdue'], []],
    ['即将到期', ['due_soon'], []],
    ['未到期', ['open'], []],
    ['受阻', ['blocked'], []],
    ['已取消', ['cancelled'], []],
    ['按期完成', ['done_on_time'], []],
    ['逾期完成', ['done_late'], []],
    ['已完成', ['done_on_time', 'done_late'], []],
    ['未完成', ['overdue', 'due_soon', 'open'], []],
    ['延误', ['overdue', 'done_late'], []],
    ['进行中', [], ['doing']],
    ['overdue', ['overdue'], []],
    ['due_soon,blocked', ['due_soon', 'blocked'], []],
    ['逾期、受阻', ['overdue', 'blocked'], []],
  ])('--status %s selects %j and task statuses %j', (typed, states, taskStatuses) => {
    expect(parseStateWords(typed)).toEqual({ ok: true, selection: { states, taskStatuses } });
  });

  it('names the first word it does not know', () => {
    expect(parseStateWords('逾期,乱写')).toEqual({ ok: false, word: '乱写' });
  });

  it('reads 未明确 as unassigned and leaves names alone', () => {
    expect(ownerName('未明确')).toBe('unassigned');
    expect(ownerName('unassigned')).toBe('unassigned');
    expect(ownerName('张伟')).toBe('张伟');
  });

  const domain = (id: string, title: string, file: string) => ({ id, title, file, goals: [], targets: [], tasks: [] }) as Domain;
  const DOMAINS = [domain('ZH', '安全生产综合监管工作要点', 'domains/01-zh.yaml'), domain('GM', '工贸行业安全生产工作要点', 'domains/04-gm.yaml')];

  it.each([['GM'], ['gm'], ['4'], ['04'], ['工贸'], ['工贸行业安全生产工作要点']])('finds the domain GM by %s', (typed) => {
    expect(matchDomains(DOMAINS, typed).map((d) => d.id)).toEqual(['GM']);
  });

  it('returns every domain a shared part of the title names', () => {
    expect(matchDomains(DOMAINS, '安全生产').map((d) => d.id)).toEqual(['ZH', 'GM']);
    expect(matchDomains(DOMAINS, '防汛')).toEqual([]);
  });
});

describe('forgiving input, end to end', () => {
  const zh = (args: string[], cwd = fixtureFolder()) => runCli(args, { cwd, env: ZH, now: new Date('2022-07-01T04:00:00Z') });

  it('records a date typed 6月20日 and echoes it normalised', async () => {
    const cwd = fixtureFolder();
    const result = await zh(['done', 'AA-01', '--on', '6月20日'], cwd);
    expect(result).toMatchObject({ code: 0, stdout: 'AA-01 已于 2022-06-20 完成（data/domains/01-aa.yaml）\n' });
    expect(readFileSync(join(cwd, 'data/domains/01-aa.yaml'), 'utf8')).toContain('completed: 2022-06-20');
  });

  it('says a day does not exist, naming the option', async () => {
    expect(await zh(['done', 'AA-01', '--on', '2022-06-31'])).toMatchObject({ code: 2, stderr: 'plan: --on 2022-06-31：这一天不存在（2022年6月只有 30 天）\n' });
  });

  it('blames --expires, not --month, for a bad expiry month', async () => {
    expect((await zh(['certify', 'E001', '--expires', '2025/13'])).stderr).toBe('plan: --expires 2025/13：没有 13 月（月份为 1–12）\n');
    expect((await zh(['certify', 'E001', '--expires', 'soon'])).stderr).toBe(
      'plan: --expires 需要月份，如 2022-06、2022/6、202206、2022年6月、6月；“soon”不是月份\n',
    );
  });

  it('tells to write a figure without its percent sign, and takes decimals', async () => {
    expect((await zh(['target', 'AA-T1', '85%'])).stderr).toBe('plan: <数值> 请只写数字 85，不带百分号；实为“85%”\n');
    expect((await zh(['target', 'AA-T1', '72.4', '--on', '2022/6/30'])).stdout).toBe('AA-T1：已录入 2022-06-30 的实际值 72.4（data/domains/01-aa.yaml）\n记录：实际值 72.4%；目标为不低于 70%\n');
  });

  it('refuses a fraction of an enterprise, saying a whole number is needed', async () => {
    expect((await zh(['town', '水口镇', '--achieved', '3.5'])).stderr).toBe('plan: --achieved 需要整数，如 12；实为“3.5”\n');
  });

  it('finds a domain by its number or a part of its title, as by its id', async () => {
    const ids = async (domain: string) => JSON.parse((await zh(['tasks', '--domain', domain, '--as-of', '2022-06-30', '--format', 'json'])).stdout).items.map((i: { id: string }) => i.id);
    const byId = await ids('AA');
    expect(byId.length).toBeGreaterThan(0);
    expect(await ids('1')).toEqual(byId);
    expect(await ids('测试')).toEqual(byId);
    expect((await zh(['tasks', '--domain', '防汛'])).stderr).toBe('plan: 没有领域“防汛”（现有：AA）\n');
  });

  it('plan check gives the strict spelling of a date written as people type it', async () => {
    const cwd = fixtureFolder();
    const path = join(cwd, 'data/domains/01-aa.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('due: 2022-03-30', 'due: 2022/3/30'));
    const result = await zh(['check'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain('“2022/3/30”不是有效的日期（格式 YYYY-MM-DD）；应写作 2022-03-30');
  });
});

describe('plan check on months written as people type them', () => {
  it('gives the strict spelling of an expiry month', async () => {
    const cwd = fixtureFolder();
    const path = join(cwd, 'data/enterprises.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('expires: 2022-03', 'expires: 2022/3'));
    const result = await runCli(['check'], { cwd, env: ZH });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toMatch(/“2022\/3”格式不符（[^）]*）；应写作 2022-03/);
  });
});
