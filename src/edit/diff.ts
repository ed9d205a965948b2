/**
 * A unified diff of two versions of a file. Edits here are local, so one hunk spanning from the
 * first to the last changed line, with context around it, says it exactly.
 */
export function unifiedDiff(path: string, before: string, after: string, context = 2): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const start = Math.max(0, head - context);
  const aEnd = Math.min(a.length, a.length - tail + context);
  const bEnd = Math.min(b.length, b.length - tail + context);
  const lines = [`--- a/${path}`, `+++ b/${path}`, `@@ -${start + 1},${aEnd - start} +${start + 1},${bEnd - start} @@`];
  for (let i = start; i < head; i++) lines.push(` ${a[i]}`);
  for (let i = head; i < a.length - tail; i++) lines.push(`-${a[i]}`);
  for (let i = head; i < b.length - tail; i++) lines.push(`+${b[i]}`);
  for (let i = a.length - tail; i < aEnd; i++) lines.push(` ${a[i]}`);
  return lines.join('\n') + '\n';
}
