import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { RawFolder } from './read-folder.js';

// Set by the bundler to a hash of the sources and schemas; absent when running from source (tests).
declare const __PLAN_BUILD__: string | undefined;
const BUILD = typeof __PLAN_BUILD__ === 'string' ? __PLAN_BUILD__ : undefined;

/**
 * The cache key of a folder's contents: a hash of the program build, the folder as shown, and the
 * path and every byte of every data file. Any change to any of them gives a new key, so a cached
 * result can never be stale. Undefined when there is no build id or caching is switched off.
 */
export function cacheKey(raw: RawFolder, purpose: string, env: NodeJS.ProcessEnv): string | undefined {
  if (BUILD === undefined || env.PLAN_CACHE === '0') return undefined;
  const hash = createHash('sha256').update(`${BUILD}\0${purpose}\0${raw.dir}\0`);
  for (const file of raw.files) hash.update(`${file.path}\0${file.bytes.length}\0`).update(file.bytes);
  for (const d of raw.diagnostics) hash.update(`${d.file}\0${d.rule}\0`);
  return hash.digest('hex');
}

export function cacheDir(env: NodeJS.ProcessEnv): string {
  return env.PLAN_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'plan');
}

/** The cached value for a key, or undefined. A cache that cannot be read is no cache. */
export function readCache<T>(key: string | undefined, env: NodeJS.ProcessEnv): T | undefined {
  if (key === undefined) return undefined;
  try {
    return JSON.parse(readFileSync(join(cacheDir(env), `${key}.json`), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Entries kept; every edit of the data makes a new one, so older ones are pruned. */
const MAX_ENTRIES = 20;

/** Stores a value; failures (read-only home, full disk) are ignored: the cache only saves time. */
export function writeCache(key: string | undefined, value: unknown, env: NodeJS.ProcessEnv): void {
  if (key === undefined) return;
  try {
    const dir = cacheDir(env);
    mkdirSync(dir, { recursive: true });
    const temporary = join(dir, `.${key}.${process.pid}.tmp`);
    writeFileSync(temporary, JSON.stringify(value));
    renameSync(temporary, join(dir, `${key}.json`));
    prune(dir);
  } catch {
    // Caching is an optimisation; never fail a command over it.
  }
}

function prune(dir: string): void {
  const entries = readdirSync(dir).filter((name) => name.endsWith('.json'));
  if (entries.length <= MAX_ENTRIES) return;
  const byAge = entries.map((name) => ({ name, mtime: statSync(join(dir, name)).mtimeMs })).sort((a, b) => b.mtime - a.mtime);
  for (const { name } of byAge.slice(MAX_ENTRIES)) rmSync(join(dir, name), { force: true });
}
