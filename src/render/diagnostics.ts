import type { Messages } from '../i18n/index.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { cappedMessage, countBySeverity } from '../validate/diagnostic.js';
import type { Colors } from './color.js';
import { escapeControls } from './json.js';
import { displayWidth, visible } from './text.js';

export type DiagnosticFormat = 'text' | 'json' | 'github';

/** Compiler-style lines: `file:line:col  error  message  [rule]`, then the source line and a caret. */
export function renderDiagnosticsText(diagnostics: readonly Diagnostic[], fileCount: number, msg: Messages, c: Colors): string {
  const out: string[] = [];
  for (const d of diagnostics) {
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
  const { errors, warnings } = countBySeverity(diagnostics);
  if (out.length > 0) out.push('');
  out.push(errors + warnings === 0 ? c.green(msg.summaryClean(fileCount)) : msg.summary(errors, warnings, fileCount));
  return out.join('\n') + '\n';
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

/** GitHub Actions workflow commands, which show up as annotations on the changed lines. */
export function renderDiagnosticsGithub(diagnostics: readonly Diagnostic[]): string {
  const property = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return diagnostics
    .map((d) => `::${d.severity} file=${property(visible(d.file))},line=${d.line},col=${d.column},title=${property(d.rule)}::${data(visible(cappedMessage(d.message)))}\n`)
    .join('');
}
