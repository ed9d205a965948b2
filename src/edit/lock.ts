import { constants } from 'node:fs';
import { hostname } from 'node:os';
import { lstat, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { errorCode, IoError } from '../errors.js';

export const LOCK_NAME = '.plan.lock';

interface Holder {
  pid: number;
  host: string;
  since: string;
}

export class LockBusyError extends Error {
  constructor(
    readonly holder: Holder | undefined,
    readonly lockPath: string,
  ) {
    super('data is being edited');
  }
}

/** The lock's path holds something a `plan` process never makes (a folder, FIFO, symlink...). */
export class LockNotFileError extends Error {
  constructor(readonly lockPath: string) {
    super('lock is not a regular file');
  }
}

/**
 * Takes the edit lock of every folder given (real paths), in one order for all processes so that two
 * of them never wait for each other. Returns the function that releases them all.
 */
export async function acquireLocks(folders: readonly string[], waitMs: number): Promise<() => Promise<void>> {
  const releases: (() => Promise<void>)[] = [];
  const releaseAll = async () => {
    for (const release of releases.reverse()) await release();
  };
  try {
    for (const folder of [...new Set(folders)].sort()) releases.push(await acquireLock(folder, waitMs));
  } catch (error) {
    await releaseAll();
    throw error;
  }
  return releaseAll;
}

/**
 * Takes a folder's edit lock, waiting up to `waitMs` for another `plan` process to finish.
 * A lock left by a process that no longer runs (killed mid-edit) is detected and cleared.
 * Returns the function that releases it.
 */
export async function acquireLock(dir: string, waitMs: number): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_NAME);
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(JSON.stringify(me));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await removeStaleAsides(dir);
      return async () => {
        await rm(path, { force: true });
      };
    } catch (error) {
      const code = errorCode(error);
      // A folder this process may not write in is one it cannot write a data file in either (the
      // new file is made beside the old one): no lock is needed to keep its writes apart.
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return async () => undefined;
      if (code !== 'EEXIST') throw new IoError('lock', path, code);
    }
    const found = await readHolder(path);
    if (found === 'gone') continue;
    if (isStale(found.holder, found.mtimeMs)) {
      await clearStale(path, found.holder);
      continue;
    }
    if (Date.now() >= deadline) throw new LockBusyError(found.holder, path);
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 40));
  }
}

/**
 * Who holds the lock, read without following a link and without waiting on a FIFO: anything but a
 * regular file there is an error to show, not a lock to wait for.
 */
async function readHolder(path: string): Promise<{ holder: Holder | undefined; mtimeMs: number } | 'gone'> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return 'gone';
    if (code === 'ELOOP' || code === 'EISDIR' || code === 'ENXIO') throw new LockNotFileError(path);
    // A folder opens read-only on Linux; a socket does not open at all.
    const info = await lstat(path).catch(() => undefined);
    if (info && !info.isFile()) throw new LockNotFileError(path);
    throw new IoError('lock', path, code);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new LockNotFileError(path);
    let holder: Holder | undefined;
    try {
      const parsed = JSON.parse(await handle.readFile('utf8')) as Partial<Holder>;
      holder = typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? (parsed as Holder) : undefined;
    } catch {
      holder = undefined;
    }
    return { holder, mtimeMs: info.mtimeMs };
  } finally {
    await handle.close();
  }
}

/**
 * Stale: its pid cannot be a process (0 or less, or not a whole number), its process is gone (same
 * machine), or it never got its contents written and is old. A lock of another host is never stale.
 */
function isStale(holder: Holder | undefined, mtimeMs: number): boolean {
  if (holder) return !Number.isSafeInteger(holder.pid) || holder.pid <= 0 || (holder.host === hostname() && !isAlive(holder.pid));
  return Date.now() - mtimeMs > 2000;
}

/** Whether a process of this host runs under the pid (one of another user's counts: EPERM). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/**
 * A stale lock moved aside (`.plan.lock.stale.PID`) by a process killed before it deleted it: once
 * the lock is ours, such leftovers of processes that are gone are removed.
 */
async function removeStaleAsides(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const pid = /^\.plan\.lock\.stale\.(\d+)$/.exec(name)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !isAlive(Number(pid))) await rm(join(dir, name), { force: true });
  }
}

/**
 * Moves the stale lock aside before deleting it, and only if it is still the one judged stale:
 * two processes clearing the same stale lock must not delete a fresh one taken in between.
 */
async function clearStale(path: string, judged: Holder | undefined): Promise<void> {
  const aside = `${path}.stale.${process.pid}`;
  try {
    await rename(path, aside);
  } catch {
    return;
  }
  const moved = await readHolder(aside).catch(() => 'gone' as const);
  const holder = moved === 'gone' ? undefined : moved.holder;
  if (holder?.pid !== judged?.pid || holder?.since !== judged?.since) {
    // Someone took the lock between our look and our move: give it back.
    await rename(aside, path).catch(() => undefined);
    return;
  }
  await rm(aside, { force: true });
}
