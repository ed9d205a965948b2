// Rule configuration: every rule has an id, plan.yaml's `checks:` sets error / warning / off,
// --quiet prints errors only, and the summary counts what was not printed.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configurableRules, RULES } from '../src/validate/registry.js';
import { fixtureFolder, ROOT, runCli } from './helpers.js';

const planSchema = JSON.parse(readFileSync(join(ROOT, 'schemas/plan.json'), 'utf8')) as {
  properties: { checks: { properties: Record<string, unknown> } };
};

/** A folder whose AA-03 names nobody (a no-owner warning) and whose AA-01 names an unknown person. */
function folderWithProblems(checks?: string): string {
  const cwd = fixtureFolder();
  const domain = join(cwd, 'data/domains/01-aa.yaml');
  const text = readFileSync(domain, 'utf8').replace('owners: [张伟]\n    leaders', 'owners: [张玮]\n    leaders').replace('    owners: [张伟]\n    recurrence', '    recurrence');
  writeFileSync(domain, text);
  if (checks) appendFileSync(join(cwd, 'data/plan.yaml'), `checks:\n${checks}`);
  return cwd;
}

const rows = (stdout: string) => (JSON.parse(stdout) as { rule: string; severity: string }[]).map((d) => `${d.severity} ${d.rule}`);

describe('rule ids', () => {
  it('every rule plan.yaml may set is in the schema, and nothing else is', () => {
    expect(Object.keys(planSchema.properties.checks.properties)).toEqual(configurableRules());
  });

  it('the README lists every rule with one line', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const id of Object.keys(RULES)) expect(readme, id).toMatch(new RegExp(`^\\| \`${id}\` \\|[^\\n]+\\|$`, 'm'));
  });
});

describe('checks: in plan.yaml', () => {
  it('by default reports the unknown person as an error and the missing owner as a warning', async () => {
    const result = await runCli(['check', '--format', 'json'], { cwd: folderWithProblems() });
    expect(rows(result.stdout)).toEqual(['error unknown-person', 'warning no-owner']);
    expect(result.code).toBe(1);
  });

  it('turns a rule off, makes an error a warning, and the summary counts what is off', async () => {
    const cwd = folderWithProblems('  no-owner: off\n  unknown-person: warning\n');
    const result = await runCli(['check'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter((l) => l.startsWith('data/'))).toEqual([
      'data/domains/01-aa.yaml:19:14  warning  "张玮" is not listed under people in people.yaml; did you mean 张伟?  [unknown-person]',
    ]);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('0 errors, 1 warning in 5 files (1 turned off in plan.yaml)');
  });

  it('makes a warning an error, which fails the run', async () => {
    const result = await runCli(['check', '--format', 'json'], { cwd: folderWithProblems('  no-owner: error\n  unknown-person: off\n') });
    expect(rows(result.stdout)).toEqual(['error no-owner']);
    expect(result.code).toBe(1);
  });

  it('is checked against the schema: an unknown rule or setting is an error at its place', async () => {
    const result = await runCli(['check', '--format', 'json'], { cwd: folderWithProblems('  no-ownr: off\n  schema: off\n  no-owner: silent\n') });
    const problems = JSON.parse(result.stdout) as { file: string; line: number; column: number; rule: string; message: string }[];
    expect(problems.filter((d) => d.file === 'data/plan.yaml').map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      expect.stringMatching(/^10:3 schema unknown key "no-ownr"/),
      expect.stringMatching(/^11:3 schema unknown key "schema"/),
      '12:13 schema must be one of error, warning, off, found "silent"',
    ]);
    // The wrong settings are ignored; the rest of the data is still checked with the defaults.
    expect(rows(result.stdout).filter((r) => !r.endsWith(' schema'))).toEqual(['error unknown-person', 'warning no-owner']);
    expect(result.code).toBe(1);
  });
});

describe('--quiet', () => {
  it('prints errors only, and says how many warnings it hid', async () => {
    const result = await runCli(['check', '--quiet'], { cwd: folderWithProblems() });
    expect(result.stdout.split('\n').filter((l) => l.startsWith('data/')).map((l) => l.replace(/ {2}.*\[/, ' ['))).toEqual([
      'data/domains/01-aa.yaml:19:14 [unknown-person]',
    ]);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('1 error, 0 warnings in 5 files (1 warning hidden by --quiet)');
    expect(result.code).toBe(1);
  });

  it('still fails under --strict on the warnings it does not print', async () => {
    const cwd = folderWithProblems('  unknown-person: off\n');
    expect((await runCli(['check', '--quiet'], { cwd })).code).toBe(0);
    const strict = await runCli(['check', '--quiet', '--strict'], { cwd });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe('0 errors, 0 warnings in 5 files (1 warning hidden by --quiet; 1 turned off in plan.yaml)\n');
  });

  it('speaks Chinese in the summary too', async () => {
    const result = await runCli(['check', '--quiet', '--lang', 'zh'], { cwd: folderWithProblems() });
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('5 个文件中有 1 个错误、0 个警告（1 个警告因 --quiet 未显示）');
  });
});

describe('unit aliases and combined names', () => {
  /** The base folder with people.yaml's units replaced. */
  function withUnits(units: string): string {
    const cwd = fixtureFolder();
    const people = join(cwd, 'data/people.yaml');
    writeFileSync(people, readFileSync(people, 'utf8').replace(/units:\n[^]*$/, `units:\n${units}`));
    return cwd;
  }
  const lines = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('data/'));

  it('warns about a unit one character from another, at the later spelling, unless declared as its alias', async () => {
    const slip = await runCli(['check'], { cwd: withUnits('  - name: 区水利局\n  - name: 各镇街\n  - name: 区城市管理局\n  - name: 我城市管理局\n') });
    expect([slip.code, lines(slip.stdout)]).toEqual([
      0,
      ['data/people.yaml:10:11  warning  "我城市管理局" differs from "区城市管理局" by a character or two: if they are one unit, list one under the other\'s aliases  [similar-unit]'],
    ]);
    const declared = await runCli(['check', '--format', 'json'], { cwd: withUnits('  - name: 区水利局\n  - name: 各镇街\n  - name: 区城市管理局\n    aliases: [我城市管理局]\n') });
    expect(rows(declared.stdout)).toEqual([]);
  });

  it('does not take two short names a third apart for a slip: 区防办 and 区防指 are two bodies', async () => {
    const result = await runCli(['check', '--format', 'json'], { cwd: withUnits('  - name: 区水利局\n  - name: 各镇街\n  - name: 区防办\n  - name: 区防指\n') });
    expect(rows(result.stdout)).toEqual([]);
  });

  it('refuses an alias that is already another unit\'s name or alias, and a member that is no unit', async () => {
    const units = '  - name: 区水利局\n    aliases: [各镇街]\n  - name: 各镇街\n  - name: 区水利局及各处\n    members: [区水利局, 各处]\n';
    const result = await runCli(['check'], { cwd: withUnits(units) });
    expect([result.code, lines(result.stdout)]).toEqual([
      1,
      [
        'data/people.yaml:9:11  error  "各镇街" already names the unit 区水利局: a spelling can mean only one unit  [unique-name]',
        'data/people.yaml:11:21  error  member "各处" is not the name or alias of a unit listed under units  [unknown-unit]',
      ],
    ]);
  });
});
