/**
 * JSON for other tools: keys in snake_case (as in the YAML files), two-space indentation, and a
 * final newline. The key order is the order the report objects were built in, so output is stable.
 */
export function renderJson(value: unknown): string {
  return escapeControls(JSON.stringify(snakeKeys(value), null, 2)) + '\n';
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

function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    out[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = snakeKeys(item);
  }
  return out;
}
