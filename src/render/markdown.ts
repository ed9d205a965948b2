import { visible } from './visible.js';

/**
 * Text for one line of Markdown that reads as itself and does nothing else: HTML is escaped, the
 * characters that make links, images, emphasis, code and table cells are backslash-escaped, and
 * nothing at the start of the line can open a heading, list, quote or code block. Line breaks
 * were already made visible, so a field can never start a line of its own.
 */
export function markdownText(text: string): string {
  return markdownCell(text.trimStart()).replace(LINE_START, (start) => (/^\d/.test(start) ? `${start.slice(0, -1)}\\${start.slice(-1)}` : `\\${start}`));
}

/** Text for a table cell: as `markdownText`, less the line-start escapes a cell does not need. */
export function markdownCell(text: string): string {
  return visible(text).replace(INLINE, (c) => ENTITIES[c] ?? `\\${c}`);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const INLINE = /[&<>\\`*_[\]|~]/g;
// #, -, +, = (setext underline), a number and . or ): a heading or a list if it opens the line.
const LINE_START = /^(?:#|-|\+|=|\d+[.)])/;
