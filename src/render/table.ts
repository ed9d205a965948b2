import Table from 'cli-table3';
import { markdownCell } from './markdown.js';
import { displayWidth, truncateToWidth } from './text.js';
import { wrapText } from './wrap.js';

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** A text column: it gives up width when the table is too wide, and is capped when piped. */
  flex?: boolean;
}

/** How a table fits where it goes. */
export interface Fit {
  /** Widest a line may be, in display columns; undefined when nothing limits it. */
  width?: number | undefined;
  /** Widest a text column may be (piped output, whose width is not known). */
  cap?: number | undefined;
  /** Long cells are cut with … (screens), or wrap inside their column (documents). */
  overflow?: 'truncate' | 'wrap';
}

const GAP = 2;
/** A text column keeps at least this much (two Chinese characters) before other columns give way. */
const MIN_TEXT_WIDTH = 4;
/**
 * Rows handed to cli-table3 at a time. Its layout checks each cell against every cell above it
 * (for row and column spans, which plan never uses), quadratic in the rows, unless the build has
 * patched that (scripts/cli-table3-patches.mjs); and a drawing keeps all its cells alive until it
 * ends, which on a long list costs the garbage collector more than the extra drawings do. Blocks
 * of fixed column widths line up exactly as one table would.
 */
const BLOCK_ROWS = 50;

// Borderless and compact: columns separated by two spaces, as `ls -l` or `git branch -v` print.
const CHARS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '',
  right: '', 'right-mid': '', middle: ' '.repeat(GAP),
};

/**
 * A terminal or text table laid out by cli-table3, aligned by display width (a Chinese character
 * takes two columns). `fit` is the line width (a number) or a {@link Fit}: text columns give up
 * width in proportion to fit it, their cells cut with … or wrapped. Cells must already be safe
 * (see `visible`); colour is kept, but a text cell that must be cut or wrapped loses it.
 */
export function renderTable(columns: readonly Column[], rows: readonly string[][], fit?: number | Fit): string {
  const { width, cap, overflow = 'truncate' } = typeof fit === 'number' ? { width: fit } : (fit ?? {});
  const natural = columns.map((column) => displayWidth(column.header));
  const measured = rows.map((row) =>
    columns.map((_, i) => {
      const w = displayWidth(stripAnsi(row[i] ?? ''));
      if (w > natural[i]!) natural[i] = w;
      return w;
    }),
  );
  if (cap !== undefined) columns.forEach((column, i) => column.flex && (natural[i] = Math.min(natural[i]!, Math.max(cap, displayWidth(column.header)))));
  const widths = width === undefined ? natural : fitWidths(natural, columns, width - GAP * (columns.length - 1));
  const fitCell = (cell: string, w: number, i: number) =>
    w <= widths[i]! ? cell : overflow === 'wrap' ? wrapText(stripAnsi(cell), widths[i]!).join('\n') : truncateToWidth(stripAnsi(cell), widths[i]!);

  const table = new Table({
    head: columns.map((column, i) => fitCell(column.header, displayWidth(column.header), i)),
    chars: CHARS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
    colAligns: columns.map((c) => c.align ?? 'left'),
    colWidths: widths,
  });
  const lines: string[] = [];
  for (let start = 0; start === 0 || start < rows.length; start += BLOCK_ROWS) {
    table.length = 0;
    // cli-table3 keeps the row heights of its last drawing as if they had been asked for.
    table.options.rowHeights = [];
    if (start > 0) table.options.head = [];
    for (let r = start; r < Math.min(rows.length, start + BLOCK_ROWS); r++) table.push(rows[r]!.map((cell, i) => fitCell(cell, measured[r]![i]!, i)));
    for (const line of table.toString().split('\n')) lines.push(line.trimEnd());
  }
  return lines.join('\n');
}

/**
 * Column widths within `room` (the line less the gaps). Text columns shrink in proportion to
 * their natural width, none below a few columns; if that is not enough, the others shrink too.
 */
export function fitWidths(natural: readonly number[], columns: readonly Column[], room: number): number[] {
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= room) return [...natural];
  const text = columns.map((c) => c.flex === true);
  const fixed = natural.reduce((sum, w, i) => (text[i] ? sum : sum + w), 0);
  const floors = natural.map((w, i) => (text[i] ? Math.min(w, MIN_TEXT_WIDTH) : w));
  if (floors.reduce((a, b) => a + b, 0) <= room) return shrink(natural, floors, room, text);
  // Not even that fits: text columns stay at their floor and the others give way, down to one column
  // each (or, in a table of text columns only, all of them do).
  const others = fixed > 0 ? text.map((t) => !t) : text;
  return shrink(floors, natural.map(() => 1), Math.max(room, natural.length), others);
}

/** Shrinks the chosen columns in proportion so that the widths add up to `room` at most. */
function shrink(natural: readonly number[], floors: readonly number[], room: number, chosen: readonly boolean[]): number[] {
  const kept = natural.reduce((sum, w, i) => (chosen[i] ? sum : sum + w), 0);
  const share = natural.reduce((sum, w, i) => (chosen[i] ? sum + w : sum), 0);
  const scale = Math.max(0, room - kept) / share;
  const widths = natural.map((w, i) => (chosen[i] ? Math.max(floors[i]!, Math.floor(w * scale)) : w));
  // Floors can push the sum over; take the excess from the widest chosen columns.
  let excess = widths.reduce((a, b) => a + b, 0) - room;
  while (excess > 0) {
    let widest = -1;
    widths.forEach((w, i) => chosen[i] && w > floors[i]! && (widest < 0 || w > widths[widest]!) && (widest = i));
    if (widest < 0) break;
    widths[widest]!--;
    excess--;
  }
  // Rounding down can leave columns unused; give them back to the columns cut most.
  let spare = room - widths.reduce((a, b) => a + b, 0);
  while (spare > 0) {
    let neediest = -1;
    widths.forEach((w, i) => chosen[i] && w < natural[i]! && (neediest < 0 || natural[i]! - w > natural[neediest]! - widths[neediest]!) && (neediest = i));
    if (neediest < 0) break;
    widths[neediest]!++;
    spare--;
  }
  return widths;
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
