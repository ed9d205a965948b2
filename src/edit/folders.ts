import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { TOP_LEVEL_FILES } from '../load/read-folder.js';

/** The real folders an edit may write in, and the real folders whose locks it takes. */
export interface EditFolders {
  /** The real data folder and the real domains folder: a symlinked data file may be written at its target only inside these. */
  writable: string[];
  /** Every real folder holding a data file: two data folders sharing files through links share their locks. */
  locks: string[];
}

/**
 * Resolves the data folder the way the file system will when writing: the lock is taken where the
 * files really are, so `data-a/domains` and `data-b/domains` linked to one folder exclude each other.
 */
export async function editFolders(dataDir: string): Promise<EditFolders> {
  // A folder that is not there is reported by the load that follows, in its own words.
  const root = await realpath(dataDir).catch(() => resolve(dataDir));
  const writable = [root];
  const domains = await realpath(join(dataDir, 'domains')).catch(() => undefined);
  if (domains !== undefined) writable.push(domains);
  const locks = new Set(writable);
  // Only data files count: a link named README.txt, or one to a folder (even /), is never edited,
  // so no lock is taken where it leads.
  for (const [folder, isDataFile] of [
    [dataDir, (name: string) => TOP_LEVEL_FILES.has(name)],
    [join(dataDir, 'domains'), (name: string) => /\.ya?ml$/.test(name)],
  ] as const) {
    for (const name of await readdir(folder).catch(() => [])) {
      if (name.startsWith('.') || !isDataFile(name)) continue;
      const path = join(folder, name);
      const info = await lstat(path).catch(() => undefined);
      if (!info?.isSymbolicLink()) continue;
      const target = await realpath(path).catch(() => undefined);
      if (target !== undefined && (await stat(target).catch(() => undefined))?.isFile()) locks.add(dirname(target));
    }
  }
  return { writable, locks: [...locks] };
}
