import type { Messages } from '../i18n/index.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { cappedMessage, countBySeverity } from '../validate/diagnostic.js';
import type { Colors } from './color.js';
import { escapeControls } from './json.js';
import { displayWidth, visible } from './text.js';

export type DiagnosticFormat = 'text' | 'json' | 'github' | 'sarif';

/** Problems found but not printed, for the summary line. */
export interface Hidden {
  /** Warnings left out by --quiet. */
  quiet: number;
  /** Problems of rules turned off in plan.yaml. */
  off: number;
  /** Problems in unchanged files left out by --only-changed. */
  unchanged: number;
}

export const NOTHING_HIDDEN: Hidden = { quiet: 0, off: 0, unchanged: 0 };

/** The summary line: counts of what is shown, then of what is not. */
export function summaryLine(diagnostics: readonly Diagnostic[], fileCount: number, hidden: Hidden, msg: Messages, c: Colors): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const notShown = [
    hidden.quiet > 0 ? msg.hiddenQuiet(hidden.quiet) : '',
    hidden.off > 0 ? msg.hiddenOff(hidden.off) : '',
    hidden.unchanged > 0 ? msg.hiddenUnchanged(hidden.unchanged) : '',
  ].filter(Boolean);
  if (notShown.length === 0) return errors + warnings === 0 ? c.green(msg.summaryClean(fileCount)) : msg.summary(errors, warnings, fileCount);
  return msg.summaryHidden(msg.summary(errors, warnings, fileCount), notShown);
}

/** Compiler-style lines: `file:line:col  error  message  [rule]`, then the source line and a caret. */
export function renderDiagnosticsText(
  diagnostics: readonly Diagnostic[],
  fileCount: number,
  msg: Messages,
  c: Colors,
  hidden: Hidden = NOTHING_HIDDEN,
  options: { allWarnings: boolean } = { allWarnings: true },
): string {
  const out: string[] = [];
  // Errors first: they are what stops the data. Then warnings, a rule with many of them shown by its
  // first few and one line saying how many more (plan check --all-warnings lists them all).
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity !== 'error');
  for (const d of errors) out.push(...diagnosticLines(d, msg, c));
  const perRule = new Map<string, number>();
  for (const d of warnings) perRule.set(d.rule, (perRule.get(d.rule) ?? 0) + 1);
  const shownOfRule = new Map<string, number>();
  for (const d of warnings) {
    const many = !options.allWarnings && perRule.get(d.rule)! > MANY_WARNINGS;
    const shown = shownOfRule.get(d.rule) ?? 0;
    shownOfRule.set(d.rule, shown + 1);
    if (!many || shown < FIRST_OF_MANY) out.push(...diagnosticLines(d, msg, c));
    else if (shown === FIRST_OF_MANY) out.push(c.dim(msg.moreWarnings(perRule.get(d.rule)! - FIRST_OF_MANY, d.rule)));
  }
  if (out.length > 0) out.push('');
  out.push(summaryLine(diagnostics, fileCount, hidden, msg, c));
  return out.join('\n') + '\n';
}

/** More warnings of one rule than this are summarised (the first FIRST_OF_MANY shown, then a count). */
const MANY_WARNINGS = 20;
const FIRST_OF_MANY = 3;

/** One diagnostic as the text format prints it: the located message, then the source line and a caret. */
function diagnosticLines(d: Diagnostic, msg: Messages, c: Colors): string[] {
  const out: string[] = [];
  {
    const severity = d.severity === 'error' ? c.red(msg.severity.error!) : c.yellow(msg.severity.warning!);
    // The file name comes from the folder listing: it can hold control characters too.
    out.push(`${c.bold(`${visible(d.file)}:${d.line}:${d.column}`)}  ${severity}  ${visible(cappedMessage(d.message))}  ${c.dim(`[${d.rule}]`)}`);
    if (d.sourceLine !== undefined) {
      const gutter = String(d.line);
      const { line, before } = excerpt(d.sourceLine, d.column);
      out.push(`${c.dim(`${gutter} |`)} ${line}`);
      out.push(`${' '.repeat(gutter.length)} ${c.dim('|')} ${' '.repeat(displayWidth(before))}${c.red('^')}`);
    }
  }
  return out;
}

/** Lines longer than this many characters are shown as a window around the column. */
const EXCERPT_CHARS = 160;

/** The source line as shown, and the part of it before the caret; a very long line is cut around the column. */
function excerpt(sourceLine: string, column: number): { line: string; before: string } {
  let chars = [...sourceLine.replace(/\t/g, ' ')];
  let caret = Math.max(0, column - 1);
  let head = '';
  let tail = '';
  if (chars.length > EXCERPT_CHARS) {
    const start = Math.max(0, Math.min(caret - EXCERPT_CHARS / 2, chars.length - EXCERPT_CHARS));
    if (start > 0) head = '…';
    if (start + EXCERPT_CHARS < chars.length) tail = '…';
    chars = chars.slice(start, start + EXCERPT_CHARS);
    caret -= start;
  }
  return { line: head + visible(chars.join('')) + tail, before: head + visible(chars.slice(0, caret).join('')) };
}

/** The stable machine-readable form: an array of {file, line, column, severity, rule, message}. */
export function renderDiagnosticsJson(diagnostics: readonly Diagnostic[]): string {
  const rows = diagnostics.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message: cappedMessage(message) }));
  return escapeControls(JSON.stringify(rows, null, 2)) + '\n';
}

/** GitHub shows this many error and this many warning annotations of one step, and drops the rest silently. */
export const GITHUB_ANNOTATIONS_PER_SEVERITY = 10;

/**
 * GitHub Actions workflow commands, which show up as annotations on the changed lines: errors
 * first, as many of each severity as GitHub shows; then one notice with the count of the rest,
 * which follow as plain lines in the log.
 */
export function renderDiagnosticsGithub(diagnostics: readonly Diagnostic[], msg: Messages, summaryWritten: boolean): string {
  const property = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const annotation = (d: Diagnostic) =>
    `::${d.severity} file=${property(visible(d.file))},line=${d.line},col=${d.column},title=${property(d.rule)}::${data(visible(cappedMessage(d.message)))}\n`;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  const rest = [...errors.slice(GITHUB_ANNOTATIONS_PER_SEVERITY), ...warnings.slice(GITHUB_ANNOTATIONS_PER_SEVERITY)];
  let out = [...errors.slice(0, GITHUB_ANNOTATIONS_PER_SEVERITY), ...warnings.slice(0, GITHUB_ANNOTATIONS_PER_SEVERITY)].map(annotation).join('');
  if (rest.length > 0) {
    const { errors: moreErrors, warnings: moreWarnings } = countBySeverity(rest);
    out += `::notice title=plan check::${data(msg.githubMore(moreErrors, moreWarnings, msg.githubMoreWhere(summaryWritten)))}\n`;
    // Plain lines: GitHub keeps them in the log (a workflow command beyond the cap would vanish).
    out += rest.map((d) => `${visible(d.file)}:${d.line}:${d.column}  ${msg.severity[d.severity]}  ${visible(cappedMessage(d.message))}  [${d.rule}]\n`).join('');
  }
  return out;
}
