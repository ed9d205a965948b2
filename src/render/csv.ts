import type { Messages } from '../i18n/index.js';
import { visible } from './text.js';

/** A UTF-8 byte-order mark: without it Excel and WPS read Chinese CSV as the local code page. */
export const BOM = '\uFEFF';

/**
 * RFC 4180 CSV with a byte-order mark and CRLF line ends. A cell that a spreadsheet would run as a
 * formula (leading =, +, -, @, tab or carriage return) is prefixed with ' so it stays text.
 * Line breaks inside a cell are kept (the cell is quoted); other control characters are not.
 */
export function renderCsv(header: readonly string[], rows: readonly (string | number | null | undefined)[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Control characters (ESC …) are shown as \xNN: a CSV printed to a terminal must not drive it either.
  // Line breaks stay line breaks: a quoted cell holds them, and spreadsheets show them as such.
  let text = String(value).split(/\r?\n/).map(visible).join('\n');
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export type Cell = string | number | null | undefined;

/** A table of the export, its columns named by their stable codes. */
export interface CodedTable {
  header: readonly string[];
  rows: readonly Cell[][];
}

/**
 * A CSV table in the user's language. Columns are named by their stable codes; in English they
 * stay so (the machine-readable form, matching JSON), in Chinese headers and coded values
 * (states, kinds, statuses, true/false, periods) become the words the reports use.
 */
export function renderLocalizedCsv(header: readonly string[], rows: readonly Cell[][], msg: Messages): string {
  const table = localizedTable({ header, rows }, msg);
  return renderCsv(table.header, table.rows);
}

/** A coded table in the user's language, as renderLocalizedCsv describes; the column order is kept. */
export function localizedTable(table: CodedTable, msg: Messages): CodedTable {
  if (!msg.csv.translate) return table;
  const { value } = msg.csv;
  const words: Record<string, Record<string, string> | undefined> = {
    kind: msg.kind,
    state: msg.state,
    status: value.status,
    due_stated: value.boolean,
    direction: value.direction,
  };
  const translate = (column: string, cell: Cell): Cell => {
    if (typeof cell !== 'string') return cell;
    if (column === 'recurrence') return cell.replace(/^[a-z_]+/, (every) => value.every?.[every] ?? every);
    if (column === 'name' && cell === 'unassigned') return msg.unassigned;
    return words[column]?.[cell] ?? cell;
  };
  return {
    header: table.header.map((h) => msg.csv.header[h] ?? h),
    rows: table.rows.map((row) => row.map((cell, i) => translate(table.header[i]!, cell))),
  };
}
