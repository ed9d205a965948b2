import { describe, expect, it } from 'vitest';
import { fixtureFolder, runCli } from './helpers.js';

const ZH = { PLAN_LANG: 'zh' };
const BOM = '\uFEFF';

describe('CSV in each language', () => {
  it('has Chinese headers and values under zh, 是/否 for yes and no', async () => {
    const { stdout } = await runCli(['tasks', '--format', 'csv', '--as-of', '2022-06-30'], { cwd: fixtureFolder(), env: ZH });
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe(`${BOM}编号,类别,领域,所属任务,事项,责任人,责任领导,责任单位,期限,是否规定期限,完成日期,状态,逾期天数,已完成次数,要求次数`);
    expect(lines[1]).toBe('AA-01,任务,AA,AA-01,召开现场会,张伟,王芳,,2022-03-30,是,,逾期,92,0,1');
  });

  it('keeps the stable English codes under en, as JSON has them', async () => {
    const { stdout } = await runCli(['tasks', '--format', 'csv', '--as-of', '2022-06-30'], { cwd: fixtureFolder() });
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe(`${BOM}id,kind,domain,task,title,owners,leaders,units,due,due_stated,completed,state,days_late,count,required`);
    expect(lines[1]).toBe('AA-01,task,AA,AA-01,召开现场会,张伟,王芳,,2022-03-30,true,,overdue,92,0,1');
  });

  it('translates statuses and periods in exports, and the unassigned row of owners', async () => {
    const cwd = fixtureFolder();
    const enterprises = (await runCli(['export', '--format', 'csv', '--kind', 'enterprises'], { cwd, env: ZH })).stdout.split('\r\n');
    expect(enterprises[0]).toBe(`${BOM}编号,名称,行业,状态,证书到期月份,达标日期,镇街（园区）`);
    expect(enterprises.slice(1, 3)).toEqual(['E001,重庆甲有限公司,机械,未创建,,,', 'E002,重庆乙有限公司,轻工,已达标,2022-03,,高新区']);
    const tasks = (await runCli(['export', '--format', 'csv', '--kind', 'tasks'], { cwd, env: ZH })).stdout;
    expect(tasks).toContain(',每季度,未开始,');
    expect(tasks).not.toMatch(/\b(true|false|todo|quarter)\b/);
    const owners = (await runCli(['owners', '--format', 'csv', '--as-of', '2022-06-30'], { cwd, env: ZH })).stdout;
    expect(owners).toMatch(/\r\n未明确,未明确,/);
  });

  it('never translates JSON', async () => {
    const { stdout } = await runCli(['tasks', '--format', 'json', '--as-of', '2022-06-30'], { cwd: fixtureFolder(), env: ZH });
    expect(JSON.parse(stdout).items[0]).toMatchObject({ id: 'AA-01', kind: 'task', state: 'overdue' });
  });
});

describe('plan tasks --grep', () => {
  const ids = async (cwd: string, word: string) =>
    (JSON.parse((await runCli(['tasks', '--grep', word, '--as-of', '2022-06-30', '--format', 'json'], { cwd })).stdout).items as { id: string }[]).map((i) => i.id);

  it('finds items by title, by task text and by notes', async () => {
    const cwd = fixtureFolder();
    expect(await ids(cwd, '现场会')).toEqual(['AA-01']);
    expect(await ids(cwd, '全面完成')).toEqual(['AA-02/m1', 'AA-02', 'AA-02/m2']);
    expect(await ids(cwd, '区水利局已报送')).toEqual([]);
    await runCli(['note', 'AA-01', '区水利局已报送材料', '--on', '2022-06-01'], { cwd, now: new Date('2022-07-01T04:00:00Z') });
    expect(await ids(cwd, '区水利局已报送')).toEqual(['AA-01']);
  });
});
