import { LineCounter, parseDocument } from 'yaml';
import type { Messages } from '../i18n/index.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { diagnosticAtOffset, type FileKind, type SourceFile } from './source-file.js';

/** Deeper nesting than this is refused before parsing: the parser can exhaust memory on it. */
const MAX_DEPTH = 64;
const MAX_ALIASES = 100;

/** Parses a file's text keeping positions; YAML problems come back as diagnostics. */
export function parseSource(
  path: string,
  absolutePath: string,
  kind: FileKind,
  text: string,
  msg: Messages,
): { file: SourceFile; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const file: SourceFile = { path, absolutePath, kind, text, lineCounter, doc: undefined, data: undefined };
  const depth = nestingDepth(text);
  if (depth.depth > MAX_DEPTH) {
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    return { file, diagnostics: [diagnosticAtOffset(file, depth.offset, 'error', 'yaml-syntax', msg.tooDeep(depth.depth))] };
  }
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  file.doc = doc;
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
    diagnostics.push(diagnosticAtOffset(file, 0, 'error', 'schema', msg.emptyFile));
    file.data = undefined;
  }
  return { file, diagnostics };
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
