import { eastAsianWidth } from 'get-east-asian-width';

export { visible, visibleLines } from './visible.js';

// Emoji, joiners, variation selectors and combining marks need measuring by grapheme.
// eslint-disable-next-line no-control-regex
const COMPLEX = /[\u0300-\u036f\u200b-\u200f\u20d0-\u20ff\ufe00-\ufe0f\u{1f000}-\u{1faff}\u{e0000}-\u{e007f}]/u;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
let segmenter: Intl.Segmenter | undefined;

/**
 * Display width in terminal columns: East Asian wide and fullwidth characters (Chinese text and
 * punctuation) take two, control characters none. Text with emoji or combining marks is measured
 * by grapheme, an emoji counting two.
 */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  if (!COMPLEX.test(text)) return codePointsWidth(text);
  segmenter ??= new Intl.Segmenter();
  let width = 0;
  for (const { segment } of segmenter.segment(text)) width += PICTOGRAPHIC.test(segment) ? 2 : codePointsWidth(segment.slice(0, segment.codePointAt(0)! > 0xffff ? 2 : 1));
  return width;
}

function codePointsWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    width += code < 0x20 || (code >= 0x7f && code < 0xa0) ? 0 : code < 0x1100 ? 1 : eastAsianWidth(code);
  }
  return width;
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
