// The smaller findings of the third hardening round, each with the class it stands for.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixtureFolder, runCli, runCliWithBytes } from './helpers.js';

const now = new Date('2022-07-01T04:00:00Z');

function edit(cwd: string, file: string, change: (text: string) => string): void {
  const path = join(cwd, 'data', file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

describe('names that are words of JavaScript objects', () => {
  it.each([['__proto__'], ['constructor'], ['hasOwnProperty']])('a unit named %s is found by owner, --unit and the JSON reports', async (name) => {
    const cwd = fixtureFolder();
    edit(cwd, 'people.yaml', (t) => t.replace('  - name: 各镇街\n', `  - name: 各镇街\n  - name: ${name}\n`));
    edit(cwd, 'domains/01-aa.yaml', (t) => t.replace('units: [区水利局, 各镇街]', `units: [区水利局, 各镇街, ${name}]`));
    expect((await runCli(['check'], { cwd })).code).toBe(0);
    const owner = await runCli(['owner', name, '--as-of', '2022-06-30', '--format', 'json'], { cwd });
    expect(owner.code).toBe(0);
    const tasks = await runCli(['tasks', '--unit', name, '--as-of', '2022-06-30', '--format', 'json'], { cwd });
    const ids = (out: string) => (JSON.parse(out) as { items: { id: string }[] }).items.map((i) => i.id).sort();
    // AA-02 and its milestones, the task the unit was added to.
    expect(ids(tasks.stdout)).toEqual(['AA-02', 'AA-02/m1', 'AA-02/m2']);
    const report = JSON.parse(owner.stdout) as { tally: { total: number }; late: { id: string }[] };
    expect(report.tally.total).toBe(3);
    expect(report.late.map((i) => i.id)).toEqual(['AA-02/m1']);
    const owners = JSON.parse((await runCli(['owners', '--as-of', '2022-06-30', '--format', 'json'], { cwd })).stdout) as { owners: { name: string }[] };
    expect(owners.owners.map((o) => o.name)).toContain(name);
  });
});

describe('the workbook keeps text that looks like its own escapes', () => {
  it('a title written _x0041_BC_x000D_ reads back as written', async () => {
    const cwd = fixtureFolder();
    edit(cwd, 'domains/01-aa.yaml', (t) => t.replace('    title: 召开现场会', '    title: _x0041_BC_x000D_'));
    const r = await runCliWithBytes(['export', '--format', 'xlsx'], { cwd, now });
    expect(r.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(r.bytes as unknown as ArrayBuffer);
    const values = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])));
    expect(values).toContain('_x0041_BC_x000D_');
    expect(values).not.toContain('ABC\r');
  });
});

describe('rename unit', () => {
  it('renames the unit in a target set per unit and in its figures', async () => {
    const cwd = fixtureFolder();
    edit(cwd, 'domains/01-aa.yaml', (t) =>
      t.replace('    value: 70\n    unit: "%"\n', '    value: 1\n    unit: "%"\n    per_unit: [区水利局, 各镇街]\n    actuals:\n      - {date: 2022-06-30, for: 区水利局, value: 1}\n'),
    );
    expect((await runCli(['check'], { cwd })).code).toBe(0);
    const r = await runCli(['rename', 'unit', '区水利局', '区水务局'], { cwd, now });
    expect([r.code, r.stderr]).toEqual([0, '']);
    const text = readFileSync(join(cwd, 'data/domains/01-aa.yaml'), 'utf8');
    expect(text).toContain('per_unit: [区水务局, 各镇街]');
    expect(text).toContain('for: 区水务局');
    expect(text).not.toContain('区水利局');
    expect((await runCli(['check'], { cwd })).code).toBe(0);
  });
});

describe('half a character', () => {
  it.each([['"召开\\uD800现场会"'], ['"\\uDFFF"'], ['"\\U0000D800"']])('%s is an encoding error, with the fix, and no report runs on it', async (title) => {
    const cwd = fixtureFolder();
    edit(cwd, 'domains/01-aa.yaml', (t) => t.replace('    title: 召开现场会', `    title: ${title}`));
    const check = await runCli(['check'], { cwd });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/01-aa\.yaml:\d+:12 {2}error {2}this text spells half of a character .* \[encoding\]/);
    expect((await runCli(['status'], { cwd })).code).toBe(1);
  });

  it('both halves of a character, written as escapes, are the character', async () => {
    const cwd = fixtureFolder();
    edit(cwd, 'domains/01-aa.yaml', (t) => t.replace('    title: 召开现场会', '    title: "召开\\uD83D\\uDE00现场会"'));
    expect((await runCli(['check'], { cwd })).code).toBe(0);
  });
});

describe('leftovers of a killed edit', () => {
  it('a stale lock moved aside and a temporary file of a process that is gone are removed by the next edit', async () => {
    const cwd = fixtureFolder();
    const data = join(cwd, 'data');
    // pid 2^22 + 1 is above Linux's pid_max: no process has it.
    const gone = 4194305;
    writeFileSync(join(data, `.plan.lock.stale.${gone}`), '{}');
    writeFileSync(join(data, `.people.yaml.${gone}.0a1b2c3d.tmp`), 'half');
    writeFileSync(join(data, `.plan.journal.${gone}.tmp`), '{');
    writeFileSync(join(data, '.keep-me'), 'mine');
    const r = await runCli(['done', 'AA-01', '--on', '2022-03-30'], { cwd, now });
    expect(r.code).toBe(0);
    expect(readdirSync(data).filter((n) => n.startsWith('.'))).toEqual(['.keep-me']);
    expect(existsSync(join(data, '.keep-me'))).toBe(true);
  });
});
