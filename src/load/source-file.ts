import { LineCounter, isMap, isNode, isPair, isScalar, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, Severity } from '../validate/diagnostic.js';
import { readBlockYamlPositions, type Positions } from './block-yaml.js';

export type FileKind = 'plan' | 'domain' | 'enterprises' | 'towns' | 'people';
export type PathSegment = string | number;

/** One data file: its text, its plain value, and (parsed on first need) its document with positions. */
export interface SourceFile {
  /** Path relative to the data folder, with forward slashes, as shown in messages. */
  path: string;
  /** Where the file is on disk, for edits; empty for text that was never read from disk. */
  absolutePath: string;
  kind: FileKind;
  text: string;
  /** The file on disk starts with a UTF-8 byte-order mark (not part of `text`); an edit keeps it. */
  bom?: boolean;
  /** The plain JavaScript value; undefined when the file could not be parsed. */
  data: unknown;
  /** The YAML document with node positions; see documentOf. */
  doc?: Document.Parsed;
  /** Offsets where each line starts, computed on first need. */
  lineStarts?: number[];
  /** The block reader's positions of the file's nodes (null when it declines the file); see blockOffset. */
  blockPositions?: { data: unknown; positions: WeakMap<object, Positions> } | null;
}

/** How every data file is read, by check and by edits alike. */
export const READING = {
  prettyErrors: false,
  uniqueKeys: true,
  strict: true,
  version: '1.2',
  schema: 'core',
  merge: false,
  resolveKnownTags: false,
} as const;

/**
 * The file's YAML document with positions. Files that parsed cleanly on the fast path have none
 * until a diagnostic or an edit needs one; it is then parsed once and kept.
 */
export function documentOf(file: SourceFile): Document.Parsed {
  // Always YAML 1.2's core schema, whatever a %YAML directive says: yes stays text, 010 stays 10,
  // 12:30 stays text, and no tag (!!binary, !!set, !!timestamp) makes anything but plain values.
  file.doc ??= parseDocument(file.text, { ...READING, lineCounter: new LineCounter() });
  return file.doc;
}

/** 1-based line and column of a character offset. */
export function linePosition(file: SourceFile, offset: number): { line: number; col: number } {
  const starts = lineStartsOf(file);
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, col: offset - starts[low]! + 1 };
}

function lineStartsOf(file: SourceFile): number[] {
  if (!file.lineStarts) {
    const starts = [0];
    for (let i = file.text.indexOf('\n'); i !== -1; i = file.text.indexOf('\n', i + 1)) starts.push(i + 1);
    file.lineStarts = starts;
  }
  return file.lineStarts;
}

/** Builds a diagnostic at a character offset of the file, with the offending line attached. */
export function diagnosticAtOffset(file: SourceFile, offset: number, severity: Severity, rule: string, message: string): Diagnostic {
  // The end of a file that ends with a line break is shown at the end of its last line, not on a line that is not there.
  const end = file.text.endsWith('\n') ? file.text.length - 1 : file.text.length;
  const { line, col } = linePosition(file, Math.max(0, Math.min(offset, end)));
  return { file: file.path, line, column: col, severity, rule, message, sourceLine: sourceLineAt(file, line) };
}

/** The text of a 1-based line, without its line ending. */
function sourceLineAt(file: SourceFile, line: number): string {
  const starts = lineStartsOf(file);
  const end = line < starts.length ? starts[line]! - 1 : file.text.length;
  return file.text.slice(starts[line - 1], end).replace(/\r$/, '');
}

/**
 * Finds the offset of the value at `path` (or of its key, when `atKey` is set). Falls back to the
 * nearest ancestor that exists, so a diagnostic always has a position.
 */
export function offsetOf(file: SourceFile, path: readonly PathSegment[], atKey = false): number {
  // A file read on the fast path is not parsed again by the yaml package for a position the block
  // reader can give: on a big file that parse costs more than everything else check does.
  if (!file.doc) {
    const offset = blockOffset(file, path, atKey);
    if (offset !== undefined) return offset;
  }
  let node: unknown = documentOf(file).contents;
  let best = rangeStart(node) ?? 0;
  for (const [i, segment] of path.entries()) {
    if (!isNode(node)) break;
    const isLast = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
      if (!pair) break;
      if (isLast && atKey) return rangeStart(pair.key) ?? best;
      node = pair.value;
      best = rangeStart(node) ?? rangeStart(pair.key) ?? best;
      continue;
    }
    const child = (node as { get?: (key: unknown, keepScalar: boolean) => unknown }).get?.(segment, true);
    if (child === undefined) break;
    node = child;
    best = rangeStart(node) ?? best;
  }
  return best;
}

/**
 * offsetOf by the block reader's positions: the same offset the yaml package's nodes give, or
 * undefined when the block reader declines the file or the walk meets a value with nothing written.
 */
export function blockOffset(file: SourceFile, path: readonly PathSegment[], atKey = false): number | undefined {
  if (file.blockPositions === undefined) file.blockPositions = readBlockYamlPositions(file.text) ?? null;
  const read = file.blockPositions;
  if (read === null) return undefined;
  let node = read.data;
  let best = firstContentOffset(file.text);
  for (const [i, segment] of path.entries()) {
    const positions = node !== null && typeof node === 'object' ? read.positions.get(node) : undefined;
    if (!positions) break;
    const key = positions.keys ? String(segment) : typeof segment === 'number' ? segment : Number(segment);
    if (!positions.values.has(key) && !Object.hasOwn(node as object, key)) break;
    if (positions.keys && i === path.length - 1 && atKey) return positions.keys.get(String(segment));
    const at = positions.values.get(key);
    if (at === undefined) return undefined;
    node = (node as Record<string | number, unknown>)[key];
    best = at;
  }
  return best;
}

/** Where a document's content starts: its first line that is not blank or a comment. */
function firstContentOffset(text: string): number {
  const match = /^[ ]*[^\s#]/m.exec(text);
  return match ? match.index + match[0].length - 1 : 0;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

function rangeStart(node: unknown): number | undefined {
  return isNode(node) ? (node as Node).range?.[0] : undefined;
}

/** Builds a diagnostic at the value (or key) found at a data path inside the file. */
export function diagnosticAtPath(
  file: SourceFile,
  path: readonly PathSegment[],
  severity: Severity,
  rule: string,
  message: string,
  atKey = false,
): Diagnostic {
  return diagnosticAtOffset(file, offsetOf(file, path, atKey), severity, rule, message);
}
