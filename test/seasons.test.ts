// Seasons of plan.yaml (森林防火期, 汛期): undated in the bundled data as in the document; recorded
// with plan season; work within, before or after them gets its occurrences and deadlines once dated.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureFolder, ROOT, runCli } from './helpers.js';

const seed = readFileSync(`${ROOT}seeds/000_533c23a88db487e8.txt`, 'utf8').replace(/\s+/g, '');

/** A copy of the bundled data to edit. */
function bundledCopy(): string {
  const cwd = mkdtempSync(join(tmpdir(), 'plan-seasons-'));
  cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
  return cwd;
}

interface JsonItem {
  id: string;
  due: string;
  due_stated: boolean;
  state: string;
}
const items = async (cwd: string, asOf: string) => (JSON.parse((await runCli(['tasks', '--as-of', asOf, '--format', 'json'], { cwd })).stdout) as { items: JsonItem[] }).items;

describe('the bundled seasons', () => {
  it('names 森林防火期 and 汛期 without dates, as the document does, and ties SL-06 and FX-16/17/18 to them', async () => {
    expect(seed).toContain('森林防火期内，气象、林业、应急部门强化会商研判，结合周天气预报，每周开展一次');
    expect(seed).toContain('16.汛前组织专项检查');
    expect(seed).toContain('17.汛中组织灾险情应急应对督战');
    expect(seed).toContain('18.汛后组织冬春防汛抗旱基础设施检查');
    const exported = JSON.parse((await runCli(['export'])).stdout);
    expect(exported.plan.seasons).toEqual([
      { name: '森林防火期', from: null, to: null },
      { name: '汛期', from: null, to: null },
    ]);
    const task = (id: string) => exported.domains.flatMap((d: { tasks: unknown[] }) => d.tasks).find((t: { id: string }) => t.id === id);
    expect(task('SL-06').recurrence).toMatchObject({ every: 'week', within: '森林防火期', season: null });
    expect(['FX-16', 'FX-17', 'FX-18'].map((id) => [task(id).before, task(id).within, task(id).after])).toEqual([
      ['汛期', null, null],
      [null, '汛期', null],
      [null, null, '汛期'],
    ]);
  });

  it('says at the end of June that SL-06 and the flood-season deadlines wait for the seasons\' dates', async () => {
    const status = await runCli(['status', '--as-of', '2022-06-30'], { columns: 200 });
    expect(status.stdout).toContain('! SL-06 持续强化预警监测: repeats within 森林防火期, whose dates the plan does not state; its occurrences are not counted.\n');
    expect(status.stdout).toContain('! 汛期 is not dated (plan season 汛期 --from … --to …): the deadlines of FX-16, FX-17, which fall within or before it, count as 2022-12-31.\n');
    const shown = await runCli(['show', 'FX-16', '--as-of', '2022-06-30'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(shown.stdout).toContain('时段        汛期之前（未定日期：可用 plan season … --from … --to … 录入）\n');
  });

  it.each([['text'], ['markdown'], ['html']])('the leaders\' report (%s) says the same without a command line, in Chinese punctuation; the clerk\'s terminal gets the command', async (format) => {
    const env = { LANG: 'zh_CN.UTF-8' };
    const report = await runCli(['report', '--month', '2022-06', '--format', format], { env });
    expect(report.stdout).toContain('“汛期”未定起止日期：在其之内或之前完成的 FX-16、FX-17 暂按 2022-12-31 计期限。');
    expect(report.stdout).not.toMatch(/plan (season|done|report|check)/);
    expect(report.stderr).toBe('');
    const atDesk = await runCli(['report', '--month', '2022-06', '--format', format], { env, isTTY: true });
    expect(atDesk.stderr).toBe('plan: “汛期”的起止日期录入前，报告中与之相关的期限按年底计：plan season 汛期 --from … --to …\n');
  });
});

describe('plan season', () => {
  it('records the dates in plan.yaml, keeping its comments, and the reports count by them', async () => {
    const cwd = bundledCopy();
    const before = readFileSync(join(cwd, 'data/plan.yaml'), 'utf8');
    const now = new Date('2022-07-01T04:00:00Z');
    expect((await runCli(['season', '汛期', '--from', '2022-05-01', '--to', '2022-09-30'], { cwd, now })).stdout).toBe('汛期: 2022-05-01 to 2022-09-30 recorded (data/plan.yaml)\n');
    expect((await runCli(['season', '森林防火期', '--from', '2022-01-01', '--to', '2022-04-30'], { cwd, now })).code).toBe(0);
    const after = readFileSync(join(cwd, 'data/plan.yaml'), 'utf8');
    expect(after).toBe(
      before
        .replace('  - name: 森林防火期\n', '  - name: 森林防火期\n    from: 2022-01-01\n    to: 2022-04-30\n')
        .replace('  - name: 汛期\n', '  - name: 汛期\n    from: 2022-05-01\n    to: 2022-09-30\n'),
    );
    const at = await items(cwd, '2022-06-30');
    const fx = (id: string) => at.find((i) => i.id === id)!;
    expect([fx('FX-16'), fx('FX-17'), fx('FX-18')].map((i) => [i.id, i.due, i.due_stated, i.state])).toEqual([
      ['FX-16', '2022-04-30', true, 'overdue'],
      ['FX-17', '2022-09-30', true, 'open'],
      ['FX-18', '2022-12-31', false, 'open'],
    ]);
    // Weekly within 2022-01-01…04-30: ISO weeks from the one holding New Year's Day to the one holding 04-30.
    const sl06 = at.filter((i) => i.id.startsWith('SL-06@'));
    expect([sl06.length, sl06[0]!.id, sl06.at(-1)!.id, sl06.at(-1)!.due]).toEqual([18, 'SL-06@2021-W52', 'SL-06@2022-W17', '2022-04-30']);
    expect((await runCli(['status', '--as-of', '2022-06-30'], { cwd })).stdout).not.toContain('not dated');
  });

  it('refuses a season not in plan.yaml, no dates, and an end before the start, writing nothing', async () => {
    const cwd = bundledCopy();
    const before = readFileSync(join(cwd, 'data/plan.yaml'), 'utf8');
    expect(await runCli(['season', '台风期', '--from', '2022-07-01'], { cwd })).toEqual({ code: 2, stdout: '', stderr: 'plan: no season "台风期" in plan.yaml (seasons: 森林防火期、汛期)\n' });
    expect((await runCli(['season', '汛期'], { cwd })).stderr).toBe('plan: give --from, --to or both\n');
    expect((await runCli(['season', '汛期', '--from', '2022-10-01', '--to', '2022-05-01'], { cwd })).stderr).toBe('plan: 汛期 would end (2022-05-01) before it starts (2022-10-01)\n');
    expect(readFileSync(join(cwd, 'data/plan.yaml'), 'utf8')).toBe(before);
  });
});

describe('plan check on seasons', () => {
  it('refuses a season nobody lists, two relations on one task, and a season that ends before it starts', async () => {
    const cwd = fixtureFolder();
    writeFileSync(join(cwd, 'data/plan.yaml'), readFileSync(join(cwd, 'data/plan.yaml'), 'utf8') + 'seasons:\n  - name: 汛期\n    from: 2022-09-30\n    to: 2022-05-01\n');
    const domain = join(cwd, 'data/domains/01-aa.yaml');
    writeFileSync(domain, readFileSync(domain, 'utf8').replace('    due: 2022-03-30\n', '    due: 2022-03-30\n    within: 汛期\n    before: 汛期\n').replace('      every: quarter\n', '      every: quarter\n      within: 台风期\n'));
    const result = await runCli(['check', '--format', 'json'], { cwd });
    const rules = (JSON.parse(result.stdout) as { rule: string; message: string }[]).filter((d) => d.rule.includes('season')).map((d) => `${d.rule}: ${d.message}`);
    expect(rules).toEqual([
      'unknown-season: a task lies within, before or after one season, not within, before',
      'unknown-season: "台风期" is no season of plan.yaml (seasons: 汛期)',
      'season: season ends before it starts',
    ]);
  });
});
