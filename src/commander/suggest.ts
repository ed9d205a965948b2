// The same guesses commander makes for a mistyped option or command (its suggestSimilar, which it
// does not export): the candidates closest by edit distance, at most three edits away.
const MAX_DISTANCE = 3;
const MIN_SIMILARITY = 0.4;

/** Damerau–Levenshtein distance (adjacent transpositions count as one edit). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > MAX_DISTANCE) return Math.max(a.length, b.length);
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d[i] = [i];
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let j = 1; j <= b.length; j++) {
    for (let i = 1; i <= a.length; i++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The candidates (option flags or command names) nearest to what was typed, sorted; [] if none is near. */
export function similar(word: string, candidates: readonly string[]): string[] {
  const options = word.startsWith('--');
  const strip = (s: string) => (options ? s.slice(2) : s);
  const typed = strip(word);
  let found: string[] = [];
  let bestDistance = MAX_DISTANCE;
  for (const candidate of new Set(candidates)) {
    const bare = strip(candidate);
    if (bare.length <= 1) continue;
    const distance = editDistance(typed, bare);
    const length = Math.max(typed.length, bare.length);
    if ((length - distance) / length <= MIN_SIMILARITY) continue;
    if (distance < bestDistance) {
      bestDistance = distance;
      found = [candidate];
    } else if (distance === bestDistance) {
      found.push(candidate);
    }
  }
  return found.sort((a, b) => a.localeCompare(b));
}
