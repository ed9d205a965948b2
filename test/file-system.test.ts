import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { homedir, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cacheDir, readCache, type CacheEntry } from '../src/load/cache.js';
import { writeCache } from '../src/load/cache-write.js';
import { ROOT, fixtureFolder, runCli } from './helpers.js';

// What the program promises about the file system it writes to (SECURITY.md, "Writing" and
// "Cache"). Several promises only show with the built binary: the cache (which the bundle alone
// enables), standard output, and locks between processes. We run as root in some places: root
// passes every permission check, so modes and owners are checked as they are, and EACCES is
// produced by running the binary as an unprivileged user.

// These spawn the binary many times: give them room on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

const NOW = new Date('2022-07-01T04:00:00Z');
const isRoot = process.getuid?.() === 0;

/** The built binary, copied once, so that a rebuild while the tests run changes nothing. */
let binary = '';
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-fs-bin-'));
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'bin/plan.cjs'), join(dir, 'bin/plan.cjs'));
  chmodSync(dir, 0o755);
  binary = join(dir, 'bin/plan.cjs');
});

interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

function plan(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; uid?: number; timeout?: number; stdout?: number }): Spawned {
  const result = spawnSync(process.execPath, [binary, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', HOME: options.cwd, PLAN_CACHE: '0', ...options.env },
    encoding: 'utf8',
    timeout: options.timeout ?? 60_000,
    uid: options.uid,
    gid: options.uid,
    stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'],
  });
  return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

function spawnPlan(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Spawned> {
  const child = spawn(process.execPath, [binary, ...args], { cwd, env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', PLAN_CACHE: '0', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const mode = (path: string) => statSync(path).mode & 0o7777;

describe('1. report --out streams into devices, FIFOs and -, and never replaces them', () => {
  it('writes into a character device and leaves it a device, with or without --force', async () => {
    const cwd = fixtureFolder();
    const device = join(cwd, 'null');
    expect(spawnSync('mknod', [device, 'c', '1', '3']).status).toBe(0);
    for (const extra of [[], ['--force']]) {
      const result = await runCli(['report', '--month', '2022-06', '--out', device, ...extra], { cwd });
      expect(result.code).toBe(0);
      expect(lstatSync(device).isCharacterDevice()).toBe(true);
    }
  });

  it('writes into a FIFO for the process reading it, and leaves it a FIFO', async () => {
    const cwd = fixtureFolder();
    const fifo = join(cwd, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk) => (read += chunk));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    const result = await runCli(['report', '--month', '2022-06', '--out', fifo, '--force'], { cwd });
    await closed;
    expect(result.code).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    const expected = await runCli(['report', '--month', '2022-06'], { cwd });
    expect(read).toBe(expected.stdout);
  });

  it('takes - and /dev/stdout for standard output', async () => {
    const cwd = fixtureFolder();
    const expected = await runCli(['report', '--month', '2022-06'], { cwd });
    const dash = await runCli(['report', '--month', '2022-06', '--out', '-'], { cwd });
    expect(dash).toEqual(expected);
    expect(existsSync(join(cwd, '-'))).toBe(false);
    const devStdout = plan(['report', '--month', '2022-06', '--out', '/dev/stdout'], { cwd });
    expect(devStdout.code).toBe(0);
    expect(devStdout.stdout).toBe(expected.stdout);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });

  it('refuses a folder or socket at the path in one line, and leaves it', async () => {
    const cwd = fixtureFolder();
    mkdirSync(join(cwd, 'folder'));
    const result = await runCli(['report', '--month', '2022-06', '--out', 'folder', '--force'], { cwd });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'plan: cannot write folder: it is not a regular file (a folder, device, FIFO, socket or symbolic link); it is left as it is\n',
    });
    expect(statSync(join(cwd, 'folder')).isDirectory()).toBe(true);
  });
});

describe('2. an edit keeps mode and owner, refuses read-only files, and writes a symlinked file only inside the data folder', () => {
  const file = 'data/domains/01-aa.yaml';

  it('keeps a private file private (0600) and a group-writable one group-writable (0664)', async () => {
    for (const bits of [0o600, 0o664, 0o640]) {
      const cwd = fixtureFolder();
      chmodSync(join(cwd, file), bits);
      expect((await runCli(['start', 'AA-01'], { cwd, now: NOW })).code).toBe(0);
      expect(readFileSync(join(cwd, file), 'utf8')).toContain('status: doing');
      expect(mode(join(cwd, file))).toBe(bits);
    }
  });

  it.runIf(isRoot)('keeps the owner and group of a file edited by root', async () => {
    const cwd = fixtureFolder();
    chownSync(join(cwd, file), 1234, 2345);
    expect((await runCli(['start', 'AA-01'], { cwd, now: NOW })).code).toBe(0);
    expect(statSync(join(cwd, file))).toMatchObject({ uid: 1234, gid: 2345 });
  });

  it('refuses a read-only file (0444) in one line, even for root, and leaves it as it was', async () => {
    const cwd = fixtureFolder();
    const path = join(cwd, file);
    chmodSync(path, 0o444);
    const before = readFileSync(path);
    const result = await runCli(['start', 'AA-01'], { cwd, now: NOW });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `plan: cannot write ${file}: the file is read-only (its mode grants no write permission); make it writable to edit it\n`,
    });
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(mode(path)).toBe(0o444);
  });

  it('writes the target of a symlinked data file that lies inside the data folder, and keeps the link', async () => {
    const cwd = fixtureFolder();
    mkdirSync(join(cwd, 'data/shared'));
    cpSync(join(cwd, file), join(cwd, 'data/shared/aa.yaml'));
    rmSync(join(cwd, file));
    symlinkSync('../shared/aa.yaml', join(cwd, file));
    expect((await runCli(['start', 'AA-01'], { cwd, now: NOW })).code).toBe(0);
    expect(lstatSync(join(cwd, file)).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(cwd, file))).toBe('../shared/aa.yaml');
    expect(readFileSync(join(cwd, 'data/shared/aa.yaml'), 'utf8')).toContain('status: doing');
  });

  it('refuses to write through a symlinked data file whose target lies outside the data folder', async () => {
    const cwd = fixtureFolder();
    const outside = join(cwd, 'elsewhere.yaml');
    cpSync(join(cwd, file), outside);
    rmSync(join(cwd, file));
    symlinkSync(outside, join(cwd, file));
    const before = readFileSync(outside);
    const result = await runCli(['start', 'AA-01'], { cwd, now: NOW });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `plan: cannot write ${file}: it is a symbolic link to a file outside the data folder; it is not written through\n`,
    });
    expect(readFileSync(outside).equals(before)).toBe(true);
    expect(lstatSync(join(cwd, file)).isSymbolicLink()).toBe(true);
  });
});

describe('3. the cache is a pure speed-up', () => {
  const folder = { dir: '/data', files: [{ path: 'plan.yaml', absolutePath: '/data/plan.yaml', kind: 'plan' as const, bytes: Buffer.from('title: x\n') }], diagnostics: [] };
  const entryIn = (dir: string): CacheEntry => ({
    path: join(dir, '0123456789abcdef-plan-without-text-01234567.bin'),
    header: { build: '0123456789abcdef', purpose: 'plan-without-text', dir: '/data', files: [{ path: 'plan.yaml', length: 9 }], problems: [] },
    raw: folder,
  });

  /** An entry with text of its stored value (JSON in UTF-16LE) replaced; the text must be there. */
  function storedValueEdited(entry: Buffer, from: string, to: string): Buffer {
    const bytes = (text: string) => Buffer.from(text, 'utf16le').toString('latin1');
    const stored = entry.toString('latin1');
    expect(stored).toContain(bytes(from));
    return Buffer.from(stored.replaceAll(bytes(from), bytes(to)), 'latin1');
  }

  it('ignores an entry whose stored result was changed, even with its framing intact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-cache-'));
    const entry = entryIn(dir);
    writeCache(entry, { blocked: 0, towns: '0/358' });
    expect(readCache(entry)).toEqual({ blocked: 0, towns: '0/358' });
    writeFileSync(entry.path, storedValueEdited(readFileSync(entry.path), '"blocked":0', '"blocked":9'));
    expect(readCache(entry)).toBeUndefined();
  });

  it('answers plan status from the data, not from a changed entry', () => {
    const cwd = fixtureFolder('progress');
    const env = { PLAN_CACHE: '1', PLAN_CACHE_DIR: join(cwd, 'cache') };
    const args = ['status', '--as-of', '2022-06-30', '--format', 'json'];
    const first = plan(args, { cwd, env });
    expect(first.code).toBe(0);
    const [name] = readdirSync(join(cwd, 'cache'));
    const path = join(cwd, 'cache', name!);
    // Same length, so the entry's framing still holds: only a checksum can tell.
    writeFileSync(path, storedValueEdited(readFileSync(path), '"status":"todo"', '"status":"done"'));
    expect(plan(args, { cwd, env })).toEqual(first);
  });

  it('never writes through a link planted where a temporary file of the cache would go', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-cache-'));
    const victim = join(mkdtempSync(join(tmpdir(), 'plan-victim-')), 'precious.txt');
    writeFileSync(victim, 'keep me\n');
    const entry = entryIn(dir);
    for (const name of [`${entry.path}.${process.pid}.tmp`, `${entry.path}.tmp`]) symlinkSync(victim, name);
    writeCache(entry, { ok: true });
    expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
    expect(readCache(entry)).toEqual({ ok: true });
  });

  it('prunes only files whose names the cache makes, even in a folder of the user’s own files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-cache-'));
    const mine = Array.from({ length: 25 }, (_, i) => `photo-${i}.bin`);
    for (const name of mine) writeFileSync(join(dir, name), name);
    for (let i = 0; i < 25; i++) writeCache({ ...entryIn(dir), path: join(dir, `0123456789abcdef-plan-${String(i).padStart(8, '0')}.bin`) }, i);
    const left = readdirSync(dir);
    for (const name of mine) expect(left).toContain(name);
    expect(left.filter((name) => name.startsWith('0123456789abcdef-'))).toHaveLength(20);
  });

  it('takes an empty or relative PLAN_CACHE_DIR or XDG_CACHE_HOME as unset, never the current folder', () => {
    const home = join(homedir(), '.cache', 'plan');
    expect(cacheDir({ PLAN_CACHE_DIR: '' })).toBe(home);
    expect(cacheDir({ XDG_CACHE_HOME: '' })).toBe(home);
    expect(cacheDir({ PLAN_CACHE_DIR: '', XDG_CACHE_HOME: '' })).toBe(home);
    expect(cacheDir({ PLAN_CACHE_DIR: 'cache' })).toBe(home);
    expect(cacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/plan');
    expect(cacheDir({ PLAN_CACHE_DIR: '/y' })).toBe('/y');
  });

  it('creates its folder private (0700)', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'plan-cache-')), 'new', 'plan');
    writeCache(entryIn(dir), 1);
    expect(mode(dir)).toBe(0o700);
  });
});

describe('4. locks are taken where the files really are', () => {
  it('15 + 15 concurrent notes through two data folders sharing one domains folder all land', async () => {
    const root = fixtureFolder();
    const shared = join(root, 'shared-domains');
    cpSync(join(root, 'data/domains'), shared, { recursive: true });
    for (const name of ['a', 'b']) {
      cpSync(join(root, 'data'), join(root, name), { recursive: true });
      rmSync(join(root, name, 'domains'), { recursive: true });
      symlinkSync(shared, join(root, name, 'domains'));
    }
    const runs = Array.from({ length: 30 }, (_, i) =>
      spawnPlan(['--data', i % 2 ? 'a' : 'b', 'note', 'AA-01', `note ${i}`, '--on', '2022-06-01'], root, { PLAN_LOCK_WAIT_MS: '300000' }),
    );
    const results = await Promise.all(runs);
    expect(results.map((r) => r.code)).toEqual(results.map(() => 0));
    const text = readFileSync(join(shared, '01-aa.yaml'), 'utf8');
    for (let i = 0; i < 30; i++) expect(text).toContain(`note ${i}\n`);
  }, 600_000);
});

describe('5. a lock that is not a lock is an error, a dead one is cleared, a busy one says how to clear it', () => {
  const lockOf = (cwd: string) => join(cwd, 'data/.plan.lock');
  const notAFile = 'plan: the lock file data/.plan.lock is not a regular file; remove it (no plan process makes one like it)\n';

  it('a FIFO, a folder or a dangling symlink at the lock is one line naming it, at once', () => {
    for (const make of [
      (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0),
      (path: string) => mkdirSync(path),
      (path: string) => symlinkSync('/nonexistent/lock', path),
    ]) {
      const cwd = fixtureFolder();
      make(lockOf(cwd));
      const result = plan(['note', 'AA-01', 'x', '--on', '2022-06-01'], { cwd, timeout: 20_000 });
      expect(result).toEqual({ code: 2, stdout: '', stderr: notAFile });
    }
  });

  it('PLAN_LOCK_WAIT_MS that is not a number is a usage error, not an endless wait', () => {
    const cwd = fixtureFolder();
    writeFileSync(lockOf(cwd), JSON.stringify({ pid: process.pid, host: hostname(), since: '2022-07-01T04:00:00.000Z' }));
    const result = plan(['note', 'AA-01', 'x', '--on', '2022-06-01'], { cwd, env: { PLAN_LOCK_WAIT_MS: 'abc' }, timeout: 20_000 });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'plan: PLAN_LOCK_WAIT_MS must be a whole number of milliseconds, got "abc"\n' });
  });

  it('a lock naming pid 0 or a negative pid is stale, on any host', async () => {
    for (const holder of [{ pid: 0, host: hostname() }, { pid: -1, host: 'elsewhere' }]) {
      const cwd = fixtureFolder();
      writeFileSync(lockOf(cwd), JSON.stringify({ ...holder, since: '2022-07-01T04:00:00.000Z' }));
      const result = await runCli(['note', 'AA-01', 'x', '--on', '2022-06-01'], { cwd, now: NOW, env: { PLAN_LOCK_WAIT_MS: '100' } });
      expect(result.code).toBe(0);
      expect(existsSync(lockOf(cwd))).toBe(false);
    }
  });
});

describe('8. every I/O failure is one line naming the file and what was being done, exit 2', () => {
  /** Runs as an unprivileged user: root would pass every permission check. */
  function unprivileged(cwd: string, args: string[]): Spawned {
    if (!isRoot) return plan(args, { cwd });
    spawnSync('chown', ['-R', '65534:65534', cwd]);
    chmodSync(cwd, 0o755);
    return plan(args, { cwd, uid: 65534 });
  }

  it('a read-only domains folder: the temporary file cannot be made', () => {
    const cwd = fixtureFolder();
    chmodSync(join(cwd, 'data/domains'), 0o555);
    const before = readFileSync(join(cwd, 'data/domains/01-aa.yaml'));
    const result = unprivileged(cwd, ['start', 'AA-01', '--on', '2022-06-01']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'plan: cannot create the temporary file for data/domains/01-aa.yaml: permission denied; check the permissions of the file and its folders\n',
    });
    expect(readFileSync(join(cwd, 'data/domains/01-aa.yaml')).equals(before)).toBe(true);
  });

  it('a read-only data folder: its files cannot be replaced, while the writable domains folder still can be edited', () => {
    const cwd = fixtureFolder();
    chmodSync(join(cwd, 'data'), 0o555);
    const before = readFileSync(join(cwd, 'data/enterprises.yaml'));
    expect(unprivileged(cwd, ['certify', 'E001', '--on', '2022-06-01'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'plan: cannot create the temporary file for data/enterprises.yaml: permission denied; check the permissions of the file and its folders\n',
    });
    expect(readFileSync(join(cwd, 'data/enterprises.yaml')).equals(before)).toBe(true);
    expect(unprivileged(cwd, ['start', 'AA-01', '--on', '2022-06-01']).code).toBe(0);
    expect(readFileSync(join(cwd, 'data/domains/01-aa.yaml'), 'utf8')).toContain('status: doing');
  });

  it('a full disk under standard output (/dev/full): one line, exit 2, no stack', () => {
    const cwd = fixtureFolder();
    const full = openSync('/dev/full', 'w');
    try {
      const result = plan(['status', '--as-of', '2022-06-30'], { cwd, stdout: full });
      expect(result).toEqual({ code: 2, stdout: '', stderr: 'plan: cannot write to standard output: no space left on the device\n' });
    } finally {
      closeSync(full);
    }
  });

  it('a reader that stops early (head) ends the run quietly with exit 0', async () => {
    const child = spawn(process.execPath, [binary, '--data', join(ROOT, 'data'), 'export', '--format', 'json'], {
      env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', PLAN_CACHE: '0' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});
