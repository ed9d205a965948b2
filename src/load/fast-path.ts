import { CORE_SCHEMA, load as loadFast } from 'js-yaml';

/**
 * Text the fast parser (js-yaml) may read differently from the `yaml` package, which is the
 * reading that counts: anchors, aliases, tags, tabs, merge keys, directives; numbers js-yaml takes
 * and YAML 1.2's core schema does not (0b101, 1_000, 1__0, 0x_1F, signed hex and octal such as
 * -0x10 and +0o7), or the other way round (-.5, +.5); -0, which js-yaml reads as 0; and a comment glued to a quote or bracket
 * ("x"#note), which js-yaml allows.
 */
const FAST_PATH_UNSAFE =
  /(?:^|[\s[{,])[&*!]\S|^%|\t|<<|["'\]}]#|(?:^|[\s[{,:?])(?:[-+]\.\d|-0(?=$|[\s,\]}#])|[-+]0[xXoObB]|[-+]?0[xXoObB][\da-fA-F]*_|[-+]?0[bB][01]|[-+]?\d[\d_]*_)/m;

/** Lines holding a quote or a bracket: the only ones that can leave a scalar or a collection open. */
const QUOTE_OR_BRACKET_LINE = /^[^\n]*["'[{][^\n]*$/gm;

/**
 * The file's data as js-yaml reads it, when that is sure to be what the `yaml` package reads;
 * undefined when the text needs the careful reading (or js-yaml refuses it).
 */
export function readFast(text: string): { data: unknown } | undefined {
  if (FAST_PATH_UNSAFE.test(text) || spansLines(text)) return undefined;
  try {
    return { data: loadFast(text, { schema: CORE_SCHEMA }) };
  } catch {
    return undefined;
  }
}

/**
 * Whether a quoted scalar or a [...] / {...} runs on past the end of a line. js-yaml accepts the
 * next line at any indentation, even column 0, where `yaml` (rightly) refuses it; such files,
 * rare in data, take the careful reading.
 */
function spansLines(text: string): boolean {
  for (const match of text.matchAll(QUOTE_OR_BRACKET_LINE)) if (leavesOpen(match[0])) return true;
  return false;
}

/** Whether a line ends inside a quote or an open bracket. Errs towards yes: that only costs speed. */
function leavesOpen(line: string): boolean {
  let depth = 0;
  let quote = '';
  // The last non-space character outside quotes; a quote after one of these starts a quoted scalar.
  let previous = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = '';
      continue;
    }
    if (quote === "'") {
      if (c === "'") {
        if (line[i + 1] === "'") i++;
        else quote = '';
      }
      continue;
    }
    if (c === '#' && (i === 0 || line[i - 1] === ' ')) break;
    if ((c === '"' || c === "'") && (previous === '' || ':-[{,?'.includes(previous))) quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    if (c !== ' ' && c !== '\r') previous = c;
  }
  return quote !== '' || depth > 0;
}
