// cli-table3 measures every cell with its own copy of string-width 4, which rebuilds a large emoji
// regular expression on every call: a third of a big status run. The build points cli-table3 at
// this module instead, so tables measure text exactly as the rest of the program does.
import { displayWidth } from './text.js';

export default function stringWidth(text: string): number {
  return displayWidth(text);
}
