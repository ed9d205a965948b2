import { isAlias, isCollection, isPair, isScalar, Lexer, Parser, visit, type Document, type Node } from 'yaml';
import type { Messages } from '../i18n/index.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { readBlockYaml } from './block-yaml.js';
import { readFast } from './fast-path.js';
import { conflictMarkers, flowListCommas, keySlips, type Slip } from './slips.js';
import { diagnosticAtOffset, documentOf, type FileKind, type SourceFile } from './source-file.js';

/** Deeper nesting than this is refused before parsing: the parser can exhaust memory on it. */
export const MAX_DEPTH = 64;
const MAX_ALIASES = 100;

/** Characters YAML does not allow in a stream (everything outside c-printable). */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

/** Where a number with a leading zero (08) may be; only then are the file's scalars looked at. */
const MAYBE_LEADING_ZERO = /(?:^|[\s[{,:?])[-+]?0\d/m;

/**
 * Parses a file's text. Clean files are read by the block reader or js-yaml, many times faster; positions are
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
  // YAML allows no control characters but tab and line breaks; js-yaml refuses them, the `yaml` package
  // would keep them. Refuse them here, where they are, rather than carry ESC into reports.
  const control = CONTROL_CHARACTER.exec(text);
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return { file, diagnostics: [diagnosticAtOffset(file, control.index, 'error', 'yaml-syntax', msg.yamlSyntax(msg.controlCharacter(code)))] };
  }
  // A merge conflict left in the file confuses the parser into reporting the line after it, if anything.
  const conflicts = conflictMarkers(text);
  if (conflicts.length > 0) return { file, diagnostics: conflicts.map((slip) => slipDiagnostic(file, slip, msg)) };
  // Data files in plain block YAML are read line by line (see block-yaml.ts), which declines deep nesting itself.
  const block = readBlockYaml(text);
  if (block) return readFastly(file, block.data, msg);
  // Before the general parsers: both recurse once per level, and a deep enough document can abort the process.
  const tooDeep = tooDeepAt(text);
  if (tooDeep !== undefined) {
    return { file, diagnostics: [diagnosticAtOffset(file, tooDeep, 'error', 'yaml-syntax', msg.tooDeep(MAX_DEPTH))] };
  }
  const fast = readFast(text);
  if (fast) return readFastly(file, fast.data, msg);
  return parseCarefully(file, msg);
}

/** A file read on a fast path: its data, and the problems only the text shows. */
function readFastly(file: SourceFile, data: unknown, msg: Messages): { file: SourceFile; diagnostics: Diagnostic[] } {
  file.data = data;
  if (file.data === null || file.data === undefined) return { file, diagnostics: emptyFile(file, msg) };
  return { file, diagnostics: [...leadingZeros(file, msg), ...listCommas(file, msg)] };
}

function parseCarefully(file: SourceFile, msg: Messages): { file: SourceFile; diagnostics: Diagnostic[] } {
  const { text } = file;
  const doc = documentOf(file);
  const diagnostics: Diagnostic[] = [];
  // Only the first syntax error is reported: the parser's later errors are mostly its confusion about the first.
  // A mis-indented line shows first as a key spanning two lines; that reading points at the right line.
  const first = doc.errors[0];
  const error = doc.errors.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY' && e.pos[0] === first?.pos[0]) ?? first;
  // A full-width colon or a missing space makes a key into text; the parser complains a line later, about indentation.
  const slips = error ? keySlips(text) : [];
  if (slips.length > 0) diagnostics.push(...slips.map((slip) => slipDiagnostic(file, slip, msg)));
  else if (error) diagnostics.push(syntaxDiagnostic(file, error, msg));
  // A %YAML 1.1 line would turn yes into true and 010 into 8; the file is read as YAML 1.2 all the same.
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    const directive = Math.max(0, text.search(/^%YAML/m));
    diagnostics.push(diagnosticAtOffset(file, directive, 'warning', 'yaml-syntax', msg.yamlVersionIgnored(doc.directives.yaml.version)));
  }
  for (const warning of doc.warnings) {
    const tag = warning.code === 'TAG_RESOLVE_FAILED' ? /Unresolved tag: (\S+)/.exec(warning.message)?.[1] : undefined;
    const detail = tag !== undefined ? msg.unknownTag(tag.replace(/^tag:yaml\.org,2002:/, '!!')) : msg.yamlSyntax(firstLine(warning.message));
    diagnostics.push(diagnosticAtOffset(file, warning.pos[0], 'warning', 'yaml-syntax', detail));
  }
  if (doc.errors.length > 0) return { file, diagnostics };
  try {
    file.data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    // An alias bomb throws from toJS rather than appearing in doc.errors.
    if (!(error instanceof ReferenceError)) throw error;
    const alias = worstAlias(doc);
    diagnostics.push(diagnosticAtOffset(file, alias?.offset ?? 0, 'error', 'yaml-syntax', msg.aliasLimit(alias?.name ?? '?', MAX_ALIASES)));
    file.data = undefined;
    return { file, diagnostics };
  }
  if (file.data === null || file.data === undefined) {
    diagnostics.push(...emptyFile(file, msg));
    file.data = undefined;
    return { file, diagnostics };
  }
  diagnostics.push(...leadingZeros(file, msg), ...listCommas(file, msg));
  return { file, diagnostics };
}

function listCommas(file: SourceFile, msg: Messages): Diagnostic[] {
  return flowListCommas(file.text).map((slip) => slipDiagnostic(file, slip, msg));
}

function slipDiagnostic(file: SourceFile, slip: Slip, msg: Messages): Diagnostic {
  const message =
    slip.kind === 'conflict-marker'
      ? msg.conflictMarker(slip.detail, slip.lines?.middle, slip.lines?.end)
      : slip.kind === 'fullwidth-colon'
        ? msg.fullwidthColon(slip.detail)
        : slip.kind === 'missing-space'
          ? msg.missingSpace(slip.detail)
          : msg.fullwidthComma(slip.detail, file.text[slip.offset]!);
  return diagnosticAtOffset(file, slip.offset, 'error', slip.kind, message);
}

interface YamlProblem {
  code: string;
  message: string;
  pos: [number, number];
}

/** One syntax error, worded for a person and placed where the mistake is, not where the parser noticed it. */
function syntaxDiagnostic(file: SourceFile, error: YamlProblem, msg: Messages): Diagnostic {
  const { text } = file;
  const at = (offset: number, detail: string) => diagnosticAtOffset(file, offset, 'error', 'yaml-syntax', msg.yamlSyntax(detail));
  if (error.code === 'DUPLICATE_KEY') {
    return diagnosticAtOffset(file, error.pos[0], 'error', 'duplicate-key', msg.duplicateKey(duplicateKeyName(text, error.pos[0])));
  }
  // An unclosed quote or bracket is noticed at the end of the file, or where the text stops making
  // sense; the quote or bracket that was opened is the place to fix.
  const unclosed = error.code === 'TAB_AS_INDENT' ? undefined : unclosedBefore(text, error.pos[0]);
  if (unclosed?.kind === 'quote') return at(unclosed.offset, msg.unclosedQuote);
  if (unclosed?.kind === 'bracket') return at(unclosed.offset, msg.unclosedBracket(text[unclosed.offset]!, text[unclosed.offset] === '[' ? ']' : '}'));
  const offset = error.code === 'MULTILINE_IMPLICIT_KEY' ? lastLineIndent(text, error.pos[1]) : error.pos[0];
  // A list item ("- ") where the lines around it are a mapping, or at the wrong indentation.
  if (STRUCTURE_CODES.has(error.code)) {
    const dash = strayDash(text, offset);
    if (dash !== undefined) return at(dash, msg.strayDash);
  }
  // `title: 时间: 3月`: a value holding ": " reads as a mapping inside the value.
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && firstNonSpace(text, offset) === offset && !atLineStart(text, offset)) {
    return at(offset, msg.colonInValue);
  }
  return at(firstNonSpace(text, offset), msg.yamlCodes[error.code] ?? firstLine(error.message));
}

function atLineStart(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return text.slice(lineStart, offset).trim() === '';
}

const STRUCTURE_CODES = new Set(['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'UNEXPECTED_TOKEN', 'BAD_INDENT']);

function emptyFile(file: SourceFile, msg: Messages): Diagnostic[] {
  file.data = undefined;
  const lines = file.text.split('\n');
  const onlyComments = lines.some((line) => /^\s*#/.test(line)) && lines.every((line) => /^\s*(?:#.*)?$/.test(line));
  return [diagnosticAtOffset(file, 0, 'error', 'schema', onlyComments ? msg.onlyComments : msg.emptyFile)];
}

/** A key that runs onto the next line means that line is mis-indented: point at its first character. */
function lastLineIndent(text: string, end: number): number {
  const lineStart = text.lastIndexOf('\n', Math.max(0, end - 1)) + 1;
  let offset = lineStart;
  while (text[offset] === ' ') offset++;
  return offset;
}

/** An offset inside a line's indentation moves to the line's first character: that is what is misplaced. */
function firstNonSpace(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  if (text.slice(lineStart, offset).trim() !== '') return offset;
  let at = offset;
  while (text[at] === ' ') at++;
  return text[at] === '\n' || text[at] === '\r' || at >= text.length ? offset : at;
}

/** The offset of the "-" of a list item starting the line at `offset`, if it starts with one. */
function strayDash(text: string, offset: number): number | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const match = /^ *-(?=[ \t\r\n]|$)/.exec(text.slice(lineStart, lineStart + 200));
  return match ? lineStart + match[0].length - 1 : undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function duplicateKeyName(text: string, offset: number): string {
  const match = /^\s*(?:-\s+)?("[^"]*"|'[^']*'|[^:#\n]+?)\s*:/.exec(text.slice(offset, offset + 300));
  return match ? match[1]!.replace(/^["']|["']$/g, '') : '?';
}

/**
 * The last quote or flow bracket opened before `before` and never closed, if any: the quote of a
 * quoted scalar that runs to the end of the file, or a "[" or "{" without its "]" or "}".
 */
function unclosedBefore(text: string, before: number): { kind: 'quote' | 'bracket'; offset: number } | undefined {
  let found: { kind: 'quote' | 'bracket'; offset: number } | undefined;
  for (const token of cstTokens(text)) {
    if (token.offset > before || (found && token.offset < found.offset)) continue;
    if ((token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') && !isClosed(token.source ?? '')) {
      found = { kind: 'quote', offset: token.offset };
    } else if (token.type === 'flow-collection' && !token.end?.some((t) => t.type === 'flow-seq-end' || t.type === 'flow-map-end')) {
      found = { kind: 'bracket', offset: token.offset };
    }
  }
  return found;
}

function isClosed(source: string): boolean {
  const quote = source[0];
  for (let i = 1; i < source.length; i++) {
    const c = source[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && source[i + 1] === "'") i++;
      else return i === source.length - 1;
    }
  }
  return false;
}

interface CstToken {
  type: string;
  offset: number;
  source?: string;
  end?: { type: string }[];
}

/** Every token of the concrete syntax tree, walked without recursion. Only for small, already guarded texts. */
function* cstTokens(text: string): Generator<CstToken> {
  const stack: unknown[] = [...new Parser().parse(text)];
  while (stack.length > 0) {
    const token = stack.pop() as Record<string, unknown> | undefined;
    if (!token || typeof token !== 'object' || typeof token.type !== 'string') continue;
    yield token as unknown as CstToken;
    for (const key of ['value', 'key', 'props']) {
      const child = token[key];
      if (Array.isArray(child)) for (const c of child as unknown[]) stack.push(c);
      else if (child && typeof child === 'object') stack.push(child);
    }
    if (Array.isArray(token.items)) {
      for (const item of token.items as Record<string, unknown>[]) {
        if (item.key) stack.push(item.key);
        if (item.value) stack.push(item.value);
      }
    }
  }
}

/** Texts up to this length are run through the CST parser to confirm a nesting the lexer cannot rule out. */
const CONFIRM_CHARS = 2_000_000;

/**
 * Where the text first nests deeper than MAX_DEPTH, or undefined. Nothing here recurses, and the
 * cost grows with the text, never with its depth:
 *
 * 1. a character scan gives an upper bound of the depth that settles almost every file;
 * 2. else the `yaml` lexer (which streams, and knows quotes, comments and block scalars) gives a
 *    much tighter upper bound, which settles files with many flow lists ([a, b]);
 * 3. else, for texts up to CONFIRM_CHARS, the CST parser itself is run, stopping as soon as it is
 *    more than MAX_DEPTH deep: that gives the exact place. Past CONFIRM_CHARS (the parser's tree
 *    takes about 150 bytes a character), the lexer's bound decides.
 *
 * So a 32 MB file of "[" is refused in moments, and a big file of flat data is never built twice.
 */
export function tooDeepAt(text: string): number | undefined {
  if (depthBound(text) <= MAX_DEPTH) return undefined;
  const bound = lexedBound(text);
  if (bound.first === undefined) return undefined;
  if (bound.first < CONFIRM_CHARS) {
    const exact = parsedDepthExceeded(text);
    if (exact !== undefined || text.length <= CONFIRM_CHARS) return exact;
  }
  return bound.pastConfirmed;
}

/** Runs the CST parser over the text (up to CONFIRM_CHARS) and returns where it first gets too deep. */
function parsedDepthExceeded(text: string): number | undefined {
  const parser = new Parser();
  for (const lexeme of new Lexer().lex(text)) {
    const offset = parser.offset;
    if (offset > CONFIRM_CHARS) return undefined;
    // Finished documents are of no interest here: only how deep the parser is.
    for (const document of parser.next(lexeme)) void document;
    if (parser.stack.length > MAX_DEPTH && collectionDepth(parser.stack) > MAX_DEPTH) return Math.min(offset, text.length);
  }
  return undefined;
}

function collectionDepth(stack: readonly { type: string }[]): number {
  let depth = 0;
  for (const token of stack) if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') depth++;
  return depth;
}

/**
 * An upper bound of the depth from the lexer's tokens, which are what the parser builds from: the
 * flow level exactly, plus for block collections a stack of the indentations of the lines still
 * open (a line less indented closes everything deeper, as in the parser), each counting for at
 * most two levels (a list may sit at its key's column) plus two per indicator ("- ", "? ", ": ")
 * on its line (broken text such as `a: b: c:` or `[a: a:` nests up to two levels at each).
 * Lines inside a flow collection, multi-line scalars and comment lines close nothing.
 * Returns the first offset where the bound passes MAX_DEPTH, and the first at or past CONFIRM_CHARS.
 */
function lexedBound(text: string): { first?: number; pastConfirmed?: number } {
  const stack: { column: number; weight: number }[] = [];
  let blockSum = 0;
  let flow = 0;
  let offset = 0;
  let lineStart = true;
  let lineFlow = 0;
  let indent = 0;
  let lineWeight = 0;
  let content = false;
  let first: number | undefined;
  const current = () => {
    if (stack.length === 0) stack.push({ column: 0, weight: 0 });
    return stack[stack.length - 1]!;
  };
  const weigh = (entry: { weight: number }, weight: number) => {
    if (weight > entry.weight) {
      blockSum += weight - entry.weight;
      entry.weight = weight;
    }
  };
  let scalar = false;
  for (const lexeme of new Lexer().lex(text)) {
    // The lexer's markers (document, flow error, "a scalar follows") take no room in the text.
    if (lexeme === '\u0002' || lexeme === '\u0018') continue;
    if (lexeme === '\u001f') {
      scalar = true;
      continue;
    }
    const at = offset;
    offset += lexeme.length;
    const c = scalar ? 'a' : lexeme[0];
    // After the marker, even an empty string is a (empty) scalar, not a line break.
    if (!scalar && (lexeme === '' || lexeme === '\n' || lexeme === '\r\n')) {
      lineStart = true;
      continue;
    }
    scalar = false;
    if (lineStart) {
      lineStart = false;
      lineFlow = flow;
      indent = 0;
      lineWeight = 2;
      content = false;
    }
    if (c === ' ' || c === '\t') {
      if (!content) indent += lexeme.length;
    } else if (c !== '#') {
      if (!content) {
        content = true;
        // A line that starts outside any flow collection closes the block collections indented deeper.
        if (lineFlow === 0) {
          while (stack.length > 0 && stack[stack.length - 1]!.column > indent) blockSum -= stack.pop()!.weight;
          if (stack.length === 0 || stack[stack.length - 1]!.column < indent) stack.push({ column: indent, weight: 0 });
          weigh(current(), lineWeight);
        }
      }
      if (c === 'a') {
        // A scalar: it neither opens nor closes anything.
      } else if (lexeme === '[' || lexeme === '{') flow++;
      else if (lexeme === ']' || lexeme === '}') flow = Math.max(0, flow - 1);
      else if (lexeme === '-' || lexeme === '?' || lexeme === ':') weigh(current(), (lineWeight += 2));
      if (blockSum + flow > MAX_DEPTH) {
        first ??= at;
        if (at >= CONFIRM_CHARS) return { first, pastConfirmed: at };
      }
    }
    // A block scalar's body ends with its line break: the next token starts a line.
    if (lexeme.length > 1 && lexeme.endsWith('\n')) lineStart = true;
  }
  return first === undefined ? {} : { first };
}

/**
 * An upper bound of the nesting depth. A flow collection needs a "[" or "{" each, so there are at most
 * as many flow levels as those characters. A block level starts further right than its parent, or on
 * the same line after an indicator ("- ", "? ", ": "), and a list under a key may share the key's
 * column: so on any line there are at most twice as many block levels as indentation columns and
 * indicators.
 */
function depthBound(text: string): number {
  let openers = 0;
  let worstLine = 0;
  let units = 0;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      if (units > worstLine) worstLine = units;
      units = 0;
      atLineStart = true;
      continue;
    }
    if (c === 0x20 || c === 0x09) {
      if (atLineStart) units++;
      continue;
    }
    atLineStart = false;
    if (c === 0x5b || c === 0x7b) openers++;
    else if (c === 0x2d || c === 0x3f || c === 0x3a) {
      const next = text.charCodeAt(i + 1);
      if (Number.isNaN(next) || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d) units++;
    }
  }
  if (units > worstLine) worstLine = units;
  return 2 * worstLine + 2 + openers;
}

/**
 * The alias whose expansion is largest (the first of them): the heart of a "billion laughs" document.
 * Each alias is resolved once, in document order, to the last node before it with its anchor, and
 * each node's expanded size is counted once: linear in the document, however it is built.
 */
function worstAlias(doc: Document.Parsed): { name: string; offset: number } | undefined {
  const anchors = new Map<string, unknown>();
  const targets = new Map<unknown, unknown>();
  const aliases: { name: string; offset: number; node: unknown }[] = [];
  visit(doc, (_, node) => {
    if (isAlias(node)) {
      targets.set(node, anchors.get(node.source));
      aliases.push({ name: node.source, offset: node.range?.[0] ?? 0, node });
    } else if ((isCollection(node) || isScalar(node)) && node.anchor) anchors.set(node.anchor, node);
  });
  const sizes = new Map<unknown, number>();
  const busy = new Set<unknown>();
  const sizeOf = (node: unknown): number => {
    if (isAlias(node)) return sizeOf(targets.get(node));
    if (!isCollection(node) && !isPair(node)) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (busy.has(node)) return 1;
    busy.add(node);
    let size = 1;
    if (isPair(node)) size = sizeOf(node.key) + sizeOf(node.value);
    else for (const item of node.items) size += sizeOf(item);
    busy.delete(node);
    sizes.set(node, size);
    return size;
  };
  let worst: { name: string; offset: number; size: number } | undefined;
  for (const alias of aliases) {
    const size = sizeOf(alias.node);
    if (worst === undefined || size > worst.size) worst = { ...alias, size };
  }
  return worst && { name: worst.name, offset: worst.offset };
}

/**
 * YAML 1.2 reads 08 as the number 8 (YAML 1.1 read 010 as 8, octal): either way the leading zero is
 * gone, which is rarely what was meant. Warn, saying what was read.
 */
function leadingZeros(file: SourceFile, msg: Messages): Diagnostic[] {
  if (!MAYBE_LEADING_ZERO.test(file.text)) return [];
  const diagnostics: Diagnostic[] = [];
  visit(documentOf(file), {
    Scalar(_, node) {
      const source = (node as Node & { source?: string }).source;
      if (!isScalar(node) || node.type !== 'PLAIN' || typeof node.value !== 'number' || source === undefined) return;
      if (!/^[-+]?0\d/.test(source)) return;
      diagnostics.push(diagnosticAtOffset(file, node.range?.[0] ?? 0, 'warning', 'leading-zero', msg.leadingZero(source, String(node.value))));
    },
  });
  return diagnostics;
}
