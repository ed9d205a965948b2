/**
 * Makes text from the data safe for a terminal: control characters (ESC and friends, C1 controls
 * such as the one-byte CSI U+009B) are shown as visible \xNN escapes, so data can never move the
 * cursor, recolour or retitle the terminal. Line and paragraph separators and the bidirectional
 * overrides and isolates (which reorder what is shown, "Trojan Source") are shown as \uNNNN.
 * A line break or tab is shown as \n, \r or \t: a field is one line, so a title cannot print a
 * forged row of a table or a heading of its own.
 */
export function visible(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const named = NAMED[c];
    if (named !== undefined) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Text of several lines (a diff), each made safe as by `visible`; only its own line breaks are kept. */
export function visibleLines(text: string): string {
  return text.split('\n').map(visible).join('\n');
}

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
