import stringWidth from 'string-width';

/**
 * Makes text from the data safe for a terminal: control characters (ESC and friends) are shown as
 * visible \xNN escapes, so data can never move the cursor, recolour or retitle the terminal.
 */
export function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Display width in terminal columns: CJK characters take two. */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** Cuts text to at most `width` columns, ending with an ellipsis, never splitting a character. */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 1) return width === 1 ? '…' : '';
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = displayWidth(char);
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return `${out}…`;
}

/** Pads text with spaces to `width` display columns. */
export function padToWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const gap = Math.max(0, width - displayWidth(text));
  return align === 'left' ? text + ' '.repeat(gap) : ' '.repeat(gap) + text;
}
