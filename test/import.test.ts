import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runCli } from './helpers.js';

const SEED = join(ROOT, 'seeds', '000_533c23a88db487e8.txt');
/** The notices written for testing (test/fixtures/notices/NAME/notice.txt, each with its expected folder). */
const NOTICES = existsSync(join(FIXTURES, 'notices')) ? readdirSync(join(FIXTURES, 'notices')).filter((n) => existsSync(join(FIXTURES, 'notices', n, 'notice.txt'))) : [];

interface Figure {
  agree: number;
  of: number;
}
/** As --format json writes it (keys in snake_case). */
interface Comparison {
  tasks: Figure;
  numbers: Figure;
  dates: Figure;
  dated_only: Figure;
  owners: Figure;
  owned_only: Figure;
  targets: Figure;
  extra_targets: number;
  roster: Figure;
  towns: Figure;
  disagreements: string[];
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'plan-import-'));
}

async function importTo(notice: string, expected?: string, extra: string[] = []): Promise<{ out: string; code: number; json: { tasks: number; review: { kind: string; line: number; text: string }[]; comparison?: Comparison } }> {
  const out = join(tmp(), 'draft');
  const r = await runCli(['import', notice, '--out', out, '--format', 'json', ...(expected ? ['--compare', expected] : []), ...extra]);
  expect(r.stderr).toBe('');
  return { out, code: r.code, json: JSON.parse(r.stdout) };
}

const share = (f: Figure) => (f.of === 0 ? 1 : f.agree / f.of);

/** Every "第N行「words」" comment of the draft names words that stand on that line of the notice. */
function checkTraces(out: string, notice: string): number {
  const lines = readFileSync(notice, 'utf8').split(/\r?\n/).map((l) => l.replace(/\s+/g, ' '));
  const files = ['plan.yaml', 'people.yaml', ...readdirSync(join(out, 'domains')).map((n) => join('domains', n))];
  let checked = 0;
  for (const file of files) {
    for (const m of readFileSync(join(out, file), 'utf8').matchAll(/第(\d+)行「([^」]*)」/g)) {
      const line = Number(m[1]);
      const parts = m[2]!.split('、');
      // A list of dates (milestones) may run over the task's following lines.
      expect(lines[line - 1], `${file}: line ${line} should hold "${parts[0]}"`).toContain(parts[0]!.split(' ')[0]);
      for (const part of parts) expect(lines.slice(line - 1, line + 20).join('\n'), `${file}: "${part}" near line ${line}`).toContain(part);
      checked++;
    }
  }
  return checked;
}

describe('plan import', () => {
  it('reads the seed into a folder that passes plan check with warnings only, and agrees with data/', async () => {
    const { out, code, json } = await importTo(SEED, join(ROOT, 'data'));
    expect(code).toBe(0);
    const c = json.comparison!;
    expect(share(c.tasks)).toBeGreaterThanOrEqual(0.95);
    expect(share(c.dates)).toBeGreaterThanOrEqual(0.9);
    expect(share(c.dated_only)).toBeGreaterThanOrEqual(0.9);
    expect(share(c.owners)).toBeGreaterThanOrEqual(0.9);
    expect(share(c.targets)).toBeGreaterThanOrEqual(0.9);
    expect(c.roster).toEqual({ agree: 243, of: 243 });
    expect(c.towns).toEqual({ agree: 29, of: 29 });
    // Every disagreement is listed: one line per task not found, number, date, owner or target that differs.
    const missing = (f: Figure) => f.of - f.agree;
    expect(c.disagreements.length).toBe(missing(c.tasks) + (c.tasks.agree - c.numbers.agree) + missing(c.dates) + missing(c.owners) + missing(c.targets) + missing(c.roster) + missing(c.towns));

    const check = await runCli(['--data', out, 'check', '--format', 'json']);
    expect(check.code).toBe(0);
    const diagnostics = JSON.parse(check.stdout) as { severity: string }[];
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const status = await runCli(['--data', out, 'status', '--as-of', '2022-06-30']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('2022-06-30');
    expect(checkTraces(out, SEED)).toBeGreaterThan(60);
  });

  it('every task keeps its text as written in the notice, and the review names every task without a date or owner', async () => {
    const { out, json } = await importTo(SEED);
    const notice = readFileSync(SEED, 'utf8').replace(/\s+/g, '');
    const { parse } = await import('yaml');
    let tasks = 0;
    const undated = new Set(json.review.filter((e) => e.kind === 'undated').map((e) => (e as { subject?: string }).subject));
    for (const name of readdirSync(join(out, 'domains'))) {
      const domain = parse(readFileSync(join(out, 'domains', name), 'utf8')) as { tasks: { id: string; text: string; due?: string; milestones?: unknown; recurrence?: unknown; before?: string; within?: string; after?: string }[] };
      for (const task of domain.tasks) {
        tasks++;
        for (const piece of task.text.split('\n')) expect(notice).toContain(piece.replace(/\s+/g, ''));
        const dated = task.due ?? task.milestones ?? task.recurrence ?? task.before ?? task.within ?? task.after;
        expect(undated.has(task.id), task.id).toBe(dated === undefined);
      }
    }
    expect(tasks).toBe(json.tasks);
  });

  it('reads a notice saved as GB18030 (as WPS and older Word save text) the same as its UTF-8 text', async () => {
    // test/fixtures/notice-gb18030.txt is the seed converted with iconv -t GB18030.
    const gb = join(FIXTURES, 'notice-gb18030.txt');
    expect(readFileSync(gb).equals(readFileSync(SEED))).toBe(false);
    const a = await importTo(SEED);
    const b = await importTo(gb);
    expect(b.json.tasks).toBe(a.json.tasks);
    for (const file of ['plan.yaml', 'people.yaml', 'towns.yaml', 'domains/12-dl.yaml']) {
      expect(readFileSync(join(b.out, file), 'utf8').replace('notice-gb18030.txt', '000_533c23a88db487e8.txt')).toBe(readFileSync(join(a.out, file), 'utf8'));
    }
  });

  it('--year overrides the year read from the title', async () => {
    const { out } = await importTo(SEED, undefined, ['--year', '2023']);
    expect(readFileSync(join(out, 'plan.yaml'), 'utf8')).toContain('start: 2023-01-01');
    // 5月底前 is now May 2023.
    expect(readFileSync(join(out, 'domains', '13-dm.yaml'), 'utf8')).toContain('due: 2023-05-31');
  });

  it('refuses a folder that has files, and leaves them as they were', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'plan.yaml'), 'keep me\n');
    const r = await runCli(['import', SEED, '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already has files/);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['plan.yaml']);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe('keep me\n');
  });

  it('writes into an empty folder that holds only hidden files (a new git repository), and keeps them', async () => {
    const dir = tmp();
    const git = join(dir, '.git');
    writeFileSync(join(dir, '.gitignore'), 'node_modules\n');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(git);
    writeFileSync(join(git, 'HEAD'), 'ref: refs/heads/main\n');
    const r = await runCli(['import', SEED, '--out', dir]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(git, 'HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('node_modules\n');
    expect(readdirSync(join(dir, 'domains'))).toHaveLength(14);
  });

  it.each([
    ['a missing file', (dir: string) => join(dir, 'nope.txt'), /cannot read .*nope\.txt/],
    ['a folder', (dir: string) => dir, /cannot read/],
    ['text in neither UTF-8 nor GB18030', (dir: string) => (writeFileSync(join(dir, 'bad.txt'), Buffer.from([0xff, 0x41, 0x81, 0x0a, 0xfe, 0xfe, 0x80])), join(dir, 'bad.txt')), /neither UTF-8 nor GB18030/],
    ['a Word document', (dir: string) => (writeFileSync(join(dir, 'notice.docx'), Buffer.from('PK\x03\x04word/document.xml', 'latin1')), join(dir, 'notice.docx')), /Word \(\.docx\).*save it as plain text/],
    ['text with no numbered tasks', (dir: string) => (writeFileSync(join(dir, 'letter.txt'), '各单位：\n请认真落实。\n'), join(dir, 'letter.txt')), /no numbered tasks/],
  ])('refuses %s with one line and writes nothing', async (_name, make, message) => {
    const dir = tmp();
    const file = make(dir);
    const out = join(dir, 'draft');
    const r = await runCli(['import', file, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('prints the review list and the next steps in Chinese', async () => {
    const out = join(tmp(), 'draft');
    const r = await runCli(['--lang', 'zh', 'import', SEED, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('草稿已写入');
    expect(r.stdout).toMatch(/待核清单（\d+ 条）/);
    expect(r.stdout).toContain('第137行  附件：1. 2022年工贸行业重点任务“挂图作战”责任表');
    expect(r.stdout).toMatch(/plan --data .*draft check/);
  });

  it.each(NOTICES)('reads the notice written for testing %s at 85%% or better on every figure', async (name) => {
    const dir = join(FIXTURES, 'notices', name);
    const { out, json } = await importTo(join(dir, 'notice.txt'), join(dir, 'expected'));
    const c = json.comparison!;
    for (const figure of [c.tasks, c.dates, c.owners, c.targets, c.roster, c.towns]) expect(share(figure), JSON.stringify(c, null, 1)).toBeGreaterThanOrEqual(0.85);
    const check = await runCli(['--data', out, 'check', '--format', 'json']);
    expect((JSON.parse(check.stdout) as { severity: string; message: string }[]).filter((d) => d.severity === 'error')).toEqual([]);
    checkTraces(out, join(dir, 'notice.txt'));
  });

  it('the shipped program imports too (the reader is a file of its own)', () => {
    const out = join(tmp(), 'draft');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'plan.cjs'), 'import', SEED, '--out', out], { encoding: 'utf8', env: { ...process.env, PLAN_LANG: 'en' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readdirSync(join(out, 'domains'))).toHaveLength(14);
  });
});
