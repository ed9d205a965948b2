import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PlanError } from '../errors.js';
import type { Messages } from '../i18n/index.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { bytePosition, decodeText } from './decode.js';
import { parseSource } from './parse.js';
import type { FileKind, SourceFile } from './source-file.js';

/** Files bigger than this are refused before reading them whole. */
export const MAX_FILE_MB = 32;

export interface LoadedFolder {
  dir: string;
  files: SourceFile[];
  diagnostics: Diagnostic[];
}

const TOP_LEVEL: Record<string, { kind: FileKind; required: boolean }> = {
  'plan.yaml': { kind: 'plan', required: true },
  'people.yaml': { kind: 'people', required: true },
  'towns.yaml': { kind: 'towns', required: false },
  'enterprises.yaml': { kind: 'enterprises', required: false },
};

/**
 * Reads and parses every data file of the folder. Problems with single files become diagnostics.
 * File paths in messages start with `shownDir` (the folder as the user knows it, e.g. `data`).
 */
export async function loadFolder(dir: string, msg: Messages, shownDir = '.'): Promise<LoadedFolder> {
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

  const loaded = await Promise.all(wanted.map((w) => loadFile(join(dir, w.path), show(w.path), w.kind, msg)));
  const files: SourceFile[] = [];
  for (const result of loaded) {
    diagnostics.push(...result.diagnostics);
    if (result.file) files.push(result.file);
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

async function loadFile(
  absolute: string,
  path: string,
  kind: FileKind,
  msg: Messages,
): Promise<{ file?: SourceFile; diagnostics: Diagnostic[] }> {
  let bytes: Uint8Array;
  try {
    const info = await stat(absolute);
    if (info.isDirectory()) return { diagnostics: [fileLevel(path, 'io', msg.notAFile(path))] };
    if (info.size > MAX_FILE_MB * 1024 * 1024) {
      return { diagnostics: [fileLevel(path, 'io', msg.tooLarge(Math.round(info.size / 1024 / 1024), MAX_FILE_MB))] };
    }
    bytes = await readFile(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { diagnostics: [fileLevel(path, 'io', msg.unreadable(path, code))] };
  }
  const decoded = decodeText(bytes, msg);
  if (!decoded.ok) {
    const where = bytePosition(bytes, decoded.byteOffset);
    return {
      diagnostics: [
        {
          file: path,
          line: where.line,
          column: where.column,
          severity: 'error',
          rule: 'encoding',
          message: decoded.message,
          // A UTF-16 line would print as noise; the message says enough.
          ...(decoded.utf16 ? {} : { sourceLine: where.lineText }),
        },
      ],
    };
  }
  return parseSource(path, absolute, kind, decoded.text, msg);
}

function fileLevel(file: string, rule: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, severity: 'error', rule, message };
}
