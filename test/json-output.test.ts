// Every --format json output is checked against its published JSON Schema (schemas/output/), which
// lists every field as required: a field that goes missing, or one added without a schema, fails.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { fixtureFolder, ROOT, runCli } from './helpers.js';

const SCHEMAS = join(ROOT, 'schemas/output');
const ajv = new Ajv2020({ allErrors: true, strict: true });
for (const name of readdirSync(SCHEMAS)) ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, name), 'utf8')));

/** Runs a command and returns the schema errors of its JSON output (empty when it conforms). */
async function schemaErrors(schema: string, args: string[], cwd: string): Promise<string[]> {
  const result = await runCli(args, { cwd });
  expect(result.stderr).toBe('');
  const validate = ajv.getSchema(`https://plan.invalid/schemas/output/${schema}.json`)!;
  return validate(JSON.parse(result.stdout)) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const progress = fixtureFolder('progress');
const withProblems = fixtureFolder('check/occurrence-period');
const outputs: [string, string[], string][] = [
  ['check', ['check', '--format', 'json'], withProblems],
  ['tasks', ['tasks', '--as-of', '2022-06-30', '--format', 'json'], progress],
  ['tasks', ['tasks', '--as-of', '2022-06-30', '--domain', 'BB', '--status', 'late', '--due-after', '2022-01-01', '--format', 'json'], progress],
  ['status', ['status', '--as-of', '2022-06-30', '--format', 'json'], progress],
  ['status', ['status', '--as-of', '2021-12-01', '--owner', '张伟', '--format', 'json'], progress],
  ['owners', ['owners', '--as-of', '2022-06-30', '--format', 'json'], progress],
  ['owner', ['owner', '张伟', '--as-of', '2022-06-30', '--format', 'json'], progress],
  ['owner', ['owner', 'unassigned', '--as-of', '2022-12-31', '--format', 'json'], progress],
  ['compliance', ['compliance', '--as-of', '2022-06-30', '--format', 'json'], progress],
  ['report', ['report', '--month', '2022-06', '--format', 'json'], progress],
  ['report', ['report', '--month', '2022-06', '--as-of', '2022-06-20', '--format', 'json'], progress],
  ['export', ['export'], progress],
  ['export', ['export', '--as-of', '2022-05-31'], progress],
  ['tasks', ['tasks', '--as-of', '2022-06-30', '--format', 'json'], ROOT],
  ['status', ['status', '--as-of', '2022-06-30', '--format', 'json'], ROOT],
  ['compliance', ['compliance', '--as-of', '2022-06-30', '--format', 'json'], ROOT],
  ['report', ['report', '--month', '2022-06', '--format', 'json'], ROOT],
  ['export', ['export'], ROOT],
  ...['BB-06', 'BB-03', 'BB-05', 'AA-02/m1', 'BB-05@2022-06', 'BB-T2', 'E002', '高新区'].map((id): [string, string[], string] => ['show', ['show', id, '--as-of', '2022-06-30', '--format', 'json'], progress]),
  ...['GM-A04', 'ZH-02', 'GM-T3', 'E001', '土桥镇'].map((id): [string, string[], string] => ['show', ['show', id, '--as-of', '2022-06-30', '--format', 'json'], ROOT]),
];

describe('every --format json output matches its published schema', () => {
  it.each(outputs)('schemas/output/%s.json: plan %s', async (schema, args, cwd) => {
    expect(await schemaErrors(schema, args, cwd)).toEqual([]);
  });

  it('fails an output that leaves out a documented field', () => {
    const validate = ajv.getSchema('https://plan.invalid/schemas/output/tasks.json')!;
    const item = { id: 'AA-01', kind: 'task', task_id: 'AA-01', domain_id: 'AA', title: 't', part: null, owners: [], leaders: [], units: [], due: '2022-03-30', due_stated: true, required: 1, completions: [], task_status: 'todo', before_notice: false, count: 0, state: 'open', days_late: 0, days_left: 3 };
    const output = { as_of: '2022-03-27', soon_days: 14, filter: { domain: null, owner: null, unit: null, states: null, due_before: null, due_after: null, task_statuses: null, grep: null }, items: [item] };
    expect(validate(output)).toBe(false);
    expect(validate({ ...output, items: [{ ...item, completed: null, started: null }] })).toBe(true);
  });
});

describe('the output schemas', () => {
  it('each have a stable $id named after the file, a title and a description on every field', () => {
    for (const name of readdirSync(SCHEMAS)) {
      const schema = JSON.parse(readFileSync(join(SCHEMAS, name), 'utf8'));
      expect(schema.$id).toBe(`https://plan.invalid/schemas/output/${name}`);
      expect(schema.title).toBeTruthy();
      const undocumented: string[] = [];
      const visit = (node: unknown, path: string): void => {
        if (Array.isArray(node) || node === null || typeof node !== 'object') return;
        for (const [key, value] of Object.entries((node as { properties?: object }).properties ?? {})) {
          if (!('description' in value) && !('$ref' in value)) undocumented.push(`${path}/${key}`);
        }
        for (const [key, value] of Object.entries(node)) visit(value, `${path}/${key}`);
      };
      visit(schema, name);
      expect(undocumented).toEqual([]);
    }
  });
});
