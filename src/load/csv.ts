/** A CSV file read as rows of cells, each row with the 1-based line it starts on. */
export type ParsedCsv = { ok: true; rows: { line: number; cells: string[] }[] } | { ok: false; line: number };

/**
 * Parses RFC 4180 CSV as `plan export` writes it and as Excel and WPS save it: an optional
 * byte-order mark, CRLF or LF line ends, cells quoted with " where they hold commas, quotes or
 * line breaks. Blank lines are skipped. An unclosed quote gives the line where it was opened.
 */
export function parseCsv(text: string): ParsedCsv {
  const rows: { line: number; cells: string[] }[] = [];
  const body = text.replace(/^\uFEFF/, '');
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  while (i < body.length) {
    const ch = body[i]!;
    if (ch === '"' && cell === '') {
      const opened = line;
      i++;
      for (;;) {
        if (i >= body.length) return { ok: false, line: opened };
        const c = body[i]!;
        if (c === '"' && body[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (c === '"') {
          i++;
          break;
        } else {
          if (c === '\n') line++;
          cell += c;
          i++;
        }
      }
      continue;
    }
    if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += ch;
    }
    i++;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return { ok: true, rows };
}
