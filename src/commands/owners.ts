import { itemsOfPlanAt } from '../compute/as-of.js';
import { ownerReport, ownerSummary } from '../compute/owners.js';
import type { Context } from '../context.js';
import { EXIT, type ExitCode } from '../errors.js';
import { chinaWorkCalendar } from '../load/work-calendar.js';
import { renderJson } from '../render/json.js';
import { renderOwnerText, renderOwnersMarkdown, renderOwnersText } from '../render/owners.js';
import { renderLocalizedCsv } from '../render/csv.js';
import { asOfDate, checkFilters, loadPlan, positiveInteger } from './shared.js';

export interface OwnersOptions {
  asOf?: string;
  soon?: string;
  format: 'text' | 'json' | 'csv' | 'markdown';
}

/** `plan owners`: one row per person, per unit, and for unassigned items. */
export async function owners(ctx: Context, options: OwnersOptions): Promise<ExitCode> {
  const plan = await loadPlan(ctx);
  const asOf = asOfDate(ctx, plan, options.asOf);
  const soonDays = positiveInteger(ctx, '--soon', options.soon, 14);
  const rows = ownerSummary(plan, itemsOfPlanAt(plan, asOf, soonDays));
  if (options.format === 'json') ctx.io.stdout(renderJson({ asOf, soonDays, owners: rows }));
  else if (options.format === 'csv') {
    const header = ['name', 'kind', 'items', 'done', 'done_on_time', 'done_late', 'overdue', 'due_soon', 'later', 'blocked', 'cancelled', 'on_time_numerator', 'on_time_denominator'];
    ctx.io.stdout(
      renderLocalizedCsv(
        header,
        rows.map(({ name, kind, tally: t }) => [name, kind, t.total, t.done, t.doneOnTime, t.doneLate, t.overdue, t.dueSoon, t.open, t.blocked, t.cancelled, t.onTime.numerator, t.onTime.denominator]),
        ctx.msg,
      ),
    );
  } else if (options.format === 'markdown') ctx.io.stdout(renderOwnersMarkdown(rows, ctx.msg, ctx.colors));
  else ctx.io.stdout(renderOwnersText(rows, { msg: ctx.msg, colors: ctx.colors, width: ctx.fit }));
  return EXIT.ok;
}

export interface OwnerOptions {
  asOf?: string;
  soon?: string;
  days?: string;
  format: 'text' | 'json';
}

/** `plan owner NAME`: that person's or unit's report. */
export async function owner(ctx: Context, typed: string, options: OwnerOptions): Promise<ExitCode> {
  const plan = await loadPlan(ctx);
  const name = checkFilters(ctx, plan, { owner: typed }).owner!;
  const asOf = asOfDate(ctx, plan, options.asOf);
  const soonDays = positiveInteger(ctx, '--soon', options.soon, 14);
  const horizon = positiveInteger(ctx, '--days', options.days, 30);
  const report = ownerReport(plan, itemsOfPlanAt(plan, asOf, soonDays), name, asOf, soonDays, horizon, chinaWorkCalendar(plan.period, plan.calendar));
  if (options.format === 'json') ctx.io.stdout(renderJson(report));
  else ctx.io.stdout(renderOwnerText(report, { msg: ctx.msg, colors: ctx.colors, width: ctx.fit }));
  return EXIT.ok;
}
