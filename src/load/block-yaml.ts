/**
 * A reader for the plain block YAML the data files are written in: mappings and lists by
 * indentation, one-line scalars (plain, single- or double-quoted), one-line [lists], literal block
 * scalars (| and |-) and comments. It works line by line with the engine's own string searches,
 * which on a short run (where most of a general parser's code has not been compiled yet) reads the
 * bundled data in about half the time js-yaml takes.
 *
 * It answers only when sure: anything outside that subset, any scalar it does not know how
 * YAML 1.2's core schema types, or nesting deeper than a data file needs, makes it decline
 * (undefined), and the general readers take the file. It recurses once per level of a document
 * only up to that depth, so it runs before the depth check the general readers need.
 * test/yaml-reading.test.ts holds it to the `yaml` package's reading.
 */

type Value = unknown;

/** Thrown to decline; caught once at the top. */
class Decline extends Error {}
const decline = (): never => {
  throw new Decline();
};

interface Line {
  indent: number;
  /** The line without its indentation and without a trailing comment or spaces. */
  body: string;
  /** Index in the file's lines, for block scalars, which read raw lines. */
  index: number;
  /** The line's key and the rest, when already read (an item's first key). */
  key?: [string, string] | undefined;
}

export function readBlockYaml(text: string): { data: unknown } | undefined {
  return read(text, undefined);
}

/**
 * Where each key and value of a collection starts (character offsets), as the `yaml` package's
 * node ranges say: a mapping's keys and values, a list's items. Scalars have no entry of their own;
 * their offsets are in their parent's. A value with nothing written (null) has no offset here.
 */
export interface Positions {
  keys?: Map<string, number>;
  values: Map<string | number, number>;
}

/** The file's data with the positions of its collections, when the block reader takes the file. */
export function readBlockYamlPositions(text: string): { data: unknown; positions: WeakMap<object, Positions> } | undefined {
  const positions = new WeakMap<object, Positions>();
  const result = read(text, { positions, lineStarts: [] });
  return result && { data: result.data, positions };
}

interface Recording {
  positions: WeakMap<object, Positions>;
  lineStarts: number[];
}

function read(text: string, recording: Recording | undefined): { data: unknown } | undefined {
  try {
    const raw = text.split('\n');
    const tabs = text.includes('\t');
    if (recording) {
      let offset = 0;
      for (const line of raw) {
        recording.lineStarts.push(offset);
        offset += line.length + 1;
      }
    }
    const lines: Line[] = [];
    for (let index = 0; index < raw.length; index++) {
      let line = raw[index]!;
      if (line.endsWith('\r')) line = line.slice(0, -1);
      const body = line.trimStart();
      if (body === '' || body[0] === '#') continue;
      const indent = line.length - body.length;
      // Indentation is spaces; a tab in it is for the general readers to judge.
      if (tabs && line.slice(0, indent).includes('\t')) decline();
      lines.push({ indent, body: stripComment(body), index });
    }
    if (lines.length === 0) return undefined;
    const reader = new Reader(lines, raw, recording);
    const data = reader.node(lines[0]!.indent);
    if (reader.at < lines.length) decline();
    return { data };
  } catch (error) {
    if (error instanceof Decline) return undefined;
    throw error;
  }
}

/** The line without a comment (` #` outside quotes) and trailing spaces. */
function stripComment(body: string): string {
  const hash = body.indexOf(' #');
  if (hash === -1) return body.trimEnd();
  // A quote before the comment mark may hide it: such lines are read character by character.
  if (!/["']/.test(body.slice(0, hash))) return body.slice(0, hash).trimEnd();
  let quote = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = '';
    } else if (quote === "'") {
      if (c === "'" && body[i + 1] === "'") i++;
      else if (c === "'") quote = '';
    } else if (c === '"' || c === "'") {
      // Only a quote that opens a scalar starts a quoted stretch (it's stays plain text).
      const before = body.slice(0, i).trimEnd();
      if (before === '' || before.endsWith(':') || before.endsWith('-') || before.endsWith('[') || before.endsWith(',')) quote = c;
    } else if (c === '#' && body[i - 1] === ' ') {
      return body.slice(0, i).trimEnd();
    }
  }
  return body.trimEnd();
}

/** A key that can only be text: a lower-case word (true, false and null aside). */
const WORD_KEY = /^[a-z_][a-z0-9_]*$/;

/** `key: rest` at the start of a line: the key's text and where the rest starts, or undefined. */
const PLAIN_KEY = /^([^\s"'[\]{},#&*!|>%@`?:-][^:#]*?|-[^\s:#][^:#]*?): ?/;

/** Collections nested deeper than this are declined (the data files nest five deep at most). */
const MAX_DEPTH = 32;

class Reader {
  at = 0;
  private depth = 0;
  constructor(
    private readonly lines: Line[],
    private readonly raw: string[],
    private readonly recording: Recording | undefined,
  ) {}

  /** Where a line's text `column` characters into its body starts, in the file. */
  private offset(line: Line, column: number): number {
    return this.recording!.lineStarts[line.index]! + line.indent + column;
  }

  /** Where the next line's node starts, for a value written below its key or item. */
  private nextOffset(): number | undefined {
    const next = this.lines[this.at];
    return next && this.offset(next, 0);
  }

  /** The node whose first line is the next one, at exactly this indentation. */
  node(indent: number): Value {
    const line = this.lines[this.at]!;
    if (line.indent !== indent) decline();
    // Deep documents are for the general readers, which refuse them before they recurse.
    if (++this.depth > MAX_DEPTH) decline();
    const value = isItem(line.body) ? this.sequence(indent) : this.mapping(indent);
    this.depth--;
    return value;
  }

  sequence(indent: number): Value[] {
    const items: Value[] = [];
    const values = this.recording && new Map<number, number>();
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line.indent < indent) break;
      if (line.indent > indent) decline();
      // A key at the list's indentation ends a list that sits at its key's indentation; anywhere
      // else the caller finds the line out of place.
      if (!isItem(line.body)) break;
      const rest = line.body === '-' ? '' : line.body.slice(2);
      let key: [string, string] | undefined;
      if (rest === '') {
        this.at++;
        const below = this.recording && this.nextOffset();
        const item = this.nested(indent, true);
        if (values && item !== null && below !== undefined) values.set(items.length, below);
        items.push(item);
      } else if (isItem(rest) || rest.startsWith('? ')) {
        decline();
      } else if ((key = keyOf(rest)) !== undefined) {
        // An item that is a mapping starting on the item's line: its keys sit two columns in.
        const inner = indent + 2 + (rest.length - rest.trimStart().length);
        this.lines[this.at] = { indent: inner, body: rest, index: line.index, key };
        if (values) values.set(items.length, this.offset(line, 2));
        items.push(this.mapping(inner));
      } else {
        this.at++;
        if (values) values.set(items.length, this.offset(line, 2));
        items.push(this.inlineValue(rest, line, indent, values && this.offset(line, 2)));
      }
    }
    if (values) this.recording!.positions.set(items, { values });
    return items;
  }

  mapping(indent: number): Record<string, Value> {
    const map: Record<string, Value> = {};
    const keys = this.recording && new Map<string, number>();
    const values = this.recording && new Map<string, number>();
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line.indent < indent) break;
      if (line.indent > indent) decline();
      const key = line.key ?? keyOf(line.body);
      if (key === undefined) decline();
      // Indexing, not destructuring: a short run interprets this loop, where destructuring is slow.
      const name = key![0];
      const rest = key![1];
      if (Object.hasOwn(map, name) || name === '<<' || name === '__proto__') decline();
      this.at++;
      if (rest === '') {
        const below = this.recording && this.nextOffset();
        map[name] = this.nested(indent, false);
        if (values && map[name] !== null && below !== undefined) values.set(name, below);
      } else {
        const at = values && this.offset(line, line.body.length - rest.length);
        if (values) values.set(name, at!);
        map[name] = this.inlineValue(rest, line, indent, at);
      }
      if (keys) keys.set(name, this.offset(line, 0));
    }
    if (values) this.recording!.positions.set(map, { keys: keys!, values });
    return map;
  }

  /** The value of a key or item with nothing after it on its line: a block below it, or null. */
  nested(indent: number, inItem: boolean): Value {
    const next = this.lines[this.at];
    if (next === undefined) return null;
    if (next.indent > indent) return this.node(next.indent);
    // A list may sit at its key's own indentation.
    if (!inItem && next.indent === indent && isItem(next.body)) return this.sequence(indent);
    return null;
  }

  /** A value written on the key's or item's line, which starts at `offset` (when recording). */
  inlineValue(text: string, line: Line, indent: number, offset?: number): Value {
    const c = text[0]!;
    if (c === '|') return this.literal(text, line, indent);
    if (c === '[') {
      const list = flowList(text, offset);
      if (this.recording && offset !== undefined) this.recording.positions.set(list.items, { values: list.offsets });
      return list.items;
    }
    if (text === '{}') return {};
    const value = scalar(text);
    // A plain scalar continued on the next, deeper line is one multi-line scalar: not read here.
    const next = this.lines[this.at];
    if (next !== undefined && next.indent > indent) decline();
    return value;
  }

  /** `|` or `|-`: the following more-indented raw lines, as they are. */
  literal(header: string, line: Line, indent: number): string {
    if (header !== '|' && header !== '|-') decline();
    const firstRaw = line.index + 1;
    let end = firstRaw;
    let blockIndent: number | undefined;
    let leadingBlank = 0;
    for (; end < this.raw.length; end++) {
      const rawLine = this.raw[end]!.replace(/\r$/, '');
      const own = rawLine.length - rawLine.trimStart().length;
      if (rawLine.slice(0, own).includes('\t')) decline();
      if (rawLine.trim() === '') {
        if (blockIndent === undefined) leadingBlank = Math.max(leadingBlank, rawLine.length);
        continue;
      }
      if (own <= indent) break;
      blockIndent ??= own;
      if (own < blockIndent) decline();
    }
    // No text, or blank lines before it indented deeper than it: the general readers decide.
    if (blockIndent === undefined || leadingBlank > blockIndent) decline();
    // Trailing blank lines belong to the chomping, not to the text.
    let last = end - 1;
    while (last >= firstRaw && this.raw[last]!.trim() === '') last--;
    const body: string[] = [];
    for (let i = firstRaw; i <= last; i++) {
      const rawLine = this.raw[i]!.replace(/\r$/, '');
      // A blank line inside the block with more spaces than the block's indentation keeps them.
      body.push(rawLine.length >= blockIndent! ? rawLine.slice(blockIndent) : rawLine.trim() === '' ? '' : decline());
    }
    // Skip the comment-free lines the block covered.
    while (this.at < this.lines.length && this.lines[this.at]!.index <= last) this.at++;
    const joined = body.join('\n');
    if (header === '|-') return joined;
    // `|` keeps one final line break when the block is followed by one.
    return last + 1 < this.raw.length ? `${joined}\n` : joined;
  }
}

function isItem(body: string): boolean {
  return body === '-' || body.startsWith('- ');
}

/** The key and the rest of a `key: value` line, or undefined when the line is not one. */
function keyOf(body: string): [string, string] | undefined {
  // Most keys are a lower-case word followed by ': ' or the line's end.
  const colon = body.indexOf(':');
  if (colon > 0 && (colon === body.length - 1 || body.charCodeAt(colon + 1) === 0x20)) {
    const name = body.slice(0, colon);
    if (WORD_KEY.test(name) && name !== 'true' && name !== 'false' && name !== 'null') return [name, body.slice(colon + 2).trimStart()];
  }
  if (body[0] === '"' || body[0] === "'") {
    const end = quotedEnd(body);
    if (end === undefined || body[end] !== ':' || (body.length > end + 1 && body[end + 1] !== ' ')) return undefined;
    return [String(scalar(body.slice(0, end))), body.slice(end + 1).trimStart()];
  }
  const match = PLAIN_KEY.exec(body);
  if (!match) {
    // `key:` ending the line.
    if (body.endsWith(':') && !body.slice(0, -1).includes(': ')) {
      const name = body.slice(0, -1);
      if (name !== '' && PLAIN_KEY.test(`${name}: `)) return [plainKey(name), ''];
    }
    return undefined;
  }
  const name = match[1]!.trimEnd();
  const rest = body.slice(match[0].length);
  if (match[0].endsWith(':') && rest !== '') return undefined;
  return [plainKey(name), rest.trimStart()];
}

/** A plain key as the data's key: text, or a whole number written plainly (2022), which a key holds as its digits. */
function plainKey(name: string): string {
  const value = scalar(name);
  if (typeof value === 'number' && INTEGER.test(name)) return name;
  if (typeof value !== 'string') decline();
  return value as string;
}

/** Where a quoted scalar at the start of `text` ends (the index after its closing quote). */
function quotedEnd(text: string): number | undefined {
  const q = text[0];
  for (let i = 1; i < text.length; i++) {
    if (q === '"' && text[i] === '\\') i++;
    else if (text[i] === q) {
      if (q === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return undefined;
}

/** JSON's escapes, which YAML's double quotes share; anything else declines. */
const JSON_STRING = /^"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"$/;
/** Plain scalars YAML's core schema reads as something other than text. */
const NULL = /^(?:~|null|Null|NULL)$/;
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;
const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;
const DECIMAL = /^-?(?:0|[1-9][0-9]*)\.[0-9]+$/;
/** Every other form the core schema reads as a number (YAML 1.2 core): left to the general readers. */
const OTHER_NUMBER =
  /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
/** Characters a plain scalar may not start with, or that would need the general reader. */
const PLAIN_START = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** A one-line scalar as YAML 1.2's core schema reads it. */
function scalar(text: string): Value {
  const c = text.charCodeAt(0);
  // Most values start with a Chinese character or a letter (text, ids, names, words): text unless
  // they are one of the core schema's words or hold what would make them something else.
  if (c >= 0x3000) return plainText(text);
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) {
    if (c === 0x46 || c === 0x4e || c === 0x54 || c === 0x66 || c === 0x6e || c === 0x74) {
      if (NULL.test(text)) return null;
      if (TRUE.test(text)) return true;
      if (FALSE.test(text)) return false;
    }
    return plainText(text);
  }
  if (text === '') return null;
  if (c === 0x22 /* " */) {
    if (quotedEnd(text) !== text.length || !JSON_STRING.test(text)) decline();
    return JSON.parse(text) as string;
  }
  if (c === 0x27 /* ' */) {
    if (quotedEnd(text) !== text.length) decline();
    return text.slice(1, -1).replace(/''/g, "'");
  }
  if (text === '~') return null;
  if (INTEGER.test(text)) {
    const n = Number(text);
    // -0 and integers past what a double holds exactly are left to the general readers.
    if (Object.is(n, -0) || !Number.isSafeInteger(n)) decline();
    return n;
  }
  if (DECIMAL.test(text)) {
    if (text.length > 17) decline();
    return Number(text);
  }
  if (OTHER_NUMBER.test(text)) decline();
  if ((PLAIN_START.test(text) && !/^-[^\s]/.test(text)) || /^[-?:](?:\s|$)/.test(text)) decline();
  return plainText(text);
}

/** Text of a plain scalar; what would end it or make it a key is for the general readers. */
function plainText(text: string): string {
  if (ENDS_PLAIN.test(text)) decline();
  return text;
}

/** What a plain scalar on one line may not hold: ': ' (a key), a final ':', a tab. */
const ENDS_PLAIN = /: |:$|\t/;

/** `[a, b, "c"]` on one line: its scalars, and where each starts when the list starts at `offset`. Nested collections decline. */
function flowList(text: string, offset = 0): { items: Value[]; offsets: Map<number, number> } {
  if (!text.endsWith(']')) decline();
  const items: Value[] = [];
  const offsets = new Map<number, number>();
  const inner = text.slice(1, -1);
  if (inner.trim() === '') return { items, offsets };
  let i = 0;
  while (i <= inner.length) {
    while (inner[i] === ' ') i++;
    let end: number;
    offsets.set(items.length, offset + 1 + i);
    if (inner[i] === '"' || inner[i] === "'") {
      const close = quotedEnd(inner.slice(i));
      if (close === undefined) decline();
      end = i + close!;
      items.push(scalar(inner.slice(i, end)));
      while (inner[end] === ' ') end++;
      if (end < inner.length && inner[end] !== ',') decline();
    } else {
      end = inner.indexOf(',', i);
      if (end === -1) end = inner.length;
      const item = inner.slice(i, end).trim();
      if (item === '' || /[[\]{}]/.test(item)) decline();
      items.push(scalar(item));
    }
    i = end + 1;
    if (end >= inner.length) break;
    // A trailing comma leaves nothing after it: `[a, ]` is read by YAML as one item.
    if (inner.slice(i).trim() === '') break;
  }
  return { items, offsets };
}
