import { complianceReport } from '../compute/compliance.js';
import type { Context } from '../context.js';
import { EXIT, type ExitCode } from '../errors.js';
import { renderComplianceText } from '../render/compliance.js';
import { renderJson } from '../render/json.js';
import { asOfDate, loadPlan, positiveInteger } from './shared.js';

export interface ComplianceOptions {
  asOf?: string;
  soon?: string;
  format: 'text' | 'json';
}

/** `plan compliance`: every rate with its numerator and denominator. */
export async function compliance(ctx: Context, options: ComplianceOptions): Promise<ExitCode> {
  const plan = await loadPlan(ctx);
  const asOf = asOfDate(ctx, plan, options.asOf);
  const report = complianceReport(plan, asOf, positiveInteger(ctx, '--soon', options.soon, 14));
  if (options.format === 'json') ctx.io.stdout(renderJson(report));
  else ctx.io.stdout(renderComplianceText(report, { msg: ctx.msg, colors: ctx.colors, width: ctx.fit }));
  return EXIT.ok;
}
