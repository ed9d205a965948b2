// `npm run bench`: times plan against baselines measured in the same run, side by side.
// Machines are noisy: every figure is the median of several runs after a warm-up.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, generateSingleFile } from './generate.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 5);
/** Runs on the bundled data and against Taskwarrior, a few tenths of a second each: more of them, as noise is a large part of so short a run. */
const shortRounds = Math.max(runs, Number(process.env.BENCH_SHORT_RUNS ?? 31));
const out = join(root, 'bench/out');
const cacheDir = mkdtempSync(join(tmpdir(), 'plan-bench-cache-'));
const reportRss = fileURLToPath(new URL('./report-rss.cjs', import.meta.url));

/** Runs a command once (after `before`, untimed); returns wall seconds and, for plan runs, peak memory in MB. */
function timeOnce([command, args, env = {}, before]) {
  before?.();
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: root, env: { ...process.env, PLAN_CACHE_DIR: cacheDir, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.error) throw result.error;
  const rss = /PLAN_MAX_RSS_MB=(\d+(?:\.\d+)?)/.exec(result.stderr ?? '');
  return { seconds, rssMb: rss ? Number(rss[1]) : undefined, status: result.status };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Median wall time (and peak memory) of each scenario. A scenario is a list of commands whose
 * times add up (ajv-cli takes one schema per run). Runs are interleaved, one of each scenario per
 * round after a warm-up round, so that a busy moment of the machine falls on a plan run and on its
 * baseline alike.
 */
function measure(scenarios, rounds) {
  const samples = scenarios.map(() => []);
  for (let round = 0; round <= rounds; round++) {
    scenarios.forEach((commands, i) => {
      const times = commands.map(timeOnce);
      if (round > 0) samples[i].push({ seconds: times.reduce((sum, t) => sum + t.seconds, 0), rssMb: times[0].rssMb, status: times[0].status });
    });
  }
  return samples.map((list) => {
    const rss = list.map((s) => s.rssMb).filter((v) => v !== undefined);
    return { seconds: median(list.map((s) => s.seconds)), rssMb: rss.length ? Math.max(...rss) : undefined, status: list[0].status };
  });
}

/** `plan ARGS` exactly as installed (bin/plan.cjs), with peak memory reported on exit. */
const plan = (data, args, env) => [[process.execPath, ['-r', reportRss, join(root, 'bin/plan.cjs'), '--data', data, ...args], env]];
const noCache = { PLAN_CACHE: '0' };
/** ajv-cli over the same files and schemas: one run per file kind, as it takes one schema at a time. */
function ajvCli(data) {
  const ajv = join(root, 'node_modules/ajv-cli/dist/index.js');
  const kinds = [
    ['plan.json', 'plan.yaml'],
    ['people.json', 'people.yaml'],
    ['towns.json', 'towns.yaml'],
    ['enterprises.json', 'enterprises.yaml'],
    ['domain.json', 'domains/*.yaml'],
  ];
  return kinds.map(([schema, files]) => [
    process.execPath,
    [ajv, 'validate', '--spec=draft2020', '--strict=false', '-c', 'ajv-formats', '-s', `schemas/${schema}`, '-r', 'schemas/common.json', '-d', join(data, files)],
  ]);
}

const ONE_FILE_TASKS = 100_000;
console.log(`plan benchmark: medians of interleaved runs after a warm-up (bundled data and Taskwarrior rows ${shortRounds} runs, the rest ${runs}); node ${process.version}`);
// Regenerated every run, so the synthetic data always follows the bundled data.
for (const scale of [10, 11, 100]) generate(scale, join(out, `scale-${scale}`));
generateSingleFile(ONE_FILE_TASKS, join(out, 'one-file'));
const data = join(root, 'data');
const s10 = join(out, 'scale-10');
const s11 = join(out, 'scale-11');
const s100 = join(out, 'scale-100');
const oneFile = join(out, 'one-file');
const files100 = readdirSync(join(s100, 'domains')).length + 4;
const oneFileMb = statSync(join(oneFile, 'domains', readdirSync(join(oneFile, 'domains'))[0])).size / 2 ** 20;

// `plan done` edits a copy of the bundled data; --force makes every run the same edit (it replaces the date).
const editable = join(out, 'editable');
rmSync(editable, { recursive: true, force: true });
cpSync(data, editable, { recursive: true });
const doneArgs = ['done', 'ZH-01', '--on', '2022-03-01', '--force'];

const [node0, statusBundled, statusBundledCold, checkBundledCold, doneBundled] = measure(
  [[[process.execPath, ['-e', '0']]], plan(data, ['status']), plan(data, ['status'], noCache), plan(data, ['check'], noCache), plan(editable, doneArgs)],
  shortRounds,
);
// `plan import` of the seed into a folder made new for each run (the draft must go to an empty one).
const seed = join(root, 'seeds', readdirSync(join(root, 'seeds')).find((name) => name.endsWith('.txt')));
const draft = join(out, 'draft');
const importSeed = [[process.execPath, ['-r', reportRss, join(root, 'bin/plan.cjs'), 'import', seed, '--out', draft], {}, () => rmSync(draft, { recursive: true, force: true })]];
const [node0Import, importBundled] = measure([[[process.execPath, ['-e', '0']]], importSeed], runs);
const [check100, ajv100, check10, checkOneFile] = measure([plan(s100, ['check']), ajvCli(s100), plan(s10, ['check']), plan(oneFile, ['check'])], runs);
const [status100, status100Cold, status10Cold] = measure([plan(s100, ['status']), plan(s100, ['status'], noCache), plan(s10, ['status'], noCache)], runs);
const taskwarrior = taskwarriorRows();
rmSync(cacheDir, { recursive: true, force: true });

/**
 * Taskwarrior (`task`, when on PATH) against plan on the same ~2,000 items at scale 11: every dated
 * item of `plan tasks` imported into a private Taskwarrior data folder with its due date, then
 * `task overdue` beside `plan status` and `plan tasks --overdue`, both cached.
 */
function taskwarriorRows() {
  if (spawnSync('task', ['--version'], { encoding: 'utf8' }).status !== 0) return undefined;
  const folder = mkdtempSync(join(tmpdir(), 'plan-bench-task-'));
  const rc = join(folder, 'taskrc');
  writeFileSync(rc, `data.location=${folder}\nconfirmation=off\nverbose=nothing\nnews.version=2.6.2\n`);
  const env = { TASKRC: rc, TASKDATA: folder };
  const listed = spawnSync(process.execPath, [join(root, 'bin/plan.cjs'), '--data', s11, 'tasks', '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (listed.status !== 0) throw new Error(`plan tasks at scale 11 failed: ${listed.stderr.split('\n')[0]}`);
  const due = (date) => `${date.replaceAll('-', '')}T000000Z`;
  const tasks = JSON.parse(listed.stdout).items.filter((item) => item.due).map((item) => ({ description: `${item.id} ${item.title}`, due: due(item.due), status: 'pending' }));
  writeFileSync(join(folder, 'import.json'), JSON.stringify(tasks));
  spawnSync('task', ['import', join(folder, 'import.json')], { env: { ...process.env, ...env }, encoding: 'utf8' });
  // The same list for one domain: reading the data and computing every item as before, but a table of
  // 19 rows, not 2,871; the difference is what drawing the long table costs.
  const [task, status11, overdue11, overdueOneDomain11] = measure(
    [[['task', ['overdue'], env]], plan(s11, ['status']), plan(s11, ['tasks', '--overdue']), plan(s11, ['tasks', '--overdue', '--domain', 'ZHAA'])],
    // Runs of a fifth of a second, about as noisy as those on the bundled data: as many rounds.
    shortRounds,
  );
  rmSync(folder, { recursive: true, force: true });
  return { items: tasks.length, task, status11, overdue11, overdueOneDomain11 };
}

const fmt = (s) => `${s.toFixed(3)} s`;
const node0Base = `node -e 0: ${fmt(node0.seconds)}`;
const rows = [
  ['status, bundled data (cached)', fmt(statusBundled.seconds), node0Base, statusBundled.seconds / node0.seconds, '≤ 1.5×', 1.5],
  ['status, bundled data (no cache)', fmt(statusBundledCold.seconds), node0Base, statusBundledCold.seconds / node0.seconds, '≤ 2.0×', 2.0],
  ['check, bundled data (no cache)', fmt(checkBundledCold.seconds), node0Base, checkBundledCold.seconds / node0.seconds, '≤ 2.0×', 2.0],
  ['done, copy of the bundled data', fmt(doneBundled.seconds), node0Base, doneBundled.seconds / node0.seconds, '≤ 2.5×', 2.5],
  ['import, the seed (180 tasks, 18 files)', fmt(importBundled.seconds), `node -e 0: ${fmt(node0Import.seconds)}`, importBundled.seconds / node0Import.seconds, '≤ 5×', 5],
  ...(taskwarrior
    ? [
        [`status, scale 11 (${taskwarrior.items} items, cached)`, fmt(taskwarrior.status11.seconds), `task overdue: ${fmt(taskwarrior.task.seconds)}`, taskwarrior.status11.seconds / taskwarrior.task.seconds, '≤ 1.2×', 1.2],
        ['tasks --overdue, scale 11 (cached)', fmt(taskwarrior.overdue11.seconds), `task overdue: ${fmt(taskwarrior.task.seconds)}`, taskwarrior.overdue11.seconds / taskwarrior.task.seconds, '≤ 1.5×', 1.5],
        ['the same, one domain (ZHAA)', fmt(taskwarrior.overdueOneDomain11.seconds), `task overdue: ${fmt(taskwarrior.task.seconds)}`, taskwarrior.overdueOneDomain11.seconds / taskwarrior.task.seconds, '(info)', Infinity],
      ]
    : [
        ['status, scale 11 vs Taskwarrior', 'skipped', '`task` not on PATH', NaN, '≤ 1.2×', Infinity],
        ['tasks --overdue, scale 11 vs Taskwarrior', 'skipped', '`task` not on PATH', NaN, '≤ 1.5×', Infinity],
      ]),
  [`check, scale 100 (${files100} files)`, fmt(check100.seconds), `ajv-cli: ${fmt(ajv100.seconds)}`, check100.seconds / ajv100.seconds, '≤ 1.0×', 1.0],
  [`check, one file of ${ONE_FILE_TASKS.toLocaleString('en')} tasks (${oneFileMb.toFixed(0)} MB)`, fmt(checkOneFile.seconds), `scale 100: ${fmt(check100.seconds)}`, checkOneFile.seconds / check100.seconds, '≤ 2×', 2],
  ['peak memory, check one file', `${(checkOneFile.rssMb ?? Infinity).toFixed(0)} MB`, '400 MB', (checkOneFile.rssMb ?? Infinity) / 400, '≤ 400 MB', 1.0],
  ['status, scale 100 (cached)', fmt(status100.seconds), '1.5 s', status100.seconds / 1.5, '≤ 1.5 s', 1.0],
  ['status, scale 100 (no cache)', fmt(status100Cold.seconds), '1.5 s', status100Cold.seconds / 1.5, '(info)', Infinity],
  ['peak memory, status scale 100', `${Math.max(status100.rssMb ?? Infinity, status100Cold.rssMb ?? Infinity).toFixed(0)} MB`, '300 MB', Math.max(status100.rssMb ?? Infinity, status100Cold.rssMb ?? Infinity) / 300, '≤ 300 MB', 1.0],
  ['growth, check 100 ÷ 10', fmt(check100.seconds), `scale 10: ${fmt(check10.seconds)}`, check100.seconds / check10.seconds, '≤ 12', 12],
  ['growth, status 100 ÷ 10 (no cache)', fmt(status100Cold.seconds), `scale 10: ${fmt(status10Cold.seconds)}`, status100Cold.seconds / status10Cold.seconds, '≤ 12', 12],
];
const met = (ratio, limit) => (limit === Infinity ? '' : ratio <= limit ? 'yes' : 'NO');
const table = [['scenario', 'plan (median)', 'baseline (median)', 'ratio', 'goal', 'met'], ...rows.map(([name, ours, base, ratio, goal, limit]) => [name, ours, base, Number.isNaN(ratio) ? '' : ratio.toFixed(2), goal, met(ratio, limit)])];
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
for (const row of table) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd());
const planRuns = [statusBundled, statusBundledCold, checkBundledCold, doneBundled, importBundled, check100, checkOneFile, status100, ...(taskwarrior ? [taskwarrior.status11, taskwarrior.overdue11, taskwarrior.overdueOneDomain11] : [])];
if (planRuns.some((m) => m.status !== 0)) console.log('note: a plan run exited non-zero');
process.exitCode = rows.every(([, , , ratio, , limit]) => limit === Infinity || ratio <= limit) ? 0 : 1;
