import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { monthWindow, type MonthWindow } from '../compute/month-window.js';
import { monthSeries } from '../compute/month-series.js';
import { monthlyReport, type MonthlyReport } from '../compute/monthly.js';
import type { Corrections } from '../compute/submission.js';
import type { Context } from '../context.js';
import { EXIT, PlanError, shownPath, type ExitCode } from '../errors.js';
import { todayIn, type IsoDate } from '../model/dates.js';
import type { Plan } from '../model/plan.js';
import { readSubmission, submissionFiles, submissionJson } from '../load/submitted.js';
import { renderDocumentMarkdown, renderDocumentText } from '../render/document.js';
import { renderJson } from '../render/json.js';
import { undatedSeasons } from '../render/format.js';
import { visible } from '../render/visible.js';
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
  /** Keep the report as submitted, under submitted/ in the data folder. */
  submit?: boolean;
  /** Print the report as it was submitted, byte for byte. */
  asSubmitted?: boolean;
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
  const monthOfReport = window.window.month;
  if (options.asSubmitted) return writeOutput(ctx, await asSubmitted(ctx, monthOfReport, options), outFile(options.out), options.force);
  const data = monthlyReport(plan, window.window, soonDays);
  // What the clerk should do next goes to her terminal (as git's hints do), never into the leaders' report.
  if (ctx.io.isTTY) for (const season of undatedSeasons(data.gaps)) ctx.io.stderr(`plan: ${ctx.msg.seasonHint(visible(season))}\n`);
  const out = outFile(options.out);
  if (options.submit) await submit(ctx, plan, data, todayIn(plan.timezone, ctx.io.now()), options.force);
  else if (existsSync(join(ctx.dataDir, submissionFiles(monthOfReport).json))) data.corrections = await compareWithSubmitted(ctx, plan, window.window);
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

/** The report as it was submitted: its text, or its JSON; nothing else was kept. */
async function asSubmitted(ctx: Context, month: string, options: ReportOptions): Promise<string> {
  if (options.submit) throw new PlanError(ctx.msg.submitAndAsSubmitted);
  if (options.format !== 'text' && options.format !== 'json') throw new PlanError(ctx.msg.asSubmittedFormats(options.format));
  const stored = readSubmission(ctx.dataDir, month);
  if (stored === undefined) throw new PlanError(ctx.msg.notSubmitted(month));
  if (stored === 'damaged') throw new PlanError(ctx.msg.submissionAltered(submissionFiles(month).json, 'changed'), EXIT.dataProblems);
  return options.format === 'json' ? renderJson(stored.report) : stored.text;
}

/**
 * Keeps the report as submitted: the text as a document for print (no colour, the document width),
 * its JSON, and the state of every item, so that later reports of the month can list what changed.
 */
async function submit(ctx: Context, plan: Plan, data: MonthlyReport, today: IsoDate, replace: boolean): Promise<void> {
  const [{ reportSnapshot }, { saveSubmission }] = await Promise.all([import('../compute/submission.js'), import('../edit/submission-write.js')]);
  const plain = makeColors({ color: false, isTTY: false, env: {} });
  const text = renderDocumentText(monthlyDocument(data, ctx.msg), plain, documentWidth(ctx.fit, { width: ctx.width, toFile: true }));
  const submission = { month: data.month, asOf: data.asOf, submittedOn: today, soonDays: data.soonDays, ...reportSnapshot(data, plan) };
  await saveSubmission(ctx, data.month, text, submissionJson(submission, text, renderJson(data)), replace);
  ctx.io.stderr(`${ctx.msg.submitted(data.month, today, shownPath(ctx.io.cwd, join(ctx.dataDir, submissionFiles(data.month).text)))}\n`);
}

/**
 * What differs now from the month's submitted report, computed at its as-of date with its --soon;
 * null (with a word on standard error) when there is nothing to compare with.
 */
async function compareWithSubmitted(ctx: Context, plan: Plan, window: MonthWindow): Promise<Corrections | null> {
  const { correctionsOf, reportSnapshot } = await import('../compute/submission.js');
  const stored = readSubmission(ctx.dataDir, window.month);
  if (stored === undefined) return null;
  if (stored === 'damaged') {
    ctx.io.stderr(`plan: ${ctx.msg.submissionAltered(submissionFiles(window.month).json, 'changed')}\n`);
    return null;
  }
  const said = stored.submission;
  if (said.asOf !== window.asOf) {
    ctx.io.stderr(`${ctx.msg.submittedAsOfOther(window.month, said.submittedOn, said.asOf)}\n`);
    return null;
  }
  const now = reportSnapshot(monthlyReport(plan, window, said.soonDays), plan);
  const corrections = correctionsOf(said, now, plan);
  if (corrections.figures.length + corrections.items.length === 0) ctx.io.stderr(`${ctx.msg.noCorrections(window.month, said.submittedOn)}\n`);
  return corrections;
}
