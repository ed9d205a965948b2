import { statusReport } from '../compute/status.js';
import type { Context } from '../context.js';
import { EXIT, type ExitCode } from '../errors.js';
import { renderJson } from '../render/json.js';
import { renderStatusText } from '../render/status.js';
import { asOfDate, checkFilters, loadPlan, positiveInteger } from './shared.js';

export interface StatusOptions {
  asOf?: string;
  soon?: string;
  domain?: string;
  owner?: string;
  all: boolean;
  format: 'text' | 'json';
}

/** How many overdue items the one-screen status lists without --all. */
const OVERDUE_SHOWN = 10;

/** `plan status`: headline counts, domains, most overdue, standardization and targets. */
export async function status(ctx: Context, options: StatusOptions): Promise<ExitCode> {
  const plan = await loadPlan(ctx);
  const asOf = asOfDate(ctx, plan, options.asOf);
  const soonDays = positiveInteger(ctx, '--soon', options.soon, 14);
  const filter = checkFilters(ctx, plan, { ...(options.domain !== undefined && { domain: options.domain }), ...(options.owner !== undefined && { owner: options.owner }) });
  const report = statusReport(plan, asOf, soonDays, filter, options.format === 'json' || options.all ? Infinity : OVERDUE_SHOWN);
  if (options.format === 'json') ctx.io.stdout(renderJson({ ...report, filter: { domain: filter.domain, owner: filter.owner } }));
  else ctx.io.stdout(renderStatusText(report, { msg: ctx.msg, colors: ctx.colors, width: ctx.fit }));
  return EXIT.ok;
}
