/**
 * Typing slips that YAML either misreads or reports somewhere else: found in the text itself, so
 * each is reported where it is, with the fix. Cheap tests first: most files have none.
 */

export interface Slip {
  offset: number;
  kind: 'conflict-marker' | 'fullwidth-colon' | 'missing-space' | 'fullwidth-comma';
  /** The key, the list item, or (for a conflict) the lines of its other markers. */
  detail: string;
  lines?: { middle?: number; end?: number };
}



/** Each `<<<<<<<` a merge left, with the lines of its `=======` and `>>>>>>>` (1-based). */
export function conflictMarkers(text: string): Slip[] {
  // A substring search is much faster than any regular expression over a large file.
  if (!text.includes('<<<<<<<') && !text.includes('>>>>>>>') && !text.includes('=======')) return [];
  const slips: Slip[] = [];
  let open: Slip | undefined;
  let offset = 0;
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line.startsWith('<<<<<<<')) {
      open = { offset, kind: 'conflict-marker', detail: line.replace(/\r$/, ''), lines: {} };
      slips.push(open);
    } else if (/^={7}\r?$/.test(line)) {
      if (open) open.lines!.middle = i + 1;
      else slips.push({ offset, kind: 'conflict-marker', detail: '=======' });
    } else if (line.startsWith('>>>>>>>')) {
      if (open) {
        open.lines!.end = i + 1;
        open = undefined;
      } else slips.push({ offset, kind: 'conflict-marker', detail: line.replace(/\r$/, '') });
    }
    offset += line.length + 1;
  });
  return slips;
}

// A key (keys are English identifiers) at the start of a line or a list item.
const KEY_SLIP = /^( *(?:- +)*)([A-Za-z_][A-Za-z0-9_-]*)(?:\s*(：)|(:)(?=[^\s:]))/gm;

/** `title：…` (a full-width colon) and `due:2022-07-31` (no space after the colon), at the colon. */
export function keySlips(text: string): Slip[] {
  const slips: Slip[] = [];
  for (const match of text.matchAll(KEY_SLIP)) {
    const at = match.index + match[0].length - 1;
    slips.push({ offset: at, kind: match[3] ? 'fullwidth-colon' : 'missing-space', detail: match[2]! });
  }
  return slips;
}

const MAYBE_FLOW_COMMA = /\[[^\]\n]*[，、]/;

/** `[冯一舟，李凭]`: a full-width comma or 、 inside a one-line [...] list, outside quotes, at that character. */
export function flowListCommas(text: string): Slip[] {
  if (!MAYBE_FLOW_COMMA.test(text)) return [];
  const slips: Slip[] = [];
  // Only a list that is a value ("key: [" or "- ["), not brackets inside a line of text.
  for (const list of text.matchAll(/(?:^[ -]*|: +)\[([^\]\n]*)\]/gm)) {
    let itemStart = list.index + list[0].indexOf('[') + 1;
    for (const item of list[1]!.split(',')) {
      const trimmed = item.trim();
      const quoted = /^["']/.test(trimmed);
      const at = item.search(/[，、]/);
      if (!quoted && at !== -1) slips.push({ offset: itemStart + at, kind: 'fullwidth-comma', detail: trimmed });
      itemStart += item.length + 1;
    }
  }
  return slips;
}
