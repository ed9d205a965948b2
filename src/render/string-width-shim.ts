// cli-table3 measures every cell with its own copy of string-width 4, which rebuilds a large emoji
// regular expression on every call. The build (and the test setup) point cli-table3 at this module
// instead, so tables measure text exactly as the rest of the program does. cli-table3 measures the
// same cell several times while drawing it (layout, padding, truncation): the widths are remembered.
import { displayWidth } from './text.js';

const known = new Map<string, number>();
const REMEMBERED = 10_000;

export default function stringWidth(text: string): number {
  let width = known.get(text);
  if (width === undefined) {
    width = displayWidth(text);
    if (known.size < REMEMBERED) known.set(text, width);
  }
  return width;
}
