import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { stringifyLike } from '../src/edit/yaml-edit.js';
import { ROOT, fixtureFolder, runCli } from './helpers.js';

const NOW = new Date('2022-07-01T04:00:00Z');

/** The one contiguous block of lines `after` has that `before` does not, or null if the change is anything else. */
function insertion(before: string, after: string): { line: number; lines: string[] } | null {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  if (head + tail !== a.length) return null;
  return { line: head + 1, lines: b.slice(head, b.length - tail) };
}

function bundledCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'plan-edit-'));
  cpSync(join(ROOT, 'data'), join(root, 'data'), { recursive: true });
  return root;
}

/** Runs the real binary; resolves with its exit code and output. */
function spawnPlan(args: string[], cwd: string): { child: ReturnType<typeof spawn>; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [join(ROOT, 'bin/plan.cjs'), ...args], { cwd, env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return { child, done: new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr }))) };
}

describe('editing keeps the files as people wrote them', () => {
  const dataFiles = [
    'plan.yaml',
    'people.yaml',
    'towns.yaml',
    'enterprises.yaml',
    ...readdirSync(join(ROOT, 'data/domains')).map((f) => `domains/${f}`),
  ];

  it.each(dataFiles)('re-serialises data/%s byte for byte when nothing changed', (file) => {
    const text = readFileSync(join(ROOT, 'data', file), 'utf8');
    expect(stringifyLike(parseDocument(text), text)).toBe(text);
  });

  const domainFiles = dataFiles.filter((f) => f.startsWith('domains/'));
  it.each(domainFiles)('adds only the intended lines to data/%s when a task is done', async (file) => {
    const cwd = bundledCopy();
    const path = join(cwd, 'data', file);
    const before = readFileSync(path, 'utf8');
    const data = parseDocument(before).toJS() as { tasks: { id: string; recurrence?: unknown; milestones?: unknown }[] };
    const task = data.tasks.find((t) => !t.recurrence)!;
    const result = await runCli(['done', task.id, '--on', '2022-06-30', '--note', '已完成'], { cwd, now: NOW });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const change = insertion(before, readFileSync(path, 'utf8'));
    expect(change?.lines.map((l) => l.trim())).toEqual(['status: done', 'completed: 2022-06-30', 'history:', '- date: 2022-06-30', 'status: done', 'notes:', '- date: 2022-06-30', 'text: 已完成']);
  });

  it('adds only the intended lines to enterprises.yaml and towns.yaml', async () => {
    const cwd = bundledCopy();
    const enterprises = readFileSync(join(cwd, 'data/enterprises.yaml'), 'utf8');
    const towns = readFileSync(join(cwd, 'data/towns.yaml'), 'utf8');
    expect((await runCli(['certify', 'E002', '--on', '2022-06-30', '--expires', '2025-06'], { cwd, now: NOW })).code).toBe(0);
    expect((await runCli(['town', '虎峰镇', '--achieved', '7', '--above-scale', '3', '--on', '2022-06-30'], { cwd, now: NOW })).code).toBe(0);
    const afterEnterprises = readFileSync(join(cwd, 'data/enterprises.yaml'), 'utf8');
    // E002 was not_started: its status line changes and two lines follow it.
    expect(afterEnterprises).toBe(
      enterprises.replace(
        'id: E002\n    name: 重庆赛能铝合金有限公司\n    industry: 有色\n    status: not_started\n',
        'id: E002\n    name: 重庆赛能铝合金有限公司\n    industry: 有色\n    status: certified\n    expires: 2025-06\n    certified_on: 2022-06-30\n',
      ),
    );
    const change = insertion(towns, readFileSync(join(cwd, 'data/towns.yaml'), 'utf8'));
    expect(change?.lines).toEqual(['    progress:', '      - date: 2022-06-30', '        achieved_total: 7', '        achieved_above_scale: 3']);
  });

  it('keeps comments, flow lists and quoting of a hand-written file', async () => {
    const cwd = fixtureFolder();
    const path = join(cwd, 'data/domains/01-aa.yaml');
    const before = readFileSync(path, 'utf8');
    await runCli(['done', 'AA-02/m1', '--on', '2022-05-20'], { cwd, now: NOW });
    expect(insertion(before, readFileSync(path, 'utf8'))).toEqual({ line: 31, lines: ['        completed: 2022-05-20'] });
    expect(readFileSync(path, 'utf8')).toContain('# A small domain with one of everything.\n');
    expect(readFileSync(path, 'utf8')).toContain('    units: [区水利局, 各镇街]\n');
    expect(readFileSync(path, 'utf8')).toContain('    unit: "%"\n');
  });

  it('follows a file indented by four spaces, and keeps untouched lines byte for byte', async () => {
    const cwd = fixtureFolder();
    const path = join(cwd, 'data/towns.yaml');
    writeFileSync(path, 'towns:\n    - name: 高新区   # 园区\n      target_total: 10\n      target_above_scale: 6\n');
    await runCli(['town', '高新区', '--achieved', '2', '--on', '2022-06-30'], { cwd, now: NOW });
    expect(readFileSync(path, 'utf8')).toBe(
      'towns:\n    - name: 高新区   # 园区\n      target_total: 10\n      target_above_scale: 6\n      progress:\n          - date: 2022-06-30\n            achieved_total: 2\n',
    );
  });
});

describe('recording progress', () => {
  it('marks an occurrence done, then reopens it, leaving the file as it was', async () => {
    const cwd = fixtureFolder();
    const path = join(cwd, 'data/domains/01-aa.yaml');
    const before = readFileSync(path, 'utf8');
    expect((await runCli(['done', 'AA-03@2022-Q1', '--on', '2022-03-20'], { cwd, now: NOW })).stdout).toBe('AA-03@2022-Q1 done on 2022-03-20 (data/domains/01-aa.yaml)\n');
    expect(insertion(before, readFileSync(path, 'utf8'))?.lines).toEqual(['      done:', '        2022-Q1: 2022-03-20']);
    const status = await runCli(['tasks', '--as-of', '2022-06-30', '--format', 'json'], { cwd });
    expect((JSON.parse(status.stdout).items as { id: string; state: string }[]).find((i) => i.id === 'AA-03@2022-Q1')?.state).toBe('done_on_time');
    await runCli(['reopen', 'AA-03@2022-Q1'], { cwd, now: NOW });
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('records start, block with its reason, and notes', async () => {
    const cwd = fixtureFolder();
    const path = join(cwd, 'data/domains/01-aa.yaml');
    await runCli(['start', 'AA-01'], { cwd, now: NOW });
    expect(readFileSync(path, 'utf8')).toContain('    due: 2022-03-30\n    status: doing\n    started: 2022-07-01\n    history:\n      - date: 2022-07-01\n        status: doing\n');
    await runCli(['block', 'AA-01', '--reason', '等待上级文件', '--on', '2022-07-01'], { cwd, now: NOW });
    await runCli(['note', 'AA-02/m1', '试点单位已确定', '--on', '2022-05-02'], { cwd, now: NOW });
    const text = readFileSync(path, 'utf8');
    // The reason goes with the dated change, not into the notes.
    expect(text).toContain(
      '    status: blocked\n    started: 2022-07-01\n    history:\n      - date: 2022-07-01\n        status: doing\n      - date: 2022-07-01\n        status: blocked\n        reason: 等待上级文件\n  - id: AA-02\n',
    );
    expect(text).toContain('        due: 2022-05-31\n        notes:\n          - date: 2022-05-02\n            text: 试点单位已确定\n');
  });

  it('records a target figure that status then judges', async () => {
    const cwd = fixtureFolder();
    await runCli(['target', 'AA-T1', '72.5', '--on', '2022-06-30'], { cwd, now: NOW });
    const result = await runCli(['compliance', '--as-of', '2022-06-30', '--format', 'json'], { cwd });
    expect(JSON.parse(result.stdout).targets[0]).toMatchObject({ id: 'AA-T1', actual: 72.5, actual_date: '2022-06-30', state: 'met' });
  });

  it('prints the diff and writes nothing under --dry-run', async () => {
    const cwd = fixtureFolder();
    const path = join(cwd, 'data/domains/01-aa.yaml');
    const before = readFileSync(path, 'utf8');
    const result = await runCli(['done', 'AA-01', '--on', '2022-03-28', '--dry-run'], { cwd, now: NOW });
    expect(result.stdout).toBe(
      [
        '--- a/data/domains/01-aa.yaml',
        '+++ b/data/domains/01-aa.yaml',
        '@@ -20,4 +20,9 @@',
        '     leaders: [王芳]',
        '     due: 2022-03-30',
        '+    status: done',
        '+    completed: 2022-03-28',
        '+    history:',
        '+      - date: 2022-03-28',
        '+        status: done',
        '   - id: AA-02',
        '     title: 分阶段推进',
        '',
      ].join('\n'),
    );
    expect(readFileSync(path, 'utf8')).toBe(before);
  });
});

describe('refusals leave every file untouched', () => {
  const refusals: [string, string[], number, string][] = [
    ['an unknown task', ['done', 'AA-99'], 2, 'plan: no task AA-99 (see `plan tasks`)\n'],
    ['a malformed id', ['done', 'AA01'], 2, 'plan: "AA01" is not an item id: use a task (AA-01), a milestone (AA-02/m1) or an occurrence (AA-03@2022-Q1)\n'],
    ['an unknown milestone', ['done', 'AA-02/m9'], 2, 'plan: no milestone AA-02/m9 (milestones of the task: AA-02/m1, AA-02/m2)\n'],
    ['an occurrence outside the plan', ['done', 'AA-03@2023-Q1'], 2, 'plan: no occurrence AA-03@2023-Q1 (occurrences look like AA-03@2022-Q1, AA-03@2022-Q2, AA-03@2022-Q3, AA-03@2022-Q4 …)\n'],
    ['a recurring task named without its occurrence', ['done', 'AA-03'], 2, 'plan: AA-03 is a recurring duty: mark one occurrence, e.g. AA-03@2022-Q1 (see `plan tasks`)\n'],
    ['a completion after today', ['done', 'AA-01', '--on', '2022-07-02'], 2, 'plan: AA-01: 2022-07-02 is after today (2022-07-01); add --force if that is really meant\n'],
    ['a completion before the occurrence begins', ['done', 'AA-03@2022-Q2', '--on', '2022-03-31'], 2, 'plan: AA-03@2022-Q2: 2022-03-31 is before the item begins (2022-04-01); add --force if that is really meant\n'],
    ['an impossible date', ['done', 'AA-01', '--on', '2022-02-30'], 2, 'plan: --on 2022-02-30: that day does not exist (2022-02 has 28 days)\n'],
    ['an unknown enterprise, with the closest names', ['certify', '重庆丙'], 2, 'plan: no enterprise "重庆丙" (closest: E001 重庆甲有限公司；E002 重庆乙有限公司)\n'],
    ['an unknown town', ['town', '高新', '--achieved', '1'], 2, 'plan: no town or park "高新" (closest: 高新区)\n'],
    ['a non-numeric figure', ['target', 'AA-T1', '七十'], 2, 'plan: <value> needs a number such as 12 or 72.4, got "七十"\n'],
  ];

  it.each(refusals)('refuses %s', async (_name, args, code, stderr) => {
    const cwd = fixtureFolder();
    const before = readFileSync(join(cwd, 'data/domains/01-aa.yaml'), 'utf8');
    const result = await runCli(args, { cwd, now: NOW });
    expect(result).toEqual({ code, stdout: '', stderr });
    expect(readFileSync(join(cwd, 'data/domains/01-aa.yaml'), 'utf8')).toBe(before);
  });

  it('refuses an edit that would make the data invalid, saying why', async () => {
    const cwd = fixtureFolder();
    // A certificate without its expiry month is a warning unless plan.yaml makes it an error, as here.
    appendFileSync(join(cwd, 'data/plan.yaml'), 'checks:\n  certified-expiry: error\n');
    const before = readFileSync(join(cwd, 'data/enterprises.yaml'), 'utf8');
    const result = await runCli(['certify', 'E001', '--on', '2022-06-30'], { cwd, now: NOW });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/data\/enterprises\.yaml:\d+:\d+  error  .*\[certified-expiry\]/);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe('plan: edit refused: it would leave the data invalid; nothing was written');
    expect(readFileSync(join(cwd, 'data/enterprises.yaml'), 'utf8')).toBe(before);
  });

  it('refuses to edit data that already has errors', async () => {
    const cwd = fixtureFolder('check/unknown-unit');
    const result = await runCli(['start', 'AA-01'], { cwd, now: NOW });
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'plan: the data has errors; fix them first (see `plan check`), then record progress\n' });
  });

  it('says the data is being edited when another live process holds the lock', async () => {
    const cwd = fixtureFolder();
    writeFileSync(join(cwd, 'data/.plan.lock'), JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname(), since: '2022-07-01T04:00:00.000Z' }));
    const result = await runCli(['start', 'AA-01'], { cwd, now: NOW, env: { PLAN_LOCK_WAIT_MS: '200' } });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `plan: data is being edited by another plan process (pid ${process.pid}, since 2022-07-01T04:00:00.000Z); try again in a moment (if no plan process is running, delete the lock file data/.plan.lock)\n`,
    });
  });

  it('clears a stale lock left by a process that no longer runs', async () => {
    const cwd = fixtureFolder();
    const dead = spawnPlan(['--version'], cwd);
    await dead.done;
    writeFileSync(join(cwd, 'data/.plan.lock'), JSON.stringify({ pid: dead.child.pid, host: (await import('node:os')).hostname(), since: '2022-07-01T04:00:00.000Z' }));
    const result = await runCli(['start', 'AA-01'], { cwd, now: NOW });
    expect(result.code).toBe(0);
    expect(existsSync(join(cwd, 'data/.plan.lock'))).toBe(false);
  });
});

describe('concurrent and interrupted edits', () => {
  it('lands every one of several edits started at once on the same file', async () => {
    const cwd = bundledCopy();
    const ids = ['FM-01', 'FM-02', 'FM-03', 'FM-05', 'FM-06', 'FM-08', 'FM-09', 'FM-10'];
    const results = await Promise.all(ids.map((id) => spawnPlan(['done', id, '--on', '2022-06-30', '--force'], cwd).done));
    for (const result of results) expect(result).toMatchObject({ code: 0, stderr: '' });
    const data = parseDocument(readFileSync(join(cwd, 'data/domains/03-fm.yaml'), 'utf8')).toJS() as { tasks: { id: string; status?: string }[] };
    expect(data.tasks.filter((t) => t.status === 'done').map((t) => t.id).sort()).toEqual(ids);
    expect(existsSync(join(cwd, 'data/.plan.lock'))).toBe(false);
  }, 60_000);

  it('leaves the old file or the new one, never a broken one, when a process is killed mid-edit', async () => {
    const cwd = bundledCopy();
    const path = join(cwd, 'data/domains/03-fm.yaml');
    const original = readFileSync(path, 'utf8');
    const outcomes = new Set<string>();
    for (let round = 0; round < 12; round++) {
      const run = spawnPlan(round % 2 === 0 ? ['done', 'FM-02', '--on', '2022-06-30', '--force'] : ['reopen', 'FM-02'], cwd);
      setTimeout(() => run.child.kill('SIGKILL'), 40 + ((round * 37) % 260));
      await run.done;
      const text = readFileSync(path, 'utf8');
      const doc = parseDocument(text);
      expect(doc.errors).toEqual([]);
      outcomes.add(text === original ? 'old' : text.includes('completed: 2022-06-30') ? 'new' : 'other');
    }
    expect([...outcomes].filter((o) => o === 'other')).toEqual([]);
    // A lock left by a killed process must not block the next edit.
    const after = await runCli(['check'], { cwd });
    expect(after.code).toBe(0);
    expect((await runCli(['reopen', 'FM-02'], { cwd, now: NOW })).code).toBe(0);
  }, 60_000);
});

describe('plan done on a duty with a minimum count', () => {
  it('adds each date to the period, refuses the same date twice, and files a floor completion under its quarter', async () => {
    const root = bundledCopy();
    const now = new Date('2022-12-31T04:00:00Z');
    expect((await runCli(['done', 'SL-01@2022', '--on', '2022-05-10'], { cwd: root, now })).code).toBe(0);
    const both = await runCli(['done', 'SL-01@2022', 'GM-A02@2022', '--on', '2022-09-15'], { cwd: root, now });
    expect(both.stdout).toBe('SL-01@2022 done on 2022-09-15 (data/domains/11-sl.yaml)\nGM-A02@2022 done on 2022-09-15 (data/domains/04-gm.yaml)\n');
    expect(readFileSync(join(root, 'data/domains/11-sl.yaml'), 'utf8')).toContain('      done:\n        "2022": [2022-05-10, 2022-09-15]\n');
    expect(readFileSync(join(root, 'data/domains/04-gm.yaml'), 'utf8')).toContain('      done:\n        2022-Q3: 2022-09-15\n');
    const before = readFileSync(join(root, 'data/domains/11-sl.yaml'), 'utf8');
    const again = await runCli(['done', 'SL-01@2022', '--on', '2022-09-15'], { cwd: root, now });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('plan: SL-01@2022 already has a completion on 2022-09-15; each completion of a counted duty is recorded once, on its own date\n');
    expect(readFileSync(join(root, 'data/domains/11-sl.yaml'), 'utf8')).toBe(before);
    const json = JSON.parse((await runCli(['tasks', '--as-of', '2022-12-31', '--format', 'json'], { cwd: root, now })).stdout) as { items: { id: string; count: number; required: number; state: string }[] };
    expect(json.items.filter((i) => i.id === 'SL-01@2022' || i.id === 'GM-A02@2022').map((i) => [i.id, i.count, i.required, i.state])).toEqual([
      ['GM-A02@2022', 1, 2, 'due_soon'],
      ['SL-01@2022', 2, 2, 'done_on_time'],
    ]);
  });
});
