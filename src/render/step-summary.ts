import type { Messages } from '../i18n/index.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { markdownCell } from './markdown.js';

/**
 * Text in a Markdown table cell, escaped as the Markdown report escapes it: no line breaks, no
 * column separators, no HTML, and no link, image, emphasis or code made of data.
 */
function cell(text: string): string {
  return markdownCell(text.replace(/[\r\n]+/g, ' '));
}

/** The Markdown GitHub shows as the job summary: the summary line, then a table of every problem. */
export function renderStepSummary(diagnostics: readonly Diagnostic[], summary: string, msg: Messages): string {
  const lines = [`### ${msg.stepSummaryTitle}`, '', cell(summary), ''];
  if (diagnostics.length === 0) return [...lines, msg.stepSummaryClean, ''].join('\n') + '\n';
  const columns = msg.stepSummaryColumns;
  lines.push(`| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`);
  for (const d of diagnostics) {
    const mark = d.severity === 'error' ? ':x:' : ':warning:';
    lines.push(`| ${mark} ${msg.severity[d.severity]} | ${cell(d.file)} | ${d.line} | ${d.column} | ${cell(d.rule)} | ${cell(d.message)} |`);
  }
  return lines.join('\n') + '\n\n';
}
