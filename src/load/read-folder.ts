import { closeSync, constants, existsSync, fstatSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PlanError } from '../errors.js';
import type { Messages } from '../i18n/index.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import type { FileKind } from './source-file.js';

// Reading is kept apart from parsing so that a command answered from the cache never loads a parser.
// It is synchronous on purpose: the files are small and local, and a round trip through the thread
// pool for each stat, open, read and close cost a short run more waiting than reading.

/** Files bigger than this are refused before reading them whole. */
export const MAX_FILE_MB = 32;

/** The folder, inside the data folder, where submitted reports are kept (plan report --submit). */
export const SUBMITTED_DIR = 'submitted';
/** The journal an edit of several files keeps while it writes (see edit/journal.ts). */
export const JOURNAL_NAME = '.plan.journal';

/** Whether an edit cut short left its journal: one stat, so every read can afford to ask. */
export function hasJournal(dataDir: string): boolean {
  return existsSync(join(dataDir, JOURNAL_NAME));
}

const TOP_LEVEL: Record<string, { kind: FileKind; required: boolean }> = {
  'plan.yaml': { kind: 'plan', required: true },
  'people.yaml': { kind: 'people', required: true },
  'towns.yaml': { kind: 'towns', required: false },
  'enterprises.yaml': { kind: 'enterprises', required: false },
};

/** The files at the top of a data folder that are data. */
export const TOP_LEVEL_FILES: ReadonlySet<string> = new Set(Object.keys(TOP_LEVEL));

/** The bytes of every data file of a folder, before decoding and parsing. */
export interface RawFolder {
  dir: string;
  files: RawFile[];
  diagnostics: Diagnostic[];
}

export interface RawFile {
  path: string;
  absolutePath: string;
  kind: FileKind;
  bytes: Uint8Array;
}

/** Lists and reads the data files; a missing, unreadable or oversized file becomes a diagnostic. */
export function readFolder(dir: string, msg: Messages, shownDir = '.'): RawFolder {
  const entries = listFolder(dir, msg);
  // A folder with none of a plan's files is not a plan with problems: it is one to start.
  if (!entries.some((name) => name === 'plan.yaml' || name === 'people.yaml' || name === 'domains')) throw new PlanError(msg.noPlanHere(shownDir));
  const show = (name: string) => shownFile(shownDir, name);
  const diagnostics: Diagnostic[] = [];
  const wanted: { path: string; kind: FileKind }[] = [];

  for (const [name, spec] of Object.entries(TOP_LEVEL)) {
    if (entries.includes(name)) wanted.push({ path: name, kind: spec.kind });
    else if (spec.required) diagnostics.push(fileLevel(show(name), 'missing-file', msg.fileMissing(name)));
  }
  for (const name of entries) {
    // submitted/ holds the reports as sent (plan report --submit); plan check verifies them on its own.
    if (name.startsWith('.') || Object.hasOwn(TOP_LEVEL, name) || name === 'domains' || name === SUBMITTED_DIR) continue;
    // plan.yml for plan.yaml: say which name is read rather than only that this one is not.
    const meant = name.replace(/\.yml$/i, '.yaml').toLowerCase();
    const message = meant !== name && Object.hasOwn(TOP_LEVEL, meant) ? msg.misnamedFile(name, meant) : msg.unknownFile(name);
    diagnostics.push({ ...fileLevel(show(name), 'unknown-file', message), severity: 'warning' });
  }
  if (entries.includes('domains')) {
    const listed = listSubfolder(join(dir, 'domains'), 'domains', msg);
    if (!Array.isArray(listed)) diagnostics.push(fileLevel(show('domains'), 'io', listed.message));
    for (const name of Array.isArray(listed) ? listed : []) {
      if (name.startsWith('.')) continue;
      const path = `domains/${name}`;
      if (/\.ya?ml$/.test(name)) wanted.push({ path, kind: 'domain' });
      else diagnostics.push({ ...fileLevel(show(path), 'unknown-file', msg.unknownFile(path)), severity: 'warning' });
    }
  }
  // A plan is its domains' tasks: a folder without them would pass every check and report nothing.
  const domainsUnreadable = diagnostics.some((d) => d.file === show('domains'));
  if (!domainsUnreadable && !wanted.some((w) => w.kind === 'domain')) diagnostics.push(fileLevel(show('domains'), 'missing-file', msg.noDomainFiles));

  const files: RawFile[] = [];
  for (const w of wanted) {
    const result = readOne(join(dir, w.path), w.path, show(w.path), w.kind, msg);
    if ('bytes' in result) files.push(result);
    else diagnostics.push(result);
  }
  return { dir, files, diagnostics };
}

function listFolder(dir: string, msg: Messages): string[] {
  try {
    return readdirSync(dir).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new PlanError(msg.dataDirMissing(dir));
    if (code === 'ENOTDIR') throw new PlanError(msg.dataDirNotFolder(dir));
    throw new PlanError(msg.unreadable(dir, msg.ioReason(code ?? String(error))));
  }
}

/** The entries of domains/; a domains that is a file, or cannot be read, is a problem of the data, not of the run. */
function listSubfolder(dir: string, name: string, msg: Messages): string[] | { message: string } {
  try {
    return readdirSync(dir).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return { message: msg.notAFolder(name) };
    return { message: msg.unreadable(name, msg.ioReason(code ?? String(error))) };
  }
}

/**
 * The bytes of a file named on the command line (a CSV to import), read as data files are: only a
 * regular file (a FIFO must not hang the run, a device must not fill memory) and at most `limit`
 * bytes. The error is a code: NOT_REGULAR, TOO_LARGE, or the system's (ENOENT…).
 */
export function readInputFile(absolutePath: string, limit: number): { bytes: Buffer } | { error: string } {
  try {
    const info = statSync(absolutePath);
    if (!info.isFile()) return { error: 'NOT_REGULAR' };
    if (info.size > limit) return { error: 'TOO_LARGE' };
    const fd = openSync(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      if (!fstatSync(fd).isFile()) return { error: 'NOT_REGULAR' };
      const bytes = readAtMost(fd, limit, info.size);
      return bytes === undefined ? { error: 'TOO_LARGE' } : { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}

/**
 * Reads one data file. Only regular files are read (a FIFO would block forever, /dev/zero never
 * ends), and never more than MAX_FILE_MB, however the file changes while it is read.
 */
function readOne(absolutePath: string, name: string, path: string, kind: FileKind, msg: Messages): RawFile | Diagnostic {
  const limit = MAX_FILE_MB * 1024 * 1024;
  try {
    const info = statSync(absolutePath);
    if (info.isDirectory()) return fileLevel(path, 'io', msg.notAFile(name));
    if (!info.isFile()) return fileLevel(path, 'io', msg.notRegularFile(name));
    if (info.size > limit) return fileLevel(path, 'io', msg.tooLarge(Math.round(info.size / 1024 / 1024), MAX_FILE_MB));
    // O_NONBLOCK: if the file was swapped for a FIFO since the stat, opening it must not hang.
    const fd = openSync(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      if (!fstatSync(fd).isFile()) return fileLevel(path, 'io', msg.notRegularFile(name));
      const bytes = readAtMost(fd, limit, info.size);
      if (bytes === undefined) return fileLevel(path, 'io', msg.tooLarge(MAX_FILE_MB, MAX_FILE_MB));
      return { path, absolutePath, kind, bytes };
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return fileLevel(path, 'io', msg.unreadable(name, msg.ioReason(code)));
  }
}

/** The whole content of an open file, or undefined if it is longer than `limit` bytes. */
function readAtMost(fd: number, limit: number, expected: number): Uint8Array | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    // Sized to the file as stat saw it (plus one byte to notice growth): a big plan has a thousand
    // small files, and a megabyte buffer for each would keep the garbage collector busy.
    const chunk = Buffer.allocUnsafe(Math.min(Math.max(expected - total, 0) + 1, 1024 * 1024, limit + 1 - total));
    const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) return undefined;
    // A regular file reads short only at its end: no need to ask again to be told so.
    if (bytesRead < chunk.length) break;
  }
  // Usually the file came in one read: hand that buffer over rather than copy it.
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

export function fileLevel(file: string, rule: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, severity: 'error', rule, message };
}

/**
 * A data file's path as messages show it. A name that starts with a colon (`::error …`) is shown
 * as `./::error …`: a line of plan's output must never start as a GitHub workflow command.
 */
export function shownFile(shownDir: string, name: string): string {
  if (shownDir !== '.') return `${shownDir}/${name}`;
  return name.startsWith(':') ? `./${name}` : name;
}
