// Hardening: an edit never writes through a YAML alias; nothing a data folder holds can start a
// GitHub workflow command or a live link in the job summary; a job summary that cannot be written
// does not stop the check.
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fixtureFolder, ROOT, runCli } from './helpers.js';

describe('edits and YAML aliases', () => {
  it('refuses to record into a file that shares a value through an alias, and changes nothing', async () => {
    const cwd = fixtureFolder();
    const file = join(cwd, 'data/domains/01-aa.yaml');
    const text = readFileSync(file, 'utf8')
      .replace('    recurrence:\n      every: quarter\n', '    recurrence: &r\n      every: quarter\n')
      .concat('  - id: AA-04\n    title: 每季度调度\n    text: 每季度调度一次。\n    owners: [张伟]\n    recurrence: *r\n');
    writeFileSync(file, text);
    expect((await runCli(['check', '--format', 'json'], { cwd })).code).toBe(0);
    for (const args of [
      ['done', 'AA-03@2022-Q2', '--on', '2022-06-20'],
      ['note', 'AA-01', '已召开', '--on', '2022-03-30'],
      ['rename', 'person', '张伟', '张玮'],
    ]) {
      const result = await runCli(args, { cwd, now: new Date('2022-07-01T04:00:00Z') });
      expect([args[0], result.code, result.stderr]).toEqual([
        args[0],
        1,
        'plan: data/domains/01-aa.yaml:44 uses a YAML alias (*name) for a value written once under an anchor (&name): an edit there would change every place that shares it; write the value out in each place, then record again\n',
      ]);
      expect(readFileSync(file, 'utf8')).toBe(text);
    }
  });
});

describe('output read by GitHub Actions', () => {
  it('never starts a line with a workflow command, whatever a file is named', async () => {
    const cwd = fixtureFolder();
    const data = join(cwd, 'data');
    // More files than GitHub shows warnings for: the last ones are printed past the cap, as plain lines.
    for (let n = 1; n <= 12; n++) writeFileSync(join(data, `::error title=FORGED ${String(n).padStart(2, '0')}::FORGED ANNOTATION`), 'x');
    mkdirSync(join(data, '::warning file=x::y'));
    for (const format of ['github', 'text']) {
      const result = await runCli(['--data', '.', 'check', '--format', format], { cwd: data });
      const lines = result.stdout.split('\n');
      const forged = lines.filter((line) => /^::(error|warning)\b/.test(line) && !/^::(error|warning) file=/.test(line));
      expect([format, forged]).toEqual([format, []]);
      expect(result.stdout).toContain('./::error title=FORGED 12::FORGED ANNOTATION:1:1');
    }
  });

  it('escapes Markdown in the job summary as the Markdown report does, and goes on when it cannot write it', async () => {
    const cwd = fixtureFolder();
    const people = join(cwd, 'data/domains/01-aa.yaml');
    writeFileSync(people, readFileSync(people, 'utf8').replace('owners: [张伟]', 'owners: ["[Fix](https://e.example/f) ![p](https://e.example/p.png)"]'));
    const summary = join(cwd, 'summary.md');
    const result = await runCli(['check'], { cwd, env: { LANG: 'en_US.UTF-8', GITHUB_STEP_SUMMARY: summary } });
    expect(result.code).toBe(1);
    const written = readFileSync(summary, 'utf8');
    expect(written).toContain('\\[Fix\\](https://e.example/f) !\\[p\\](https://e.example/p.png)');
    expect(written).not.toMatch(/[^\\]\[Fix\]\(/);
    const unwritable = await runCli(['check', '--format', 'json'], { cwd, env: { LANG: 'en_US.UTF-8', GITHUB_STEP_SUMMARY: join(cwd, 'no/such/folder/summary.md') } });
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/^plan: warning: the job summary no\/such\/folder\/summary\.md \(GITHUB_STEP_SUMMARY\) could not be written: .*; the problems are printed below as usual\n$/);
    expect(JSON.parse(unwritable.stdout).length).toBeGreaterThan(0);
  });
});

describe('the result cache, shared or not', () => {
  const status = ['status', '--as-of', '2022-06-30', '--format', 'json'];
  // The cache belongs to the built program (the build keys its entries): run it.
  const built = async (args: string[], { cwd, env }: { cwd: string; env: Record<string, string> }) => {
    const result = spawnSync(process.execPath, [join(ROOT, 'bin/plan.cjs'), ...args], { cwd, env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('is not believed, and says so once, in a folder others can write in or for an entry another user owns', async () => {
    const cwd = fixtureFolder('progress');
    const shared = join(cwd, 'shared-cache');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    const env = { LANG: 'en_US.UTF-8', PLAN_CACHE_DIR: shared };
    const first = await built(status, { cwd, env });
    expect(first.stderr).toMatch(/^plan: warning: the result cache .*shared-cache is not this user's alone/);
    expect(readdirSync(shared)).toEqual([]);
    // A private folder with an entry someone else owns: only root can make one to try.
    if (process.getuid?.() !== 0) return;
    const own = join(cwd, 'own-cache');
    const privateEnv = { LANG: 'en_US.UTF-8', PLAN_CACHE_DIR: own };
    const clean = await built(status, { cwd, env: privateEnv });
    expect(clean.stderr).toBe('');
    const [entry] = readdirSync(own);
    chownSync(join(own, entry!), 1, 1);
    const again = await built(status, { cwd, env: privateEnv });
    expect(again.stdout).toBe(clean.stdout);
    expect(again.stderr).toMatch(/^plan: warning: the result cache .* is not this user's alone/);
  });

  it('prunes only files whose names and contents are its own', async () => {
    const cwd = fixtureFolder();
    const dir = join(cwd, 'cache');
    mkdirSync(dir, { mode: 0o700 });
    const impostors = Array.from({ length: 25 }, (_, i) => `0123456789abcdef-backup-${String(i).padStart(8, '0')}.bin`);
    for (const name of impostors) writeFileSync(join(dir, name), `my backup ${name}`);
    writeFileSync(join(dir, `${'a'.repeat(64)}.json`), '{"mine": true}');
    expect((await built(['status'], { cwd, env: { LANG: 'en_US.UTF-8', PLAN_CACHE_DIR: dir } })).code).toBe(0);
    const left = readdirSync(dir);
    for (const name of [...impostors, `${'a'.repeat(64)}.json`]) expect(left).toContain(name);
  });
});

describe('plan town --from reads only what a towns CSV can be', () => {
  it('refuses a FIFO, a device and a file too large to be one at once, and caps a long name in its error', async () => {
    const cwd = fixtureFolder();
    const fifo = join(cwd, 'pipe.csv');
    spawnSync('mkfifo', [fifo]);
    const big = join(cwd, 'big.csv');
    writeFileSync(big, `name,target_total\n${'虎峰镇,1\n'.repeat(500_000)}`);
    const cases: [string, RegExp][] = [
      [fifo, /^plan: cannot read .*pipe\.csv: it is not a regular file/],
      ['/dev/zero', /^plan: cannot read \/dev\/zero: it is not a regular file/],
      [big, /^plan: .*big\.csv is larger than 4 MB: a towns CSV has a row per town/],
    ];
    for (const [file, message] of cases) {
      const result = await runCli(['town', '--from', file], { cwd });
      expect([file, result.code]).toEqual([file, 2]);
      expect(result.stderr).toMatch(message);
    }
    const exported = (await runCli(['export', '--format', 'csv', '--kind', 'towns'], { cwd })).stdout;
    writeFileSync(join(cwd, 'long.csv'), exported.replace('高新区,10,6,,,', `${'镇'.repeat(200_000)},10,6,2022-06-30,1,1`));
    const long = await runCli(['town', '--from', 'long.csv'], { cwd, now: new Date('2022-07-01T04:00:00Z') });
    expect(long.code).toBeGreaterThan(0);
    expect([...long.stderr.trimEnd()].length).toBeLessThanOrEqual(300 + 'plan: '.length);
  });
});

describe('smaller ones', () => {
  it('records one completion once, however many ids name it', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'plan-same-record-'));
    cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
    const before = readFileSync(join(cwd, 'data/domains/04-gm.yaml'), 'utf8');
    const result = await runCli(['done', 'GM-A02@2022', 'GM-A02@2022-Q3', '--on', '2022-08-02'], { cwd, now: new Date('2022-08-03T04:00:00Z') });
    expect([result.code, result.stderr]).toEqual([2, 'plan: GM-A02@2022 and GM-A02@2022-Q3 are recorded in one place (GM-A02@2022-Q3): name one of them\n']);
    expect(readFileSync(join(cwd, 'data/domains/04-gm.yaml'), 'utf8')).toBe(before);
  });

  it('says what a season\'s new dates replace', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'plan-season-twice-'));
    cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
    await runCli(['season', '汛期', '--from', '2022-05-01', '--to', '2022-09-30'], { cwd });
    const again = await runCli(['season', '汛期', '--from', '2022-05-15'], { cwd });
    expect(again.stdout).toBe('汛期: 2022-05-15 to 2022-09-30 recorded, replacing 2022-05-01 to 2022-09-30 (data/plan.yaml)\n');
  });

  it('quotes at most 60 characters of an unknown name, and keeps # and ? out of SARIF paths', async () => {
    const cwd = fixtureFolder();
    const domain = join(cwd, 'data/domains/01-aa.yaml');
    writeFileSync(domain, readFileSync(domain, 'utf8').replace('owners: [张伟]', `owners: [${'李'.repeat(199)}]`));
    const rows = JSON.parse((await runCli(['check', '--format', 'json'], { cwd })).stdout) as { rule: string; message: string }[];
    const unknown = rows.find((r) => r.rule === 'unknown-person')!;
    expect(unknown.message).toBe(`"${'李'.repeat(60)}…" is not listed under people in people.yaml`);
    writeFileSync(join(cwd, 'data/notes #1?.txt'), 'x');
    const sarif = JSON.parse((await runCli(['check', '--format', 'sarif'], { cwd })).stdout);
    const uris = sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toContain('data/notes%20%231%3F.txt');
  });
});

describe('locks', () => {
  it('are taken only where data files really are, never where a link to another file or a folder leads', async () => {
    const cwd = fixtureFolder();
    const outside = mkdtempSync(join(tmpdir(), 'plan-outside-'));
    writeFileSync(join(outside, 'readme.txt'), 'x');
    symlinkSync(join(outside, 'readme.txt'), join(cwd, 'data/README.txt'));
    symlinkSync(outside, join(cwd, 'data/elsewhere'));
    symlinkSync(outside, join(cwd, 'data/domains/folder.yaml'));
    const { editFolders } = await import('../src/edit/folders.js');
    const folders = await editFolders(join(cwd, 'data'));
    expect(folders.locks.some((lock) => lock.startsWith(outside) || lock === tmpdir())).toBe(false);
  });
});

describe('plan check on a long file full of schema errors', () => {
  it('finds the same problems task by task as in one pass, and counts the rest', async () => {
    const bad = (count: number) => ['id: AA', 'title: 测试', 'tasks:', ...Array.from({ length: count }, (_, i) => [`  - id: bad-${i}`, `    title: 任务${i}`, `    text: 任务${i}。`, ...(i % 3 === 0 ? ['    due: 2022-13-01'] : [])].join('\n'))].join('\n') + '\n';
    const rowsFor = async (count: number) => {
      const cwd = fixtureFolder();
      writeFileSync(join(cwd, 'data/domains/01-aa.yaml'), bad(count));
      return JSON.parse((await runCli(['check', '--format', 'json'], { cwd })).stdout) as { line: number; column: number; message: string }[];
    };
    // 150 tasks are checked in one pass, 20,000 task by task: the first 50 problems are the same.
    const small = await rowsFor(150);
    const large = await rowsFor(20_000);
    expect(large.slice(0, 50).map((r) => `${r.line}:${r.column} ${r.message}`)).toEqual(small.slice(0, 50).map((r) => `${r.line}:${r.column} ${r.message}`));
    const total = 20_000 + Math.ceil(20_000 / 3);
    expect(large[50]!.message).toBe(`… ${total - 50} more problems in data/domains/01-aa.yaml not shown`);
  }, 60_000);
});
