import { constants, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { access, lstat, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { errorCode, IoError } from '../errors.js';

/**
 * Writes a report where the user asked. A character device or FIFO (/dev/null, a named pipe, and
 * /dev/stdout, which is a link into /proc) is written into as a stream and never replaced. Anything
 * else is written atomically (see `replaceAtomically`). Without `overwrite` an existing file, or
 * even a dangling symlink, is never replaced; with it, a symlink at the target is replaced itself,
 * never followed, so a write cannot land outside the path the user named.
 */
export async function writeOutFile(path: string, content: string | Uint8Array, options: { overwrite: boolean }): Promise<void> {
  const existing = await lstatIfAny(path, 'write');
  if (existing && !existing.isFile() && !existing.isSymbolicLink()) {
    if (existing.isCharacterDevice() || existing.isFIFO()) return streamInto(path, content);
    throw new IoError('write', path, 'NOT_REGULAR');
  }
  if (existing?.isSymbolicLink()) {
    const target = await stat(path).catch(() => undefined);
    if (target && (target.isCharacterDevice() || target.isFIFO() || isSystemPath(path))) return streamInto(path, content);
  }
  if (!options.overwrite) {
    // 'wx' fails if anything, even a dangling symlink, is already there.
    const handle = await open(path, 'wx').catch((error: unknown) => {
      if (errorCode(error) === 'EEXIST') throw error;
      throw new IoError('write', path, errorCode(error));
    });
    await writeAndClose(handle, content, path, true);
    return;
  }
  await replaceAtomically(path, content, existing?.isFile() ? existing : undefined);
}

/**
 * Rewrites a data file. A data file that is a symbolic link is written at its target when the target
 * lies inside one of `folders` (the real data folder and its domains folder), and refused when it
 * lies outside; the link itself stays. A file the user may not write, or whose mode grants nobody
 * write access (root could write it anyway), is refused: read-only is taken as meant.
 */
export async function writeDataFile(path: string, content: string, folders: readonly string[]): Promise<void> {
  let target = path;
  const link = await lstatIfAny(path, 'write');
  if (link?.isSymbolicLink()) {
    target = await realpath(path).catch((error: unknown) => {
      throw new IoError('write', path, errorCode(error));
    });
    if (!folders.some((folder) => target.startsWith(folder + sep))) throw new IoError('write', path, 'OUTSIDE');
  }
  const info = link?.isSymbolicLink() ? await lstatIfAny(target, 'write') : link;
  if (!info?.isFile()) throw new IoError('write', path, info ? 'NOT_REGULAR' : 'ENOENT');
  if ((info.mode & 0o222) === 0) throw new IoError('write', path, 'READ_ONLY');
  await access(target, constants.W_OK).catch((error: unknown) => {
    throw new IoError('write', path, errorCode(error));
  });
  await replaceAtomically(target, content, info);
}

/**
 * The new file is written beside the old one under a fresh name, flushed to disk and renamed over
 * it: readers see the old file or the new one, never half of one. It gets the old file's mode (a
 * file kept private, 0600, must not become world-readable) and, where the process may set it, its
 * owner and group.
 */
async function replaceAtomically(path: string, content: string | Uint8Array, old: Stats | undefined): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const mode = old ? old.mode & 0o7777 : 0o666;
  const handle = await open(temporary, 'wx', mode).catch((error: unknown) => {
    throw new IoError('createTemp', path, errorCode(error));
  });
  try {
    if (old) {
      await handle.chmod(mode).catch(async (error: unknown) => {
        await handle.close();
        throw new IoError('write', path, errorCode(error));
      });
      // Only root may give a file away; anyone may keep their own. EPERM means it stays ours.
      if (old.uid !== process.getuid?.() || old.gid !== process.getgid?.()) await handle.chown(old.uid, old.gid).catch(() => undefined);
    }
    await writeAndClose(handle, content, path, true);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new IoError('replace', path, errorCode(error));
  }
}

/** Writes into a device or FIFO as a shell's `>` would: no creating, no replacing. */
async function streamInto(path: string, content: string | Uint8Array): Promise<void> {
  const handle = await open(path, constants.O_WRONLY | constants.O_APPEND).catch((error: unknown) => {
    throw new IoError('write', path, errorCode(error));
  });
  await writeAndClose(handle, content, path, false);
}

async function writeAndClose(handle: Awaited<ReturnType<typeof open>>, content: string | Uint8Array, path: string, sync: boolean): Promise<void> {
  try {
    await (typeof content === 'string' ? handle.writeFile(content, 'utf8') : handle.writeFile(content));
    if (sync) await handle.sync();
  } catch (error) {
    throw new IoError('write', path, errorCode(error));
  } finally {
    await handle.close();
  }
}

async function lstatIfAny(path: string, operation: 'write'): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw new IoError(operation, path, errorCode(error));
  }
}

/** /dev/stdout and friends are links into /proc; whatever they lead to is the shell's, never ours to replace. */
function isSystemPath(path: string): boolean {
  return path.startsWith('/dev/') || path.startsWith('/proc/');
}
