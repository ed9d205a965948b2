/** Up to three names that share the most characters with the query. */
export function closest(query: string, names: readonly string[]): string[] {
  const chars = new Set(query);
  return names
    .map((name) => ({ name, score: [...new Set(name)].filter((ch) => chars.has(ch)).length }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((x) => x.name);
}

/**
 * The names a misspelt one was probably meant to be: those sharing at least half its characters
 * (一舟 for 冯一舟, 李平 for 李凭), best first, at most three. Empty when nothing is that close.
 */
export function didYouMean(query: string, names: Iterable<string>): string[] {
  const chars = new Set(query);
  const needed = Math.max(1, Math.ceil(chars.size / 2));
  return closest(query, [...names]).filter((name) => [...new Set(name)].filter((ch) => chars.has(ch)).length >= needed);
}
