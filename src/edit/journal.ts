import { createHash } from 'node:crypto';
import { open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { errorCode, IoError } from '../errors.js';
import { JOURNAL_NAME, TOP_LEVEL_FILES } from '../load/read-folder.js';
import { isAlive } from './lock.js';
import { writeDataFile } from './write-file.js';

/**
 * The write-ahead journal that makes an edit of several files land whole or not at all, even when
 * the process is killed between two of its renames. Before the first data file is replaced, the
 * journal (every file's old text, and a checksum of the new) is written and flushed; it is removed
 * once the last file is in place. A journal found later means an edit was cut short: the files it
 * names are put back as they were, under the edit lock, by the next `plan` that reads the folder.
 * A file changed by hand since (neither its old nor its new text) is never written over.
 */

interface JournalFile {
  /** The file, relative to the data folder (plan.yaml, domains/12-fx.yaml): only data files are ever named. */
  path: string;
  old: string;
  /** sha256 of the text the edit was writing. */
  new: string;
}

interface Journal {
  version: 1;
  pid: number;
  started: string;
  files: JournalFile[];
  /** sha256 of `files` as written: a journal cut short or altered is not acted on. */
  checksum: string;
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Writes the journal of an edit about to replace `files` (absolute path, old text, new text) in `dataDir`. */
export async function writeJournal(dataDir: string, files: readonly { absolutePath: string; old: string; updated: string }[]): Promise<void> {
  const entries: JournalFile[] = files.map((f) => ({ path: relative(dataDir, f.absolutePath).split(sep).join('/'), old: f.old, new: sha256(f.updated) }));
  const journal: Journal = { version: 1, pid: process.pid, started: new Date().toISOString(), files: entries, checksum: sha256(JSON.stringify(entries)) };
  const path = join(dataDir, JOURNAL_NAME);
  const temporary = `${path}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w', 0o600).catch((error: unknown) => {
    throw new IoError('createTemp', path, errorCode(error));
  });
  try {
    await handle.writeFile(JSON.stringify(journal), 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw new IoError('write', path, errorCode(error));
  }
  await handle.close();
  await rename(temporary, path).catch(async (error: unknown) => {
    await rm(temporary, { force: true });
    throw new IoError('replace', path, errorCode(error));
  });
  await syncFolder(dataDir);
}

/** The edit is whole: the journal goes. */
export async function removeJournal(dataDir: string): Promise<void> {
  await rm(join(dataDir, JOURNAL_NAME), { force: true });
  await syncFolder(dataDir);
}

export type Recovery = { restored: string[]; started: string } | { refused: 'unreadable' } | { refused: 'changed'; file: string };

/**
 * Puts back the files of an interrupted edit (the caller holds the edit lock). Files already back to
 * their old text are left alone; a file that holds neither the old text nor the edit's new one was
 * changed since, and then nothing is written and the journal stays for a person to decide.
 */
export async function recoverJournal(dataDir: string, writable: readonly string[]): Promise<Recovery | undefined> {
  const path = join(dataDir, JOURNAL_NAME);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw new IoError('read', path, errorCode(error));
  }
  const journal = parseJournal(text);
  if (journal === undefined) return { refused: 'unreadable' };
  const current = await Promise.all(journal.files.map((f) => readFile(join(dataDir, f.path), 'utf8').catch(() => undefined)));
  const changed = journal.files.findIndex((f, i) => current[i] !== f.old && (current[i] === undefined || sha256(current[i]) !== f.new));
  if (changed >= 0) return { refused: 'changed', file: journal.files[changed]!.path };
  const restored: string[] = [];
  for (const [i, f] of journal.files.entries()) {
    if (current[i] === f.old) continue;
    await writeDataFile(join(dataDir, f.path), f.old, writable);
    restored.push(f.path);
  }
  await removeJournal(dataDir);
  return { restored, started: journal.started };
}

function parseJournal(text: string): Journal | undefined {
  try {
    const value = JSON.parse(text) as Journal;
    if (value.version !== 1 || !Array.isArray(value.files) || typeof value.checksum !== 'string') return undefined;
    if (sha256(JSON.stringify(value.files)) !== value.checksum) return undefined;
    // Only the data files of this folder: a journal never names a path that leads anywhere else.
    const dataFile = (p: unknown) => typeof p === 'string' && (TOP_LEVEL_FILES.has(p) || /^domains\/[^/\\]+\.ya?ml$/.test(p)) && !p.split('/').includes('..');
    if (!value.files.every((f) => dataFile(f.path) && typeof f.old === 'string' && typeof f.new === 'string')) return undefined;
    return value;
  } catch {
    return undefined;
  }
}

/**
 * Temporary files a killed edit left beside the data (`.people.yaml.4711.1a2b3c4d.tmp`, the journal's
 * `.plan.journal.4711.tmp`): removed once their process is gone. Called under the edit lock.
 */
export async function removeStaleTemporaries(folders: readonly string[]): Promise<void> {
  for (const folder of folders) {
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      const pid = /^\.(?:.+\.ya?ml\.(\d+)\.[0-9a-f]{8}|plan\.journal\.(\d+))\.tmp$/.exec(name);
      const owner = pid ? Number(pid[1] ?? pid[2]) : undefined;
      if (owner !== undefined && owner !== process.pid && !isAlive(owner)) await rm(join(folder, name), { force: true });
    }
  }
}

/** Flushes a folder's entries (the rename or removal just made) where the platform allows it. */
async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
