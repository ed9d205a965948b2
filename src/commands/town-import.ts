import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { fileOfKind } from '../edit/address.js';
import { runEdit } from '../edit/session.js';
import { PlanError, type ExitCode } from '../errors.js';
import { parseCsv } from '../load/csv.js';
import { utf8OrGb18030 } from '../load/decode.js';
import { readInputFile } from '../load/read-folder.js';

/** A towns CSV has a row per town: a few kilobytes. Anything near this is not one. */
const MAX_CSV_BYTES = 4 * 1024 * 1024;
import type { Town } from '../model/plan.js';
import { refuseFallingCount, townChange, townEntry, type RecordOptions } from './records.js';
import { dateInput, recordingDate } from './shared.js';
import { closest } from '../compute/closest.js';
import { messages } from '../i18n/index.js';

/** The columns of `plan export --format csv --kind towns`, which `plan town --from` reads back. */
export const TOWN_CSV_HEADER = ['name', 'target_total', 'target_above_scale', 'progress_date', 'achieved_total', 'achieved_above_scale'] as const;
type Column = (typeof TOWN_CSV_HEADER)[number];

/**
 * `plan town --from FILE.csv`: records every town's figures from one CSV, checked as a whole
 * before anything is written: one bad row and nothing is recorded. A row whose figures are already
 * recorded for its date changes nothing, so the CSV just exported can be edited and read back.
 * A row without figures is skipped; targets are not changed this way and must match the data.
 */
export function townsFromCsv(ctx: Context, path: string, options: RecordOptions): Promise<ExitCode> {
  const shown = path;
  const { rows, label, ignored } = readRows(ctx, path);
  return runEdit(ctx, options.dryRun, (plan, loaded) => {
    const file = fileOfKind(loaded, 'towns')!;
    const seen = new Set<string>();
    const changes = [];
    const summary: string[] = [];
    let unchanged = 0;
    for (const { line, get } of rows) {
      const at = (message: string) => new PlanError(`${shown}:${line}: ${message}`);
      const name = get('name').trim();
      const index = plan.towns.findIndex((t) => t.name === name);
      if (index < 0) throw at(ctx.msg.unknownTownName(name, closest(name, plan.towns.map((t) => t.name)).join('、')));
      if (seen.has(name)) throw at(ctx.msg.csvTownTwice(name));
      seen.add(name);
      const town = plan.towns[index]!;
      for (const key of ['target_total', 'target_above_scale'] as const) {
        const recorded = town[key] === null ? '' : String(town[key]);
        if (get(key).trim() !== recorded) throw at(ctx.msg.csvTargetDiffers(name, label(key), get(key).trim(), recorded));
      }
      const achieved = get('achieved_total').trim();
      const aboveScale = get('achieved_above_scale').trim();
      const dateText = get('progress_date').trim();
      if (achieved === '') {
        if (aboveScale !== '' || dateText !== '') throw at(ctx.msg.csvFiguresMissing(name, label('achieved_total')));
        continue;
      }
      try {
        // A cell's mistakes name its column as the header writes it, not an option of the command line.
        const on = dateText === '' ? options.on : dateInput(ctx, ctx.msg.csvColumn(label('progress_date')), dateText, plan.period);
        const date = recordingDate(ctx, plan, { ...options, ...(on !== undefined && { on }) }, plan.period.start, name);
        const columns = { achieved: ctx.msg.csvColumn(label('achieved_total')), aboveScale: ctx.msg.csvColumn(label('achieved_above_scale')) };
        const entry = townEntry(ctx, name, date, { achieved, ...(aboveScale !== '' && { aboveScale }) }, columns);
        const previous = town.progress?.find((p) => p.date === date);
        if (previous && sameFigures(previous, entry)) {
          unchanged++;
          continue;
        }
        if (previous && !options.force) throw new PlanError(ctx.msg.townRecordExists(name, date, previous.achieved_total));
        refuseFallingCount(ctx, town, entry, options.force);
        changes.push({ file, change: townChange(index, town, entry) });
        summary.push(previous ? ctx.msg.replacedTown(name, achieved, date, previous.achieved_total, file.path) : ctx.msg.recordedTown(name, achieved, date, file.path));
      } catch (error) {
        throw error instanceof PlanError ? at(error.message) : error;
      }
    }
    if (ignored.length > 0) summary.push(ctx.msg.csvColumnsIgnored(ignored));
    summary.push(ctx.msg.csvTownsSummary(changes.length, unchanged, shown));
    return { changes, summary };
  });
}

function sameFigures(record: NonNullable<Town['progress']>[number], entry: ReturnType<typeof townEntry>): boolean {
  return record.achieved_total === entry.achieved_total && record.achieved_above_scale === entry.achieved_above_scale;
}

/** What each header names: the export's column codes, and the words either language's export writes for them. */
function headerWords(): Map<string, Column> {
  const words = new Map<string, Column>();
  for (const lang of ['en', 'zh'] as const) {
    const header = messages(lang).csv.header;
    for (const column of TOWN_CSV_HEADER) {
      words.set(column, column);
      const word = header[column === 'name' ? 'town' : column] ?? header[column];
      if (word) words.set(word, column);
    }
  }
  // The towns table names its first column 名称 in Chinese, like every name column.
  for (const lang of ['en', 'zh'] as const) {
    const word = messages(lang).csv.header.name;
    if (word) words.set(word, 'name');
  }
  return words;
}

/**
 * The rows of the CSV with a getter by column, whatever language its header is in (the export's
 * codes, or the Chinese words of an export made under zh). Columns the export does not write (a
 * 备注 added in the spreadsheet) are ignored, and the summary says so. UTF-8 with or without a
 * byte-order mark, or GB18030 (GBK), as WPS and older Excel save "CSV".
 */
function readRows(ctx: Context, path: string): { rows: { line: number; get: (column: Column) => string }[]; label: (column: Column) => string; ignored: string[] } {
  const read = readInputFile(resolve(ctx.io.cwd, path), MAX_CSV_BYTES);
  if ('error' in read) {
    throw new PlanError(read.error === 'TOO_LARGE' ? ctx.msg.csvTooLarge(path, MAX_CSV_BYTES / 1024 / 1024) : ctx.msg.unreadable(path, ctx.msg.ioReason(read.error)));
  }
  const text = csvText(ctx, read.bytes, path);
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new PlanError(`${path}:${parsed.line}: ${ctx.msg.csvUnclosedQuote}`);
  const [header, ...rows] = parsed.rows;
  const written = header?.cells.map((c) => c.trim()) ?? [];
  const words = headerWords();
  const columns = written.map((w) => words.get(w));
  const missing = TOWN_CSV_HEADER.filter((c) => !columns.includes(c));
  const twice = TOWN_CSV_HEADER.filter((c) => columns.filter((x) => x === c).length > 1);
  if (!header || missing.length > 0 || twice.length > 0) {
    const expected = written.some((w) => /[\u4e00-\u9fa5]/.test(w)) ? messages('zh') : messages('en');
    const names = TOWN_CSV_HEADER.map((c) => (expected.csv.translate ? (expected.csv.header[c] ?? c) : c));
    throw new PlanError(`${path}:1: ${ctx.msg.csvBadHeader(names.join(','), missing.map((c) => names[TOWN_CSV_HEADER.indexOf(c)]!), twice.map((c) => names[TOWN_CSV_HEADER.indexOf(c)]!))}`);
  }
  const ignored = written.filter((_, i) => columns[i] === undefined && written[i] !== '');
  const label = (column: Column) => written[columns.indexOf(column)]!;
  return {
    rows: rows.map(({ line, cells }) => {
      if (cells.length !== written.length) throw new PlanError(`${path}:${line}: ${ctx.msg.csvCellCount(cells.length, written.length)}`);
      return { line, get: (column: Column) => cells[columns.indexOf(column)]! };
    }),
    label,
    ignored,
  };
}

function csvText(ctx: Context, bytes: Uint8Array, path: string): string {
  const text = utf8OrGb18030(bytes);
  if (text === undefined) throw new PlanError(ctx.msg.csvNotUtf8(path));
  return text;
}
