// The built program keeps the document formats' libraries out of the file read at every start.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/**
 * Runs the built bundle in a fresh Node for each argument list, one after the other, and returns
 * after each run whether dist/documents.cjs had been loaded by then, and the run's output.
 */
function runsOfBundle(runs: string[][]): { documentsLoaded: boolean; code: number; out: string }[] {
  const script = `
    const { loadBundle } = require('./bin/plan.cjs');
    const { exports } = loadBundle();
    (async () => {
      const results = [];
      for (const args of ${JSON.stringify(runs)}) {
        let out = '';
        const io = { stdout: (t) => { out += t; }, stderr: (t) => { out += t; }, env: { LANG: 'en_US.UTF-8' }, cwd: process.cwd(), isTTY: false, columns: undefined, now: () => new Date('2022-07-01T04:00:00Z') };
        const code = await exports.main(args, io);
        results.push({ documentsLoaded: Object.keys(require.cache).some((f) => f.endsWith('documents.cjs')), code, out });
      }
      process.stdout.write(JSON.stringify(results));
    })();`;
  const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, PLAN_CACHE: '0' } });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as { documentsLoaded: boolean; code: number; out: string }[];
}

describe('the built bundle', () => {
  it('loads the document formats only when one is asked for', () => {
    const [version, text, html] = runsOfBundle([
      ['--version'],
      ['report', '--month', '2022-06'],
      ['report', '--month', '2022-06', '--format', 'html'],
    ]);
    expect(version).toMatchObject({ code: 0, documentsLoaded: false });
    expect(text).toMatchObject({ code: 0, documentsLoaded: false });
    expect(html).toMatchObject({ code: 0, documentsLoaded: true });
    expect(html!.out).toMatch(/^<!DOCTYPE html>\n[\s\S]*<svg [\s\S]*<\/html>\n$/);
  });

  it('has none of the chart, Word or Excel code in the main file', () => {
    const main = readFileSync(`${ROOT}dist/cli.cjs`, 'utf8');
    const documents = readFileSync(`${ROOT}dist/documents.cjs`, 'utf8');
    // Markup that only the charts' code and the Word and Excel writers hold.
    for (const text of ['viewBox=', 'aria-labelledby=', 'wordprocessingml', 'spreadsheetml']) {
      expect(documents).toContain(text);
      expect(main).not.toContain(text);
    }
  });
});
