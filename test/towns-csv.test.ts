// The clerk's round trip: export the towns under either language, edit in a spreadsheet (which may
// save GB18030, add a column, or hold a slip), read back with plan town --from.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureFolder, runCli } from './helpers.js';

const NOW = new Date('2022-07-05T04:00:00Z');
const read = (cwd: string) => readFileSync(join(cwd, 'data/towns.yaml'), 'utf8');

/** The export's text, with 高新区's progress cells filled as a clerk would. */
async function exported(cwd: string, lang: 'en' | 'zh', progress: string): Promise<string> {
  const csv = (await runCli(['--lang', lang, 'export', '--format', 'csv', '--kind', 'towns'], { cwd })).stdout;
  return csv.replace('高新区,10,6,,,', `高新区,10,6,${progress}`);
}

describe('towns CSV round trip', () => {
  it.each([['en'], ['zh']] as const)('an export made under %s, edited and read back, writes what was edited and nothing else', async (lang) => {
    const cwd = fixtureFolder();
    const before = read(cwd);
    writeFileSync(join(cwd, 'towns.csv'), await exported(cwd, lang, '2022-06-30,5,3'));
    const r = await runCli(['--lang', lang, 'town', '--from', 'towns.csv'], { cwd, now: NOW });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(read(cwd)).toBe(before.replace('    target_above_scale: 6\n', '    target_above_scale: 6\n    progress:\n      - date: 2022-06-30\n        achieved_total: 5\n        achieved_above_scale: 3\n'));
    // Read back once more: nothing changes.
    const again = await runCli(['--lang', lang, 'town', '--from', 'towns.csv'], { cwd, now: NOW });
    expect(again.code).toBe(0);
    expect(read(cwd)).toBe(before.replace('    target_above_scale: 6\n', '    target_above_scale: 6\n    progress:\n      - date: 2022-06-30\n        achieved_total: 5\n        achieved_above_scale: 3\n'));
  });

  it('reads a CSV saved as GB18030 (WPS, older Excel) like its UTF-8 text', async () => {
    const cwd = fixtureFolder();
    const text = (await exported(cwd, 'zh', '2022-06-30,5,3')).replace(/^\uFEFF/, '');
    writeFileSync(join(cwd, 'towns.csv'), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text }));
    expect(readFileSync(join(cwd, 'towns.csv')).includes(Buffer.from('高新区'))).toBe(false);
    const r = await runCli(['--lang', 'zh', 'town', '--from', 'towns.csv'], { cwd, now: NOW });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(read(cwd)).toContain('achieved_total: 5');
  });

  it('ignores a column the export does not write, and says so', async () => {
    const cwd = fixtureFolder();
    const text = (await exported(cwd, 'zh', '2022-06-30,5,3')).split('\r\n').map((line, i) => (line === '' ? line : `${line},${i === 0 ? '备注' : '已核实'}`)).join('\r\n');
    writeFileSync(join(cwd, 'towns.csv'), text);
    const r = await runCli(['--lang', 'zh', 'town', '--from', 'towns.csv'], { cwd, now: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已忽略“备注”列（导出文件中没有此列）');
    expect(read(cwd)).not.toContain('已核实');
  });

  it.each([
    ['a day that does not exist', 'zh', '2022-6-31,5,3', 'towns.csv:2: “进度日期”列 2022-6-31：这一天不存在（2022年6月只有 30 天）'],
    ['a day that does not exist', 'en', '2022-6-31,5,3', 'towns.csv:2: column "progress_date" 2022-6-31: that day does not exist (2022-06 has 30 days)'],
    ['a count that is no number', 'zh', '2022-06-30,五,3', 'towns.csv:2: “已达标数”列 需要整数，如 12；实为“五”'],
  ])('%s (%s) names the row and the column as the header writes it', async (_name, lang, progress, message) => {
    const cwd = fixtureFolder();
    const before = read(cwd);
    writeFileSync(join(cwd, 'towns.csv'), await exported(cwd, lang as 'en' | 'zh', progress));
    const r = await runCli(['--lang', lang, 'town', '--from', 'towns.csv'], { cwd, now: NOW });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(read(cwd)).toBe(before);
  });

  it('a misspelt town gets the closest name', async () => {
    const cwd = fixtureFolder();
    writeFileSync(join(cwd, 'towns.csv'), (await exported(cwd, 'zh', '2022-06-30,5,3')).replace('高新区', '高新'));
    const r = await runCli(['--lang', 'zh', 'town', '--from', 'towns.csv'], { cwd, now: NOW });
    expect(r.stderr).toBe('plan: towns.csv:2: 没有镇街（园区）“高新”（最接近的：高新区）\n');
  });

  it('a count that falls needs --force, and says so; with --force it is recorded', async () => {
    const cwd = fixtureFolder();
    writeFileSync(join(cwd, 'towns.csv'), await exported(cwd, 'zh', '2022-06-30,9,3'));
    expect((await runCli(['town', '--from', 'towns.csv'], { cwd, now: NOW })).code).toBe(0);
    const recorded = read(cwd);
    writeFileSync(join(cwd, 'towns.csv'), (await exported(cwd, 'zh', '2022-06-30,9,3')).replace('高新区,10,6,2022-06-30,9,3', '高新区,10,6,2022-07-01,5,3'));
    const refused = await runCli(['--lang', 'zh', 'town', '--from', 'towns.csv'], { cwd, now: NOW });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('plan: towns.csv:2: 高新区：2022-07-01 的已达标数 5 少于 2022-06-30 记录的 9；数字减少多为笔误：请改正，确属企业失去达标资格的，加 --force\n');
    expect(read(cwd)).toBe(recorded);
    // The same from the command line.
    const one = await runCli(['town', '高新区', '--achieved', '5', '--on', '2022-07-01'], { cwd, now: NOW });
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/5 standardized on 2022-07-01 is fewer than the 9 recorded on 2022-06-30/);
    expect((await runCli(['town', '--from', 'towns.csv', '--force'], { cwd, now: NOW })).code).toBe(0);
    expect(read(cwd)).toContain('- date: 2022-07-01\n        achieved_total: 5');
  });

  it('a Chinese header missing a column names it in Chinese', async () => {
    const cwd = fixtureFolder();
    const text = (await exported(cwd, 'zh', '2022-06-30,5,3')).replace('其中规上已达标数', '备注');
    writeFileSync(join(cwd, 'towns.csv'), text);
    const r = await runCli(['--lang', 'zh', 'town', '--from', 'towns.csv'], { cwd, now: NOW });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/towns\.csv:1: .*；缺少：其中规上已达标数\n$/);
  });
});
