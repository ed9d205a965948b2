// The built program keeps the document formats' libraries out of the file read at every start.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

interface Run {
  /** The dist/documents-*.cjs files loaded by the end of the run (and the runs before it). */
  documents: string[];
  code: number;
  out: string;
}

/** Runs the built bundle in one fresh Node for each argument list, one after the other. */
function runsOfBundle(runs: string[][]): Run[] {
  const script = `
    const { loadBundle } = require('./bin/plan.cjs');
    const { exports } = loadBundle();
    (async () => {
      const results = [];
      for (const args of ${JSON.stringify(runs)}) {
        let out = '';
        let bytes = 0;
        const io = { stdout: (t) => { out += t; }, stdoutBytes: (b) => { bytes += b.length; }, stderr: (t) => { out += t; }, env: { LANG: 'en_US.UTF-8' }, cwd: process.cwd(), isTTY: false, columns: undefined, now: () => new Date('2022-07-01T04:00:00Z') };
        const code = await exports.main(args, io);
        const documents = Object.keys(require.cache).map((f) => /(documents-[a-z]+)\.cjs$/.exec(f)?.[1]).filter(Boolean).sort();
        results.push({ documents, code, out: bytes > 0 ? bytes + ' bytes' : out });
      }
      process.stdout.write(JSON.stringify(results));
    })();`;
  const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, PLAN_CACHE: '0' } });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Run[];
}

describe('the built bundle', () => {
  it('loads each document format\'s file only when that format is asked for', () => {
    const [version, text, html, docx, xlsx] = runsOfBundle([
      ['--version'],
      ['report', '--month', '2022-06'],
      ['report', '--month', '2022-06', '--format', 'html'],
      ['report', '--month', '2022-06', '--format', 'docx'],
      ['export', '--format', 'xlsx'],
    ]);
    expect(version).toMatchObject({ code: 0, documents: [] });
    expect(text).toMatchObject({ code: 0, documents: [] });
    expect(html).toMatchObject({ code: 0, documents: ['documents-html'] });
    expect(html!.out).toMatch(/^<!DOCTYPE html>\n[\s\S]*<svg [\s\S]*<\/html>\n$/);
    expect(docx).toMatchObject({ code: 0, documents: ['documents-docx', 'documents-html'] });
    expect(xlsx).toMatchObject({ code: 0, documents: ['documents-docx', 'documents-html', 'documents-xlsx'] });
    expect(docx!.out).toMatch(/^\d+ bytes$/);
    expect(xlsx!.out).toMatch(/^\d+ bytes$/);
  });

  it('has none of the chart, Word or Excel code in the main file, and each in its own', () => {
    const read = (file: string) => readFileSync(`${ROOT}dist/${file}.cjs`, 'utf8');
    const main = read('cli');
    // Markup that only the charts' code and the Word and Excel writers hold.
    for (const [file, texts] of [
      ['documents-html', ['viewBox=', 'aria-labelledby=']],
      ['documents-docx', ['wordprocessingml']],
      ['documents-xlsx', ['spreadsheetml']],
    ] as const) {
      for (const text of texts) {
        expect(read(file)).toContain(text);
        expect(main).not.toContain(text);
      }
    }
    expect(read('documents-html')).not.toContain('wordprocessingml');
    expect(read('documents-html')).not.toContain('spreadsheetml');
  });
});
