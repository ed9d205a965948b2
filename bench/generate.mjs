// Writes a synthetic data folder at scale N: the bundled data copied N times over, every copy with
// its own people, units, towns, enterprises and domains (ids and names suffixed so they stay unique
// and every reference stays consistent). Text stays the real Chinese text of the plan.
//
//   node bench/generate.mjs N OUT_DIR
//   node bench/generate.mjs --one-file TASKS OUT_DIR   (see generateSingleFile)
//
// Every task of the synthetic data has an owner (a unit of its copy) so that the folder is clean:
// a plan rolled up from many districts is one whose owners have been filled in.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const source = fileURLToPath(new URL('../data/', import.meta.url));
const read = (path) => YAML.parse(readFileSync(join(source, path), 'utf8'));
const write = (dir, path, value) => writeFileSync(join(dir, path), YAML.stringify(value, { lineWidth: 0, aliasDuplicateObjects: false }));

/** Two uppercase letters for copy k (0 → AA), appended to domain codes. */
const letters = (k) => String.fromCharCode(65 + Math.floor(k / 26) % 26) + String.fromCharCode(65 + (k % 26));

export function generate(scale, out) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'domains'), { recursive: true });
  const plan = read('plan.yaml');
  const people = read('people.yaml');
  const towns = read('towns.yaml');
  const roster = read('enterprises.yaml');
  const domainFiles = readdirSync(join(source, 'domains')).filter((f) => f.endsWith('.yaml')).sort();
  // The copies' names differ only by their number, which the similar-unit rule would take for slips.
  write(out, 'plan.yaml', { ...plan, checks: { ...plan.checks, 'similar-unit': 'off' } });

  const copies = [...Array(scale).keys()];
  const suffix = (name, k) => (k === 0 ? name : `${name}${k + 1}`);
  write(out, 'people.yaml', {
    people: copies.flatMap((k) => people.people.map((p) => ({ ...p, name: suffix(p.name, k) }))),
    units: copies.flatMap((k) =>
      people.units.map((u) => ({ ...u, name: suffix(u.name, k), aliases: u.aliases?.map((a) => suffix(a, k)), members: u.members?.map((m) => suffix(m, k)) })),
    ),
  });
  write(out, 'towns.yaml', { towns: copies.flatMap((k) => towns.towns.map((t) => ({ ...t, name: suffix(t.name, k) }))) });
  let serial = 0;
  write(out, 'enterprises.yaml', {
    enterprises: copies.flatMap((k) =>
      roster.enterprises.map((e) => ({ ...e, id: `E${String(++serial).padStart(6, '0')}`, name: suffix(e.name, k), town: suffix(towns.towns[serial % towns.towns.length].name, k) })),
    ),
  });
  for (const k of copies) {
    for (const file of domainFiles) {
      const domain = read(`domains/${file}`);
      const code = `${domain.id}${letters(k)}`;
      const rename = (id) => id.replace(/^[A-Z]{2,4}-/, `${code}-`);
      // A target's references follow its copy: the target it is the same as, the towns it is set for.
      const target = (t) => ({ ...t, id: rename(t.id), same_as: t.same_as && rename(t.same_as), per_unit: Array.isArray(t.per_unit) ? t.per_unit.map((n) => suffix(n, k)) : t.per_unit });
      const copy = {
        ...domain,
        id: code,
        targets: domain.targets?.map(target),
        tasks: domain.tasks.map((task, i) => {
          const owned = task.owners?.length || task.leaders?.length || task.units?.length;
          return {
            ...task,
            id: rename(task.id),
            owners: task.owners?.map((n) => suffix(n, k)),
            leaders: task.leaders?.map((n) => suffix(n, k)),
            units: owned ? task.units?.map((n) => suffix(n, k)) : [suffix(people.units[i % people.units.length].name, k)],
            targets: task.targets?.map(target),
          };
        }),
      };
      write(out, `domains/${String(k + 1).padStart(3, '0')}-${file}`, JSON.parse(JSON.stringify(copy)));
    }
  }
}


/**
 * Writes a data folder whose tasks are all in one domain file: the bundled tasks copied over until
 * there are `tasks` of them (ids renumbered, owners those of the bundled data, each task's text cut
 * to its title, and an owner where it has none, as generate() gives them), beside the bundled plan, people, towns and enterprises.
 * A domain's ids hold at most 26,000 tasks (AB-A001 … AB-Z999), so the ids take several domain
 * codes, and plan.yaml turns off the rule that a task's id starts with its file's code.
 * A plan kept in one big file must cost what its bytes cost.
 */
export function generateSingleFile(tasks, out) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'domains'), { recursive: true });
  for (const name of ['people.yaml', 'towns.yaml', 'enterprises.yaml']) writeFileSync(join(out, name), readFileSync(join(source, name)));
  write(out, 'plan.yaml', { ...read('plan.yaml'), checks: { 'task-id': 'off' } });
  const domainFiles = readdirSync(join(source, 'domains')).filter((f) => f.endsWith('.yaml')).sort();
  const bundled = domainFiles.flatMap((file) => read(`domains/${file}`).tasks.map(({ targets, ...task }) => task));
  const idOf = (i) => `BG${letters(Math.floor(i / 26_000)).slice(1)}-${String.fromCharCode(65 + Math.floor((i % 26_000) / 1000))}${String(i % 1000).padStart(3, '0')}`;
  // As in generate(): every task has an owner, so that the folder is clean.
  const units = read('people.yaml').units;
  const copies = [...Array(tasks).keys()].map((i) => {
    const task = bundled[i % bundled.length];
    const owned = task.owners?.length || task.leaders?.length || task.units?.length;
    return { ...task, id: idOf(i), text: task.title, ...(owned ? {} : { units: [units[i % units.length].name] }) };
  });
  write(out, 'domains/01-big.yaml', { id: 'BGA', title: '合并的工作要点', tasks: copies });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--one-file') {
    const [tasks, out] = [Number(process.argv[3] ?? 100_000), process.argv[4] ?? 'bench/out/one-file'];
    generateSingleFile(tasks, out);
    console.log(`wrote ${out} with ${tasks} tasks in one file`);
  } else {
    const [scale, out] = [Number(process.argv[2] ?? 1), process.argv[3] ?? 'bench/out/scale-1'];
    generate(scale, out);
    console.log(`wrote ${out} at scale ${scale}`);
  }
}
