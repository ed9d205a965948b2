import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, fixtureFolder, runCli } from './helpers.js';

const NOW = new Date('2022-07-01T04:00:00Z');
const DOMAIN = 'data/domains/01-aa.yaml';

function read(cwd: string, file: string): string {
  return readFileSync(join(cwd, file), 'utf8');
}

/** Runs a command in a fresh fixture folder after some setup commands; returns the result and the folder. */
async function after(setup: string[][], args: string[], lang = 'en') {
  const cwd = fixtureFolder();
  const env = { LANG: lang === 'zh' ? 'zh_CN.UTF-8' : 'en_US.UTF-8' };
  for (const step of setup) expect((await runCli(step, { cwd, now: NOW, env })).code).toBe(0);
  const before = { domain: read(cwd, DOMAIN), towns: read(cwd, 'data/towns.yaml'), enterprises: read(cwd, 'data/enterprises.yaml') };
  const result = await runCli(args, { cwd, now: NOW, env });
  const unchanged = before.domain === read(cwd, DOMAIN) && before.towns === read(cwd, 'data/towns.yaml') && before.enterprises === read(cwd, 'data/enterprises.yaml');
  return { cwd, result, unchanged };
}

describe('completing an item already done is refused, whatever its kind', () => {
  const kinds: [string, string, string, string][] = [
    ['an occurrence', 'AA-03@2022-Q2', 'aa-03@2022-q2', 'AA-03@2022-Q2'],
    ['a milestone', 'AA-02/m1', 'aa-02/M1', 'AA-02/m1'],
    ['a task', 'AA-01', 'aa-01', 'AA-01'],
  ];

  it.each(kinds)('refuses %s done twice, naming the first date and the way out', async (_kind, first, second, canonical) => {
    const { result, unchanged } = await after([['done', first, '--on', '2022-06-24']], ['done', second, '--on', '2022-06-30']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `plan: ${canonical} is already done (on 2022-06-24); add --force to replace that date, or \`plan reopen ${canonical}\` to clear it\n`,
    });
    expect(unchanged).toBe(true);
  });

  it.each(kinds)('replaces the date of %s with --force, and says what it replaced', async (_kind, first, second, canonical) => {
    const { cwd, result } = await after([['done', first, '--on', '2022-06-24']], ['done', second, '--on', '2022-06-30', '--force']);
    expect(result).toEqual({ code: 0, stdout: `${canonical} done on 2022-06-30, replacing 2022-06-24 (data/domains/01-aa.yaml)\n`, stderr: '' });
    expect(read(cwd, DOMAIN)).not.toContain('2022-06-24');
  });

  it('says it in Chinese', async () => {
    const { result } = await after([['done', 'AA-03@2022-Q2', '--on', '2022-06-24']], ['done', 'aa-03@2022-q2', '--on', '2022-06-30'], 'zh');
    expect(result.stderr).toBe('plan: AA-03@2022-Q2 已于 2022-06-24 完成；如需改为新日期请加 --force，如需撤销请运行 `plan reopen AA-03@2022-Q2`\n');
  });

  it('echoes an id typed in any case in its canonical form', async () => {
    const { result } = await after([], ['done', 'aa-02/M1', '--on', '2022-05-20']);
    expect(result.stdout).toBe('AA-02/m1 done on 2022-05-20 (data/domains/01-aa.yaml)\n');
  });

  it('lets exactly one of many concurrent `done` runs on one occurrence succeed', async () => {
    const cwd = fixtureFolder();
    const runs = Array.from({ length: 8 }, (_, i) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin/plan.cjs'), 'done', 'AA-03@2022-Q2', '--on', `2022-06-1${i}`], {
        cwd,
        env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', PLAN_LOCK_WAIT_MS: '30000' },
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      return new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
    });
    const results = await Promise.all(runs);
    expect(results.filter((r) => r.code === 0)).toHaveLength(1);
    const refused = results.filter((r) => r.code !== 0);
    expect(refused).toHaveLength(7);
    for (const r of refused) expect(r).toMatchObject({ code: 2, stderr: expect.stringMatching(/^plan: AA-03@2022-Q2 is already done \(on 2022-06-1\d\)/) });
    const dates = [...read(cwd, DOMAIN).matchAll(/2022-Q2: (\S+)/g)].map((m) => m[1]);
    expect(dates).toHaveLength(1);
  }, 60_000);
});

describe('edits change only what was asked', () => {
  it('keeps the expiry month when re-certifying without --expires', async () => {
    const { cwd, result } = await after([['certify', 'E001', '--on', '2022-06-10', '--expires', '2025-06']], ['certify', 'e001', '--on', '2022-06-12']);
    expect(result.stdout).toBe('E001 重庆甲有限公司 certified on 2022-06-12, expires 2025-06 (data/enterprises.yaml)\n');
    expect(read(cwd, 'data/enterprises.yaml')).toContain('    status: certified\n    expires: 2025-06\n    certified_on: 2022-06-12\n');
  });

  it('clears the expiry month with --no-expires', async () => {
    const { cwd, result } = await after([['certify', 'E001', '--on', '2022-06-10', '--expires', '2025-06']], ['certify', 'E001', '--on', '2022-06-12', '--no-expires']);
    expect(result.stdout).toBe('E001 重庆甲有限公司 certified on 2022-06-12, no expiry month recorded (data/enterprises.yaml)\n');
    expect(read(cwd, 'data/enterprises.yaml')).toContain('    status: certified\n    certified_on: 2022-06-12\n');
  });

  it('refuses to keep an expiry month that ends before the new certification', async () => {
    const { result, unchanged } = await after([], ['certify', 'E002', '--on', '2022-06-12']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: "plan: E002 重庆乙有限公司: the recorded expiry 2022-03 is before 2022-06-12; give the new certificate's --expires YYYY-MM, or --no-expires\n",
    });
    expect(unchanged).toBe(true);
  });

  it('refuses a second town record on the same date without --force', async () => {
    const { result, unchanged } = await after([['town', '高新区', '--achieved', '3', '--on', '2022-06-30']], ['town', '高新区', '--achieved', '4', '--on', '2022-06-30']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'plan: 高新区 already has a record for 2022-06-30 (3 standardized); add --force to replace it, or give another --on date\n',
    });
    expect(unchanged).toBe(true);
  });

  it('replaces the town record of that date with --force, and says so', async () => {
    const { cwd, result } = await after(
      [['town', '高新区', '--achieved', '3', '--above-scale', '1', '--on', '2022-06-30']],
      ['town', '高新区', '--achieved', '4', '--on', '2022-06-30', '--force'],
    );
    expect(result.stdout).toBe('高新区: 4 standardized as of 2022-06-30, replacing the record of that date (3) (data/towns.yaml)\n');
    expect(read(cwd, 'data/towns.yaml')).toBe(
      'towns:\n  - name: 高新区\n    target_total: 10\n    target_above_scale: 6\n    progress:\n      - date: 2022-06-30\n        achieved_total: 4\n  - name: 水口镇\n    target_total: null\n    target_above_scale: null\n',
    );
  });

  it('keeps a town\'s records oldest first when an earlier date is recorded later', async () => {
    const { cwd } = await after([['town', '高新区', '--achieved', '3', '--on', '2022-06-30']], ['town', '高新区', '--achieved', '2', '--on', '2022-05-31']);
    expect(read(cwd, 'data/towns.yaml')).toContain(
      '    progress:\n      - date: 2022-05-31\n        achieved_total: 2\n      - date: 2022-06-30\n        achieved_total: 3\n',
    );
  });
});

describe('impossible figures are refused', () => {
  const refusals: [string, string[], string][] = [
    ['above-scale more than achieved', ['town', '高新区', '--achieved', '1', '--above-scale', '5'], '高新区: above-scale 5 is more than achieved 1; above-scale enterprises are counted in the total'],
    ['a negative count', ['town', '高新区', '--achieved', '-3'], '--achieved cannot be negative, got "-3"'],
    [
      'a count beyond what can be stored',
      ['town', '高新区', '--achieved', '99999999999999999999'],
      '高新区: --achieved 99999999999999999999 has more than 15 significant digits and cannot be stored exactly; round it',
    ],
    [
      'a figure beyond what can be stored',
      ['target', 'AA-T1', '99999999999999999999999'],
      'AA-T1: <value> 99999999999999999999999 has more than 15 significant digits and cannot be stored exactly; round it',
    ],
    ['a figure with an exponent', ['target', 'aa-t1', '1e3'], '<value> needs a number such as 12 or 72.4, got "1e3"'],
    ['a figure too small to write plainly', ['target', 'AA-T1', '0.0000001'], 'AA-T1: <value> needs a number such as 12, -3 or 72.5; got "0.0000001"'],
  ];

  it.each(refusals)('refuses %s', async (_name, args, message) => {
    const { result, unchanged } = await after([], [...args, '--on', '2022-06-30']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `plan: ${message}\n` });
    expect(unchanged).toBe(true);
  });

  it('writes a figure exactly as typed, trailing zeros included', async () => {
    const { cwd } = await after([], ['target', 'AA-T1', '72.50', '--on', '2022-06-30']);
    expect(read(cwd, DOMAIN)).toContain('    actuals:\n      - date: 2022-06-30\n        value: 72.50\n');
    expect((await runCli(['check'], { cwd })).code).toBe(0);
  });

  it('writes the largest figure it accepts exactly as typed', async () => {
    const { cwd } = await after([], ['target', 'AA-T1', '999999999999999', '--on', '2022-06-30']);
    expect(read(cwd, DOMAIN)).toContain('        value: 999999999999999\n');
  });
});

describe('targets say what their figure means', () => {
  /** The base fixture with a reduction target beside its at-least one. */
  function withReduction(): string {
    const cwd = fixtureFolder();
    const text = read(cwd, DOMAIN).replace(
      'tasks:\n',
      '  - id: AA-T2\n    title: 死亡人数下降20%\n    direction: reduce_by\n    value: 20\n    unit: "%"\n    baseline: 前三年的平均数\ntasks:\n',
    );
    writeFileSync(join(cwd, DOMAIN), text);
    return cwd;
  }

  it('echoes a reduction as a fall against the baseline, in Chinese', async () => {
    const cwd = withReduction();
    const result = await runCli(['target', 'aa-t2', '12', '--on', '2022-06-30'], { cwd, now: NOW, env: { LANG: 'zh_CN.UTF-8' } });
    expect(result.stdout).toBe('AA-T2：已录入 2022-06-30 的实际值 12（data/domains/01-aa.yaml）\n记录：较基数下降 12%（基数：前三年的平均数）；目标为下降 20%\n');
  });

  it('echoes a negative reduction as a rise, so a wrong sign is seen at once', async () => {
    const cwd = withReduction();
    const result = await runCli(['target', 'AA-T2', '-12', '--on', '2022-06-30'], { cwd, now: NOW });
    expect(result.stdout).toBe('AA-T2: -12 recorded for 2022-06-30 (data/domains/01-aa.yaml)\nreading: up 12% against the baseline (前三年的平均数); the target is down 20%\n');
  });

  it('echoes an at-least figure with its target', async () => {
    const { result } = await after([], ['target', 'AA-T1', '72.5', '--on', '2022-06-30']);
    expect(result.stdout).toBe('AA-T1: 72.5 recorded for 2022-06-30 (data/domains/01-aa.yaml)\nreading: 72.5%; the target is at least 70%\n');
  });

  it('explains per direction in the help what value to record', async () => {
    const result = await runCli(['target', '--help']);
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('for reduce_by and decrease targets the reduction achieved against the baseline (12 for a 12 % fall, -5 for a 5 % rise)');
  });
});

describe('dates', () => {
  it('records the start date of a task and shows it in the JSON of tasks and export', async () => {
    const { cwd, result } = await after([], ['start', 'aa-01', '--on', '2022-06-01']);
    expect(result.stdout).toBe('AA-01 is now doing, started on 2022-06-01 (data/domains/01-aa.yaml)\n');
    expect(read(cwd, DOMAIN)).toContain('    due: 2022-03-30\n    status: doing\n    started: 2022-06-01\n');
    const items = JSON.parse((await runCli(['tasks', '--as-of', '2022-06-30', '--format', 'json'], { cwd })).stdout).items as { id: string; started?: string }[];
    expect(items.find((i) => i.id === 'AA-01')?.started).toBe('2022-06-01');
    const before = JSON.parse((await runCli(['tasks', '--as-of', '2022-05-31', '--format', 'json'], { cwd })).stdout).items as { id: string; started?: string }[];
    expect(before.find((i) => i.id === 'AA-01')?.started).toBeNull();
    const exported = JSON.parse((await runCli(['export'], { cwd })).stdout) as { domains: { tasks: { id: string; started: string | null }[] }[] };
    expect(exported.domains[0]!.tasks.find((t) => t.id === 'AA-01')?.started).toBe('2022-06-01');
  });

  it('refuses to start a started task again without --force', async () => {
    const { result, unchanged } = await after([['start', 'AA-01', '--on', '2022-06-01']], ['start', 'AA-01', '--on', '2022-06-05']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'plan: AA-01 was already started on 2022-06-01; add --force to replace that date\n' });
    expect(unchanged).toBe(true);
  });

  it('refuses a record outside the plan period, --force or not; a certificate from before it only with --force', async () => {
    const cwd = fixtureFolder();
    const late = new Date('2023-07-01T04:00:00Z');
    const refused = 'plan: AA-01: 2023-06-30 is outside the plan period 2022-01-01 – 2022-12-31; a record counts in the plan\'s own year: give --on with a date in it (another year is a plan of its own)\n';
    expect(await runCli(['done', 'AA-01', '--on', '2023-06-30'], { cwd, now: late })).toEqual({ code: 2, stdout: '', stderr: refused });
    expect(await runCli(['done', 'AA-01', '--on', '2023-06-30', '--force'], { cwd, now: late })).toEqual({ code: 2, stdout: '', stderr: refused });
    const today = await runCli(['town', '高新区', '--achieved', '1'], { cwd, now: late });
    expect(today.stderr).toBe('plan: 高新区: 2023-07-01 is outside the plan period 2022-01-01 – 2022-12-31; a record counts in the plan\'s own year: give --on with a date in it (another year is a plan of its own)\n');
    const certificate = await runCli(['certify', 'E001', '--on', '2021-11-20', '--expires', '2024-11'], { cwd, now: late });
    expect(certificate.stderr).toBe('plan: E001 重庆甲有限公司: 2021-11-20 is outside the plan period 2022-01-01 – 2022-12-31; give --on with a date in it, or add --force if that is really meant\n');
    expect((await runCli(['certify', 'E001', '--on', '2021-11-20', '--expires', '2024-11', '--force'], { cwd, now: late })).code).toBe(0);
    expect(JSON.parse((await runCli(['check', '--format', 'json'], { cwd })).stdout).filter((d: { rule: string }) => d.rule === 'date-range' || d.rule === 'outside-period')).toEqual([]);
  });

  it('says an open item is already open, writes nothing and exits 0', async () => {
    for (const id of ['AA-01', 'AA-02/m1', 'aa-03@2022-q2']) {
      const { result, unchanged } = await after([], ['reopen', id]);
      expect(result).toEqual({ code: 0, stdout: `${id.toUpperCase().replace('/M', '/m')} is already open; nothing to change\n`, stderr: '' });
      expect(unchanged).toBe(true);
    }
    const { result } = await after([], ['reopen', 'AA-01'], 'zh');
    expect(result.stdout).toBe('AA-01 本来就未完成，无需更改\n');
  });

  it('reopens a done task that had been started as doing, keeping its start date', async () => {
    const { cwd } = await after([['start', 'AA-01', '--on', '2022-03-01'], ['done', 'AA-01', '--on', '2022-03-28']], ['reopen', 'AA-01']);
    expect(read(cwd, DOMAIN)).toContain(
      '    due: 2022-03-30\n    status: doing\n    started: 2022-03-01\n    history:\n      - date: 2022-03-01\n        status: doing\n      - date: 2022-03-28\n        status: done\n      - date: 2022-07-01\n        status: doing\n  - id: AA-02',
    );
  });
});

describe('monthly chores in one go', () => {
  it('completes several items across files in one edit', async () => {
    const cwd = fixtureFolder('progress');
    const result = await runCli(['done', 'AA-01', 'aa-02/m1', 'AA-03@2022-Q1', 'BB-03', '--on', '2022-06-28'], { cwd, now: NOW });
    expect(result.stdout).toBe(
      [
        'AA-01 done on 2022-06-28 (data/domains/01-aa.yaml)',
        'AA-02/m1 done on 2022-06-28 (data/domains/01-aa.yaml)',
        'AA-03@2022-Q1 done on 2022-06-28 (data/domains/01-aa.yaml)',
        'BB-03 done on 2022-06-28 (data/domains/02-bb.yaml)',
        '',
      ].join('\n'),
    );
    // AA-01's completion, its history entry, the milestone's and the quarter's.
    expect(read(cwd, DOMAIN).match(/2022-06-28/g)).toHaveLength(4);
    expect(read(cwd, 'data/domains/02-bb.yaml')).toContain('completed: 2022-06-28');
  });

  it('records none of them when one is refused, naming that one', async () => {
    const cwd = fixtureFolder('progress');
    const before = [read(cwd, DOMAIN), read(cwd, 'data/domains/02-bb.yaml')];
    const result = await runCli(['done', 'AA-01', 'BB-03', 'BB-01', '--on', '2022-06-28'], { cwd, now: NOW });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^plan: BB-01 is already done \(on 2022-\d\d-\d\d\); add --force/);
    expect([read(cwd, DOMAIN), read(cwd, 'data/domains/02-bb.yaml')]).toEqual(before);
    const twice = await runCli(['done', 'AA-01', 'aa-01'], { cwd, now: NOW });
    expect(twice).toEqual({ code: 2, stdout: '', stderr: 'plan: AA-01 is named twice; name each item once\n' });
  });

  const header = 'name,target_total,target_above_scale,progress_date,achieved_total,achieved_above_scale';

  it('records every town of a CSV in the columns of the export, and shows the diff with --dry-run', async () => {
    const cwd = fixtureFolder();
    const exported = (await runCli(['export', '--format', 'csv', '--kind', 'towns'], { cwd })).stdout;
    expect(exported).toBe(`\uFEFF${header}\r\n高新区,10,6,,,\r\n水口镇,,,,,\r\n`);
    writeFileSync(join(cwd, 'june.csv'), exported.replace('高新区,10,6,,,', '高新区,10,6,2022-06-30,4,2'));
    const dry = await runCli(['town', '--from', 'june.csv', '--dry-run'], { cwd, now: NOW });
    expect(dry.stdout).toBe(
      [
        '--- a/data/towns.yaml',
        '+++ b/data/towns.yaml',
        '@@ -3,4 +3,8 @@',
        '     target_total: 10',
        '     target_above_scale: 6',
        '+    progress:',
        '+      - date: 2022-06-30',
        '+        achieved_total: 4',
        '+        achieved_above_scale: 2',
        '   - name: 水口镇',
        '     target_total: null',
        '',
      ].join('\n'),
    );
    expect(read(cwd, 'data/towns.yaml')).not.toContain('progress');
    const done = await runCli(['town', '--from', 'june.csv'], { cwd, now: NOW });
    expect(done.stdout).toBe('高新区: 4 standardized as of 2022-06-30 (data/towns.yaml)\n1 town record written, 0 already recorded, from june.csv\n');
    // The CSV exported now reads back without a change.
    writeFileSync(join(cwd, 'again.csv'), (await runCli(['export', '--format', 'csv', '--kind', 'towns'], { cwd })).stdout);
    const before = read(cwd, 'data/towns.yaml');
    expect((await runCli(['town', '--from', 'again.csv'], { cwd, now: NOW })).stdout).toBe('0 town records written, 1 already recorded, from again.csv\n');
    expect(read(cwd, 'data/towns.yaml')).toBe(before);
  });

  const badFiles: [string, string, string][] = [
    [
      'a wrong header',
      'name,total\n高新区,3\n',
      `bad.csv:1: the first line must name the columns of \`plan export --format csv --kind towns\` (${header}); missing: target_total, target_above_scale, progress_date, achieved_total, achieved_above_scale`,
    ],
    ['an unknown town', `${header}\n高新区,10,6,2022-06-30,4,\n高兴区,,,2022-06-30,1,\n`, 'bad.csv:3: no town or park "高兴区" (closest: 高新区)'],
    ['a changed target', `${header}\n高新区,12,6,2022-06-30,4,\n`, 'bad.csv:2: 高新区: target_total is "12" but towns.yaml has "10"; targets are not changed by --from, leave the column as exported'],
    ['above-scale over achieved', `${header}\n高新区,10,6,2022-06-30,1,5\n`, 'bad.csv:2: 高新区: above-scale 5 is more than achieved 1; above-scale enterprises are counted in the total'],
    ['a town twice', `${header}\n高新区,10,6,2022-06-30,4,\n高新区,10,6,2022-06-29,3,\n`, 'bad.csv:3: 高新区 has a second row; give each town once'],
    ['an unclosed quote', `${header}\n"高新区,10,6,2022-06-30,4,\n`, 'bad.csv:2: a quoted cell is not closed; check the quotes on this line'],
  ];

  it.each(badFiles)('refuses a CSV with %s as a whole, writing nothing', async (_name, text, message) => {
    const cwd = fixtureFolder();
    writeFileSync(join(cwd, 'bad.csv'), text);
    const before = read(cwd, 'data/towns.yaml');
    const result = await runCli(['town', '--from', 'bad.csv'], { cwd, now: NOW });
    expect(result).toEqual({ code: 2, stdout: '', stderr: `plan: ${message}\n` });
    expect(read(cwd, 'data/towns.yaml')).toBe(before);
  });

  it('renames a person in people.yaml and every task naming them, changing only those lines', async () => {
    const cwd = fixtureFolder('progress');
    const files = ['data/people.yaml', DOMAIN, 'data/domains/02-bb.yaml'];
    const before = files.map((f) => read(cwd, f));
    const result = await runCli(['rename', 'person', '张伟', '张威'], { cwd, now: NOW });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const after = files.map((f) => read(cwd, f));
    for (const [i, text] of after.entries()) {
      const a = before[i]!.split('\n');
      const b = text.split('\n');
      expect(b).toHaveLength(a.length);
      const changed = a.flatMap((line, k) => (line === b[k] ? [] : [[line, b[k]]]));
      for (const [old, now] of changed) expect(now).toBe(old!.replaceAll('张伟', '张威'));
      expect(text).not.toContain('张伟');
    }
    expect((await runCli(['check'], { cwd })).code).toBe(0);
  });

  it('renames a unit in people.yaml, in people\'s units and in tasks', async () => {
    const cwd = fixtureFolder();
    writeFileSync(join(cwd, 'data/people.yaml'), read(cwd, 'data/people.yaml').replace('  - name: 王芳\n', '  - name: 王芳\n    unit: 区水利局\n'));
    const result = await runCli(['rename', 'unit', '区水利局', '区水务局'], { cwd, now: NOW });
    expect(result.stdout).toBe('unit 区水利局 renamed 区水务局: people.yaml and 2 references (2 files changed)\n');
    expect(read(cwd, 'data/people.yaml')).toBe(
      'people:\n  - name: 张伟\n    roles: [责任人]\n  - name: 王芳\n    unit: 区水务局\n    roles: [责任领导]\nunits:\n  - name: 区水务局\n  - name: 各镇街\n',
    );
    expect(read(cwd, DOMAIN)).toContain('    units: [区水务局, 各镇街]\n');
  });

  it('renames a unit that has aliases and members naming it, and renames an alias alone', async () => {
    const cwd = fixtureFolder();
    const people = 'units:\n  - name: 区水利局\n    aliases: [水利局]\n  - name: 各镇街\n  - name: 区水利局及各镇街\n    members: [区水利局, 各镇街]\n';
    writeFileSync(join(cwd, 'data/people.yaml'), read(cwd, 'data/people.yaml').replace(/units:\n[^]*$/, people));
    writeFileSync(join(cwd, DOMAIN), read(cwd, DOMAIN).replace('    units: [区水利局, 各镇街]\n', '    units: [水利局, 区水利局及各镇街]\n'));
    expect((await runCli(['rename', 'unit', '区水利局', '区水务局'], { cwd, now: NOW })).stdout).toBe('unit 区水利局 renamed 区水务局: people.yaml and 1 reference (1 file changed)\n');
    expect(read(cwd, 'data/people.yaml')).toContain('  - name: 区水务局\n    aliases: [水利局]\n  - name: 各镇街\n  - name: 区水利局及各镇街\n    members: [区水务局, 各镇街]\n');
    expect(read(cwd, DOMAIN)).toContain('    units: [水利局, 区水利局及各镇街]\n');
    expect((await runCli(['rename', 'unit', '水利局', '区水务部门'], { cwd, now: NOW })).code).toBe(0);
    expect(read(cwd, 'data/people.yaml')).toContain('    aliases: [区水务部门]\n');
    expect(read(cwd, DOMAIN)).toContain('    units: [区水务部门, 区水利局及各镇街]\n');
    expect((await runCli(['rename', 'unit', '各镇街', '区水务部门'], { cwd })).code).toBe(2);
    const owner = await runCli(['owner', '区水务部门', '--format', 'json'], { cwd, now: NOW });
    expect(JSON.parse(owner.stdout)).toMatchObject({ name: '区水务局', kind: 'unit' });
    expect((await runCli(['check'], { cwd })).code).toBe(0);
  });

  it('refuses a rename to a name in use, or of a name not there', async () => {
    const cwd = fixtureFolder();
    const before = read(cwd, 'data/people.yaml');
    expect(await runCli(['rename', 'person', '张伟', '王芳'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'plan: "王芳" is already a person or unit in people.yaml; choose a name not in use\n',
    });
    expect((await runCli(['rename', 'unit', '张伟', '张威'], { cwd })).stderr).toBe('plan: no unit "张伟" in people.yaml\n');
    expect(read(cwd, 'data/people.yaml')).toBe(before);
  });
});
