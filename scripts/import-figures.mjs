// `npm run import-figures`: how well `plan import` reads the seed and the notices written for
// testing, each against its hand transcription, as the Markdown table the README shows.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const notices = join(root, 'test', 'fixtures', 'notices');
const seed = readdirSync(join(root, 'seeds')).find((name) => name.endsWith('.txt'));
const cases = [
  { name: `seed (\`seeds/${seed}\`) vs \`data/\``, notice: join(root, 'seeds', seed), expected: join(root, 'data') },
  ...readdirSync(notices)
    .filter((name) => existsSync(join(notices, name, 'notice.txt')))
    .map((name) => ({ name: `${name} (written for testing)`, notice: join(notices, name, 'notice.txt'), expected: join(notices, name, 'expected') })),
];
const work = mkdtempSync(join(tmpdir(), 'plan-import-figures-'));
const cell = (f) => (f.of === 0 ? '—' : `${f.agree}/${f.of} (${((100 * f.agree) / f.of).toFixed(1)}%)`);
console.log('| notice | tasks found | due, milestones, cadence, season | the same, tasks with any | owners | targets | roster rows | town targets |');
console.log('|---|---|---|---|---|---|---|---|');
for (const { name, notice, expected } of cases) {
  const out = join(work, String(cases.indexOf(cases.find((c) => c.name === name))));
  const run = spawnSync(process.execPath, [join(root, 'bin', 'plan.cjs'), 'import', notice, '--out', out, '--compare', expected, '--format', 'json'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${name}: ${run.stderr}`);
  const c = JSON.parse(run.stdout).comparison;
  console.log(`| ${name} | ${cell(c.tasks)} | ${cell(c.dates)} | ${cell(c.dated_only)} | ${cell(c.owners)} | ${cell(c.targets)} | ${cell(c.roster)} | ${cell(c.towns)} |`);
}
rmSync(work, { recursive: true, force: true });
