import Table from 'cli-table3';
import { displayWidth, truncateToWidth, visible } from './text.js';

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** The column that gives up width (its text truncated with …) when the table is too wide. */
  flex?: boolean;
}

/** Rows per cli-table3 call: its layout step is quadratic in the rows of one table. */
const BLOCK_ROWS = 100;

/**
 * Compact terminal table, aligned by display width; the flex column shrinks to fit `maxWidth`.
 * Cells must already be safe (see `visible`) and may carry colour; the flex column must not.
 */
export function renderTable(columns: readonly Column[], rows: readonly string[][], maxWidth?: number): string {
  const widths = columns.map((column) => displayWidth(column.header));
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(stripAnsi(cell)));
    });
  }
  const gap = 2;
  const flexIndex = columns.findIndex((c) => c.flex);
  if (maxWidth !== undefined && flexIndex >= 0) {
    const total = widths.reduce((a, b) => a + b, 0) + gap * (columns.length - 1);
    const excess = total - maxWidth;
    if (excess > 0) widths[flexIndex] = Math.max(8, widths[flexIndex]! - excess);
  }
  // Fixed column widths make blocks line up exactly as one table would.
  const lines: string[] = [];
  for (let start = 0; start === 0 || start < rows.length; start += BLOCK_ROWS) {
    const table = new Table({
      head: start === 0 ? columns.map((c) => c.header) : [],
      chars: {
        top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
        bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
        left: '', 'left-mid': '', mid: '', 'mid-mid': '',
        right: '', 'right-mid': '', middle: ' '.repeat(gap),
      },
      style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
      colAligns: columns.map((c) => c.align ?? 'left'),
      colWidths: widths,
      wordWrap: false,
      truncate: '…',
    });
    for (const row of rows.slice(start, start + BLOCK_ROWS)) table.push(row.map((cell, i) => (i === flexIndex ? truncateToWidth(cell, widths[i]!) : cell)));
    if (table.length > 0 || start === 0) lines.push(...table.toString().split('\n'));
  }
  return lines.map((line) => line.trimEnd()).join('\n');
}

/** A GitHub-flavoured Markdown table; pipes in cells are escaped. */
export function renderMarkdownTable(columns: readonly Column[], rows: readonly string[][]): string {
  const cell = (text: string) => visible(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
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
