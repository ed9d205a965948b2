import { randomBytes } from 'node:crypto';
import { lstat, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a whole file atomically: a temporary file beside the target is written, flushed to disk
 * and renamed over it, so readers see the old file or the new one, never half of one. Without
 * `overwrite` an existing file (or symlink) is never replaced. A symlink at the target is replaced
 * itself, never followed, so a write cannot land outside the path the user named.
 */
export async function writeFileAtomic(path: string, content: string, options: { overwrite: boolean }): Promise<void> {
  if (!options.overwrite) {
    // 'wx' fails if anything, even a dangling symlink, is already there.
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    return;
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // The new file gets the old one's permissions: a file kept private (0600) must not become world-readable.
  const mode = await lstat(path).then(
    (info) => (info.isFile() ? info.mode & 0o7777 : undefined),
    () => undefined,
  );
  const handle = await open(temporary, 'wx', mode ?? 0o666);
  try {
    if (mode !== undefined) await handle.chmod(mode);
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
