import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, fixtureFolder } from './helpers.js';

/** Runs the built binary as a user would. */
function plan(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; bin?: string } = {}) {
  const result = spawnSync(process.execPath, [options.bin ?? `${ROOT}bin/plan.cjs`, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the plan binary', () => {
  it('prints its version', () => {
    const result = plan(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('checks the bundled data and exits 0', () => {
    const result = plan(['check']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('exits 1 with positions and no stack trace on broken data', () => {
    const result = plan(['check'], { cwd: fixtureFolder('check/yaml-syntax') });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('data/domains/01-aa.yaml:6:6  error');
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  });

  it('does not colour output to a pipe', () => {
    const result = plan(['check'], { cwd: fixtureFolder('check/done-without-date') });
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('exits 2 on a usage error', () => {
    const result = plan(['check', '--format', 'xml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'xml' is invalid");
  });

  it('shows the 3月30日 and 5月底 deadlines of the bundled plan as overdue at the end of June, later ones not', () => {
    const result = plan(['status', '--as-of', '2022-06-30', '--all'], { env: { PLAN_CACHE: '0' } });
    expect(result.code).toBe(0);
    const [overdue, rest] = result.stdout.split('Due within 14 days');
    for (const id of ['GM-A04/m1', 'ZH-05/m1', 'JY-05']) expect(overdue).toMatch(new RegExp(`\\n${id.replace('/', '\\/')}\\s`));
    expect(rest).toMatch(/\nFM-17\s+重点抓一线员工责任/);
    for (const id of ['ZH-05/m2', 'ZH-05 ', 'GM-03 ']) expect(overdue).not.toContain(`\n${id}`);
  });

  it('writes the complete monthly report of the bundled plan, in Chinese', () => {
    const result = plan(['report', '--month', '2022-06', '--lang', 'zh']);
    expect(result.code).toBe(0);
    const headings = result.stdout.split('\n').filter((line) => /^[一二三四五六七八九十]+、/.test(line));
    expect(headings.map((h) => h.replace(/（.*/, ''))).toEqual([
      '一、总体情况',
      '二、本月完成事项',
      '三、本月新增逾期事项',
      '四、前期逾期仍未完成事项',
      '五、受阻事项',
      '六、进行中事项',
      '七、本月剩余时间内到期事项',
      '八、下月到期事项',
      '九、责任人及责任单位落实情况',
      '十、安全生产标准化创建进展',
      '十一、主要指标完成情况',
      '十二、说明',
    ]);
    expect(result.stdout.split('\n')[0]).toBe('2022年6月工作要点落实情况报告');
  });

  it('gives the same answer from the cache as without it, and notices an edit at once', () => {
    const cwd = fixtureFolder('progress');
    const cacheDir = join(cwd, 'cache');
    const env = { PLAN_CACHE_DIR: cacheDir };
    const first = plan(['status', '--as-of', '2022-06-30'], { cwd, env });
    const cached = plan(['status', '--as-of', '2022-06-30'], { cwd, env });
    const uncached = plan(['status', '--as-of', '2022-06-30'], { cwd, env: { PLAN_CACHE: '0' } });
    expect(readdirSync(cacheDir)).toHaveLength(1);
    expect(cached.stdout).toBe(first.stdout);
    expect(cached.stdout).toBe(uncached.stdout);
    const file = join(cwd, 'data/domains/01-aa.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: 召开现场会', 'title: 召开推进会'));
    const edited = plan(['status', '--as-of', '2022-06-30'], { cwd, env });
    expect(edited.stdout).toContain('召开推进会');
    expect(edited.stdout).not.toContain('召开现场会');
  });

  it('ignores a damaged cache entry, answers from the data and writes a sound entry again', () => {
    const cwd = fixtureFolder('progress');
    const cacheDir = join(cwd, 'cache');
    const env = { PLAN_CACHE_DIR: cacheDir };
    const first = plan(['status', '--as-of', '2022-06-30'], { cwd, env });
    const [entry] = readdirSync(cacheDir);
    const path = join(cacheDir, entry!);
    const sound = readFileSync(path);
    for (const damage of [sound.subarray(0, sound.length >> 1), Buffer.from('not a cache entry'), Buffer.alloc(0)]) {
      writeFileSync(path, damage);
      const again = plan(['status', '--as-of', '2022-06-30'], { cwd, env });
      expect(again).toEqual(first);
      expect(readFileSync(path).equals(sound)).toBe(true);
    }
  });

  it('says in one line, exit 2, that the program is not built when dist/ is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-unbuilt-'));
    cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
    const result = plan(['status'], { bin: join(dir, 'bin/plan.cjs') });
    expect(result).toEqual({ code: 2, stdout: '', stderr: `plan: ${join(dir, 'dist/cli.cjs')} is missing: run \`npm run build\` (npm ci runs it too)\n` });
  });

  it('starts from the compiled code the build saved: V8 accepts it for this bundle and this Node', () => {
    const probe = `const { script } = require(${JSON.stringify(join(ROOT, 'bin/plan.cjs'))}).loadBundle(); console.log(script.cachedDataRejected);`;
    const result = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(result.stdout).toBe('false\n');
  });

  it('runs the same, only slower, when the compiled-code cache is missing or does not fit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-code-cache-'));
    cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
    const bin = join(dir, 'bin/plan.cjs');
    const args = ['status', '--as-of', '2022-06-30'];
    const expected = plan(args, { env: { PLAN_CACHE: '0' } });
    expect(expected.code).toBe(0);
    writeFileSync(join(dir, 'dist/cli.cjs.cache'), Buffer.alloc(4096, 7));
    expect(plan(args, { bin, env: { PLAN_CACHE: '0' } })).toEqual(expected);
    writeFileSync(join(dir, 'dist/cli.cjs.cache'), '');
    expect(plan(args, { bin, env: { PLAN_CACHE: '0' } })).toEqual(expected);
  });
});
