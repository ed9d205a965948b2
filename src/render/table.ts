import { markdownCell } from './markdown.js';
import { displayWidth, truncateToWidth } from './text.js';

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** The column that gives up width (its text truncated with …) when the table is too wide. */
  flex?: boolean;
}

const GAP = '  ';
/** The flex column never shrinks below this, however narrow the terminal. */
const MIN_FLEX_WIDTH = 8;

/**
 * Compact terminal table without borders, aligned by display width (a Chinese character takes two
 * columns); the flex column shrinks to fit `maxWidth`, its text cut with …. Cells must already be
 * safe (see `visible`) and may carry colour; the flex column must not.
 */
export function renderTable(columns: readonly Column[], rows: readonly string[][], maxWidth?: number): string {
  const cellWidths = rows.map((row) => row.map((cell) => displayWidth(stripAnsi(cell))));
  const widths = columns.map((column, i) => cellWidths.reduce((widest, row) => Math.max(widest, row[i] ?? 0), displayWidth(column.header)));
  const flexIndex = columns.findIndex((c) => c.flex);
  if (maxWidth !== undefined && flexIndex >= 0) {
    const total = widths.reduce((a, b) => a + b, 0) + GAP.length * (columns.length - 1);
    const excess = total - maxWidth;
    if (excess > 0) widths[flexIndex] = Math.max(MIN_FLEX_WIDTH, widths[flexIndex]! - excess);
  }
  const line = (cells: readonly string[], measured: readonly number[]) =>
    columns
      .map((column, i) => {
        let cell = cells[i] ?? '';
        let width = measured[i] ?? 0;
        if (width > widths[i]!) {
          cell = truncateToWidth(cell, widths[i]!);
          width = displayWidth(cell);
        }
        const padding = ' '.repeat(widths[i]! - width);
        return column.align === 'right' ? padding + cell : cell + padding;
      })
      .join(GAP)
      .trimEnd();
  const headers = columns.map((c) => c.header);
  return [line(headers, headers.map(displayWidth)), ...rows.map((row, r) => line(row, cellWidths[r]!))].join('\n');
}

/** A GitHub-flavoured Markdown table; each cell is inert text (see `markdownCell`), its pipes escaped. */
export function renderMarkdownTable(columns: readonly Column[], rows: readonly string[][]): string {
  const cell = markdownCell;
  const lines = [
    `| ${columns.map((c) => cell(c.header)).join(' | ')} |`,
    `| ${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
  return lines.join('\n');
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}
