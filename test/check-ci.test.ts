// plan check in CI: GitHub's annotation caps, the job summary, --changed, and SARIF that passes
// the official SARIF 2.1.0 schema.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { fixtureFolder, runCli } from './helpers.js';

/** A folder with `errors` tasks naming an unknown person and `warnings` tasks naming nobody. */
function folderWith(errors: number, warnings: number): string {
  const cwd = fixtureFolder();
  const task = (n: number, owners: string) => `  - id: BB-${String(n).padStart(2, '0')}\n    title: 任务${n}\n    text: 任务${n}。\n${owners}`;
  const tasks = [
    ...Array.from({ length: errors }, (_, i) => task(i + 1, '    owners: [赵六]\n')),
    ...Array.from({ length: warnings }, (_, i) => task(errors + i + 1, '')),
  ];
  writeFileSync(join(cwd, 'data/domains/02-bb.yaml'), `id: BB\ntitle: 测试\ntasks:\n${tasks.join('')}`);
  return cwd;
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });

describe('--format github', () => {
  it('annotates errors first, at most 10 of each severity, then one notice with the count of the rest', async () => {
    const result = await runCli(['check', '--format', 'github'], { cwd: folderWith(12, 13) });
    const lines = result.stdout.trimEnd().split('\n');
    const kinds = lines.map((l) => /^::(\w+)/.exec(l)?.[1] ?? 'plain');
    expect(kinds).toEqual([...Array(10).fill('error'), ...Array(10).fill('warning'), 'notice', ...Array(5).fill('plain')]);
    expect(lines[20]).toBe('::notice title=plan check::5 more problems (2 errors, 3 warnings) than GitHub shows as annotations; all of them are in the log below');
    expect(lines[0]).toBe('::error file=data/domains/02-bb.yaml,line=7,col=14,title=unknown-person::"赵六" is not listed under people in people.yaml');
    expect(lines[21]).toBe('data/domains/02-bb.yaml:47:14  error  "赵六" is not listed under people in people.yaml  [unknown-person]');
    expect(result.code).toBe(1);
  });

  it('prints no notice when everything fits', async () => {
    const result = await runCli(['check', '--format', 'github'], { cwd: folderWith(10, 10) });
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(20);
    expect(result.stdout).not.toContain('::notice');
  });

  it('appends a Markdown table of every problem to GITHUB_STEP_SUMMARY and says so in the notice', async () => {
    const cwd = folderWith(12, 0);
    const summary = join(cwd, 'summary.md');
    writeFileSync(summary, 'earlier step\n');
    const result = await runCli(['check', '--format', 'github'], { cwd, env: { LANG: 'en_US.UTF-8', GITHUB_STEP_SUMMARY: summary } });
    expect(result.stdout).toContain('; all of them are in the job summary and the log below\n');
    const lines = readFileSync(summary, 'utf8').split('\n');
    expect(lines.slice(0, 7)).toEqual([
      'earlier step',
      '### plan check',
      '',
      '12 errors, 0 warnings in 6 files',
      '',
      '|  | file | line | column | rule | message |',
      '|---|---|---|---|---|---|',
    ]);
    expect(lines.filter((l) => l.startsWith('| :x: error |'))).toHaveLength(12);
    expect(lines[7]).toBe('| :x: error | data/domains/02-bb.yaml | 7 | 14 | unknown-person | "赵六" is not listed under people in people.yaml |');
  });

  it('keeps a table cell one cell: | and < in a message are escaped', async () => {
    const cwd = fixtureFolder();
    const summary = join(cwd, 'summary.md');
    const domain = join(cwd, 'data/domains/01-aa.yaml');
    writeFileSync(domain, readFileSync(domain, 'utf8').replace('owners: [张伟]\n    leaders', 'owners: ["a|b<i>"]\n    leaders'));
    await runCli(['check'], { cwd, env: { LANG: 'en_US.UTF-8', GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8')).toContain('| unknown-person | "a\\|b&lt;i&gt;" is not listed under people in people.yaml |');
  });
});

describe('--changed REF', () => {
  function repoWithTwoBrokenFiles(): string {
    const cwd = folderWith(1, 0);
    git(cwd, 'init', '-q');
    git(cwd, 'add', '.');
    git(cwd, 'commit', '-qm', 'base');
    const domain = join(cwd, 'data/domains/01-aa.yaml');
    writeFileSync(domain, readFileSync(domain, 'utf8').replace('owners: [张伟]\n    leaders', 'owners: [李四]\n    leaders'));
    return cwd;
  }

  it('lists the problems in files changed since REF first', async () => {
    const result = await runCli(['check', '--changed', 'HEAD'], { cwd: repoWithTwoBrokenFiles() });
    expect(result.stdout.split('\n').filter((l) => l.startsWith('data/')).map((l) => l.split('  ')[0])).toEqual([
      'data/domains/01-aa.yaml:19:14',
      'data/domains/02-bb.yaml:7:14',
    ]);
  });

  it('with --only-changed lists only them, and the summary counts the rest', async () => {
    const result = await runCli(['check', '--changed', 'HEAD', '--only-changed'], { cwd: repoWithTwoBrokenFiles() });
    expect(result.stdout.split('\n').filter((l) => l.startsWith('data/')).map((l) => l.split('  ')[0])).toEqual(['data/domains/01-aa.yaml:19:14']);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('1 error, 0 warnings in 6 files (1 in unchanged files hidden by --only-changed)');
    expect(result.code).toBe(1);
  });

  it('counts a new, untracked file as changed', async () => {
    const cwd = repoWithTwoBrokenFiles();
    git(cwd, 'add', '.');
    git(cwd, 'commit', '-qm', 'second');
    writeFileSync(join(cwd, 'data/domains/03-cc.yaml'), 'id: CC\ntitle: 新\ntasks:\n  - id: CC-01\n    title: 新\n    text: 新。\n    owners: [王五]\n');
    const result = await runCli(['check', '--changed', 'HEAD', '--only-changed', '--format', 'json'], { cwd });
    expect((JSON.parse(result.stdout) as { file: string }[]).map((d) => d.file)).toEqual(['data/domains/03-cc.yaml']);
  });

  it('refuses an unknown ref with exit 2 and git\'s reason', async () => {
    const result = await runCli(['check', '--changed', 'no-such-ref'], { cwd: repoWithTwoBrokenFiles() });
    expect(result).toEqual({ code: 2, stdout: '', stderr: "plan: --changed no-such-ref: cannot list the files changed since no-such-ref: fatal: bad revision 'no-such-ref'\n" });
  });

  it('refuses --only-changed without --changed', async () => {
    const result = await runCli(['check', '--only-changed'], { cwd: fixtureFolder() });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'plan: --only-changed needs --changed REF\n' });
  });
});

describe('--format sarif', () => {
  const require = createRequire(import.meta.url);
  const sarifSchema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
  // The schema's language-tag pattern is not valid with the u flag; JSON Schema patterns need not be.
  const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  const validate = ajv.compile(sarifSchema);

  it('writes a log the official SARIF 2.1.0 schema accepts, one result per problem', async () => {
    const result = await runCli(['check', '--format', 'sarif'], { cwd: folderWith(2, 1) });
    const log = JSON.parse(result.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: unknown[] }[] };
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.version).toBe('2.1.0');
    const [run] = log.runs;
    expect(run!.results).toHaveLength(3);
    expect(run!.results[0]).toEqual({
      ruleId: 'unknown-person',
      ruleIndex: run!.tool.driver.rules.findIndex((r) => r.id === 'unknown-person'),
      level: 'error',
      message: { text: '"赵六" is not listed under people in people.yaml' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'data/domains/02-bb.yaml' }, region: { startLine: 7, startColumn: 14 } } }],
    });
    expect(result.code).toBe(1);
  });

  it('is valid for a clean folder too, and for a file that cannot be read', async () => {
    for (const cwd of [fixtureFolder(), fixtureFolder('check/utf16')]) {
      const result = await runCli(['check', '--format', 'sarif'], { cwd });
      expect(validate(JSON.parse(result.stdout)), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('the schema used is strict enough to refuse a broken log', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [] }] })).toBe(false);
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
  });
});
