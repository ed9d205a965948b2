import { describe, expect, it } from 'vitest';
import { nearestNames } from '../src/compute/show.js';
import { fixtureFolder, runCli } from './helpers.js';

const cwd = fixtureFolder('monthly');
const AS_OF = ['--as-of', '2022-06-30'];

// One of each kind the fixture has: a task with milestones, a blocked task, a recurring duty with a
// completion note, a milestone, an occurrence, a target with figures, an enterprise, a town.
const ids = ['BB-06', 'BB-03', 'BB-05', 'AA-02/m1', 'BB-05@2022-06', 'BB-T2', 'E003', '虎峰镇'];

describe.each(['zh', 'en'])('plan show in %s', (lang) => {
  it.each(ids)('shows %s as text', async (id) => {
    const result = await runCli(['--lang', lang, 'show', id, ...AS_OF], { cwd, columns: 120 });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchSnapshot();
  });
});

describe('plan show', () => {
  it.each(ids)('gives %s as JSON', async (id) => {
    const result = await runCli(['show', id, ...AS_OF, '--format', 'json'], { cwd });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchSnapshot();
  });

  it('shows only what was recorded by the as-of date', async () => {
    const before = JSON.parse((await runCli(['show', 'BB-06', '--as-of', '2022-07-19', '--format', 'json'], { cwd })).stdout);
    const after = JSON.parse((await runCli(['show', 'BB-06', '--as-of', '2022-07-20', '--format', 'json'], { cwd })).stdout);
    expect(before.milestones.map((m: { id: string; state: string; completed: string | null }) => [m.id, m.state, m.completed])).toEqual([
      ['BB-06/m1', 'done_on_time', '2022-05-10'],
      ['BB-06/m2', 'open', null],
    ]);
    expect(after.milestones[1]).toMatchObject({ id: 'BB-06/m2', state: 'done_on_time', completed: '2022-07-20' });
    const target = JSON.parse((await runCli(['show', 'BB-T2', '--as-of', '2022-06-30', '--format', 'json'], { cwd })).stdout);
    expect(target.actuals).toEqual([{ date: '2022-06-15', value: 12 }]);
    expect(target.target.state).toBe('in_progress');
  });

  it('finds ids whatever their case, and an enterprise by its exact name', async () => {
    const lower = await runCli(['show', 'bb-05@2022-06', ...AS_OF, '--format', 'json'], { cwd });
    expect(JSON.parse(lower.stdout).item.id).toBe('BB-05@2022-06');
    const byName = await runCli(['show', '重庆丙有限公司', ...AS_OF, '--format', 'json'], { cwd });
    expect(JSON.parse(byName.stdout)).toMatchObject({ kind: 'enterprise', id: 'E003', industry: '建材', town: '虎峰镇', state: 'certified', certified_on: '2022-06-18' });
  });

  it('refuses an unknown id with one line naming the closest ones, exit 2', async () => {
    const result = await runCli(['show', 'BB-6'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'plan: nothing has the id or name "BB-6" (tasks AA-01, milestones AA-02/m1, occurrences AA-03@2022-Q1, targets AA-T1, enterprises E001 or their name, towns); closest: BB-06, BB-01, BB-02\n',
    );
    const zh = await runCli(['--lang', 'zh', 'show', '虎峰'], { cwd });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/^plan: 没有编号或名称为“虎峰”的事项.*；最接近的：.*虎峰镇.*\n$/);
  });
});

describe('closest names', () => {
  it('prefers the smallest edit, then the longest shared start', () => {
    expect(nearestNames('GM-A4', ['GM-04', 'GM-14', 'GM-A04', 'GM-A14', 'ZH-02'])).toEqual(['GM-A04', 'GM-A14', 'GM-04']);
    expect(nearestNames('XYZ-99', ['GM-04'])).toEqual([]);
  });
});
