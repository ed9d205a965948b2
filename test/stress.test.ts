import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

// Write safety under load, with the real binary (`node bin/plan.cjs`, run `npm run build` first):
// concurrent edits of one file all land, and a process killed at any moment leaves the old file or
// the new one, never a broken one, and no lock that blocks the next edit.

/**
 * The built binary, copied once: the tests then run exactly this build even if dist/ is rebuilt
 * while they run (a rebuild deletes dist/ first).
 */
let binary = '';
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-bin-'));
  for (let attempt = 0; ; attempt++) {
    try {
      cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
      cpSync(join(ROOT, 'bin/plan.cjs'), join(dir, 'bin/plan.cjs'));
      if (spawnSync(process.execPath, [join(dir, 'bin/plan.cjs'), '--version']).status === 0) break;
    } catch {
      // dist/ is being rebuilt: try again in a moment.
    }
    if (attempt === 20) throw new Error('no usable build in dist/: run `npm run build` first');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  binary = join(dir, 'bin/plan.cjs');
});

interface Run {
  child: ReturnType<typeof spawn>;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function spawnPlan(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const child = spawn(process.execPath, [binary, ...args], {
    cwd,
    env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', PLAN_CACHE: '0', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return { child, done: new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))) };
}

function bundledCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'plan-stress-'));
  cpSync(join(ROOT, 'data'), join(root, 'data'), { recursive: true });
  return root;
}

interface Task {
  id: string;
  recurrence?: unknown;
  status?: string;
}

/** The domain file with the most tasks that are not recurring duties, and those tasks. */
function busiestDomain(): { file: string; ids: string[] } {
  let best = { file: '', ids: [] as string[] };
  for (const name of readdirSync(join(ROOT, 'data/domains')).sort()) {
    const data = parseDocument(readFileSync(join(ROOT, 'data/domains', name), 'utf8')).toJS() as { tasks?: Task[] };
    const ids = (data.tasks ?? []).filter((t) => !t.recurrence && t.status !== 'done').map((t) => t.id);
    if (ids.length > best.ids.length) best = { file: `data/domains/${name}`, ids };
  }
  return best;
}

/** Deterministic delays: the same rounds every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

const stats = { concurrent: 0, rounds: 0, killed: 0, old: 0, new: 0, leftovers: 0 };

describe('many edits at once', () => {
  it('20 concurrent `plan done` on 20 tasks of one file all exit 0 and all land', async () => {
    const { file, ids } = busiestDomain();
    expect(ids.length, `${file} has too few open, non-recurring tasks`).toBeGreaterThanOrEqual(20);
    const chosen = ids.slice(0, 20);
    const cwd = bundledCopy();
    const started = performance.now();
    // Each waits its turn for the folder's lock; 20 in a row on a slow machine can take a while.
    const results = await Promise.all(chosen.map((id) => spawnPlan(['done', id, '--on', '2022-06-30', '--force'], cwd, { PLAN_LOCK_WAIT_MS: '60000' }).done));
    stats.concurrent = chosen.length;
    for (const [i, result] of results.entries()) {
      expect(result, chosen[i]).toMatchObject({ code: 0, stderr: '', stdout: `${chosen[i]} done on 2022-06-30 (${file})\n` });
    }
    const text = readFileSync(join(cwd, file), 'utf8');
    const doc = parseDocument(text);
    expect(doc.errors).toEqual([]);
    const tasks = (doc.toJS() as { tasks: (Task & { completed?: string })[] }).tasks;
    const done = tasks.filter((t) => t.status === 'done');
    expect(done.map((t) => t.id).sort()).toEqual([...chosen].sort());
    expect(done.every((t) => t.completed === '2022-06-30')).toBe(true);
    // Nothing else changed: undoing the 20 edits in the text gives the original back.
    const original = readFileSync(join(ROOT, file), 'utf8');
    expect(text.replace(/\n {4}status: done\n {4}completed: 2022-06-30\n {4}history:\n {6}- date: 2022-06-30\n {8}status: done(?=\n)/g, '')).toBe(original);
    expect(existsSync(join(cwd, 'data/.plan.lock'))).toBe(false);
    expect(spawnSync(process.execPath, [binary, 'check'], { cwd, env: { PATH: process.env.PATH, PLAN_CACHE: '0' } }).status).toBe(0);
    console.log(`stress: ${chosen.length} concurrent edits of ${file} landed in ${Math.round(performance.now() - started)} ms`);
  }, 90_000);
});

describe('edits killed at random moments', () => {
  it('leave the old file or the new one, always parseable, and never block the next edit', async () => {
    const { file, ids } = busiestDomain();
    const id = ids[0]!;
    const cwd = bundledCopy();
    const path = join(cwd, file);
    // The two versions there may be: the task's note of 06-30 as first written, and as corrected.
    // A note corrected back is byte for byte the original (a change of status would add to the history).
    const first = ['note', id, '现场检查', '--on', '2022-06-30'];
    const correct = (text: string) => ['note', id, text, '--on', '2022-06-30', '--replace'];
    expect((await spawnPlan(first, cwd).done).code).toBe(0);
    const before = readFileSync(path, 'utf8');
    expect((await spawnPlan(correct('现场检查已完成'), cwd).done).code).toBe(0);
    const after = readFileSync(path, 'utf8');
    expect((await spawnPlan(correct('现场检查'), cwd).done).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(before);

    // How long an edit takes here, so that the kills fall before, during and after its write.
    const timed = performance.now();
    await spawnPlan(correct('现场检查已完成'), cwd).done;
    const span = Math.max(150, performance.now() - timed);
    const next = random(20220630);
    const ROUNDS = 20;
    for (let round = 0; round < ROUNDS; round++) {
      const args = round % 2 === 0 ? correct('现场检查') : correct('现场检查已完成');
      const run = spawnPlan(args, cwd);
      // Mostly in the second half, where the data is loaded, checked and written; some early, some too late.
      const delay = Math.floor(span * (round % 5 === 0 ? next() * 0.5 : 0.45 + next() * 0.75));
      const timer = setTimeout(() => run.child.kill('SIGKILL'), delay);
      const result = await run.done;
      clearTimeout(timer);
      stats.rounds++;
      if (result.signal === 'SIGKILL') stats.killed++;
      else expect(result, `round ${round}: ${args.join(' ')}`).toMatchObject({ code: 0, stderr: '' });
      const text = readFileSync(path, 'utf8');
      expect(parseDocument(text).errors, `round ${round}`).toEqual([]);
      expect([before, after], `round ${round}: the file is neither the old nor the new version`).toContain(text);
      if (text === before) stats.old++;
      else stats.new++;
    }
    // A lock left by a killed process is cleared by the next edit, which succeeds.
    const last = await spawnPlan(correct('现场检查已完成'), cwd, { PLAN_LOCK_WAIT_MS: '5000' }).done;
    expect(last).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(path, 'utf8')).toBe(after);
    expect(existsSync(join(cwd, 'data/.plan.lock'))).toBe(false);
    expect(spawnSync(process.execPath, [binary, 'check'], { cwd, env: { PATH: process.env.PATH, PLAN_CACHE: '0' } }).status).toBe(0);
    // A write killed between its temporary file and the rename leaves that hidden file behind; it is never read as data.
    stats.leftovers = readdirSync(join(cwd, 'data/domains')).filter((name) => name.endsWith('.tmp')).length;
    expect(readdirSync(join(cwd, 'data/domains')).filter((name) => name.endsWith('.tmp')).every((name) => name.startsWith('.'))).toBe(true);
    console.log(
      `stress: ${stats.rounds} rounds, ${stats.killed} killed mid-run (edit window ${Math.round(span)} ms); file old ${stats.old}, new ${stats.new}; ${stats.leftovers} temporary files left`,
    );
  }, 90_000);
});
