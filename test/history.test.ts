// History kept as history: every change of a task's status is dated, a report shows what was
// recorded by its date, and a submitted report is kept, reproduced byte for byte and compared.
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusOn } from '../src/model/history.js';
import { checkJson, fixtureFolder, ROOT, runCli } from './helpers.js';

/** A copy of the bundled data, as a clerk would start from; returns the folder to run in. */
function bundledCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'plan-history-'));
  cpSync(join(ROOT, 'data'), join(root, 'data'), { recursive: true });
  return root;
}

const zh = { LANG: 'zh_CN.UTF-8', PLAN_CACHE: '0' };
const at = (day: string) => new Date(`${day}T04:00:00Z`);

async function plan(cwd: string, day: string, ...args: string[]) {
  return runCli(args, { cwd, env: zh, now: at(day) });
}

describe('statusOn folds a history up to a day', () => {
  const history = [
    { date: '2022-03-01', status: 'doing' as const },
    { date: '2022-06-10', status: 'blocked' as const, reason: '等待市级资金下达' },
    { date: '2022-07-12', status: 'doing' as const },
    { date: '2022-08-01', status: 'done' as const },
    { date: '2022-09-01', status: 'cancelled' as const, reason: '并入新任务' },
  ];

  it('is to do before the first change, and each change holds from its own day', () => {
    expect(statusOn(history, '2022-02-28')).toEqual({ status: 'todo', started: undefined, completed: undefined, since: undefined, reason: undefined });
    expect(statusOn(history, '2022-03-01').status).toBe('doing');
    expect(statusOn(history, '2022-06-09').status).toBe('doing');
    expect(statusOn(history, '2022-06-10')).toEqual({ status: 'blocked', started: '2022-03-01', completed: undefined, since: '2022-06-10', reason: '等待市级资金下达' });
    expect(statusOn(history, '2022-07-12')).toEqual({ status: 'doing', started: '2022-03-01', completed: undefined, since: undefined, reason: undefined });
  });

  it('keeps a completion through a later cancellation, and loses it to a reopen', () => {
    expect(statusOn(history, '2022-09-30')).toEqual({ status: 'cancelled', started: '2022-03-01', completed: '2022-08-01', since: '2022-09-01', reason: '并入新任务' });
    const reopened = [...history.slice(0, 4), { date: '2022-08-05', status: 'todo' as const }];
    expect(statusOn(reopened, '2022-08-05')).toEqual({ status: 'todo', started: undefined, completed: undefined, since: undefined, reason: undefined });
  });
});

describe("the clerk's June and July, on a copy of the bundled data", () => {
  it('dates the block, keeps its reason apart from notes, and reproduces the submitted June report', async () => {
    const cwd = bundledCopy();
    expect((await plan(cwd, '2022-06-10', 'block', 'FX-04', '--reason', '等待市级资金下达', '--on', '2022-06-10')).code).toBe(0);
    expect((await plan(cwd, '2022-06-18', 'note', 'FX-04', '已报区财政局', '--on', '2022-06-18')).code).toBe(0);

    // June 5: not blocked yet, and May's report lists no block.
    const june5 = JSON.parse((await plan(cwd, '2022-07-01', 'show', 'FX-04', '--as-of', '2022-06-05', '--format', 'json')).stdout);
    expect([june5.status, june5.blocked, june5.item.state]).toEqual(['todo', null, 'open']);
    const may = JSON.parse((await plan(cwd, '2022-07-01', 'report', '--month', '2022-05', '--format', 'json')).stdout);
    expect(may.blocked).toEqual([]);

    // June: blocked since 06-10 for the reason given with the block; the later note is progress, not the reason.
    const submitted = await plan(cwd, '2022-07-05', 'report', '--month', '2022-06', '--submit');
    expect(submitted.code).toBe(0);
    expect(submitted.stderr).toContain('2022-06 的报告已于 2022-07-05 报送');
    expect(submitted.stdout).toContain('FX-04  扎实推进水库除险加固  区水利局、各镇街  2022-12-31*  2022-06-10  等待市级资金下达');
    expect(submitted.stdout).toContain('本月进展：FX-04（2022-06-18）已报区财政局');
    expect(readFileSync(join(cwd, 'data/submitted/2022-06.txt'), 'utf8')).toBe(submitted.stdout);

    // July: the block lifted, work started, 汛期 dated.
    expect((await plan(cwd, '2022-07-12', 'unblock', 'FX-04', '--on', '2022-07-12')).stdout).toContain('FX-04 状态改为 未开始，自 2022-07-12 起');
    expect((await plan(cwd, '2022-07-12', 'start', 'FX-04', '--on', '2022-07-12')).code).toBe(0);
    expect((await plan(cwd, '2022-07-15', 'season', '汛期', '--from', '2022-05-01', '--to', '2022-09-30')).code).toBe(0);

    const june = JSON.parse((await plan(cwd, '2022-07-20', 'report', '--month', '2022-06', '--format', 'json')).stdout);
    expect(june.blocked.map((b: { id: string; since: string; reason: string }) => [b.id, b.since, b.reason])).toEqual([['FX-04', '2022-06-10', '等待市级资金下达']]);
    expect(june.corrections.submitted_on).toBe('2022-07-05');
    expect(june.corrections.items.map((c: { id: string; cause: { kind: string } }) => [c.id, c.cause.kind])).toEqual([
      ['FX-16', 'season'],
      ['FX-17', 'season'],
    ]);
    expect(june.corrections.figures.map((f: { name: string; said: string; now: string }) => `${f.name} ${f.said}→${f.now}`)).toEqual([
      'overdue 22→23',
      'not_yet_due 238→237',
      'on_time 0/22→0/23',
      'still_overdue 13→14',
    ]);

    const now = await plan(cwd, '2022-07-20', 'report', '--month', '2022-06');
    expect(now.stdout).toContain('十三、更正说明\n本报告已于 2022-07-05 报送（统计至 2022-06-30）。');
    expect(now.stdout).toContain('汛期日期已录入（2022-05-01 至');
    const fx16 = june.corrections.items[0];
    expect([fx16.said.state, fx16.said.due, fx16.now.state, fx16.now.due, fx16.cause]).toEqual(['open', '2022-12-31', 'overdue', '2022-04-30', { kind: 'season', name: '汛期', from: '2022-05-01', to: '2022-09-30' }]);
    const asSubmitted = await plan(cwd, '2022-10-08', 'report', '--month', '2022-06', '--as-submitted');
    expect(asSubmitted.stdout).toBe(submitted.stdout);
    const figures = await plan(cwd, '2022-10-08', 'report', '--month', '2022-06', '--as-submitted', '--format', 'json');
    expect(JSON.parse(figures.stdout).totals.overdue).toBe(22);
    expect(JSON.parse(figures.stdout).corrections).toBeNull();
  });

  it('lists in progress tasks with their latest note of the month, and shows the recorded status in plan tasks', async () => {
    const cwd = bundledCopy();
    await plan(cwd, '2022-06-01', 'start', 'GM-03', '--on', '2022-06-01');
    await plan(cwd, '2022-06-20', 'note', 'GM-03', '已起草方案', '--on', '2022-06-20');
    await plan(cwd, '2022-07-28', 'note', 'FX-19@2022-W30', '各镇街已排查', '--on', '2022-07-28');
    const june = JSON.parse((await plan(cwd, '2022-07-01', 'report', '--month', '2022-06', '--format', 'json')).stdout);
    expect(june.figures.in_progress).toBe(1);
    expect(june.in_progress.map((i: { id: string; started: string; notes: { text: string }[] }) => [i.id, i.started, i.notes.map((n) => n.text)])).toEqual([['GM-03', '2022-06-01', ['已起草方案']]]);
    const july = await plan(cwd, '2022-08-01', 'report', '--month', '2022-07');
    expect(july.stdout).toContain('本月进展：FX-19@2022-W30（2022-07-28）各镇街已排查');
    const tasks = await plan(cwd, '2022-07-01', 'tasks', '--status', '进行中', '--as-of', '2022-06-30');
    expect(tasks.stdout.split('\n')[1]).toMatch(/^GM-03 .* 未到期（进行中） +-184$/);
  });
});

describe('the monthly lists follow one rule', () => {
  it('never counts a completion of an occurrence due before the notice as done this month', async () => {
    const cwd = bundledCopy();
    // FM-07's April report was due 4月5日, before the notice of 2022-04-06: not asked for.
    expect((await plan(cwd, '2022-06-10', 'done', 'FM-07@2022-04', '--on', '2022-06-10')).code).toBe(0);
    const june = JSON.parse((await plan(cwd, '2022-07-01', 'report', '--month', '2022-06', '--format', 'json')).stdout);
    expect([june.figures.completed, june.completed, june.totals.before_notice]).toEqual([0, [], 31]);
  });

  it('lists a blocked item past its due date under still overdue from earlier months, saying it is blocked', async () => {
    const cwd = bundledCopy();
    // JY-05 was due 5月底; blocked from 6月1日.
    expect((await plan(cwd, '2022-06-01', 'block', 'JY-05', '--reason', '等待联席单位回复', '--on', '2022-06-01')).code).toBe(0);
    const july = JSON.parse((await plan(cwd, '2022-08-01', 'report', '--month', '2022-07', '--format', 'json')).stdout);
    expect(july.still_overdue.filter((i: { id: string }) => i.id === 'JY-05').map((i: { state: string; days_late: number }) => [i.state, i.days_late])).toEqual([['blocked', 61]]);
    expect(july.blocked.map((i: { id: string }) => i.id)).toEqual(['JY-05']);
    const text = (await plan(cwd, '2022-08-01', 'report', '--month', '2022-07')).stdout;
    expect(text).toMatch(/JY-05 +召开应急救援联动联席会议 +未明确 +2022-05-31 +受阻 61 天/);
  });
});

describe('cancel, unblock and notes corrected or withdrawn', () => {
  it('writes each change as a dated history entry with the status fields it gives', async () => {
    const cwd = fixtureFolder();
    const file = join(cwd, 'data/domains/01-aa.yaml');
    expect((await plan(cwd, '2022-06-30', 'start', 'AA-01', '--on', '2022-05-02')).code).toBe(0);
    expect((await plan(cwd, '2022-06-30', 'block', 'AA-01', '--reason', '等待资金', '--on', '2022-06-01')).code).toBe(0);
    expect((await plan(cwd, '2022-06-30', 'unblock', 'AA-01', '--on', '2022-06-20')).stdout).toContain('AA-01 状态改为 进行中，自 2022-06-20 起');
    expect((await plan(cwd, '2022-06-30', 'cancel', 'AA-01', '--reason', '并入其他任务', '--on', '2022-06-25')).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(
      [
        '    status: cancelled',
        '    started: 2022-05-02',
        '    history:',
        '      - date: 2022-05-02',
        '        status: doing',
        '      - date: 2022-06-01',
        '        status: blocked',
        '        reason: 等待资金',
        '      - date: 2022-06-20',
        '        status: doing',
        '      - date: 2022-06-25',
        '        status: cancelled',
        '        reason: 并入其他任务',
      ].join('\n'),
    );
    expect((await checkJson(cwd)).code).toBe(0);
    const show = JSON.parse((await plan(cwd, '2022-06-30', 'show', 'AA-01', '--as-of', '2022-06-10', '--format', 'json')).stdout);
    expect([show.status, show.blocked, show.history.length]).toEqual(['blocked', { date: '2022-06-01', reason: '等待资金' }, 2]);
  });

  it('refuses what would leave the history wrong, and changes no file', async () => {
    const cwd = fixtureFolder('progress');
    const file = join(cwd, 'data/domains/02-bb.yaml');
    const before = readFileSync(file, 'utf8');
    const notBlocked = await plan(cwd, '2022-06-30', 'unblock', 'BB-01', '--on', '2022-06-20');
    expect([notBlocked.code, notBlocked.stderr]).toEqual([2, 'plan: BB-01 未处于受阻状态（现为已完成），无需解除\n']);
    expect(readFileSync(file, 'utf8')).toBe(before);
    // BB-03 is blocked from 06-01: a change dated before that is refused, and so is a second block.
    const earlier = await plan(cwd, '2022-06-30', 'unblock', 'BB-03', '--on', '2022-05-20');
    expect(earlier.code).toBe(2);
    expect(earlier.stderr).toContain('BB-03：2022-05-20 早于其最近一次状态变更（2022-06-01，受阻）');
    const again = await plan(cwd, '2022-06-30', 'block', 'BB-03', '--reason', '另一原因', '--on', '2022-06-05');
    expect(again.stderr).toBe('plan: BB-03 自 2022-06-01 起已是受阻；如要替换该记录，请加 --force\n');
  });

  it('goes ahead on a status written without a date, and says it could not keep it', async () => {
    const cwd = fixtureFolder('progress');
    // BB-04 was cancelled by hand, without a date.
    const result = await plan(cwd, '2022-06-30', 'reopen', 'BB-04', '--on', '2022-06-20');
    expect(result.stdout).toBe(
      'BB-04 已于 2022-06-20 重新打开（data/domains/02-bb.yaml）\n  注意：BB-04 原记录为已取消但没有日期，状态记录中无法保留；如需保留，请先补录：plan cancel BB-04 --on 日期 --reason …\n',
    );
    expect(readFileSync(join(cwd, 'data/domains/02-bb.yaml'), 'utf8')).toContain('    owners: [王芳]\n    history:\n      - date: 2022-06-20\n        status: todo\n');
    // A cancellation with a date is what it asks for: that replaces the undated one, with nothing to say.
    const dated = fixtureFolder('progress');
    expect((await plan(dated, '2022-06-30', 'cancel', 'BB-04', '--reason', '任务调整', '--on', '2022-05-01')).stdout).toBe('BB-04 状态改为 已取消，自 2022-05-01 起（data/domains/02-bb.yaml）\n');
  });

  it('corrects and withdraws a note by its date, and no other', async () => {
    const cwd = fixtureFolder('progress');
    const file = join(cwd, 'data/domains/02-bb.yaml');
    const corrected = await plan(cwd, '2022-06-30', 'note', 'BB-03', '等待省级文件', '--on', '2022-06-01', '--replace');
    expect(corrected.stdout).toBe('BB-03：2022-06-01 的备注已更正（原为：等待上级文件）（data/domains/02-bb.yaml）\n');
    expect(readFileSync(file, 'utf8')).toContain('      - date: 2022-06-01\n        text: 等待省级文件\n');
    const none = await plan(cwd, '2022-06-30', 'note', 'BB-03', '--on', '2022-06-02', '--withdraw');
    expect([none.code, none.stderr]).toEqual([2, 'plan: BB-03 没有 2022-06-02 的备注；plan show BB-03 可列出其全部备注\n']);
    const withdrawn = await plan(cwd, '2022-06-30', 'note', 'BB-03', '--on', '6月1日', '--withdraw');
    expect(withdrawn.code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('等待省级文件');
    expect((await checkJson(cwd)).code).toBe(0);
  });
});

describe('plan check on histories and submissions', () => {
  it('says how to date a status written without a date', async () => {
    const cwd = fixtureFolder('progress');
    const { rows } = await checkJson(cwd);
    expect(rows.filter((r) => r.rule === 'undated-status').map((r) => [r.line, r.message])).toEqual([
      [56, 'status cancelled has no date, so it shows at every as-of date; date it with plan cancel BB-04 --on DATE --reason …, or add history: [{date: …, status: cancelled}]'],
    ]);
    const file = join(cwd, 'data/domains/02-bb.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('    status: blocked\n    history:\n      - date: 2022-06-01\n        status: blocked\n        reason: 等待上级文件\n', '    status: blocked\n'));
    expect((await checkJson(cwd)).rows.filter((r) => r.rule === 'undated-status').map((r) => [r.line, r.message])).toEqual([
      [44, 'status blocked has no date, so it shows at every as-of date; date it with plan block BB-03 --on DATE --reason …, or add history: [{date: …, status: blocked}]'],
      [52, 'status cancelled has no date, so it shows at every as-of date; date it with plan cancel BB-04 --on DATE --reason …, or add history: [{date: …, status: cancelled}]'],
    ]);
  });

  it('finds a history out of order, and a status that says otherwise', async () => {
    const cwd = fixtureFolder();
    const file = join(cwd, 'data/domains/01-aa.yaml');
    const text = readFileSync(file, 'utf8').replace(
      '    title: 召开现场会\n',
      '    title: 召开现场会\n    status: doing\n    history:\n      - date: 2022-06-01\n        status: blocked\n      - date: 2022-05-01\n        status: doing\n',
    );
    writeFileSync(file, text);
    const { code, rows } = await checkJson(cwd);
    expect(code).toBe(1);
    expect(rows.filter((r) => r.rule === 'history').map((r) => r.message)).toEqual(['history is out of date order: 2022-05-01 comes after 2022-06-01; list the changes oldest first']);
    writeFileSync(file, text.replace('2022-05-01\n        status: doing', '2022-07-01\n        status: done'));
    const disagree = await checkJson(cwd);
    expect(disagree.rows.filter((r) => r.rule === 'history').map((r) => r.message)).toEqual([
      'status says doing, but the history (last change 2022-07-01) gives done; write done, or correct the history',
    ]);
  });

  it('catches a submitted report changed afterwards, file by file', async () => {
    const cwd = fixtureFolder('progress');
    expect((await runCli(['report', '--month', '2022-06', '--submit'], { cwd, now: at('2022-07-02') })).code).toBe(0);
    expect((await checkJson(cwd)).rows.filter((r) => r.rule === 'submitted-report')).toEqual([]);
    const text = join(cwd, 'data/submitted/2022-06.txt');
    const json = join(cwd, 'data/submitted/2022-06.json');
    const sent = readFileSync(text, 'utf8');
    writeFileSync(text, sent.replace('Blocked (1)', 'Blocked (0)'));
    let result = await checkJson(cwd);
    expect(result.code).toBe(1);
    expect(result.rows.filter((r) => r.rule === 'submitted-report').map((r) => [r.file, r.line])).toEqual([['data/submitted/2022-06.txt', 1]]);
    writeFileSync(text, sent);
    const figures = readFileSync(json, 'utf8');
    writeFileSync(json, figures.replace('"overdue": 2,', '"overdue": 1,'));
    result = await checkJson(cwd);
    expect(result.rows.filter((r) => r.rule === 'submitted-report').map((r) => r.file)).toEqual(['data/submitted/2022-06.json']);
    const refused = await runCli(['report', '--month', '2022-06', '--as-submitted'], { cwd, now: at('2022-07-02') });
    expect(refused.code).toBe(1);
    writeFileSync(json, figures);
    rmSync(text);
    result = await checkJson(cwd);
    expect(result.rows.filter((r) => r.rule === 'submitted-report').map((r) => r.message)).toEqual([
      'data/submitted/2022-06.txt: a submitted report needs both its files (.json and .txt); restore the missing one from git',
    ]);
  });

  it('refuses a second submission of a month without --force, and --as-submitted of a month never submitted', async () => {
    const cwd = fixtureFolder('progress');
    await runCli(['report', '--month', '2022-06', '--submit'], { cwd, now: at('2022-07-02') });
    const again = await runCli(['report', '--month', '2022-06', '--submit'], { cwd, now: at('2022-07-03') });
    expect([again.code, again.stderr]).toEqual([2, 'plan: the report of 2022-06 was submitted already; --force replaces it (the earlier one stays in git)\n']);
    const never = await runCli(['report', '--month', '2022-05', '--as-submitted'], { cwd, now: at('2022-07-03') });
    expect([never.code, never.stderr]).toEqual([2, 'plan: the report of 2022-05 has not been submitted (plan report --month 2022-05 --submit keeps one)\n']);
  });
});

describe('the Chinese guide', () => {
  const guide = readFileSync(join(ROOT, 'README.zh-CN.md'), 'utf8');

  it('shows what each example prints, run in order on a copy of the bundled data (on 2022-07-20), and lines of the corrected June report as printed', async () => {
    const cwd = bundledCopy();
    const examples = [...guide.matchAll(/^\$ plan ([^\n]* --lang zh)\n((?:(?!\$|```)[^\n]*\n)*)/gm)];
    expect(examples.length).toBe(7);
    for (const [, command, shown] of examples) {
      const result = await runCli(command!.split(' '), { cwd, now: at('2022-07-20') });
      expect(`$ plan ${command}\n${result.stdout}${result.stderr}`).toBe(`$ plan ${command}\n${shown}`);
    }
    const report = (await runCli(['report', '--month', '2022-06', '--lang', 'zh'], { cwd, now: at('2022-07-20') })).stdout.split('\n');
    const start = guide.indexOf('```text\n') + '```text\n'.length;
    const excerpt = guide.slice(start, guide.indexOf('```', start)).split('\n').filter((line) => line !== '…' && line !== '');
    expect(excerpt.length).toBeGreaterThan(10);
    expect(excerpt.filter((line) => !report.includes(line))).toEqual([]);
  });
});
