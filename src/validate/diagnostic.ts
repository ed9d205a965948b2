export type Severity = 'error' | 'warning';

/** A problem found in the data: a value, never an exception. Lines and columns are 1-based. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  message: string;
  /** The offending source line, for the caret display; absent when there is none (e.g. a missing file). */
  sourceLine?: string;
  /** A summary ("… 12 more problems") that comes after the other diagnostics at its position. */
  trailer?: true;
}

/** Orders diagnostics by file, then position, so output is stable whatever order the checks ran in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.trailer ? 1 : 0) - (b.trailer ? 1 : 0) ||
      a.rule.localeCompare(b.rule) ||
      a.message.localeCompare(b.message),
  );
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** Longest message shown: a value from the data quoted in one (a 1 MB line, a whole file) is cut in the middle. */
const MESSAGE_CHARS = 300;

/** The message as shown: at most MESSAGE_CHARS characters, keeping its start and its end (where the advice is). */
export function cappedMessage(message: string): string {
  if (message.length <= MESSAGE_CHARS) return message;
  const chars = [...message];
  if (chars.length <= MESSAGE_CHARS) return message;
  return `${chars.slice(0, 200).join('')}…${chars.slice(-(MESSAGE_CHARS - 201)).join('')}`;
}

/** A value from the data as quoted in a message: its first 60 characters, then … if there is more. */
export function quotedExcerpt(text: string): string {
  const chars = [...text];
  return chars.length <= 60 ? text : `${chars.slice(0, 60).join('')}…`;
}
