// `node bench/kill.mjs [RUNS]`: kills `plan rename person` (two files) with SIGKILL at random moments,
// lets the next `plan check` undo what it left, and counts folders left with one file renamed and
// the other not. The README promises none.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const plan = join(root, 'bin', 'plan.cjs');
const runs = Number(process.argv[2] ?? 200);
const counts = { old: 0, new: 0, mixed: 0, undone: 0 };
for (let i = 0; i < runs; i++) {
  const dir = join(mkdtempSync(join(tmpdir(), 'plan-kill-')), 'data');
  cpSync(join(root, 'test', 'fixtures', 'base'), dir, { recursive: true });
  const child = spawn(process.execPath, [plan, '--data', dir, 'rename', 'person', '张伟', '张伟明'], { stdio: 'ignore', env: { ...process.env, PLAN_CACHE: '0' } });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  // A run takes about a quarter of a second: kill anywhere in it, writes included.
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 350));
  child.kill('SIGKILL');
  await exited;
  const check = spawnSync(process.execPath, [plan, '--data', dir, 'check'], { encoding: 'utf8', env: { ...process.env, PLAN_CACHE: '0', PLAN_LANG: 'en' } });
  if (/was cut short/.test(check.stderr)) counts.undone++;
  const people = readFileSync(join(dir, 'people.yaml'), 'utf8').includes('张伟明');
  const domain = readFileSync(join(dir, 'domains', '01-aa.yaml'), 'utf8').includes('张伟明');
  counts[people && domain ? 'new' : !people && !domain ? 'old' : 'mixed']++;
  rmSync(join(dir, '..'), { recursive: true, force: true });
}
console.log(`${runs} kills: ${counts.old} left as before, ${counts.new} renamed whole, ${counts.mixed} half-renamed; ${counts.undone} undone by the next run`);
