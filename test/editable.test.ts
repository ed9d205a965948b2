// A file `plan check` accepts is a file every edit command can edit: both read YAML the same way.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureFolder, runCli } from './helpers.js';

const NOW = new Date('2022-07-01T04:00:00Z');

/** Every fixture overlay, laid over the base folder (and the base folder itself). */
const overlays = [
  undefined,
  ...['check', 'hardening'].flatMap((group) =>
    readdirSync(join(FIXTURES, group), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${group}/${entry.name}`),
  ),
  'progress',
  'output-safety',
];

/** The first task id of the first domain file, if the folder has one that reads. */
function firstTaskId(cwd: string): string | undefined {
  const dir = join(cwd, 'data/domains');
  for (const name of readdirSync(dir).sort()) {
    const match = /^ {2}- id: ([A-Z]+-\d+)\s*$/m.exec(readFileSync(join(dir, name), 'utf8'));
    if (match) return match[1];
  }
  return undefined;
}

describe('every fixture plan check accepts can be edited', () => {
  it.each(overlays.map((o) => [o ?? 'base']))('%s', async (name) => {
    const cwd = fixtureFolder(name === 'base' ? undefined : name);
    const check = await runCli(['check', '--format', 'json'], { cwd });
    if (check.code !== 0) return;
    const id = firstTaskId(cwd);
    // A folder with no task at all (one overlay empties the list) has nothing to note on.
    if (id === undefined) return;
    const result = await runCli(['note', id!, '已核实'], { cwd, now: NOW });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it.each([
    ['a title quoted, then a comment glued to the quote', (t: string) => t.replace('title: 召开现场会', 'title: "召开现场会"#note')],
    ['a flow list continued at column 0', (t: string) => t.replace('units: [区水利局, 各镇街]', 'units: [区水利局,\n各镇街]')],
    ['a double-quoted text continued at column 0', (t: string) => t.replace('text: 3月30日前，召开现场会。', 'text: "3月30日前，\n召开现场会。"')],
  ])('%s: check refuses it rather than pass a file edits cannot read', async (_, edit) => {
    const cwd = fixtureFolder();
    const file = join(cwd, 'data/domains/01-aa.yaml');
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    const check = await runCli(['check', '--format', 'json'], { cwd });
    expect(check.code).toBe(1);
    expect((JSON.parse(check.stdout) as { rule: string }[]).map((d) => d.rule)).toEqual(['yaml-syntax']);
  });
});
