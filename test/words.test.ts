// The words a clerk types where the program has a code: choices in Chinese, parts of a unit's name,
// ids without their zero, and `plan help COMMAND`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { choiceFor } from '../src/input/choice-words.js';
import { canonicalId } from '../src/input/ids.js';
import { fixtureFolder, runCli } from './helpers.js';

const zh = { env: { LANG: 'zh_CN.UTF-8' } };

describe('Chinese words for the choices of options and arguments', () => {
  it.each([
    ['单位', ['person', 'unit'], 'unit'],
    ['人员', ['person', 'unit'], 'person'],
    ['镇街', ['tasks', 'enterprises', 'towns'], 'towns'],
    ['企业', ['tasks', 'enterprises', 'towns'], 'enterprises'],
    ['事项', ['tasks', 'enterprises', 'towns'], 'tasks'],
    ['Word', ['text', 'markdown', 'json', 'html', 'docx'], 'docx'],
    ['JSON', ['text', 'json'], 'json'],
    ['中文', ['zh', 'en'], 'zh'],
    ['镇街', ['person', 'unit'], undefined],
  ])('%s among %j is %s', (typed, choices, code) => expect(choiceFor(typed, choices)).toBe(code));

  it('plan rename 单位, export --kind 镇街 and --format Word work as their codes', async () => {
    const cwd = fixtureFolder();
    expect((await runCli(['rename', '单位', '区水利局', '区水务局', '--dry-run'], { cwd })).code).toBe(0);
    const csv = await runCli(['export', '--format', 'csv', '--kind', '镇街'], { cwd });
    expect(csv.stdout).toBe((await runCli(['export', '--format', 'csv', '--kind', 'towns'], { cwd })).stdout);
    const wrong = await runCli(['export', '--format', 'csv', '--kind', '人员'], { ...zh, cwd });
    expect(wrong.stderr).toBe('plan: 选项 --kind 的值“人员”无效：可选 tasks、enterprises、towns\n');
  });
});

describe('a part of one name only', () => {
  it('plan owner 水利局 is 区水利局, and says so; a part of several names is refused with them', async () => {
    const cwd = fixtureFolder();
    const byPart = await runCli(['owner', '水利局', '--as-of', '2022-06-30', '--format', 'json'], { cwd });
    const whole = await runCli(['owner', '区水利局', '--as-of', '2022-06-30', '--format', 'json'], { cwd });
    expect(byPart.stdout).toBe(whole.stdout);
    expect(byPart.stderr).toBe('plan: "水利局" taken as 区水利局, the one name that holds it\n');
    const units = await runCli(['tasks', '--unit', '水利局', '--as-of', '2022-06-30', '--format', 'json'], { cwd });
    expect(JSON.parse(units.stdout).items).toEqual(JSON.parse((await runCli(['tasks', '--unit', '区水利局', '--as-of', '2022-06-30', '--format', 'json'], { cwd })).stdout).items);
    const other = fixtureFolder();
    const people = join(other, 'data', 'people.yaml');
    writeFileSync(people, readFileSync(people, 'utf8').replace('  - name: 各镇街\n', '  - name: 各镇街\n  - name: 市水利局\n'));
    const several = await runCli(['owner', '水利局'], { cwd: other });
    expect([several.code, several.stderr]).toEqual([2, 'plan: "水利局" is part of several names: 区水利局、市水利局; give one of them\n']);
  });
});

describe('ids as typed', () => {
  it.each([
    ['fx-19@2022-w1', 'FX-19@2022-W01'],
    ['ZH-07@2022-6', 'ZH-07@2022-06'],
    ['FX-19@2022-W12', 'FX-19@2022-W12'],
    ['zh-02@2022-q2', 'ZH-02@2022-Q2'],
    ['GM-A04/m1', 'GM-A04/M1'],
  ])('%s is %s', (typed, id) => expect(canonicalId(typed)).toBe(id));

  it('plan show and plan done take a week without its zero', async () => {
    const cwd = fixtureFolder();
    const shown = await runCli(['show', 'AA-03@2022-q2', '--as-of', '2022-06-30'], { cwd });
    expect(shown.code).toBe(0);
    const bundled = await runCli(['show', 'FX-19@2022-W1', '--as-of', '2022-06-30']);
    expect(bundled.code).toBe(0);
    expect(bundled.stdout).toContain('FX-19@2022-W01');
  });
});

describe('plan help', () => {
  it('plan help status is plan status --help; plan help alone lists the commands', async () => {
    expect((await runCli(['help', 'status'])).stdout).toBe((await runCli(['status', '--help'])).stdout);
    expect((await runCli(['help'])).stdout).toBe((await runCli(['--help'])).stdout);
  });
});

describe('plan check, read by a person', () => {
  it('prints errors first, then warnings; more than 20 of one rule are the first 3 and a count, all with --all-warnings', async () => {
    const cwd = fixtureFolder();
    const domain = join(cwd, 'data', 'domains', '01-aa.yaml');
    // 25 tasks without an owner (warnings), then one unknown unit (an error) at the end of the file.
    const extra = Array.from({ length: 25 }, (_, i) => `  - id: AA-${String(i + 10)}\n    title: 任务${i}\n    text: 任务${i}。\n`).join('');
    writeFileSync(domain, `${readFileSync(domain, 'utf8')}${extra}  - id: AA-99\n    title: 最后\n    text: 最后。\n    units: [区水务局]\n`);
    const r = await runCli(['check'], { cwd });
    expect(r.code).toBe(1);
    const located = r.stdout.split('\n').filter((l) => /^data\//.test(l));
    expect(located[0]).toMatch(/ error .*\[unknown-unit\]$/);
    expect(located.slice(1).every((l) => / warning /.test(l))).toBe(true);
    expect(located.filter((l) => l.endsWith('[no-owner]'))).toHaveLength(3);
    expect(r.stdout).toContain('… and 22 more warnings [no-owner] (plan check --all-warnings lists them)\n');
    expect(r.stdout).toMatch(/1 error, 25 warnings in 5 files\n$/);
    const all = await runCli(['check', '--all-warnings'], { cwd });
    expect(all.stdout.split('\n').filter((l) => l.endsWith('[no-owner]'))).toHaveLength(25);
    expect(all.stdout).not.toContain('more warnings');
  });
});

describe('a Chinese word where the data file wants a code', () => {
  it.each([
    ['    status: 已完成', 'must be one of todo, doing, done, blocked, cancelled, found "已完成"; write done, the code for "已完成"'],
    ['    status: 进行中', 'write doing, the code for "进行中"'],
    ['    status: Done', 'write done, the code for "Done"'],
  ])('%s is refused with the code to write', async (line, message) => {
    const cwd = fixtureFolder();
    const domain = join(cwd, 'data', 'domains', '01-aa.yaml');
    writeFileSync(domain, readFileSync(domain, 'utf8').replace('    owners: [张伟]\n    leaders: [王芳]\n', `    owners: [张伟]\n    leaders: [王芳]\n${line}\n`));
    const r = await runCli(['check'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(message);
  });

  it('says it in Chinese too', async () => {
    const cwd = fixtureFolder();
    const domain = join(cwd, 'data', 'domains', '01-aa.yaml');
    writeFileSync(domain, readFileSync(domain, 'utf8').replace('    owners: [张伟]\n    leaders: [王芳]\n', '    owners: [张伟]\n    leaders: [王芳]\n    status: 受阻\n'));
    expect((await runCli(['check'], { ...zh, cwd })).stdout).toContain('；请写 blocked（即“受阻”）');
  });
});
