import { monthWindow } from '../compute/month-window.js';
import { monthSeries } from '../compute/month-series.js';
import { monthlyReport } from '../compute/monthly.js';
import type { Context } from '../context.js';
import { PlanError, type ExitCode } from '../errors.js';
import { todayIn } from '../model/dates.js';
import { renderDocumentMarkdown, renderDocumentText } from '../render/document.js';
import { renderJson } from '../render/json.js';
import { monthlyDocument } from '../render/monthly.js';
import { makeColors } from '../render/color.js';
import { documentWidth } from '../render/fit.js';
import { outFile, refuseBinaryToTerminal, writeOutput } from './output.js';
import { checkDateSyntax, dateOption, loadPlan, monthInput, positiveInteger } from './shared.js';

export interface ReportOptions {
  month?: string;
  asOf?: string;
  soon?: string;
  format: 'text' | 'markdown' | 'json' | 'html' | 'docx';
  out?: string;
  force: boolean;
}

/** `plan report --month YYYY-MM [--as-of DATE]`: the monthly report for leaders, to the terminal or a file. */
export async function report(ctx: Context, options: ReportOptions): Promise<ExitCode> {
  // Options are checked before the data is read, so a typo is reported as such even on broken data.
  checkDateSyntax(ctx, '--month', options.month, 'month');
  checkDateSyntax(ctx, '--as-of', options.asOf, 'date');
  if (options.format === 'docx') await refuseBinaryToTerminal(ctx, options.format, options.out);
  const plan = await loadPlan(ctx);
  // 6月 and 6月30日 take their year from the plan period.
  const month = options.month === undefined ? undefined : monthInput(ctx, '--month', options.month, plan.period);
  const asOf = dateOption(ctx, '--as-of', options.asOf, plan.period);
  const today = todayIn(plan.timezone, ctx.io.now());
  const window = monthWindow(month, asOf, today);
  if (!window.ok) {
    throw new PlanError(
      window.problem === 'month-not-started' ? ctx.msg.monthNotStarted(month!, today) : ctx.msg.asOfOutsideMonth(asOf!, window.monthStart, window.monthEnd),
    );
  }
  const soonDays = positiveInteger(ctx, '--soon', options.soon, 14);
  const data = monthlyReport(plan, window.window, soonDays);
  const out = outFile(options.out);
  if (options.format === 'docx') {
    const { renderMonthlyDocx } = await import('../render/documents-docx.js');
    return writeOutput(ctx, await renderMonthlyDocx(data, ctx.msg), out, options.force);
  }
  // A file never gets colour codes, whatever the terminal supports.
  const colors = out !== undefined ? makeColors({ color: false, isTTY: false, env: {} }) : ctx.colors;
  const text =
    options.format === 'json'
      ? renderJson(data)
      : options.format === 'html'
        ? (await import('../render/documents-html.js')).renderMonthlyHtml(data, monthSeries(plan, window.window, soonDays), ctx.msg)
        : options.format === 'markdown'
          ? renderDocumentMarkdown(monthlyDocument(data, ctx.msg))
          : renderDocumentText(monthlyDocument(data, ctx.msg), colors, documentWidth(ctx.fit, { width: ctx.width, toFile: out !== undefined }));
  return writeOutput(ctx, text, out, options.force);
}
