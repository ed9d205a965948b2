import { planAsOf } from '../compute/as-of.js';
import { exportPlan } from '../compute/export.js';
import { planItems } from '../compute/items.js';
import type { Context } from '../context.js';
import { PlanError, type ExitCode } from '../errors.js';
import { renderLocalizedCsv } from '../render/csv.js';
import { enterpriseTable, taskTable, townTable } from '../render/export-tables.js';
import { renderJson } from '../render/json.js';
import { refuseBinaryToTerminal, writeOutput } from './output.js';
import { dateOption, loadPlan } from './shared.js';

export interface ExportOptions {
  asOf?: string;
  format: 'json' | 'csv' | 'xlsx';
  kind?: 'tasks' | 'enterprises' | 'towns';
  out?: string;
  force: boolean;
}

/** `plan export`: the whole validated plan as JSON, one table of it as CSV, or all of them as an Excel workbook. */
export async function exportCommand(ctx: Context, options: ExportOptions): Promise<ExitCode> {
  if (options.format === 'csv' && options.kind === undefined) throw new PlanError(ctx.msg.csvNeedsKind);
  if (options.format === 'xlsx') await refuseBinaryToTerminal(ctx, options.format, options.out);
  const plan = await loadPlan(ctx, { fullText: true });
  // Without --as-of, everything recorded; with it, only what was recorded by that day.
  const asOf = dateOption(ctx, '--as-of', options.asOf, plan.period);
  const recorded = asOf === undefined ? plan : planAsOf(plan, asOf);
  const data = exportPlan(recorded);
  const force = options.force ?? false;
  if (options.format === 'json') return writeOutput(ctx, renderJson(data), options.out, force);
  if (options.format === 'xlsx') {
    const { renderWorkbook } = await import('../render/documents-xlsx.js');
    return writeOutput(ctx, await renderWorkbook(data, planItems(recorded).items, ctx.msg), options.out, force);
  }
  const table = options.kind === 'tasks' ? taskTable(data) : options.kind === 'enterprises' ? enterpriseTable(data) : townTable(data);
  return writeOutput(ctx, renderLocalizedCsv(table.header, table.rows, ctx.msg), options.out, force);
}
