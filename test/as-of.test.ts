import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { occurrencesOf } from '../src/compute/occurrences.js';
import { fixtureFolder, runCli } from './helpers.js';

/** Runs a command with --format json on a folder and returns the parsed output (any: the tests read it as the README describes it). */
async function json(cwd: string, args: string[]): Promise<any> {
  const result = await runCli([...args, '--format', 'json'], { cwd });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

const itemById = (items: { id: string }[], id: string) => items.find((i) => i.id === id) as Record<string, unknown> | undefined;

describe('plan export writes data exactly as recorded', () => {
  it('keeps period keys of completed occurrences as written (2022-Q1, not 2022-_q1)', async () => {
    const cwd = fixtureFolder();
    expect((await runCli(['done', 'AA-03@2022-Q1', '--on', '2022-03-28'], { cwd })).code).toBe(0);
    const data = await json(cwd, ['export']);
    const task = data.domains[0].tasks.find((t: { id: string }) => t.id === 'AA-03');
    expect(task.recurrence.done).toEqual({ '2022-Q1': '2022-03-28' });
  });

  it('with --as-of, leaves out every completion, note, figure and town report dated later', async () => {
    const cwd = fixtureFolder('progress');
    const data = await json(cwd, ['export', '--as-of', '2022-05-31']);
    const bb = data.domains.find((d: { id: string }) => d.id === 'BB');
    const task = (id: string) => bb.tasks.find((t: { id: string }) => t.id === id);
    expect(task('BB-01')).toMatchObject({ status: 'done', completed: '2022-05-20' });
    expect(task('BB-02')).toMatchObject({ status: 'todo', completed: null });
    expect(task('BB-03').notes).toEqual([]);
    expect(task('BB-05').recurrence.done).toEqual({ '2022-01': '2022-01-04', '2022-02': '2022-02-07' });
    expect(task('BB-06').milestones.map((m: { completed: string | null }) => m.completed)).toEqual(['2022-05-10', null]);
    expect(bb.targets[1].actuals).toEqual([]);
    expect(data.towns[0].progress).toEqual([{ date: '2022-03-31', achieved_total: 2, achieved_above_scale: 1 }]);
  });
});

describe('reports at an as-of date show only what was recorded by then', () => {
  const cwd = fixtureFolder('progress');

  it('tasks: a completion recorded later is null, not a date', async () => {
    const before = await json(cwd, ['tasks', '--as-of', '2022-07-19']);
    expect(itemById(before.items, 'BB-06/m2')).toMatchObject({ completed: null, state: 'open' });
    expect(itemById(before.items, 'BB-05@2022-06')).toMatchObject({ completed: '2022-06-03', state: 'done_on_time' });
    const after = await json(cwd, ['tasks', '--as-of', '2022-07-20']);
    expect(itemById(after.items, 'BB-06/m2')).toMatchObject({ completed: '2022-07-20', state: 'done_on_time' });
  });

  it('owner: the done list holds only items done by the date', async () => {
    const report = await json(cwd, ['owner', '张伟', '--as-of', '2022-06-30']);
    expect(report.done.map((i: { id: string }) => i.id)).toEqual(['BB-01', 'BB-06/m1']);
    expect(report.done.every((i: { completed: string }) => i.completed <= '2022-06-30')).toBe(true);
  });

  it('status: a target figure and a town report recorded later are not yet there', async () => {
    const report = await json(cwd, ['status', '--as-of', '2022-06-20']);
    expect(report.targets.find((t: { id: string }) => t.id === 'BB-T2')).toMatchObject({ actual: 12, actual_date: '2022-06-15' });
    expect(report.towns.towns[0]).toMatchObject({ name: '高新区', achieved_total: 2, reported_on: '2022-03-31' });
  });
});

describe('due soon means the same in every command', () => {
  const cwd = fixtureFolder('progress');

  it('plan owner counts due soon with --soon (default 14) and lists due next with --days', async () => {
    const owners = await json(cwd, ['owners', '--as-of', '2022-08-20']);
    const row = owners.owners.find((o: { name: string }) => o.name === '张伟');
    const report = await json(cwd, ['owner', '张伟', '--as-of', '2022-08-20']);
    expect(report).toMatchObject({ soon_days: 14, horizon_days: 30 });
    expect(report.tally).toEqual(row.tally);
    expect(report.tally.due_soon).toBe(1);
    const wider = await json(cwd, ['owner', '张伟', '--as-of', '2022-08-20', '--days', '60']);
    expect(wider.tally).toEqual(row.tally);
    expect(wider.due_next.length).toBeGreaterThan(report.due_next.length);
    const soon = await json(cwd, ['owner', '张伟', '--as-of', '2022-08-20', '--soon', '5']);
    expect(soon.tally.due_soon).toBe(0);
  });
});

describe('a completion recorded before a task was cancelled', () => {
  it('still counts as done; what was still to do is cancelled', async () => {
    const cwd = fixtureFolder('progress');
    const file = join(cwd, 'data/domains/02-bb.yaml');
    const text = readFileSync(file, 'utf8').replace('    status: cancelled\n', '    status: cancelled\n    completed: 2022-02-10\n');
    writeFileSync(file, text.replace('        2022-06: 2022-06-03\n', '        2022-06: 2022-06-03\n    status: cancelled\n'));
    const data = await json(cwd, ['tasks', '--as-of', '2022-06-30']);
    expect(itemById(data.items, 'BB-04')).toMatchObject({ state: 'done_on_time', completed: '2022-02-10', task_status: 'cancelled' });
    expect(itemById(data.items, 'BB-05@2022-06')).toMatchObject({ state: 'done_on_time', task_status: 'cancelled' });
    expect(itemById(data.items, 'BB-05@2022-03')).toMatchObject({ state: 'cancelled', completed: null });
    const before = await json(cwd, ['tasks', '--as-of', '2022-02-09']);
    expect(itemById(before.items, 'BB-04')).toMatchObject({ state: 'cancelled', completed: null });
  });
});

describe('an occurrence whose period runs past the plan period or its season', () => {
  const year = { start: '2022-01-01', end: '2022-12-31' };
  const last = (result: ReturnType<typeof occurrencesOf>) => (result.ok ? result.occurrences.at(-1) : undefined);

  it('is due on the plan period\'s last day: 2022-W52 (to 2023-01-01) is due 2022-12-31', () => {
    expect(last(occurrencesOf({ every: 'week' }, year))).toEqual({ key: '2022-W52', start: '2022-12-26', due: '2022-12-31' });
  });

  it('is due on the season\'s last day, a Saturday when the season ends on one', () => {
    const season = { name: '森林防火期', from: '2022-01-01', until: '2022-06-18' };
    expect(last(occurrencesOf({ every: 'week', season }, year))).toEqual({ key: '2022-W24', start: '2022-06-13', due: '2022-06-18' });
  });
});

describe('--soon in every report', () => {
  const cwd = fixtureFolder('progress');

  it('sets the due-soon window of compliance and the monthly report as of status', async () => {
    for (const args of [['status', '--as-of', '2022-06-20'], ['compliance', '--as-of', '2022-06-20'], ['report', '--month', '2022-06', '--as-of', '2022-06-20']]) {
      expect((await json(cwd, [...args, '--soon', '3'])).soon_days).toBe(3);
    }
    const status = await json(cwd, ['status', '--as-of', '2022-06-20', '--soon', '30']);
    const report = await json(cwd, ['report', '--month', '2022-06', '--as-of', '2022-06-20', '--soon', '30']);
    expect(report.totals).toEqual(status.totals);
  });
});
