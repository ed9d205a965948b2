import ExcelJS from 'exceljs';
import type { Item } from '../compute/items.js';
import type { Messages } from '../i18n/index.js';
import { localizedTable, type Cell, type CodedTable } from './csv.js';
import { enterpriseTable, itemTable, targetTable, townTable, type ExportedPlan } from './export-tables.js';
import { displayWidth, visible } from './text.js';

/** Columns holding a day (YYYY-MM-DD) or a month (YYYY-MM): written as real dates, shown as such. */
const DAY_COLUMNS = new Set(['due', 'completed', 'certified_on', 'progress_date', 'actual_date']);
const MONTH_COLUMNS = new Set(['expires']);

/**
 * The plan as one Excel workbook for the ledger (台账): sheets for tasks (with their milestones and
 * occurrences), enterprises, towns and targets, the same columns and values as the CSV export, in
 * the user's language. Each sheet has its header row frozen and a filter on, columns as wide as
 * their text (Chinese counted double), dates as dates. Text is only ever a text cell: a title
 * starting with = stays that text and never becomes a formula.
 */
export async function renderWorkbook(data: ExportedPlan, items: readonly Item[], msg: Messages): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  // Fixed dates keep the file the same from one run to the next for the same data.
  workbook.created = workbook.modified = new Date(Date.UTC(2000, 0, 1));
  workbook.creator = 'plan';
  const sheets: [string, CodedTable][] = [
    [msg.workbook.tasks, itemTable(data, items)],
    [msg.workbook.enterprises, enterpriseTable(data)],
    [msg.workbook.towns, townTable(data)],
    [msg.workbook.targets, targetTable(data)],
  ];
  for (const [name, table] of sheets) addSheet(workbook, name, table, localizedTable(table, msg));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: ExcelJS.Workbook, name: string, coded: CodedTable, shown: CodedTable): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow(shown.header.map((h) => visible(h)));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  const widths = shown.header.map((h) => displayWidth(h));
  for (const row of shown.rows) {
    const added = sheet.addRow([]);
    row.forEach((value, i) => {
      const cell = added.getCell(i + 1);
      const column = coded.header[i]!;
      const written = cellValue(value, column);
      cell.value = written;
      if (written instanceof Date) cell.numFmt = MONTH_COLUMNS.has(column) ? 'yyyy-mm' : 'yyyy-mm-dd';
      if (typeof written === 'string' && written.includes('\n')) cell.alignment = { wrapText: true, vertical: 'top' };
      widths[i] = Math.max(widths[i]!, textWidth(written, column));
    });
  }
  // Excel measures widths in widths of "0": a Chinese character takes two.
  widths.forEach((widest, i) => (sheet.getColumn(i + 1).width = Math.min(60, Math.max(6, widest + 2))));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: shown.rows.length + 1, column: shown.header.length } };
}

/**
 * A day or month in a date column becomes a date (UTC midnight, which Excel stores as that day);
 * any other text stays text, with control characters shown as \xNN (the file's XML cannot hold them)
 * and _xHHHH_ escaped so that it reads back as written.
 */
function cellValue(value: Cell, column: string): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (DAY_COLUMNS.has(column) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  if (MONTH_COLUMNS.has(column) && /^\d{4}-\d{2}$/.test(value)) return new Date(`${value}-01T00:00:00Z`);
  // The file format reads _xHHHH_ as an escaped character; a title written so must come back as
  // written, so its underscore is escaped in turn (_x005F_ is "_").
  return value
    .split('\n')
    .map(visible)
    .join('\n')
    .replace(/_x(?=[0-9A-Fa-f]{4}_)/g, '_x005F_x');
}

function textWidth(value: string | number | Date | null, column: string): number {
  if (value === null) return 0;
  if (value instanceof Date) return MONTH_COLUMNS.has(column) ? 7 : 10;
  return Math.max(...String(value).split('\n').map((line) => displayWidth(line)));
}
