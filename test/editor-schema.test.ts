// Editors with the YAML language server validate and complete the data files as they are typed,
// guided by the first line of each file. These tests keep that line pointing at the right schema.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const DATA = join(ROOT, 'data');
const SCHEMAS = join(ROOT, 'schemas');

/** Each data file with the schema of its kind, as the loader decides the kind. */
function dataFiles(): { file: string; schema: string }[] {
  const top = ['plan', 'people', 'towns', 'enterprises'].map((kind) => ({ file: join(DATA, `${kind}.yaml`), schema: `${kind}.json` }));
  const domains = readdirSync(join(DATA, 'domains'))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => ({ file: join(DATA, 'domains', name), schema: 'domain.json' }));
  return [...top, ...domains];
}

describe('the yaml-language-server line of each data file', () => {
  it.each(dataFiles().map((f) => [relative(ROOT, f.file), f.schema]))('%s starts by naming schemas/%s', (file, schema) => {
    const firstLine = readFileSync(join(ROOT, file), 'utf8').split('\n')[0];
    const expected = relative(dirname(join(ROOT, file)), join(SCHEMAS, schema)).split('\\').join('/');
    expect(firstLine).toBe(`# yaml-language-server: $schema=${expected}`);
  });
});

describe('the schemas', () => {
  it('each have a stable absolute $id named after the file', () => {
    for (const name of readdirSync(SCHEMAS).filter((n) => n.endsWith('.json'))) {
      const schema = JSON.parse(readFileSync(join(SCHEMAS, name), 'utf8')) as { $id?: string };
      expect(schema.$id).toBe(`https://plan.invalid/schemas/${name}`);
    }
  });
});
