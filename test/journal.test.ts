import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from './helpers.js';

/**
 * An edit of several files killed between two of them (SIGKILL: no handler runs) is undone by the
 * next run, whatever reads the folder first. The kills are placed by strace's fault injection on
 * the shipped program, at each rename and at the journal's removal, so every gap is hit.
 */
const strace = spawnSync('strace', ['-V'], { encoding: 'utf8' }).status === 0;
const PLAN = join(ROOT, 'bin', 'plan.cjs');

function folder(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'plan-journal-')), 'data');
  cpSync(join(FIXTURES, 'base'), dir, { recursive: true });
  return dir;
}

const files = (dir: string) => ({ people: readFileSync(join(dir, 'people.yaml'), 'utf8'), domain: readFileSync(join(dir, 'domains', '01-aa.yaml'), 'utf8') });

function plan(dir: string, args: string[], inject?: string) {
  const command = inject ? ['strace', ['-f', '-qq', '-o', '/dev/null', '-e', `trace=${inject.split(':')[0]}`, '-e', `inject=${inject}`, process.execPath, PLAN, '--data', dir, ...args]] : [process.execPath, [PLAN, '--data', dir, ...args]];
  // One thread for file work, so strace counts every rename in one sequence: 1 the journal, 2 and 3 the files.
  return spawnSync(command[0] as string, command[1] as string[], { encoding: 'utf8', env: { ...process.env, PLAN_LANG: 'en', PLAN_CACHE: '0', UV_THREADPOOL_SIZE: '1' } });
}

describe.skipIf(!strace)('an edit of several files killed half-way', () => {
  // rename person touches people.yaml and domains/01-aa.yaml: renames 1 (the journal), 2 and 3 (the files), then the journal's unlink.
  it.each([
    ['as the journal is put in place', 'rename:signal=KILL:when=1', false],
    ['before the first file', 'rename:signal=KILL:when=2', true],
    ['between the two files', 'rename:signal=KILL:when=3', true],
    ['as the journal is removed, both files written', 'unlink:signal=KILL:when=1', true],
  ])('killed %s: the next run finds both files as before', (_when, inject, journalLeft) => {
    const dir = folder();
    const before = files(dir);
    const killed = plan(dir, ['rename', 'person', '张伟', '张伟明'], inject);
    expect(killed.status).not.toBe(0);
    expect(existsSync(join(dir, '.plan.journal'))).toBe(journalLeft);

    const status = plan(dir, ['status', '--as-of', '2022-06-30']);
    expect(status.status).toBe(0);
    if (journalLeft) expect(status.stderr).toMatch(/was cut short/);
    expect(files(dir)).toEqual(before);
    expect(existsSync(join(dir, '.plan.journal'))).toBe(false);
    // The edit can then be made again, whole, and leaves nothing of the killed one behind.
    const again = plan(dir, ['rename', 'person', '张伟', '张伟明']);
    expect(again.status).toBe(0);
    expect(files(dir).people).toContain('张伟明');
    expect(files(dir).domain).toContain('张伟明');
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(readdirSync(join(dir, 'domains')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('a done over three domain files, killed at each of its renames and at the journal\'s removal, is found whole or not at all', () => {
    const domains = (dir: string) => ['01-aa.yaml', '02-ab.yaml', '03-ac.yaml'].map((name) => readFileSync(join(dir, 'domains', name), 'utf8'));
    const threeFiles = () => {
      const dir = folder();
      for (const code of ['AB', 'AC']) writeFileSync(join(dir, 'domains', `0${code === 'AB' ? 2 : 3}-${code.toLowerCase()}.yaml`), readFileSync(join(dir, 'domains', '01-aa.yaml'), 'utf8').replaceAll('AA', code));
      return dir;
    };
    const done = ['done', 'AA-01', 'AB-01', 'AC-01', '--on', '2022-03-30'];
    const whole = threeFiles();
    expect(plan(whole, done).status).toBe(0);
    const after = domains(whole);
    for (const inject of ['rename:signal=KILL:when=1', 'rename:signal=KILL:when=2', 'rename:signal=KILL:when=3', 'rename:signal=KILL:when=4', 'unlink:signal=KILL:when=1']) {
      const dir = threeFiles();
      const before = domains(dir);
      expect(plan(dir, done, inject).status, inject).not.toBe(0);
      expect(plan(dir, ['check']).status, inject).toBe(0);
      expect(domains(dir), inject).toEqual(before);
      expect(plan(dir, done).status).toBe(0);
      expect(domains(dir), inject).toEqual(after);
    }
  });

  it('plan check and every edit undo it too, before they read', () => {
    for (const args of [['check'], ['done', 'AA-01', '--on', '2022-03-01']]) {
      const dir = folder();
      const before = files(dir);
      plan(dir, ['rename', 'person', '张伟', '张伟明'], 'rename:signal=KILL:when=3');
      const next = plan(dir, args);
      expect(next.status, next.stderr).toBe(0);
      expect(next.stderr).toMatch(/was cut short/);
      expect(files(dir).people).toBe(before.people);
      expect(existsSync(join(dir, '.plan.journal'))).toBe(false);
    }
  });

  it('a file changed by hand since is never written over: the run stops and says what to do', () => {
    const dir = folder();
    plan(dir, ['rename', 'person', '张伟', '张伟明'], 'rename:signal=KILL:when=3');
    const handEdited = `${files(dir).people}# fixed by hand\n`;
    writeFileSync(join(dir, 'people.yaml'), handEdited);
    const domain = files(dir).domain;
    const status = plan(dir, ['status']);
    expect(status.status).toBe(2);
    expect(status.stderr.trim().split('\n')).toHaveLength(1);
    expect(status.stderr).toMatch(/people\.yaml has been changed since; nothing was written/);
    expect(files(dir)).toEqual({ people: handEdited, domain });
    expect(existsSync(join(dir, '.plan.journal'))).toBe(true);
  });
});

describe('the journal', () => {
  it('is not left behind by an edit that completes', () => {
    const dir = folder();
    const r = plan(dir, ['rename', 'person', '张伟', '张伟明']);
    expect(r.status).toBe(0);
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it.each([
    ['names a file outside the data folder', (old: string) => ({ path: '../outside.txt', old, new: 'x' })],
    ['names a file that is not a data file', (old: string) => ({ path: 'README.md', old, new: 'x' })],
  ])('that %s is refused, and nothing is written', (_name, entry) => {
    const dir = folder();
    const outside = join(dir, '..', 'outside.txt');
    writeFileSync(outside, 'mine\n');
    const files = [entry('overwritten\n')];
    const checksum = createHash('sha256').update(JSON.stringify(files), 'utf8').digest('hex');
    writeFileSync(join(dir, '.plan.journal'), JSON.stringify({ version: 1, pid: 1, started: '2022-06-30T00:00:00Z', files, checksum }));
    const r = plan(dir, ['status']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot be read; compare the data files with git/);
    expect(readFileSync(outside, 'utf8')).toBe('mine\n');
    expect(existsSync(join(dir, 'README.md'))).toBe(false);
  });

  it('cut short or altered is refused, and nothing is written', () => {
    const dir = folder();
    const before = files(dir);
    writeFileSync(join(dir, '.plan.journal'), '{"version":1,"files":[{"path":"people.yaml","old":"people: []\\n","new":"x"}],"checksum":"0000"}');
    const r = plan(dir, ['check']);
    expect(r.status).toBe(2);
    expect(files(dir)).toEqual(before);
  });
});
