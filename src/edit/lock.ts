import { hostname } from 'node:os';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const LOCK_NAME = '.plan.lock';

interface Holder {
  pid: number;
  host: string;
  since: string;
}

export class LockBusyError extends Error {
  constructor(readonly holder: Holder | undefined) {
    super('data is being edited');
  }
}

/**
 * Takes the data folder's edit lock, waiting up to `waitMs` for another `plan` process to finish.
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
      return async () => {
        await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(path);
    if (await isStale(path, holder)) {
      await clearStale(path, holder);
      continue;
    }
    if (Date.now() >= deadline) throw new LockBusyError(holder);
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 40));
  }
}

async function readHolder(path: string): Promise<Holder | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<Holder>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? (parsed as Holder) : undefined;
  } catch {
    return undefined;
  }
}

/** Stale: its process is gone (same machine), or it never got its contents written and is old. */
async function isStale(path: string, holder: Holder | undefined): Promise<boolean> {
  if (holder) return holder.host === hostname() && !isAlive(holder.pid);
  try {
    return Date.now() - (await stat(path)).mtimeMs > 2000;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
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
  const moved = await readHolder(aside);
  if (moved?.pid !== judged?.pid || moved?.since !== judged?.since) {
    // Someone took the lock between our look and our move: give it back.
    await rename(aside, path).catch(() => undefined);
    return;
  }
  await rm(aside, { force: true });
}
