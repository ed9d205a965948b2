// `plan export` is the whole plan: written back as data files, it exports to exactly the same JSON.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixtureFolder, ROOT, runCli } from './helpers.js';

/** A field the export fills in (null, [], {}) because the file left it out; the file leaves it out again. */
const isFiller = (value: unknown) =>
  value === null || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);

/** The export's fields as they are written in a file: fillers and due_stated dropped, an unstated due left out. */
function asData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asData);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) {
    if (key === 'due_stated' || key === 'units_meant' || (key === 'due' && record.due_stated === false)) continue;
    // A town without a target says so with null: that null is data.
    if ((key === 'target_total' || key === 'target_above_scale') && item === null) out[key] = null;
    else if (!isFiller(item)) out[key] = asData(item);
  }
  return out;
}

/** Writes an export back as a data folder and returns the folder's parent, to run plan in. */
function dataFromExport(exported: { plan: unknown; domains: { id: string }[]; enterprises: unknown[]; towns: unknown[]; people: unknown[]; units: unknown[] }): string {
  const root = mkdtempSync(join(tmpdir(), 'plan-round-trip-'));
  const write = (file: string, value: unknown) => writeFileSync(join(root, 'data', file), stringify(asData(value)));
  mkdirSync(join(root, 'data/domains'), { recursive: true });
  write('plan.yaml', exported.plan);
  write('people.yaml', { people: exported.people, units: exported.units });
  write('towns.yaml', { towns: exported.towns });
  write('enterprises.yaml', { enterprises: exported.enterprises });
  exported.domains.forEach((domain, i) => write(`domains/${String(i + 1).padStart(2, '0')}-${domain.id.toLowerCase()}.yaml`, domain));
  return root;
}

async function exportOf(cwd: string): Promise<string> {
  const result = await runCli(['export'], { cwd });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('plan export → data files → plan export', () => {
  it('is the identity on the bundled plan', async () => {
    const first = await exportOf(ROOT);
    expect(await exportOf(dataFromExport(JSON.parse(first)))).toBe(first);
  });

  it('is the identity on a plan with recorded progress of every kind', async () => {
    const cwd = fixtureFolder('progress');
    const now = new Date('2022-12-31T04:00:00Z');
    for (const args of [
      ['done', 'AA-03@2022-Q1', '--on', '2022-03-28', '--note', '已召开'],
      ['done', 'AA-02/m1', '--on', '2022-05-30'],
      ['block', 'AA-01', '--reason', '等待上级文件', '--on', '2022-03-01'],
      ['note', 'AA-02/m2', '已部署', '--on', '2022-06-01'],
      ['certify', 'E001', '--on', '2022-07-15', '--expires', '2025-07'],
      ['target', 'AA-T1', '72.4', '--on', '2022-06-30'],
      ['town', '虎峰镇', '--achieved', '3', '--above-scale', '1', '--on', '2022-06-30'],
    ]) {
      expect((await runCli(args, { cwd, now })).code).toBe(0);
    }
    const first = await exportOf(cwd);
    expect(first).toContain('"2022-Q1": "2022-03-28"');
    expect(await exportOf(dataFromExport(JSON.parse(first)))).toBe(first);
  });
});
