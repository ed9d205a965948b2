import { displayWidth } from './text.js';

// Punctuation that must not begin a line (it stays with the text before it) or end one (it goes
// with the text after it), the usual rule for Chinese typesetting.
const CLOSING = new Set([...'，。、；：？！）》」』】〕〉”’…,.;:?!)]}%']);
const OPENING = new Set([...'（《「『【〔〈“‘([{']);

/**
 * Breaks text into lines of at most `width` display columns. Chinese breaks between any two
 * characters; Latin words and numbers stay whole unless a single one is wider than the line.
 * Spaces at a break are dropped, so no line ends with one.
 */
export function wrapText(text: string, width: number): string[] {
  const limit = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    if (displayWidth(paragraph) <= limit) {
      lines.push(paragraph.trimEnd());
      continue;
    }
    let line = '';
    let used = 0;
    let first = true;
    for (const { space, word } of breakable(paragraph)) {
      const gap = used > 0 ? displayWidth(space) : 0;
      const w = displayWidth(word);
      if (used > 0 && used + gap + w <= limit) {
        line += space + word;
        used += gap + w;
        continue;
      }
      if (used > 0) lines.push(line.trimEnd());
      // The paragraph's own indent is kept; the spaces at a break are not.
      const indent = first && displayWidth(space) + w <= limit ? space : '';
      first = false;
      if (w <= limit) {
        line = indent + word;
        used = displayWidth(line);
        continue;
      }
      // A word wider than the line: cut it where it must be cut.
      const pieces = splitToWidth(word, limit);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1)!;
      used = displayWidth(line);
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

interface Piece {
  /** The spaces before the word (kept only when the word stays on the same line). */
  space: string;
  word: string;
}

/** The units a line may break between: Latin words, single wide characters, with punctuation glued on. */
function breakable(text: string): Piece[] {
  const pieces: Piece[] = [];
  let space = '';
  let word = '';
  let glueNext = false;
  const flush = () => {
    if (word === '') return;
    pieces.push({ space, word });
    space = '';
    word = '';
  };
  for (const char of text) {
    if (char === ' ' || char === '\t') {
      flush();
      space += char;
      glueNext = false;
      continue;
    }
    const wide = displayWidth(char) > 1;
    if (CLOSING.has(char)) {
      // Glue to what precedes: the current word, or the last piece when a wide character ended it.
      if (word === '' && space === '' && pieces.length > 0) pieces.at(-1)!.word += char;
      else word += char;
      continue;
    }
    if (glueNext) {
      word += char;
      glueNext = OPENING.has(char);
      continue;
    }
    if (OPENING.has(char)) {
      flush();
      word = char;
      glueNext = true;
      continue;
    }
    if (wide) {
      flush();
      word = char;
      flush();
      continue;
    }
    // A Latin letter or digit: it joins the word being built unless that word ends in a wide character.
    if (word !== '' && displayWidth(word.at(-1)!) > 1) flush();
    word += char;
  }
  flush();
  return pieces;
}

function splitToWidth(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const char of word) {
    const w = displayWidth(char);
    if (used + w > width && piece !== '') {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += char;
    used += w;
  }
  pieces.push(piece);
  return pieces;
}
