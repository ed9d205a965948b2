import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, fixtureFolder } from './helpers.js';

/** Runs the built binary as a user would. */
function plan(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [`${ROOT}bin/plan.js`, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the plan binary', () => {
  it('prints its version', () => {
    const result = plan(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('checks the bundled data and exits 0', () => {
    const result = plan(['check']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('exits 1 with positions and no stack trace on broken data', () => {
    const result = plan(['check'], { cwd: fixtureFolder('check/yaml-syntax') });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('data/domains/01-aa.yaml:6:6  error');
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  });

  it('does not colour output to a pipe', () => {
    const result = plan(['check'], { cwd: fixtureFolder('check/done-without-date') });
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('exits 2 on a usage error', () => {
    const result = plan(['check', '--format', 'xml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'xml' is invalid");
  });
});
