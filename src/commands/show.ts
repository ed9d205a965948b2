import { exampleIds } from '../compute/examples.js';
import { nearestNames, showableNames, showAt } from '../compute/show.js';
import type { Context } from '../context.js';
import { EXIT, PlanError, type ExitCode } from '../errors.js';
import { renderJson } from '../render/json.js';
import { renderShowText } from '../render/show.js';
import { visible } from '../render/text.js';
import { chinaWorkCalendar } from '../load/work-calendar.js';
import { asOfDate, loadPlan } from './shared.js';

export interface ShowOptions {
  asOf?: string;
  format: 'text' | 'json';
}

/** `plan show ID`: everything about one task, milestone, occurrence, target, enterprise or town. */
export async function show(ctx: Context, query: string, options: ShowOptions): Promise<ExitCode> {
  // The full text is part of what `show` shows.
  const plan = await loadPlan(ctx, { fullText: true });
  const asOf = asOfDate(ctx, plan, options.asOf);
  const shown = showAt(plan, query, asOf, 14, chinaWorkCalendar(plan.period, plan.calendar));
  if (shown === null) throw new PlanError(ctx.msg.unknownId(visible(query), nearestNames(query, showableNames(plan)).map(visible).join(', '), exampleIds(plan)));
  ctx.io.stdout(options.format === 'json' ? renderJson({ asOf, ...shown }) : renderShowText(shown, asOf, ctx.msg, ctx.colors, ctx.io.columns));
  return EXIT.ok;
}
