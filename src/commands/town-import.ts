import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { fileOfKind } from '../edit/address.js';
import { runEdit } from '../edit/session.js';
import { PlanError, type ExitCode } from '../errors.js';
import { parseCsv } from '../load/csv.js';
import { readInputFile } from '../load/read-folder.js';

/** A towns CSV has a row per town: a few kilobytes. Anything near this is not one. */
const MAX_CSV_BYTES = 4 * 1024 * 1024;
import type { Town } from '../model/plan.js';
import { townChange, townEntry, type RecordOptions } from './records.js';
import { recordingDate } from './shared.js';

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
  const rows = readRows(ctx, path);
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
      if (index < 0) throw at(ctx.msg.unknownTownName(name, ''));
      if (seen.has(name)) throw at(ctx.msg.csvTownTwice(name));
      seen.add(name);
      const town = plan.towns[index]!;
      for (const key of ['target_total', 'target_above_scale'] as const) {
        const recorded = town[key] === null ? '' : String(town[key]);
        if (get(key).trim() !== recorded) throw at(ctx.msg.csvTargetDiffers(name, key, get(key).trim(), recorded));
      }
      const achieved = get('achieved_total').trim();
      const aboveScale = get('achieved_above_scale').trim();
      const dateText = get('progress_date').trim();
      if (achieved === '') {
        if (aboveScale !== '' || dateText !== '') throw at(ctx.msg.csvFiguresMissing(name));
        continue;
      }
      try {
        const date = recordingDate(ctx, plan, { ...options, ...(dateText !== '' && { on: dateText }) }, plan.period.start, name);
        const entry = townEntry(ctx, name, date, { achieved, ...(aboveScale !== '' && { aboveScale }) });
        const previous = town.progress?.find((p) => p.date === date);
        if (previous && sameFigures(previous, entry)) {
          unchanged++;
          continue;
        }
        if (previous && !options.force) throw new PlanError(ctx.msg.townRecordExists(name, date, previous.achieved_total));
        changes.push({ file, change: townChange(index, town, entry) });
        summary.push(previous ? ctx.msg.replacedTown(name, achieved, date, previous.achieved_total, file.path) : ctx.msg.recordedTown(name, achieved, date, file.path));
      } catch (error) {
        throw error instanceof PlanError ? at(error.message) : error;
      }
    }
    summary.push(ctx.msg.csvTownsSummary(changes.length, unchanged, shown));
    return { changes, summary };
  });
}

function sameFigures(record: NonNullable<Town['progress']>[number], entry: ReturnType<typeof townEntry>): boolean {
  return record.achieved_total === entry.achieved_total && record.achieved_above_scale === entry.achieved_above_scale;
}

/** The rows of the CSV with a getter by column name; the header must name exactly the export's columns. */
function readRows(ctx: Context, path: string): { line: number; get: (column: Column) => string }[] {
  const read = readInputFile(resolve(ctx.io.cwd, path), MAX_CSV_BYTES);
  if ('error' in read) {
    throw new PlanError(read.error === 'TOO_LARGE' ? ctx.msg.csvTooLarge(path, MAX_CSV_BYTES / 1024 / 1024) : ctx.msg.unreadable(path, ctx.msg.ioReason(read.error)));
  }
  const bytes = read.bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PlanError(ctx.msg.csvNotUtf8(path));
  }
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new PlanError(`${path}:${parsed.line}: ${ctx.msg.csvUnclosedQuote}`);
  const [header, ...rows] = parsed.rows;
  const names = header?.cells.map((c) => c.trim()) ?? [];
  const missing = TOWN_CSV_HEADER.filter((c) => !names.includes(c));
  const extra = names.filter((c) => !(TOWN_CSV_HEADER as readonly string[]).includes(c));
  if (!header || missing.length > 0 || extra.length > 0 || new Set(names).size !== names.length) {
    throw new PlanError(`${path}:1: ${ctx.msg.csvBadHeader(TOWN_CSV_HEADER.join(','))}`);
  }
  return rows.map(({ line, cells }) => {
    if (cells.length !== names.length) throw new PlanError(`${path}:${line}: ${ctx.msg.csvCellCount(cells.length, names.length)}`);
    return { line, get: (column: Column) => cells[names.indexOf(column)]! };
  });
}
