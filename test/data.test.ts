// The bundled data must be a faithful transcription of the seed document: these tests read the
// document itself and compare.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFolder } from '../src/load/load-folder.js';
import { messages } from '../src/i18n/index.js';
import { buildPlan, type Plan } from '../src/model/plan.js';
import { validateFolder } from '../src/validate/index.js';
import { ROOT, runCli } from './helpers.js';

const seed = readFileSync(`${ROOT}seeds/000_533c23a88db487e8.txt`, 'utf8');
const squash = (text: string) => text.replace(/\s+/g, '');

async function bundledPlan(): Promise<Plan> {
  const loaded = loadFolder(`${ROOT}data`, messages('en'));
  expect(validateFolder(loaded, messages('en')).filter((d) => d.severity === 'error')).toEqual([]);
  return buildPlan(loaded.files);
}

/** The cells of a table in the seed, one per non-empty line, after its last header cell. */
function tableCells(from: string, to: string, lastHeader: string): string[] {
  const block = seed.slice(seed.indexOf(from), seed.indexOf(to));
  const lines = block.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.slice(lines.lastIndexOf(lastHeader) + 1);
}

describe('the bundled data', () => {
  it('passes plan check (warnings only: most tasks name no owner)', async () => {
    const result = await runCli(['check', '--format', 'json']);
    expect(result.code).toBe(0);
    const rules = new Set((JSON.parse(result.stdout) as { rule: string }[]).map((d) => d.rule));
    expect([...rules]).toEqual(['no-owner']);
  });

  it('holds the notice as printed', async () => {
    const plan = await bundledPlan();
    expect([plan.title, plan.issuer, plan.issued, plan.period]).toEqual([
      '关于印发2022年应急管理重点行业领域工作要点的通知',
      '重庆市铜梁区应急管理局',
      '2022-04-06',
      { start: '2022-01-01', end: '2022-12-31' },
    ]);
    expect(seed).toContain('2022年4月6日');
  });

  it('has the roster of 附件2 row for row', async () => {
    const cells = tableCells('附件2\n', '附件3\n', '备注');
    const rows: string[][] = [];
    for (let i = 0; i < cells.length; i += 4) rows.push(cells.slice(i, i + 4));
    expect(rows).toHaveLength(243);
    const plan = await bundledPlan();
    const status: Record<string, string> = { 当前未创建: 'not_started', 正在申请中: 'applying' };
    const expected = rows.map(([number, name, industry, remark]) => {
      const expiry = /^(\d{4})年(\d{1,2})月过期$/.exec(remark!);
      return {
        id: `E${number!.padStart(3, '0')}`,
        name,
        industry,
        status: expiry ? 'certified' : status[remark!],
        ...(expiry && { expires: `${expiry[1]}-${expiry[2]!.padStart(2, '0')}` }),
      };
    });
    expect(plan.enterprises).toEqual(expected);
  });

  it('has the town targets of 附件3 row for row, "/" as null', async () => {
    const cells = tableCells('附件3\n', '预案管理和法规工作要点', '标准化达标家数');
    const rows: string[][] = [];
    for (let i = 0; i < cells.length; i += 3) rows.push(cells.slice(i, i + 3));
    expect(rows).toHaveLength(29);
    const plan = await bundledPlan();
    const number = (cell: string) => (cell === '/' ? null : Number(cell));
    expect(plan.towns).toEqual(rows.map(([name, total, aboveScale]) => ({ name, target_total: number(total!), target_above_scale: number(aboveScale!) })));
  });

  it('has every domain in document order with its task count', async () => {
    const plan = await bundledPlan();
    expect(plan.domains.map((d) => [d.id, d.title, d.tasks.length])).toEqual([
      ['ZH', '安全生产综合监管工作要点', 10],
      ['WH', '危险化学品和烟花爆竹安全监管工作要点', 12],
      ['FM', '非煤矿山安全生产工作要点', 23],
      ['GM', '工贸行业安全生产工作要点', 29],
      ['YA', '预案管理和法规工作要点', 12],
      ['ZD', '指挥调度工作要点', 4],
      ['XX', '信息化建设工作要点', 6],
      ['JC', '监测预警及综合减灾工作要点', 5],
      ['JZ', '救灾和物资保障工作要点', 9],
      ['ZF', '应急管理综合行政执法工作要点', 11],
      ['SL', '森林草原防灭火工作要点', 12],
      ['FX', '防汛抗旱工作要点', 23],
      ['JY', '应急救援工作要点', 18],
      ['XJ', '宣传教育和考试工作要点', 6],
    ]);
    const titleOrder = plan.domains.map((d) => seed.indexOf(`\n${d.title}`));
    expect(titleOrder.every((at, i) => at > 0 && (i === 0 || at > titleOrder[i - 1]!))).toBe(true);
  });

  it('quotes every task, goal and target as written in the document', async () => {
    const whole = squash(seed);
    const plan = await bundledPlan();
    const missing: string[] = [];
    for (const domain of plan.domains) {
      for (const goal of domain.goals) if (!whole.includes(squash(goal.text))) missing.push(`${domain.id} goal ${goal.text.slice(0, 20)}`);
      for (const task of domain.tasks) {
        if (!whole.includes(squash(task.text))) missing.push(task.id);
        if (!whole.includes(squash(task.title))) missing.push(`${task.id} title`);
        if (task.section !== undefined && !whole.includes(squash(task.section))) missing.push(`${task.id} section`);
        for (const target of task.targets ?? []) if (!whole.includes(squash(target.title))) missing.push(target.id);
      }
      for (const target of domain.targets) if (!whole.includes(squash(target.title))) missing.push(target.id);
    }
    expect(missing).toEqual([]);
  });

  it('states a due date or milestone only where the task text names that month (or 年底)', async () => {
    const plan = await bundledPlan();
    const unsupported: string[] = [];
    const stated = (text: string, date: string) => {
      const month = Number(date.slice(5, 7));
      return text.includes(`${month}月`) || (date.endsWith('-12-31') && /年底|年末|全年/.test(text));
    };
    for (const task of plan.domains.flatMap((d) => d.tasks)) {
      if (task.dueStated && !stated(task.text, task.due)) unsupported.push(`${task.id} ${task.due}`);
      for (const m of task.milestones ?? []) if (!stated(task.text, m.due)) unsupported.push(`${task.id}/${m.id} ${m.due}`);
    }
    expect(unsupported).toEqual([]);
  });

  it('names owners only where the document does: 工贸 附件1 people and 防汛抗旱 units', async () => {
    const plan = await bundledPlan();
    const withPeople = new Set(plan.domains.flatMap((d) => d.tasks.filter((t) => t.owners.length + t.leaders.length > 0).map((t) => t.domainId)));
    const withUnits = new Set(plan.domains.flatMap((d) => d.tasks.filter((t) => t.units.length > 0).map((t) => t.domainId)));
    expect([...withPeople]).toEqual(['GM']);
    expect([...withUnits]).toEqual(['FX']);
    expect(plan.people.map((p) => p.name)).toEqual(['杞金祥', '李凭', '李继川', '廖炜伊', '冯一丹', '段义勇']);
    for (const task of plan.domains.find((d) => d.id === 'FX')!.tasks) {
      for (const unit of task.unitsWritten) expect(task.text).toContain(unit);
    }
  });

  it('reads one body written three ways, a slip and a combined name as the document means them', async () => {
    const plan = await bundledPlan();
    const text = squash(seed);
    for (const written of ['责任单位：区防指各成员单位', '责任单位：区防指成员单位', '责任单位：区防办，防指成员单位', '责任单位：区防办及防指成员单位', '我城市管理局', '区城市管理局']) {
      expect(text).toContain(written);
    }
    const task = (id: string) => plan.domains.flatMap((d) => d.tasks).find((t) => t.id === id)!;
    expect([task('FX-02'), task('FX-13'), task('FX-21')].map((t) => [t.unitsWritten, t.units])).toEqual([
      [['区防指各成员单位'], ['区防指成员单位']],
      [['区防办', '区防指成员单位'], ['区防办', '区防指成员单位']],
      [['区防办', '防指成员单位'], ['区防办', '区防指成员单位']],
    ]);
    expect(task('FX-18').unitsWritten).toContain('我城市管理局');
    expect(task('FX-18').units).toEqual(['区防办', '区应急局', '区水利局', '区住房城乡建委', '区城市管理局', '区交通局', '各镇街']);
    expect(task('FX-09').units).toEqual(['区防办', '区防指成员单位']);
    expect(plan.combinedUnits.map((u) => [u.name, u.members])).toEqual([['区防办及防指成员单位', ['区防办', '区防指成员单位']]]);
    expect(plan.unitIndex['防指成员单位']).toEqual(['区防指成员单位']);
  });

  it('shows 区防指成员单位 once in the per-owner report at 2022-06-30, with the items of all its spellings', async () => {
    const result = await runCli(['owners', '--as-of', '2022-06-30', '--format', 'json']);
    const rows = (JSON.parse(result.stdout) as { owners: { name: string; kind: string; tally: { total: number } }[] }).owners;
    const names = rows.map((r) => r.name);
    expect(names.filter((n) => n.includes('防指成员单位'))).toEqual(['区防指成员单位']);
    expect(names).not.toContain('我城市管理局');
    // FX-02 (区防指各成员单位), FX-09 and FX-11 (区防办及防指成员单位), FX-13, FX-21 (防指成员单位).
    expect(rows.find((r) => r.name === '区防指成员单位')!.tally.total).toBe(5);
    expect(rows.find((r) => r.name === '区城市管理局')!.tally.total).toBe(2);
  });

  it('counts a target the document states twice once: GM-A07-T1 = GM-T3, GM-A11-T1 = GM-T6, GM-A11-T2 = GM-T5', async () => {
    const plan = await bundledPlan();
    const text = squash(seed);
    expect(text).toContain('城乡接合部区域整治率100%；');
    expect(text).toContain('3.城乡接合部区域整治率100%');
    expect(text).toContain('全区规上工业企业安全生产标准化达标率70%以上');
    expect(text).toContain('2.规上工业企业安全生产标准化达标率70%以上，其中涉及“四涉一有限一使用”规上工业企业达标率100%');
    expect(text).toContain('“四涉一有限一使用”）的规上工业企业安全生产标准化达标率100%');
    const targets = plan.domains.flatMap((d) => [...d.targets, ...d.tasks.flatMap((t) => t.targets ?? [])]);
    const copies = targets.filter((t) => t.same_as !== undefined).map((t) => [t.id, t.same_as]);
    expect(copies).toEqual([
      ['GM-A07-T1', 'GM-T3'],
      ['GM-A11-T1', 'GM-T6'],
      ['GM-A11-T2', 'GM-T5'],
    ]);
    const result = await runCli(['compliance', '--as-of', '2022-06-30', '--format', 'json']);
    const counts = (JSON.parse(result.stdout) as { target_counts: Record<string, number> }).target_counts;
    expect(counts).toEqual({ met: 0, missed: 0, in_progress: 0, no_figure: targets.length - 3, with_figure: 0, total: targets.length - 3, shared: 3 });
  });

  it('sets XJ-03-T2 per 镇街 (附件3 without 高新区) and leaves XJ-03-T3 one figure: the document names no 行业责任单位', async () => {
    const plan = await bundledPlan();
    const text = squash(seed);
    expect(text).toContain('各镇街打造本辖区“五进”示范点各1个');
    expect(text).toContain('各行业责任单位每年打造本行业系统示范点1个');
    const xj03 = plan.domains.flatMap((d) => d.tasks).find((t) => t.id === 'XJ-03')!;
    const target = (id: string) => xj03.targets!.find((t) => t.id === id)!;
    expect(target('XJ-03-T2').per_unit).toEqual(plan.towns.map((t) => t.name).filter((n) => n !== '高新区'));
    expect(target('XJ-03-T2').per_unit).toHaveLength(28);
    expect(target('XJ-03-T3').per_unit).toBeUndefined();
    const shown = await runCli(['show', 'XJ-03-T2', '--as-of', '2022-06-30', '--format', 'json']);
    expect(JSON.parse(shown.stdout).target.per_unit).toMatchObject({ of: 'towns', met: 0, total: 28 });
  });

  it('answers plan owner 防指成员单位 for the unit it stands for, and refuses a combined name', async () => {
    const alias = await runCli(['owner', '防指成员单位', '--as-of', '2022-06-30', '--format', 'json']);
    expect(alias.code).toBe(0);
    expect(JSON.parse(alias.stdout)).toMatchObject({ name: '区防指成员单位', kind: 'unit', tally: { total: 5 } });
    const combined = await runCli(['owner', '区防办及防指成员单位']);
    expect([combined.code, combined.stderr.trim()]).toEqual([2, 'plan: "区防办及防指成员单位" names several units together (区防办、区防指成员单位): ask for one of them']);
    const filtered = await runCli(['tasks', '--unit', '我城市管理局', '--format', 'json']);
    expect((JSON.parse(filtered.stdout) as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(['FX-16', 'FX-18']);
  });

  it('records no progress: the document states none', async () => {
    const plan = await bundledPlan();
    const tasks = plan.domains.flatMap((d) => d.tasks);
    expect(tasks.filter((t) => t.status !== 'todo' || t.completed !== undefined || t.notes !== undefined)).toEqual([]);
    expect(tasks.filter((t) => t.recurrence?.done !== undefined)).toEqual([]);
    expect(plan.towns.filter((t) => t.progress !== undefined)).toEqual([]);
  });

  it('encodes the counts the document states: SL-01 twice a year, GM-A02 quarterly with a floor of two, FX-19 weekly', async () => {
    const plan = await bundledPlan();
    const task = (id: string) => plan.domains.flatMap((d) => d.tasks).find((t) => t.id === id)!;
    expect(squash(seed)).toContain('每年至少2次听取森林防灭火工作情况汇报');
    expect(task('SL-01').recurrence).toEqual({ every: 'year', minimum: { count: 2 } });
    expect(squash(seed)).toContain('原则上每季度召开1次联席会议，全年不少于2次');
    expect(task('GM-A02').recurrence).toEqual({ every: 'quarter', times: 1, minimum: { count: 2, per: 'year' } });
    expect(squash(seed)).toContain('村（社区）日巡查、镇街周检查、区级部门月抽查');
    expect(task('FX-19').units).toEqual(['各镇街']);
    expect(task('FX-19').recurrence).toEqual({ every: 'week', times: 1 });
  });

  it('gives SL-01 no June deadline, only one item for the year that needs two completions', async () => {
    const result = await runCli(['tasks', '--as-of', '2022-06-30', '--format', 'json']);
    const items = (JSON.parse(result.stdout) as { items: { id: string; due: string; required: number; count: number }[] }).items;
    expect(items.filter((i) => i.id.startsWith('SL-01')).map((i) => [i.id, i.due, i.count, i.required])).toEqual([['SL-01@2022', '2022-12-31', 0, 2]]);
    expect(items.filter((i) => i.id.startsWith('GM-A02')).map((i) => [i.id, i.due, i.required]).sort()).toEqual([
      ['GM-A02@2022', '2022-12-31', 2],
      ['GM-A02@2022-Q1', '2022-03-31', 1],
      ['GM-A02@2022-Q2', '2022-06-30', 1],
      ['GM-A02@2022-Q3', '2022-09-30', 1],
      ['GM-A02@2022-Q4', '2022-12-31', 1],
    ]);
  });

  it('counts from the notice (2022年4月6日): at the end of June nothing due before it is overdue except deadlines the document states', async () => {
    const plan = await bundledPlan();
    expect(plan.countFrom).toBe('2022-04-06');
    const result = await runCli(['tasks', '--as-of', '2022-06-30', '--format', 'json']);
    const items = (JSON.parse(result.stdout) as { items: { id: string; kind: string; due: string; state: string }[] }).items;
    const early = items.filter((i) => i.due < '2022-04-06');
    expect(early.filter((i) => i.state === 'overdue').map((i) => i.id)).toEqual(['GM-A04/m1']);
    expect(squash(seed)).toContain('3月30日');
    expect(early.filter((i) => i.kind === 'occurrence').every((i) => i.state === 'before_notice')).toBe(true);
    const before = items.filter((i) => i.state === 'before_notice');
    expect(before.every((i) => i.due < '2022-04-06')).toBe(true);
    // The duties of the list: quarterly Q1, monthly and two-monthly January–March (FM-07's April report was due 4月5日), FX-19's weeks.
    expect([...new Set(before.map((i) => i.id.split('@')[0]))].sort()).toEqual(['FM-04', 'FM-07', 'FX-19', 'GM-01', 'GM-A01', 'GM-A02', 'JC-05', 'XJ-02', 'ZH-02', 'ZH-03', 'ZH-04']);
  });

  it('keeps the source document in seeds/ unchanged', () => {
    const digest = createHash('sha256').update(readFileSync(`${ROOT}seeds/000_533c23a88db487e8.txt`)).digest('hex');
    expect(digest).toBe('e652f46d62b984c47c90417dd5d6ce5783ebc6fddd57bb04303b280719116bd2');
  });
});
