import { isMap, isSeq, Pair, Scalar, YAMLMap, YAMLSeq, type Document } from 'yaml';
import type { PathSegment } from '../load/source-file.js';

/**
 * Serialises an edited document in the style of the original text: its indentation, whether list
 * items are indented under their key, and flow-list spacing. Long lines are never folded. Comments,
 * key order, quoting and blank lines are kept by the Document itself.
 */
export function stringifyLike(doc: Document, original: string): string {
  // A loop, not Math.min(...all): a file of 45,000 rows has more indented lines than a call takes arguments.
  let indent = Infinity;
  for (const m of original.matchAll(/^( +)\S/gm)) indent = Math.min(indent, m[1]!.length);
  if (indent === Infinity) indent = 2;
  const seqUnderKey = /^( *)[^\s#-][^\n]*:[ \t]*\n( *)- /m.exec(original);
  const indentSeq = seqUnderKey ? seqUnderKey[2]!.length > seqUnderKey[1]!.length : true;
  return doc.toString({ indent, indentSeq, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: /\[ \S/.test(original) });
}

/**
 * The edited file's text. Where the serialiser would also restyle untouched lines (two spaces
 * before a comment, say), only the changed block is taken from it and every other line is kept
 * exactly as it was in the original. `canonical` is the document as read, before the edit, written
 * by stringifyLike: the lines it shares with the edited document are the ones the edit left alone.
 */
export function editedText(original: string, canonical: string, edited: Document): string {
  const updated = stringifyLike(edited, original);
  if (canonical === original) return updated;
  const before = canonical.split('\n');
  const after = updated.split('\n');
  const source = original.split('\n');
  // Line i of the canonical text is line i of the original only if restyling kept the line count.
  if (before.length !== source.length) return updated;
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return [...source.slice(0, head), ...after.slice(head, after.length - tail), ...source.slice(source.length - tail)].join('\n');
}

/** The mapping at a path; an error (a bug in the caller) when there is none. */
export function mapAt(doc: Document, path: readonly PathSegment[]): YAMLMap {
  const node = doc.getIn(path, true);
  if (!isMap(node)) throw new Error(`no mapping at ${path.join('/')}`);
  return node;
}

/**
 * Sets `key` in a mapping. A new key goes right after the closest key that precedes it in
 * `order` (the schema's order), so the file keeps reading in the order a person expects.
 */
export function setKey(map: YAMLMap, key: string, value: unknown, order: readonly string[]): void {
  const existing = map.items.find((pair) => keyOf(pair) === key);
  if (existing) {
    existing.value = value instanceof Scalar || isSeq(value) || isMap(value) ? value : new Scalar(value);
    return;
  }
  const rank = order.indexOf(key);
  let at = map.items.length;
  if (rank >= 0) {
    const later = map.items.findIndex((pair) => order.indexOf(keyOf(pair) ?? '') > rank);
    if (later >= 0) at = later;
  }
  map.items.splice(at, 0, new Pair(new Scalar(key), value instanceof Scalar || isSeq(value) || isMap(value) ? value : new Scalar(value)));
}

export function deleteKey(map: YAMLMap, key: string): void {
  map.items = map.items.filter((pair) => keyOf(pair) !== key);
}

/** Appends an entry to the list under `key`, creating the list (block style) if needed. */
export function appendTo(doc: Document, map: YAMLMap, key: string, entry: Record<string, unknown>, order: readonly string[]): void {
  const existing = map.get(key, true);
  const node = doc.createNode(entry);
  if (isSeq(existing)) {
    existing.items.push(node);
    return;
  }
  const seq = new YAMLSeq();
  seq.items.push(node);
  setKey(map, key, seq, order);
}

function keyOf(pair: Pair): string | undefined {
  const key = pair.key;
  if (key instanceof Scalar) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

/** Key order of a task in the schema, for placing new keys. */
export const TASK_ORDER = ['id', 'section', 'number', 'title', 'text', 'owners', 'leaders', 'units', 'due', 'milestones', 'recurrence', 'targets', 'status', 'started', 'completed', 'carried_from', 'history', 'notes'];
export const MILESTONE_ORDER = ['id', 'title', 'due', 'completed', 'notes'];
export const RECURRENCE_ORDER = ['every', 'by_day', 'times', 'minimum', 'season', 'done'];
export const TARGET_ORDER = ['id', 'title', 'metric', 'direction', 'value', 'unit', 'baseline', 'actuals'];
export const ENTERPRISE_ORDER = ['id', 'name', 'industry', 'status', 'expires', 'certified_on', 'town', 'notes'];
export const TOWN_ORDER = ['name', 'target_total', 'target_above_scale', 'progress'];
