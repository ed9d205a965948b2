import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureFolder, runCli } from './helpers.js';

// test/fixtures/output-safety puts terminal escape sequences in every kind of text the data holds:
// ESC [ (CSI: colour, clear screen, alternate screen), ESC ] (OSC: window title, hyperlink), the
// one-byte C1 CSI U+009B, BEL, and a right-to-left override. None may reach the terminal raw.

const AS_OF = ['--as-of', '2022-06-30'];
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const DATA_SEQUENCES = ['\u001b]', '\u009b', '\u0007', '\u001b[2J', '\u001b[5m', '\u001b[?1049h', '\u001b(0', '\u001b[8m', '\u001b[41m', '\u001b[0m', '\u202e'];

const commands: string[][] = [
  ['status', ...AS_OF],
  ['status', ...AS_OF, '--all', '--format', 'json'],
  ['tasks', ...AS_OF],
  ['tasks', ...AS_OF, '--format', 'json'],
  ['tasks', ...AS_OF, '--format', 'markdown'],
  ['report', '--month', '2022-06'],
  ['report', '--month', '2022-06', '--format', 'markdown'],
  ['report', '--month', '2022-06', '--format', 'json'],
  ['owners', ...AS_OF],
  ['owner', '张伟\u001b[31m', ...AS_OF],
  ['compliance', ...AS_OF],
  ['export'],
  ['check'],
  ['check', '--format', 'json'],
  ['check', '--format', 'github'],
];

describe('escape sequences in the data', () => {
  it.each(commands.map((args) => [args.join(' '), args]))('never reach the terminal raw: plan %s', async (_, args) => {
    const result = await runCli(args as string[], { cwd: fixtureFolder('output-safety') });
    expect(result.code).toBe(0);
    // (GitHub annotations are one line per problem, and this folder has none.)
    if (!args.includes('github')) expect(result.stdout.length).toBeGreaterThan(0);
    expect(result.stdout + result.stderr).not.toMatch(RAW_CONTROL);
  });

  it('are shown as visible escapes, so the text is still all there', async () => {
    const cwd = fixtureFolder('output-safety');
    const status = (await runCli(['status', ...AS_OF, '--all'], { cwd })).stdout;
    expect(status.split('\n')[0]).toBe('测试工作要点\\x1b]0;pwned\\x07 — 测试区应急管理局\\x9b31m');
    expect(status).toContain('AA 测试工作要点\\x1b[2J');
    expect(status).toContain('召开现场会\\x1b]0;title\\x07');
    expect(status).toContain('张伟\\x1b[31m、王芳\\u202e');
    const tasks = (await runCli(['tasks', ...AS_OF], { cwd })).stdout;
    expect(tasks).toContain('+试点\\x1b[1m');
    expect(tasks).toContain('区水利局\\x9b2J、各镇街');
    // JSON keeps the exact text, escaped the JSON way: ESC as \u001b (JSON.stringify), C1 CSI as \u009b (ours).
    const json = (await runCli(['tasks', ...AS_OF, '--format', 'json'], { cwd })).stdout;
    expect(json).toContain('"title": "=HYPERLINK(\\"http://evil.example\\")\\u009b31m"');
    const items = (JSON.parse(json) as { items: { id: string; title: string }[] }).items;
    expect(items.find((i) => i.id === 'AA-02')?.title).toBe('=HYPERLINK("http://evil.example")\u009b31m');
  });

  it('are kept out of a coloured terminal too: only the colours plan itself adds get through', async () => {
    const cwd = fixtureFolder('output-safety');
    for (const args of [['status', ...AS_OF, '--all'], ['tasks', ...AS_OF], ['report', '--month', '2022-06'], ['compliance', ...AS_OF]]) {
      const result = await runCli(args, { cwd, isTTY: true, env: {}, columns: 200 });
      expect(result.stdout).toContain('\u001b[');
      for (const sequence of DATA_SEQUENCES) expect(result.stdout, `${args[0]}: ${JSON.stringify(sequence)}`).not.toContain(sequence);
      // Every escape left is an SGR colour code (ESC [ digits m) that plan wrote.
      // eslint-disable-next-line no-control-regex
      expect(result.stdout.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(RAW_CONTROL);
    }
  });

  it('in messages of plan check, and of commands refused because of them', async () => {
    const cwd = fixtureFolder('output-safety');
    const file = join(cwd, 'data/domains/01-aa.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('owners: ["张伟\\e[31m"]\n    leaders', 'owners: ["李四\\e]0;x\\a"]\n    leaders'));
    const check = await runCli(['check'], { cwd, isTTY: true, env: {} });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('"李四\\x1b]0;x\\x07" is not listed under people in people.yaml');
    expect(check.stdout.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(RAW_CONTROL);
    const status = await runCli(['status'], { cwd });
    expect(status.code).toBe(1);
    expect(status.stderr).toContain('李四\\x1b]0;x\\x07');
    expect(status.stderr).not.toMatch(RAW_CONTROL);
    // A name typed on the command line, and the near names from the data offered for it.
    const owner = await runCli(['owner', '张\u001b[2J', ...AS_OF], { cwd: fixtureFolder('output-safety') });
    expect(owner).toEqual({ code: 2, stdout: '', stderr: 'plan: no person or unit named "张\\x1b[2J" (closest: 张伟\\x1b[31m、区水利局\\x9b2J)\n' });
  });

  it('in the name of a file in the data folder', async () => {
    const cwd = fixtureFolder();
    writeFileSync(join(cwd, 'data', 'notes\u001b]0;x\u0007.txt'), 'x');
    for (const format of ['text', 'json', 'github']) {
      const result = await runCli(['check', '--format', format], { cwd });
      expect(result.code).toBe(0);
      expect(result.stdout).not.toMatch(RAW_CONTROL);
    }
  });

  it('in the output of an edit', async () => {
    const cwd = fixtureFolder('output-safety');
    const dryRun = await runCli(['done', 'AA-01', '--on', '2022-03-20', '--note', '完成\u001b[2J', '--dry-run'], { cwd });
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).not.toMatch(RAW_CONTROL);
    const done = await runCli(['certify', 'E001', '--on', '2022-06-20', '--expires', '2025-06'], { cwd });
    expect(done.code).toBe(0);
    expect(done.stdout).toBe("E001 =cmd|' /C calc'!A0 certified on 2022-06-20, expires 2025-06 (data/enterprises.yaml)\n");
  });
});

describe('CSV for spreadsheets', () => {
  const cells = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n');

  it('plan tasks --format csv prefixes cells a spreadsheet would run as a formula (= + - @)', async () => {
    const result = await runCli(['tasks', ...AS_OF, '--format', 'csv'], { cwd: fixtureFolder('output-safety') });
    expect(result.code).toBe(0);
    const lines = cells(result.stdout);
    expect(lines).toContain('AA-02/m1,milestone,AA,AA-02,\'+试点\\x1b[1m,,,区水利局\\x9b2J、各镇街,2022-05-31,true,,overdue,30,0,1');
    expect(lines).toContain("AA-03@2022-Q1,occurrence,AA,AA-03,'-每季度会商\\x1b(0,张伟\\x1b[31m,,,2022-03-31,true,,overdue,91,0,1");
    expect(lines).toContain("AA-02/m2,milestone,AA,AA-02,'@全面完成\\x1b[?1049h,,,区水利局\\x9b2J、各镇街,2022-08-31,true,,open,0,0,1");
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
  });

  it('plan export --format csv does the same for tasks, enterprises and towns', async () => {
    const cwd = fixtureFolder('output-safety');
    const tasks = cells((await runCli(['export', '--format', 'csv', '--kind', 'tasks'], { cwd })).stdout);
    const task = tasks.find((line) => line.startsWith('AA-02,'))!;
    expect(task.split(',').slice(0, 5)).toEqual(['AA-02', 'AA', '', '', '"\'=HYPERLINK(""http://evil.example"")\\x9b31m"']);
    expect(tasks.find((line) => line.startsWith('AA-03,'))).toContain(",'-每季度会商\\x1b(0,");
    const enterprises = cells((await runCli(['export', '--format', 'csv', '--kind', 'enterprises'], { cwd })).stdout);
    expect(enterprises[1]).toContain("E001,'=cmd|' /C calc'!A0,");
    expect(enterprises[1]).toContain(",'@高新区\\x1b[1m");
    expect(enterprises[2]).toContain("E002,'+重庆乙\\x1b]8;;http://evil.example\\x1b\\有限公司\\x1b]8;;\\x1b\\,");
    expect(enterprises[2]).toContain(",'-水口镇");
    const towns = cells((await runCli(['export', '--format', 'csv', '--kind', 'towns'], { cwd })).stdout);
    expect(towns[1]!.startsWith("'@高新区\\x1b[1m,")).toBe(true);
    expect(towns[2]!.startsWith("'-水口镇,")).toBe(true);
    // Numbers stay numbers: a plain count is never prefixed.
    expect(towns[1]).toMatch(/,10,/);
  });
});

describe('report --out', () => {
  it('writes through a symlinked parent folder the user named, but never through a symlink at the file itself', async () => {
    const folder = fixtureFolder('output-safety');
    mkdirSync(join(folder, 'real'));
    symlinkSync(join(folder, 'real'), join(folder, 'reports'));
    // The folder in the path is the user's own choice: the report lands in it, atomically, with no temporary file left.
    const first = await runCli(['report', '--month', '2022-06', '--out', 'reports/june.md'], { cwd: folder });
    expect(first).toEqual({ code: 0, stdout: '', stderr: 'wrote reports/june.md\n' });
    expect(readFileSync(join(folder, 'real/june.md'), 'utf8')).toContain('2022-06');
    expect(readdirSync(join(folder, 'real'))).toEqual(['june.md']);
    // A symlink at the file itself, reached through the symlinked folder: refused, then replaced, never followed.
    writeFileSync(join(folder, 'secret.txt'), 'untouched');
    symlinkSync(join(folder, 'secret.txt'), join(folder, 'real/july.md'));
    // July is reported as of its last day: the runs' today is in June, so July needs an --as-of of its own.
    const refused = await runCli(['report', '--month', '2022-07', '--as-of', '2022-07-31', '--out', 'reports/july.md'], { cwd: folder });
    expect(refused).toEqual({ code: 2, stdout: '', stderr: 'plan: reports/july.md already exists; add --force to overwrite it\n' });
    const forced = await runCli(['report', '--month', '2022-07', '--as-of', '2022-07-31', '--out', 'reports/july.md', '--force'], { cwd: folder });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(folder, 'secret.txt'), 'utf8')).toBe('untouched');
    expect(lstatSync(join(folder, 'real/july.md')).isSymbolicLink()).toBe(false);
    expect(readdirSync(join(folder, 'real')).sort()).toEqual(['july.md', 'june.md']);
  });

  it('refuses a dangling symlink at the target without --force, and creates nothing where it points', async () => {
    const folder = fixtureFolder('output-safety');
    symlinkSync(join(folder, 'planted.md'), join(folder, 'out.md'));
    const refused = await runCli(['report', '--month', '2022-06', '--out', 'out.md'], { cwd: folder });
    expect(refused.code).toBe(2);
    expect(existsSync(join(folder, 'planted.md'))).toBe(false);
    expect(readlinkSync(join(folder, 'out.md'))).toBe(join(folder, 'planted.md'));
  });
});
