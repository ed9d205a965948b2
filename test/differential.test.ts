// The differential test: `plan tasks --format json` against a second derivation of every item and
// its state written from the README alone (test/differential/derive.ts), day by day, on the bundled
// data and on random progress histories recorded with the CLI's own commands.
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFrom, deriveItems, readPlan, type DerivedItem, type RawPlan } from './differential/derive.js';
import { fixtureFolder, ROOT, runCli } from './helpers.js';

const SOON = 14;
// Reports read through the result cache, as they do in use; a private folder keeps runs apart.
const env = { LANG: 'en_US.UTF-8', PLAN_CACHE_DIR: mkdtempSync(join(tmpdir(), 'plan-differential-cache-')) };

// The reports are asked of the built program (`npm test` builds it first), in this process: its
// result cache works there (it is keyed by the build), so a thousand runs on one folder parse and
// validate the files once, not a thousand times.
const BUNDLE = join(ROOT, 'dist/cli.cjs');
type Main = (argv: string[], io: Parameters<typeof import('../src/cli.js').main>[1]) => Promise<number>;
const builtMain = existsSync(BUNDLE) ? (createRequire(import.meta.url)(BUNDLE) as { main: Main }).main : undefined;

async function runBuilt(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!builtMain) throw new Error('no build: run npm run build (npm test does)');
  let stdout = '';
  let stderr = '';
  const code = await builtMain(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env, cwd, isTTY: false, columns: undefined, now: () => new Date('2022-06-30T04:00:00Z') });
  return { code, stdout, stderr };
}

/** The items `plan tasks` reports at a date, keyed by id. */
async function reported(cwd: string, asOf: string): Promise<Map<string, Record<string, unknown>>> {
  const result = await runBuilt(['tasks', '--as-of', asOf, '--soon', String(SOON), '--format', 'json'], cwd);
  expect(result.stderr).toBe('');
  const items = JSON.parse(result.stdout).items as { id: string }[];
  return new Map(items.map((item) => [item.id, item]));
}

/** Where the two derivations disagree at a date: one line per item, empty when they agree. */
async function disagreements(cwd: string, plan: RawPlan, asOf: string): Promise<string[]> {
  const derived = deriveItems(plan, asOf, SOON);
  const fromCli = await reported(cwd, asOf);
  const out: string[] = [];
  for (const item of derived) {
    const theirs = fromCli.get(item.id);
    if (!theirs) out.push(`${asOf} ${item.id}: missing from plan tasks`);
    else {
      for (const key of Object.keys(item) as (keyof DerivedItem)[]) {
        if (JSON.stringify(theirs[key]) !== JSON.stringify(item[key])) out.push(`${asOf} ${item.id}.${key}: plan ${JSON.stringify(theirs[key])}, README ${JSON.stringify(item[key])}`);
      }
    }
    fromCli.delete(item.id);
  }
  for (const id of fromCli.keys()) out.push(`${asOf} ${id}: reported but not an item by the README`);
  return out;
}

describe('plan tasks agrees with the README, derived a second way', () => {
  it('on the bundled data, every day of the plan year and a week or two either side', async () => {
    const plan = readPlan(join(ROOT, 'data'));
    const problems: string[] = [];
    for (const asOf of daysFrom('2021-12-25', '2023-01-10')) problems.push(...(await disagreements(ROOT, plan, asOf)));
    expect(problems.slice(0, 20)).toEqual([]);
  }, 600_000);

  it('on random progress histories recorded with plan done, reopen, start, block, unblock, cancel and note', async () => {
    const folder = fixtureFolder('differential');
    const ids = deriveItems(readPlan(join(folder, 'data')), '2022-06-30', SOON).map((i) => i.id);
    const taskIds = [...new Set(ids.map((id) => id.split(/[@/]/)[0]!))];
    const day = fc.constantFrom(...daysFrom('2022-01-01', '2022-12-31'));
    const edit = fc.oneof(
      { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...ids), day).map(([id, on]) => ['done', id, '--on', on]) },
      { weight: 1, arbitrary: fc.constantFrom(...ids).map((id) => ['reopen', id]) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...taskIds), day).map(([id, on]) => ['start', id, '--on', on]) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...taskIds), day).map(([id, on]) => ['block', id, '--reason', '等待', '--on', on]) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...taskIds), day).map(([id, on]) => ['unblock', id, '--on', on]) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...taskIds), day).map(([id, on]) => ['cancel', id, '--reason', '不再需要', '--on', on]) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...taskIds), day).map(([id, on]) => ['reopen', id, '--on', on]) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...ids), day).map(([id, on]) => ['note', id, '已报送', '--on', on]) },
    );
    const asOf = fc.constantFrom(...daysFrom('2021-12-25', '2023-01-10'));
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 5, maxLength: 25 }), fc.uniqueArray(asOf, { minLength: 60, maxLength: 60 }), async (edits, dates) => {
        const cwd = fixtureFolder('differential');
        // Edits the CLI refuses (a date before the occurrence begins, a task already done) change nothing.
        for (const args of edits) expect((await runCli(args, { cwd, env, now: new Date('2023-01-10T04:00:00Z') })).code).toBeLessThanOrEqual(2);
        const plan = readPlan(join(cwd, 'data'));
        const problems: string[] = [];
        for (const date of dates) problems.push(...(await disagreements(cwd, plan, date)));
        expect(problems.slice(0, 20)).toEqual([]);
      }),
      { numRuns: 3, seed: 20220406 },
    );
  }, 600_000);
});
