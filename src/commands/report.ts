import { resolve } from 'node:path';
import { monthlyReport } from '../compute/monthly.js';
import type { Context } from '../context.js';
import { writeFileAtomic } from '../edit/write-file.js';
import { EXIT, PlanError, type ExitCode } from '../errors.js';
import { isYearMonth, monthOf } from '../model/dates.js';
import { renderDocumentMarkdown, renderDocumentText } from '../render/document.js';
import { renderJson } from '../render/json.js';
import { monthlyDocument } from '../render/monthly.js';
import { makeColors } from '../render/color.js';
import { asOfDate, loadPlan } from './shared.js';

export interface ReportOptions {
  month?: string;
  format: 'text' | 'markdown' | 'json';
  out?: string;
  force: boolean;
}

/** `plan report --month YYYY-MM`: the monthly report for leaders, to the terminal or a file. */
export async function report(ctx: Context, options: ReportOptions): Promise<ExitCode> {
  const plan = await loadPlan(ctx);
  const month = options.month ?? monthOf(asOfDate(ctx, plan, undefined));
  if (!isYearMonth(month)) throw new PlanError(ctx.msg.badMonthOption(month));
  const data = monthlyReport(plan, month, 14);
  // A file never gets colour codes, whatever the terminal supports.
  const colors = options.out !== undefined ? makeColors({ color: false, isTTY: false, env: {} }) : ctx.colors;
  const text =
    options.format === 'json'
      ? renderJson(data)
      : options.format === 'markdown'
        ? renderDocumentMarkdown(monthlyDocument(data, ctx.msg))
        : renderDocumentText(monthlyDocument(data, ctx.msg), colors, options.out !== undefined ? undefined : ctx.io.columns);
  if (options.out === undefined) {
    ctx.io.stdout(text);
    return EXIT.ok;
  }
  const target = resolve(ctx.io.cwd, options.out);
  try {
    await writeFileAtomic(target, text, { overwrite: options.force });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new PlanError(ctx.msg.outExists(options.out));
    throw new PlanError(ctx.msg.cannotWrite(options.out, code ?? String(error)));
  }
  ctx.io.stderr(ctx.msg.wrote(options.out) + '\n');
  return EXIT.ok;
}
