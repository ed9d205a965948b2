// Nothing the schemas accept is dropped in silence: every property of every data file's schema,
// taken out of a data folder that has it, changes what plan export or plan check says. A field the
// reports never read, and that no rule refuses, fails here.
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runCli } from './helpers.js';

type Schema = { $ref?: string; properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; type?: unknown };

const KINDS: Record<string, string> = { plan: 'plan.yaml', people: 'people.yaml', towns: 'towns.yaml', enterprises: 'enterprises.yaml', domain: 'domains/*.yaml' };

/** Every property path a data file's schema allows: tasks[].recurrence.minimum.per, …; maps whose keys are data are not walked. */
function schemaPaths(kind: string): string[] {
  const files = new Map<string, { $defs?: Record<string, Schema> } & Schema>();
  const load = (name: string) => {
    if (!files.has(name)) files.set(name, JSON.parse(readFileSync(join(ROOT, 'schemas', name), 'utf8')));
    return files.get(name)!;
  };
  const resolve = (schema: Schema, file: string): [Schema, string] => {
    if (!schema.$ref) return [schema, file];
    const [target, pointer] = schema.$ref.split('#');
    const owner = target ? target : file;
    const def = pointer!.split('/').filter(Boolean).reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], load(owner)) as Schema;
    return resolve(def, owner);
  };
  const out: string[] = [];
  const walk = (raw: Schema, file: string, path: string, depth: number) => {
    const [schema, owner] = resolve(raw, file);
    if (depth > 8) return;
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      const here = path === '' ? key : `${path}.${key}`;
      out.push(here);
      walk(child, owner, here, depth + 1);
    }
    if (schema.items) walk(schema.items, owner, `${path}[]`, depth + 1);
    for (const alternative of schema.anyOf ?? []) walk(alternative, owner, path, depth + 1);
  };
  walk(load(`${kind}.json`), `${kind}.json`, '', 0);
  return [...new Set(out)];
}

/** Where each property path first occurs in a folder's files of a kind: the file and the concrete path to delete. */
function occurrences(folder: string, kind: string): Map<string, { file: string; path: (string | number)[] }> {
  const pattern = KINDS[kind]!;
  const files = pattern.includes('*') ? readdirSync(join(folder, 'domains')).filter((n) => n.endsWith('.yaml')).map((n) => `domains/${n}`) : [pattern];
  const found = new Map<string, { file: string; path: (string | number)[] }>();
  for (const file of files) {
    let data: unknown;
    try {
      data = parseDocument(readFileSync(join(folder, file), 'utf8')).toJS();
    } catch {
      continue;
    }
    const visit = (value: unknown, schemaPath: string, path: (string | number)[]) => {
      if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${schemaPath}[]`, [...path, i]));
      else if (value !== null && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) {
          const here = schemaPath === '' ? key : `${schemaPath}.${key}`;
          if (!found.has(here)) found.set(here, { file, path: [...path, key] });
          visit(item, here, [...path, key]);
        }
      }
    };
    visit(data, '', []);
  }
  return found;
}

/** What plan says of a folder: the whole plan as JSON, and every diagnostic. */
async function said(cwd: string): Promise<string> {
  const env = { LANG: 'en_US.UTF-8', PLAN_CACHE: '0' };
  const exported = await runCli(['export', '--format', 'json'], { cwd, env });
  const checked = await runCli(['check', '--format', 'json'], { cwd, env });
  // The working calendar is read by plan show and plan owner, not by the export.
  const shown = await runCli(['show', 'CC-01', '--as-of', '2022-06-01', '--format', 'json'], { cwd, env });
  return `${exported.code}\n${exported.stdout}${exported.stderr}\n${checked.stdout}\n${shown.stdout}`;
}

// The folders that between them set every property: the bundled plan, and the fixtures with progress recorded.
const SOURCES = [join(FIXTURES, 'coverage'), join(ROOT, 'data'), join(FIXTURES, 'monthly'), join(FIXTURES, 'progress'), join(FIXTURES, 'base')];

/** A copy of a fixture overlay laid over the base fixture, or of the bundled data, as the folder `data`. */
function folderOf(source: string): string {
  const root = mkdtempSync(join(tmpdir(), 'plan-coverage-'));
  if (source.startsWith(FIXTURES) && !source.endsWith('base')) cpSync(join(FIXTURES, 'base'), join(root, 'data'), { recursive: true });
  cpSync(source, join(root, 'data'), { recursive: true });
  return root;
}

describe('every property the data schemas accept', () => {
  it.each(Object.keys(KINDS))('of %s files is read by a report or refused by plan check', async (kind) => {
    const silent: string[] = [];
    const absent: string[] = [];
    // Each rule's setting under checks: is held to the rule registry, the schema and the README by check-rules.test.ts.
    for (const property of schemaPaths(kind).filter((p) => !p.startsWith('checks.'))) {
      let tried = false;
      for (const source of SOURCES) {
        const cwd = folderOf(source);
        const where = occurrences(join(cwd, 'data'), kind).get(property);
        if (!where) continue;
        tried = true;
        const before = await said(cwd);
        const path = join(cwd, 'data', where.file);
        const doc = parseDocument(readFileSync(path, 'utf8'));
        doc.deleteIn(where.path);
        writeFileSync(path, doc.toString());
        if ((await said(cwd)) === before) silent.push(`${property} (${where.file})`);
        break;
      }
      if (!tried) absent.push(property);
    }
    expect(silent).toEqual([]);
    expect(absent).toEqual([]);
  }, 120_000);
});
