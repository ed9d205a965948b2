/**
 * JSON for other tools: keys in snake_case (as in the YAML files), two-space indentation, and a
 * final newline. The key order is the order the report objects were built in, so output is stable.
 */
export function renderJson(value: unknown): string {
  return JSON.stringify(snakeKeys(value), null, 2) + '\n';
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
