import { closeSync, constants, lstatSync, mkdirSync, openSync, readSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { CHECKSUM_BYTES, type CacheEntry } from './cache.js';

// Writing an entry of the result cache (see cache.ts for its layout). Apart from reading it, so that
// a run answered from the cache never loads what only writing needs.

/** Entries kept; older ones (of folders no longer used) are pruned. */
const MAX_ENTRIES = 20;

/** Stores a value; failures (read-only home, full disk) are ignored: the cache only saves time. */
export function writeCache(entry: CacheEntry | undefined, value: unknown): void {
  if (entry === undefined) return;
  try {
    const dir = join(entry.path, '..');
    // Private: the entries hold a copy of the data.
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // A fresh name, created exclusively: a link or file planted at that name is never written
    // through (the open fails, and the run goes on uncached). Math.random is enough to keep two runs
    // apart, and leaves Node's crypto module unloaded.
    const temporary = `${entry.path}.${Math.floor(Math.random() * 2 ** 48).toString(16).padStart(12, '0')}.tmp`;
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      const framing = [...framed(JSON.stringify(entry.header), 'utf8'), ...framed(JSON.stringify(value), 'utf16le')];
      const checksum = Buffer.alloc(CHECKSUM_BYTES);
      checksum.writeUInt32BE(framing.reduce((crc, part) => crc32(part, crc), 0));
      for (const part of [...framing, ...entry.raw.files.map((f) => f.bytes), checksum]) {
        for (let written = 0; written < part.length; ) written += writeSync(fd, part, written);
      }
    } catch (error) {
      closeSync(fd);
      rmSync(temporary, { force: true });
      throw error;
    }
    closeSync(fd);
    renameSync(temporary, entry.path);
    prune(dir);
  } catch {
    // Caching is an optimisation; never fail a command over it.
  }
}

/** A string as the length of its bytes in the encoding (u32, big-endian) followed by those bytes. */
function framed(text: string, encoding: 'utf8' | 'utf16le'): Uint8Array[] {
  const bytes = Buffer.from(text, encoding);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return [length, bytes];
}

/**
 * Names only this program makes: BUILD-PURPOSE-HASH.bin and its temporary files. A file is pruned
 * only when its contents are an entry's too (below): nothing else in the folder is ever deleted,
 * even a file of the user's own that happens to have such a name.
 */
const ENTRY_NAME = /^[0-9a-f]{16}-[a-z][a-z-]*-[0-9a-f]{8}\.bin(?:\.[0-9a-f]{12}\.tmp)?$/;

/** Whether a file starts as an entry does: the length of its header, then the header's own opening. */
function isEntry(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    const start = Buffer.alloc(4 + ENTRY_START.length);
    const read = readSync(fd, start, 0, start.length, 0);
    return read === start.length && start.readUInt32BE(0) < 1 << 24 && start.subarray(4).equals(ENTRY_START);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const ENTRY_START = Buffer.from('{"build":"', 'utf8');

function prune(dir: string): void {
  const entries = readdirSync(dir).filter((name) => ENTRY_NAME.test(name) && isEntry(join(dir, name)));
  if (entries.length <= MAX_ENTRIES) return;
  const byAge = entries
    .map((name) => ({ name, info: lstatSync(join(dir, name), { throwIfNoEntry: false }) }))
    .filter((e) => e.info?.isFile())
    .sort((a, b) => b.info!.mtimeMs - a.info!.mtimeMs);
  for (const { name } of byAge.slice(MAX_ENTRIES)) rmSync(join(dir, name), { force: true });
}
