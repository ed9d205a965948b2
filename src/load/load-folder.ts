import type { Messages } from '../i18n/index.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { bytePosition, decodeText } from './decode.js';
import { parseSource } from './parse.js';
import { readFolder, type RawFile, type RawFolder } from './read-folder.js';
import type { SourceFile } from './source-file.js';

export interface LoadedFolder {
  dir: string;
  files: SourceFile[];
  diagnostics: Diagnostic[];
}

/**
 * Reads and parses every data file of the folder. Problems with single files become diagnostics.
 * File paths in messages start with `shownDir` (the folder as the user knows it, e.g. `data`).
 */
export function loadFolder(dir: string, msg: Messages, shownDir = '.'): LoadedFolder {
  return parseFolder(readFolder(dir, msg, shownDir), msg);
}

/** Decodes and parses the files read by readFolder. */
export function parseFolder(raw: RawFolder, msg: Messages): LoadedFolder {
  const diagnostics = [...raw.diagnostics];
  const files: SourceFile[] = [];
  for (const rawFile of raw.files) {
    const result = parseRaw(rawFile, msg);
    diagnostics.push(...result.diagnostics);
    if (result.file) files.push(result.file);
  }
  return { dir: raw.dir, files, diagnostics };
}

function parseRaw(raw: RawFile, msg: Messages): { file?: SourceFile; diagnostics: Diagnostic[] } {
  const decoded = decodeText(raw.bytes, msg);
  if (!decoded.ok) {
    const where = bytePosition(raw.bytes, decoded.byteOffset);
    return {
      diagnostics: [
        {
          file: raw.path,
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
  const parsed = parseSource(raw.path, raw.absolutePath, raw.kind, decoded.text, msg);
  if (raw.bytes[0] === 0xef && raw.bytes[1] === 0xbb && raw.bytes[2] === 0xbf) parsed.file.bom = true;
  return parsed;
}

