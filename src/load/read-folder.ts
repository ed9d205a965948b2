import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PlanError } from '../errors.js';
import type { Messages } from '../i18n/index.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import type { FileKind } from './source-file.js';

// Reading is kept apart from parsing so that a command answered from the cache never loads a parser.

/** Files bigger than this are refused before reading them whole. */
export const MAX_FILE_MB = 32;

const TOP_LEVEL: Record<string, { kind: FileKind; required: boolean }> = {
  'plan.yaml': { kind: 'plan', required: true },
  'people.yaml': { kind: 'people', required: true },
  'towns.yaml': { kind: 'towns', required: false },
  'enterprises.yaml': { kind: 'enterprises', required: false },
};

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
export async function readFolder(dir: string, msg: Messages, shownDir = '.'): Promise<RawFolder> {
  const entries = await listFolder(dir, msg);
  const show = (name: string) => (shownDir === '.' ? name : `${shownDir}/${name}`);
  const diagnostics: Diagnostic[] = [];
  const wanted: { path: string; kind: FileKind }[] = [];

  for (const [name, spec] of Object.entries(TOP_LEVEL)) {
    if (entries.includes(name)) wanted.push({ path: name, kind: spec.kind });
    else if (spec.required) diagnostics.push(fileLevel(show(name), 'missing-file', msg.fileMissing(name)));
  }
  for (const name of entries) {
    if (name.startsWith('.') || name in TOP_LEVEL || name === 'domains') continue;
    diagnostics.push({ ...fileLevel(show(name), 'unknown-file', msg.unknownFile(name)), severity: 'warning' });
  }
  if (entries.includes('domains')) {
    for (const name of await listFolder(join(dir, 'domains'), msg)) {
      if (name.startsWith('.')) continue;
      const path = `domains/${name}`;
      if (/\.ya?ml$/.test(name)) wanted.push({ path, kind: 'domain' });
      else diagnostics.push({ ...fileLevel(show(path), 'unknown-file', msg.unknownFile(path)), severity: 'warning' });
    }
  }

  const read = await Promise.all(wanted.map((w) => readOne(join(dir, w.path), show(w.path), w.kind, msg)));
  const files: RawFile[] = [];
  for (const result of read) {
    if ('bytes' in result) files.push(result);
    else diagnostics.push(result);
  }
  return { dir, files, diagnostics };
}

async function listFolder(dir: string, msg: Messages): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new PlanError(msg.dataDirMissing(dir));
    if (code === 'ENOTDIR') throw new PlanError(msg.dataDirNotFolder(dir));
    throw new PlanError(msg.unreadable(dir, code ?? String(error)));
  }
}

async function readOne(absolutePath: string, path: string, kind: FileKind, msg: Messages): Promise<RawFile | Diagnostic> {
  try {
    const info = await stat(absolutePath);
    if (info.isDirectory()) return fileLevel(path, 'io', msg.notAFile(path));
    if (info.size > MAX_FILE_MB * 1024 * 1024) return fileLevel(path, 'io', msg.tooLarge(Math.round(info.size / 1024 / 1024), MAX_FILE_MB));
    return { path, absolutePath, kind, bytes: await readFile(absolutePath) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return fileLevel(path, 'io', msg.unreadable(path, code));
  }
}

export function fileLevel(file: string, rule: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, severity: 'error', rule, message };
}
