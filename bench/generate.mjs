// Writes a synthetic data folder at scale N: the bundled data copied N times over, every copy with
// its own people, units, towns, enterprises and domains (ids and names suffixed so they stay unique
// and every reference stays consistent). Text stays the real Chinese text of the plan.
//
//   node bench/generate.mjs N OUT_DIR
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
  write(out, 'plan.yaml', plan);

  const copies = [...Array(scale).keys()];
  const suffix = (name, k) => (k === 0 ? name : `${name}${k + 1}`);
  write(out, 'people.yaml', {
    people: copies.flatMap((k) => people.people.map((p) => ({ ...p, name: suffix(p.name, k) }))),
    units: copies.flatMap((k) => people.units.map((u) => ({ ...u, name: suffix(u.name, k) }))),
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
      const copy = {
        ...domain,
        id: code,
        targets: domain.targets?.map((t) => ({ ...t, id: rename(t.id) })),
        tasks: domain.tasks.map((task, i) => {
          const owned = task.owners?.length || task.leaders?.length || task.units?.length;
          return {
            ...task,
            id: rename(task.id),
            owners: task.owners?.map((n) => suffix(n, k)),
            leaders: task.leaders?.map((n) => suffix(n, k)),
            units: owned ? task.units?.map((n) => suffix(n, k)) : [suffix(people.units[i % people.units.length].name, k)],
            targets: task.targets?.map((t) => ({ ...t, id: rename(t.id) })),
          };
        }),
      };
      write(out, `domains/${String(k + 1).padStart(3, '0')}-${file}`, JSON.parse(JSON.stringify(copy)));
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [scale, out] = [Number(process.argv[2] ?? 1), process.argv[3] ?? 'bench/out/scale-1'];
  generate(scale, out);
  console.log(`wrote ${out} at scale ${scale}`);
}
