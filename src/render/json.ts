/**
 * JSON for other tools: keys in snake_case (as in the YAML files), two-space indentation, and a
 * final newline. The key order is the order the report objects were built in, so output is stable.
 *
 * Only the keys of the program's own objects are field names to rename. A map whose keys are data
 * (period keys such as 2022-Q1, names) is a `Map`, and its keys are written exactly as they are.
 * A field left undefined is written as null: every field of a shape is always present.
 */
export function renderJson(value: unknown): string {
  return escapeControls(JSON.stringify(toJsonValue(value), null, 2)) + '\n';
}

/**
 * JSON.stringify escapes the C0 controls (ESC is written \u001b) but writes DEL, the C1 controls
 * (U+009B is a one-byte CSI on some terminals), the line and paragraph separators and the
 * bidirectional overrides (which reorder what a terminal shows) as they are.
 * They can only occur inside strings, where \uXXXX means the same: the data is unchanged, and JSON
 * printed to a terminal cannot drive it.
 */
export function escapeControls(json: string): string {
  // eslint-disable-next-line no-control-regex
  return json.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The plain JSON value of a report: field names in snake_case, data maps as objects keyed as written. */
export function toJsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value === null || typeof value !== 'object') return value;
  // No prototype: a data map keyed "__proto__" (a unit so named) stays a key like any other.
  const out = Object.create(null) as Record<string, unknown>;
  if (value instanceof Map) {
    for (const [key, item] of value) out[String(key)] = toJsonValue(item);
    return out;
  }
  for (const [key, item] of Object.entries(value)) out[snakeCase(key)] = toJsonValue(item);
  return out;
}

/** dueStated → due_stated. Field names only: they are camelCase identifiers of this program. */
function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
