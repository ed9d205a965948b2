/**
 * Makes text from the data safe for a terminal: control characters (ESC and friends, C1 controls
 * such as the one-byte CSI U+009B) are shown as visible \xNN escapes, so data can never move the
 * cursor, recolour or retitle the terminal. Line and paragraph separators and the bidirectional
 * overrides and isolates (which reorder what is shown, "Trojan Source") are shown as \uNNNN.
 */
export function visible(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
