import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { renderTable } from '../src/render/table.js';
import { displayWidth } from '../src/render/text.js';
import { fixtureFolder, runCli } from './helpers.js';

const AS_OF = ['--as-of', '2022-06-30'];
const cwd = fixtureFolder('progress');

// Each command's text and JSON on the same fixture plan at a fixed date, in both languages.
const commands: [string, string[]][] = [
  ['status', ['status', ...AS_OF]],
  ['status --all --domain BB', ['status', ...AS_OF, '--all', '--domain', 'BB']],
  ['tasks', ['tasks', ...AS_OF]],
  ['tasks --overdue --owner 各镇街', ['tasks', ...AS_OF, '--overdue', '--owner', '各镇街']],
  ['owners', ['owners', ...AS_OF]],
  ['owner 张伟', ['owner', '张伟', ...AS_OF]],
  ['compliance', ['compliance', ...AS_OF]],
  ['report', ['report', '--month', '2022-06']],
];

describe('terminal tables', () => {
  const columns = [{ header: 'ID' }, { header: '任务', flex: true }, { header: 'Days', align: 'right' as const }];
  const rows = [
    ['GM-01', '开展安全生产标准化建设', '5'],
    ['FX-19', 'Flood drill', '120'],
  ];

  it('aligns Chinese text by display width, numbers to the right, without trailing spaces', () => {
    expect(renderTable(columns, rows)).toBe(
      ['ID     任务                    Days', 'GM-01  开展安全生产标准化建设     5', 'FX-19  Flood drill              120'].join('\n'),
    );
  });

  it('shrinks the flex column to the width given, cutting its text with … on a character boundary', () => {
    const lines = renderTable(columns, rows, 24).split('\n');
    expect(lines).toEqual(['ID     任务         Days', 'GM-01  开展安全生…     5', 'FX-19  Flood drill   120']);
    expect(Math.max(...lines.map(displayWidth))).toBeLessThanOrEqual(24);
  });

  it('measures coloured cells without their escape codes', () => {
    const red = new Chalk({ level: 1 }).red;
    const table = renderTable([{ header: 'State' }, { header: 'N', align: 'right' }], [[red('逾期'), '3'], ['open', '12']]);
    expect(table).toBe(['State   N', `${red('逾期')}    3`, 'open   12'].join('\n'));
  });

  it('prints the header alone when there are no rows', () => {
    expect(renderTable(columns, [])).toBe('ID  任务  Days');
  });
});

describe.each(['en', 'zh'])('reports in %s', (lang) => {
  it.each(commands)('%s as text', async (_name, args) => {
    const result = await runCli(['--lang', lang, ...args], { cwd, columns: 120 });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchSnapshot();
  });
});

describe('JSON output', () => {
  it.each(commands.filter(([name]) => !name.startsWith('tasks --overdue')))('%s as JSON', async (_name, args) => {
    const result = await runCli([...args, '--format', 'json'], { cwd });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchSnapshot();
  });

  it('gives every item its full title, owners, due date, state and days late', async () => {
    const result = await runCli(['tasks', ...AS_OF, '--domain', 'BB', '--status', 'late', '--format', 'json'], { cwd });
    const items = JSON.parse(result.stdout).items as Record<string, unknown>[];
    expect(items.map((i) => [i.id, i.state, i.days_late])).toEqual([
      ['BB-05@2022-02', 'done_late', 2],
      ['BB-05@2022-03', 'overdue', 117],
      ['BB-05@2022-04', 'overdue', 86],
      ['BB-02', 'done_late', 41],
      ['BB-05@2022-05', 'overdue', 56],
    ]);
    expect(items[3]).toMatchObject({ title: '逾期完成的任务', units: ['区水利局'], due: '2022-04-30', completed: '2022-06-10', kind: 'task' });
  });
});

describe('status', () => {
  it('shows the 3月30日 and 5月底 deadlines as overdue at the end of June, the later ones not yet due', async () => {
    const result = await runCli(['tasks', ...AS_OF, '--domain', 'AA', '--format', 'json'], { cwd });
    const states = Object.fromEntries((JSON.parse(result.stdout).items as { id: string; state: string }[]).map((i) => [i.id, i.state]));
    expect(states['AA-01']).toBe('overdue');
    expect(states['AA-02/m1']).toBe('overdue');
    expect(states['AA-02']).toBe('open');
  });

  it('says in one line when the as-of date lies outside the plan period', async () => {
    const before = await runCli(['status', '--as-of', '2021-12-01'], { cwd });
    const after = await runCli(['status', '--as-of', '2023-02-01'], { cwd });
    expect(before.stdout).toContain('Note: 2021-12-01 is before the plan period starts (2022-01-01); nothing is due yet.');
    expect(after.stdout).toContain('Note: 2023-02-01 is after the plan period ended (2022-12-31); figures are as they stand.');
  });

  it('uses today in Asia/Shanghai when no --as-of is given', async () => {
    const evening = await runCli(['status', '--format', 'json'], { cwd, now: new Date('2022-06-30T16:30:00Z') });
    expect(JSON.parse(evening.stdout).as_of).toBe('2022-07-01');
  });

  it('truncates long titles with an ellipsis at a character boundary to fit a narrow terminal', async () => {
    const result = await runCli(['tasks', ...AS_OF, '--domain', 'BB'], { cwd, columns: 70 });
    const lines = result.stdout.trimEnd().split('\n').slice(0, -1);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(70);
    expect(result.stdout).toContain('…');
    expect(result.stdout).not.toContain('\uFFFD');
  });

  it('colours overdue red and due soon yellow only on a terminal', async () => {
    const tty = await runCli(['tasks', ...AS_OF], { cwd, isTTY: true, env: {} });
    const pipe = await runCli(['tasks', ...AS_OF], { cwd, isTTY: false, env: {} });
    expect(tty.stdout).toContain('\u001b[31moverdue\u001b[39m');
    expect(tty.stdout).toContain('\u001b[33mdue soon\u001b[39m');
    expect(pipe.stdout).not.toContain('\u001b[');
    expect(pipe.stdout).toContain('overdue');
  });

  it('rejects an unknown domain or owner with the closest names', async () => {
    const domain = await runCli(['status', '--domain', 'XX'], { cwd });
    const owner = await runCli(['owner', '张三'], { cwd });
    expect(domain).toMatchObject({ code: 2, stderr: 'plan: no domain "XX" (domains: AA, BB)\n' });
    expect(owner).toMatchObject({ code: 2, stderr: 'plan: no person or unit named "张三" (closest: 张伟)\n' });
  });

  it('rejects a malformed --as-of', async () => {
    const result = await runCli(['status', '--as-of', 'June 30'], { cwd });
    expect(result).toMatchObject({ code: 2, stderr: 'plan: --as-of needs a date such as 2022-06-30, 2022/6/30, 20220630, 2022年6月30日 or 6月30日; "June 30" is not one\n' });
  });

  it('refuses to report on data with errors, showing them, with exit 1', async () => {
    const result = await runCli(['status'], { cwd: fixtureFolder('check/unknown-unit') });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('data/domains/01-aa.yaml:7:19  error  "区气象局" is not listed under units in people.yaml');
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe('plan: the data has errors; run `plan check` to see them');
  });
});

describe('tasks --format csv', () => {
  it('writes UTF-8 CSV with a byte-order mark and neutralises formula-like cells', async () => {
    const folder = fixtureFolder('progress');
    const file = join(folder, 'data/domains/02-bb.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: 按期完成的任务', "title: '=HYPERLINK(\"x\")'"));
    const result = await runCli(['tasks', ...AS_OF, '--domain', 'BB', '--status', 'done_on_time', '--format', 'csv'], { cwd: folder });
    expect(result.stdout.startsWith('\uFEFFid,kind,domain,task,title,')).toBe(true);
    expect(result.stdout).toContain('BB-01,task,BB,BB-01,"\'=HYPERLINK(""x"")",张伟,,,2022-05-31,true,2022-05-20,done_on_time,0,1,1\r\n');
  });
});

describe('export --kind towns', () => {
  it('gives each town its latest progress by date, whatever the order of the records in the file', async () => {
    const folder = fixtureFolder('progress');
    const file = join(folder, 'data/towns.yaml');
    const text = readFileSync(file, 'utf8');
    const march = '      - date: 2022-03-31\n        achieved_total: 2\n        achieved_above_scale: 1\n';
    writeFileSync(file, text.replace(march, '').replace('        achieved_above_scale: 6\n', `        achieved_above_scale: 6\n${march}`));
    expect(readFileSync(file, 'utf8')).not.toBe(text);
    const result = await runCli(['export', '--format', 'csv', '--kind', 'towns'], { cwd: folder });
    expect(result.stdout.split('\r\n')[1]).toBe('高新区,10,6,2022-09-30,9,6');
  });
});

describe('report --out', () => {
  it('writes the report to a file and refuses to overwrite it without --force', async () => {
    const folder = fixtureFolder('progress');
    const first = await runCli(['report', '--month', '2022-06', '--format', 'markdown', '--out', 'june.md'], { cwd: folder });
    expect(first).toEqual({ code: 0, stdout: '', stderr: 'wrote june.md\n' });
    const written = readFileSync(join(folder, 'june.md'), 'utf8');
    expect(written.split('\n')[0]).toBe('# Work plan progress report, 2022-06');
    writeFileSync(join(folder, 'june.md'), 'kept');
    const second = await runCli(['report', '--month', '2022-06', '--out', 'june.md'], { cwd: folder });
    expect(second).toEqual({ code: 2, stdout: '', stderr: 'plan: june.md already exists; add --force to overwrite it\n' });
    expect(readFileSync(join(folder, 'june.md'), 'utf8')).toBe('kept');
    const forced = await runCli(['report', '--month', '2022-06', '--out', 'june.md', '--force'], { cwd: folder });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(folder, 'june.md'), 'utf8')).toContain('Work plan progress report, 2022-06');
  });

  it('replaces a symlink at the target rather than writing through it', async () => {
    const folder = fixtureFolder('progress');
    writeFileSync(join(folder, 'elsewhere.txt'), 'untouched');
    symlinkSync(join(folder, 'elsewhere.txt'), join(folder, 'link.txt'));
    const refused = await runCli(['report', '--month', '2022-06', '--out', 'link.txt'], { cwd: folder });
    expect(refused.code).toBe(2);
    const forced = await runCli(['report', '--month', '2022-06', '--out', 'link.txt', '--force'], { cwd: folder });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(folder, 'elsewhere.txt'), 'utf8')).toBe('untouched');
    expect(existsSync(join(folder, 'link.txt'))).toBe(true);
  });

  it('rejects a malformed --month', async () => {
    const result = await runCli(['report', '--month', '2022-13'], { cwd });
    expect(result).toMatchObject({ code: 2, stderr: 'plan: --month 2022-13: there is no month 13 (months are 1 to 12)\n' });
  });
});
