import { describe, expect, it } from 'vitest';
import { fixtureFolder, runCli } from './helpers.js';

interface Case {
  overlay: string;
  exitCode: number;
  /** `file:line:column severity rule` of every diagnostic, in output order. */
  problems: string[];
}

// One broken fixture per rule, laid over test/fixtures/base; positions are those a person sees in an editor.
const cases: Case[] = [
  { overlay: 'yaml-syntax', exitCode: 1, problems: ['data/domains/01-aa.yaml:6:6 error yaml-syntax'] },
  { overlay: 'duplicate-key', exitCode: 1, problems: ['data/towns.yaml:4:5 error duplicate-key'] },
  { overlay: 'schema-required', exitCode: 1, problems: ['data/domains/01-aa.yaml:4:5 error schema'] },
  { overlay: 'schema-unknown-key', exitCode: 1, problems: ['data/domains/01-aa.yaml:8:5 error schema'] },
  { overlay: 'schema-enum', exitCode: 1, problems: ['data/enterprises.yaml:5:13 error schema'] },
  { overlay: 'schema-date', exitCode: 1, problems: ['data/domains/01-aa.yaml:8:10 error schema', 'data/domains/01-aa.yaml:13:10 error schema'] },
  { overlay: 'schema-type', exitCode: 1, problems: ['data/towns.yaml:3:19 error schema'] },
  { overlay: 'empty-file', exitCode: 1, problems: ['data/towns.yaml:1:1 error schema'] },
  { overlay: 'list-not-mapping', exitCode: 1, problems: ['data/people.yaml:1:1 error schema'] },
  { overlay: 'proto-key', exitCode: 1, problems: ['data/plan.yaml:7:1 error schema'] },
  {
    overlay: 'unique-id',
    exitCode: 1,
    problems: ['data/domains/02-bb.yaml:4:9 warning task-id', 'data/domains/02-bb.yaml:4:9 error unique-id'],
  },
  // A domain's task ids need not start with its code (a notice with one list and no codes): a warning.
  { overlay: 'task-id-prefix', exitCode: 0, problems: ['data/domains/01-aa.yaml:4:9 warning task-id'] },
  {
    overlay: 'unknown-person',
    exitCode: 1,
    problems: ['data/domains/01-aa.yaml:7:18 error unknown-person', 'data/domains/01-aa.yaml:8:15 error unknown-person'],
  },
  { overlay: 'unknown-unit', exitCode: 1, problems: ['data/domains/01-aa.yaml:7:19 error unknown-unit'] },
  { overlay: 'unknown-town', exitCode: 1, problems: ['data/enterprises.yaml:6:11 error unknown-town'] },
  { overlay: 'date-range', exitCode: 0, problems: ['data/domains/01-aa.yaml:8:10 warning date-range'] },
  { overlay: 'milestone-after-due', exitCode: 1, problems: ['data/domains/01-aa.yaml:15:14 error milestone-after-due'] },
  { overlay: 'done-without-date', exitCode: 1, problems: ['data/domains/01-aa.yaml:8:13 error done-without-date'] },
  {
    overlay: 'town-target',
    exitCode: 1,
    problems: ['data/towns.yaml:4:25 error town-target', 'data/towns.yaml:7:25 error town-target'],
  },
  { overlay: 'town-progress', exitCode: 1, problems: ['data/towns.yaml:8:31 error town-progress'] },
  {
    overlay: 'exact-number',
    exitCode: 1,
    problems: ['data/domains/01-aa.yaml:15:16 error exact-number', 'data/domains/01-aa.yaml:17:16 error exact-number', 'data/towns.yaml:7:25 error exact-number'],
  },
  { overlay: 'occurrence-key', exitCode: 1, problems: ['data/domains/01-aa.yaml:12:9 error occurrence-key'] },
  // Keys that name no period of the duty: a 53rd week of a 52-week ISO year, periods before the plan
  // period or after the season, a month on a quarterly duty; and by_day on a quarterly duty.
  {
    overlay: 'occurrence-period',
    exitCode: 1,
    problems: [
      'data/domains/01-aa.yaml:13:9 error occurrence-period',
      'data/domains/01-aa.yaml:14:9 error occurrence-period',
      'data/domains/01-aa.yaml:21:15 error by-day',
      'data/domains/01-aa.yaml:23:9 error occurrence-period',
      'data/domains/01-aa.yaml:25:9 error occurrence-key',
      'data/domains/01-aa.yaml:38:9 error occurrence-period',
    ],
  },
  { overlay: 'target-value', exitCode: 1, problems: ['data/domains/01-aa.yaml:4:5 error target-value'] },
  { overlay: 'no-owner', exitCode: 0, problems: ['data/domains/01-aa.yaml:4:9 warning no-owner'] },
  { overlay: 'unknown-file', exitCode: 0, problems: ['data/notes.txt:1:1 warning unknown-file'] },
  { overlay: 'missing-plan', exitCode: 1, problems: ['data/plan.yaml:1:1 error missing-file'] },
  { overlay: 'encoding', exitCode: 1, problems: ['data/domains/01-aa.yaml:2:8 error encoding'] },
  { overlay: 'utf16', exitCode: 1, problems: ['data/domains/01-aa.yaml:1:1 error encoding'] },
  { overlay: 'bom-crlf', exitCode: 0, problems: [] },
];

describe('plan check', () => {
  it('exits 0 with a one-line summary on a clean folder', async () => {
    const result = await runCli(['check'], { cwd: fixtureFolder() });
    expect(result).toEqual({ code: 0, stdout: 'no problems found in 5 files\n', stderr: '' });
  });

  it.each(cases)('reports $overlay at its exact position', async ({ overlay, exitCode, problems }) => {
    const result = await runCli(['check', '--format', 'json'], { cwd: fixtureFolder(`check/${overlay}`) });
    const rows = JSON.parse(result.stdout) as { file: string; line: number; column: number; severity: string; rule: string }[];
    expect(rows.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}`)).toEqual(problems);
    expect(result.code).toBe(exitCode);
    expect(result.stderr).toBe('');
  });

  it('prints the offending line with a caret under the column, aligned for Chinese text', async () => {
    const result = await runCli(['check'], { cwd: fixtureFolder('check/unknown-person') });
    expect(result.stdout).toBe(
      [
        'data/domains/01-aa.yaml:7:18  error  "李四" is not listed under people in people.yaml  [unknown-person]',
        '7 |     owners: [张伟, 李四]',
        '  |                    ^',
        'data/domains/01-aa.yaml:8:15  error  "区水利局" is a unit in people.yaml, not a person  [unknown-person]',
        '8 |     leaders: [区水利局]',
        '  |               ^',
        '',
        '2 errors, 0 warnings in 5 files',
        '',
      ].join('\n'),
    );
  });

  it('speaks Chinese under --lang zh', async () => {
    const result = await runCli(['check', '--lang', 'zh'], { cwd: fixtureFolder('check/done-without-date') });
    expect(result.stdout.split('\n')[0]).toBe('data/domains/01-aa.yaml:8:13  错误  状态为 done，但没有完成日期（completed）  [done-without-date]');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('5 个文件中有 1 个错误、0 个警告');
  });

  it('takes the language from PLAN_LANG, then from the locale', async () => {
    const cwd = fixtureFolder('check/done-without-date');
    const fromPlanLang = await runCli(['check'], { cwd, env: { PLAN_LANG: 'zh', LANG: 'en_US.UTF-8' } });
    const fromLocale = await runCli(['check'], { cwd, env: { LANG: 'zh_CN.UTF-8' } });
    expect(fromPlanLang.stdout).toContain('错误');
    expect(fromLocale.stdout).toContain('错误');
  });

  it('fails on warnings only under --strict', async () => {
    const cwd = fixtureFolder('check/no-owner');
    expect((await runCli(['check'], { cwd })).code).toBe(0);
    expect((await runCli(['check', '--strict'], { cwd })).code).toBe(1);
  });

  it('writes GitHub Actions annotations under --format github', async () => {
    const result = await runCli(['check', '--format', 'github'], { cwd: fixtureFolder('check/milestone-after-due') });
    expect(result.stdout).toBe(
      "::error file=data/domains/01-aa.yaml,line=15,col=14,title=milestone-after-due::milestone m2 is due 2022-08-31, after its task's due date 2022-06-30\n",
    );
  });

  it('gives the stable JSON fields and nothing else', async () => {
    const result = await runCli(['check', '--format', 'json'], { cwd: fixtureFolder('check/unknown-town') });
    expect(JSON.parse(result.stdout)).toEqual([
      {
        file: 'data/enterprises.yaml',
        line: 6,
        column: 11,
        severity: 'error',
        rule: 'unknown-town',
        message: 'town "不存在镇" is not listed in towns.yaml',
      },
    ]);
  });

  it('colours severities only when asked to, and never under NO_COLOR', async () => {
    const cwd = fixtureFolder('check/done-without-date');
    const tty = await runCli(['check'], { cwd, isTTY: true, env: {} });
    const noColor = await runCli(['check'], { cwd, isTTY: true, env: { NO_COLOR: '1' } });
    const flag = await runCli(['check', '--no-color'], { cwd, isTTY: true, env: {} });
    expect(tty.stdout).toContain('\u001b[31m');
    expect(noColor.stdout).not.toContain('\u001b[');
    expect(flag.stdout).not.toContain('\u001b[');
  });

  it('finds the data folder from --data, then PLAN_DATA, then ./data', async () => {
    const cwd = fixtureFolder('check/no-owner');
    const viaFlag = await runCli(['--data', `${cwd}/data`, 'check', '--format', 'json']);
    const viaEnv = await runCli(['check', '--format', 'json'], { env: { PLAN_DATA: `${cwd}/data` } });
    expect(JSON.parse(viaFlag.stdout)).toHaveLength(1);
    expect(JSON.parse(viaEnv.stdout)).toHaveLength(1);
  });

  it('exits 2 with one line when the data folder does not exist', async () => {
    const result = await runCli(['--data', '/nonexistent/folder', 'check']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'plan: data folder not found: /nonexistent/folder (use --data DIR or set PLAN_DATA)\n',
    });
  });

  it('exits 2 on an unknown option or command', async () => {
    expect((await runCli(['check', '--frobnicate'])).code).toBe(2);
    expect((await runCli(['chek'])).code).toBe(2);
  });
});
