import { closeSync, constants, fstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { RawFolder } from './read-folder.js';

// Set by the bundler to a hash of the sources and schemas; absent when running from source (tests).
declare const __PLAN_BUILD__: string | undefined;
const BUILD = typeof __PLAN_BUILD__ === 'string' ? __PLAN_BUILD__ : undefined;

/**
 * The result cache keeps what a command computed from a data folder together with a copy of every
 * byte of every file it was computed from. An entry is used only if it was written by this very
 * build and the files read now are byte for byte the same as its copy, so it can never be stale.
 * The stored value is used only if a CRC-32 over the header and the value matches the one stored
 * with them, so a damaged entry cannot make a report say something else. Every byte of an entry is
 * thus checked: the files' copy by comparison with the files, the rest by the checksum (checking
 * the copy too would only repeat that comparison). The entries are private to the user and trusted
 * as the user's own files are, so the checksum guards against damage, not forgery: a keyed hash
 * would need a key kept somewhere just as writable. (CRC-32 comes with Node's zlib, which loads in
 * half the time of its crypto module: a cached report is mostly start-up.)
 *
 * One entry per folder and purpose: editing the data replaces it. Entry file layout:
 *   u32 length, header JSON in UTF-8 (build, purpose, folder, file paths and lengths, read problems),
 *   u32 length, value JSON in UTF-16LE (a plan is mostly Chinese: decoding UTF-8 took a cached
 *     report several times longer than copying UTF-16, and the bytes are fewer too),
 *   the files' bytes, in header order,
 *   4 bytes: CRC-32 (big-endian) of everything before the files' bytes.
 */
export interface CacheEntry {
  path: string;
  header: EntryHeader;
  raw: RawFolder;
  /** Set by readCache when the folder or the entry is not this user's alone: the cache is then neither read nor written. */
  untrusted?: string;
}

interface EntryHeader {
  build: string;
  purpose: string;
  dir: string;
  files: { path: string; length: number }[];
  /** Problems found while reading (a missing file, say): they are part of what was computed from. */
  problems: string[];
}

/** Where the cache entry for this folder and purpose lives; undefined when caching is off. */
export function cacheEntry(raw: RawFolder, purpose: string, env: NodeJS.ProcessEnv): CacheEntry | undefined {
  if (BUILD === undefined || env.PLAN_CACHE === '0') return undefined;
  const header: EntryHeader = {
    build: BUILD,
    purpose,
    dir: raw.dir,
    files: raw.files.map((f) => ({ path: f.path, length: f.bytes.length })),
    problems: raw.diagnostics.map((d) => `${d.file}\0${d.rule}`),
  };
  return { path: join(cacheDir(env), `${BUILD}-${purpose}-${nameHash(raw.dir)}.bin`), header, raw };
}

/** The cache folder. An empty or relative setting counts as unset: it would scatter entries into whatever folder the command runs in. */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  const set = (value: string | undefined) => (value !== undefined && isAbsolute(value) ? value : undefined);
  return set(env.PLAN_CACHE_DIR) ?? join(set(env.XDG_CACHE_HOME) ?? join(homedir(), '.cache'), 'plan');
}

/** The cached value, or undefined if there is none for exactly these bytes. A cache that cannot be read is no cache. */
export function readCache<T>(entry: CacheEntry | undefined): T | undefined {
  if (entry === undefined) return undefined;
  try {
    // As ssh treats its files: a folder others can write in, or an entry another user owns, could
    // hold a forged entry with a checksum of its own; only the user's own private folder is believed.
    const folder = statIfAny(dirname(entry.path));
    if (folder && (!owned(folder.uid) || (folder.mode & 0o022) !== 0)) {
      entry.untrusted = dirname(entry.path);
      return undefined;
    }
    const stored = readEntry(entry.path, entry);
    if (stored === undefined) return undefined;
    const headerEnd = 4 + stored.readUInt32BE(0);
    if (stored.toString('utf8', 4, headerEnd) !== JSON.stringify(entry.header)) return undefined;
    const valueEnd = headerEnd + 4 + stored.readUInt32BE(headerEnd);
    let offset = valueEnd;
    for (const file of entry.raw.files) {
      if (Buffer.compare(file.bytes, stored.subarray(offset, offset + file.bytes.length)) !== 0) return undefined;
      offset += file.bytes.length;
    }
    if (offset + CHECKSUM_BYTES !== stored.length) return undefined;
    if (crc32(stored.subarray(0, valueEnd)) !== stored.readUInt32BE(offset)) return undefined;
    return JSON.parse(stored.toString('utf16le', headerEnd + 4, valueEnd)) as T;
  } catch {
    return undefined;
  }
}

export const CHECKSUM_BYTES = 4;

/** An entry's bytes, if it is a regular file: a FIFO or device planted at its name must not hang or flood a run. */
function readEntry(path: string, entry: CacheEntry): Buffer | undefined {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return undefined;
    if (!owned(info.uid)) {
      entry.untrusted = path;
      return undefined;
    }
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Whether a file or folder belongs to the user running plan (always, where there are no user ids). */
function owned(uid: number): boolean {
  return process.getuid === undefined || uid === process.getuid();
}

function statIfAny(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** A short name for a folder path (FNV-1a). Two folders sharing one only take turns in one entry. */
function nameHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
