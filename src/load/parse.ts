import { CORE_SCHEMA, load as loadFast } from 'js-yaml';
import type { Messages } from '../i18n/index.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { diagnosticAtOffset, documentOf, type FileKind, type SourceFile } from './source-file.js';

/** Deeper nesting than this is refused before parsing: the parser can exhaust memory on it. */
const MAX_DEPTH = 64;
const MAX_ALIASES = 100;

/**
 * Text the fast parser reads exactly as the `yaml` package does. Anchors, aliases, tags, tabs and
 * a few number forms (0b101, 1_000) are where the two differ; such files take the careful path.
 */
const FAST_PATH_UNSAFE = /(?:^|[\s[{,])[&*!]\S|^%|\t|<<|(?:^|[:[,-])[ ]*[-+]?(?:0b[01]+|\d+(?:_\d+)+)[ ]*(?:$|[,\]#])/m;

/**
 * Parses a file's text. Clean files are read with js-yaml, about ten times faster; positions are
 * then worked out only if a diagnostic or an edit needs them. A file js-yaml rejects, or may read
 * differently, is parsed with the `yaml` package, whose messages and positions are reported.
 */
export function parseSource(
  path: string,
  absolutePath: string,
  kind: FileKind,
  text: string,
  msg: Messages,
): { file: SourceFile; diagnostics: Diagnostic[] } {
  const file: SourceFile = { path, absolutePath, kind, text, data: undefined };
  const depth = nestingDepth(text);
  if (depth.depth > MAX_DEPTH) {
    return { file, diagnostics: [diagnosticAtOffset(file, depth.offset, 'error', 'yaml-syntax', msg.tooDeep(depth.depth))] };
  }
  if (!FAST_PATH_UNSAFE.test(text)) {
    try {
      file.data = loadFast(text, { schema: CORE_SCHEMA });
      return { file, diagnostics: file.data === null || file.data === undefined ? emptyFile(file, msg) : [] };
    } catch {
      file.data = undefined;
    }
  }
  return parseCarefully(file, msg);
}

function parseCarefully(file: SourceFile, msg: Messages): { file: SourceFile; diagnostics: Diagnostic[] } {
  const { text } = file;
  const doc = documentOf(file);
  const diagnostics: Diagnostic[] = [];
  // Only the first syntax error is reported: the parser's later errors are mostly its confusion about the first.
  // A mis-indented line shows first as a key spanning two lines; that reading points at the right line.
  const first = doc.errors[0];
  const error = doc.errors.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY' && e.pos[0] === first?.pos[0]) ?? first;
  if (error) {
    const isDuplicate = error.code === 'DUPLICATE_KEY';
    const detail = isDuplicate
      ? msg.duplicateKey(duplicateKeyName(text, error.pos[0]))
      : msg.yamlSyntax(msg.yamlCodes[error.code] ?? firstLine(error.message));
    const offset = error.code === 'MULTILINE_IMPLICIT_KEY' ? lastLineIndent(text, error.pos[1]) : error.pos[0];
    diagnostics.push(diagnosticAtOffset(file, offset, 'error', isDuplicate ? 'duplicate-key' : 'yaml-syntax', detail));
  }
  for (const warning of doc.warnings) {
    diagnostics.push(diagnosticAtOffset(file, warning.pos[0], 'warning', 'yaml-syntax', msg.yamlSyntax(firstLine(warning.message))));
  }
  if (doc.errors.length > 0) return { file, diagnostics };
  try {
    file.data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    // An alias bomb throws from toJS rather than appearing in doc.errors.
    if (!(error instanceof ReferenceError)) throw error;
    diagnostics.push(diagnosticAtOffset(file, 0, 'error', 'yaml-syntax', msg.aliasLimit));
    return { file, diagnostics };
  }
  if (file.data === null || file.data === undefined) {
    diagnostics.push(...emptyFile(file, msg));
    file.data = undefined;
  }
  return { file, diagnostics };
}

function emptyFile(file: SourceFile, msg: Messages): Diagnostic[] {
  file.data = undefined;
  return [diagnosticAtOffset(file, 0, 'error', 'schema', msg.emptyFile)];
}

/** A key that runs onto the next line means that line is mis-indented: point at its first character. */
function lastLineIndent(text: string, end: number): number {
  const lineStart = text.lastIndexOf('\n', Math.max(0, end - 1)) + 1;
  let offset = lineStart;
  while (text[offset] === ' ') offset++;
  return offset;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function duplicateKeyName(text: string, offset: number): string {
  const match = /^\s*(?:-\s+)?("[^"]*"|'[^']*'|[^:#\n]+?)\s*:/.exec(text.slice(offset, offset + 300));
  return match ? match[1]!.replace(/^["']|["']$/g, '') : '?';
}

/** Flow-bracket depth and indentation depth, found with one cheap scan (quotes and comments are skipped). */
function nestingDepth(text: string): { depth: number; offset: number } {
  let flow = 0;
  let worst = { depth: 0, offset: 0 };
  let quote = '';
  let inComment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      inComment = false;
      let indent = 0;
      while (text[i + 1 + indent] === ' ' || text[i + 1 + indent] === '-') indent++;
      // Each block level takes at least one more column (or a "- "), so this bounds the block depth.
      const depth = Math.floor(indent / 2) + flow;
      if (depth > worst.depth) worst = { depth, offset: i + 1 };
      continue;
    }
    if (inComment) continue;
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    const prev = i === 0 ? '\n' : text[i - 1]!;
    if ((c === '"' || c === "'") && ' \t\n[{,:-'.includes(prev)) quote = c;
    else if (c === '#' && ' \t\n'.includes(prev)) inComment = true;
    else if (c === '[' || c === '{') {
      flow++;
      if (flow > worst.depth) worst = { depth: flow, offset: i };
    } else if (c === ']' || c === '}') flow = Math.max(0, flow - 1);
  }
  return worst;
}
