import { planAsOf } from '../compute/as-of.js';
import { exportPlan } from '../compute/export.js';
import type { Context } from '../context.js';
import { EXIT, PlanError, type ExitCode } from '../errors.js';
import { latestRecord } from '../model/dates.js';
import { renderLocalizedCsv } from '../render/csv.js';
import { renderJson } from '../render/json.js';
import { dateOption, loadPlan } from './shared.js';

export interface ExportOptions {
  asOf?: string;
  format: 'json' | 'csv';
  kind?: 'tasks' | 'enterprises' | 'towns';
}

/** `plan export`: the whole validated plan as JSON, or one table of it as CSV for Excel and WPS. */
export async function exportCommand(ctx: Context, options: ExportOptions): Promise<ExitCode> {
  const plan = await loadPlan(ctx, { fullText: true });
  // Without --as-of, everything recorded; with it, only what was recorded by that day.
  const asOf = dateOption(ctx, '--as-of', options.asOf, plan.period);
  const data = exportPlan(asOf === undefined ? plan : planAsOf(plan, asOf));
  if (options.format === 'json') {
    ctx.io.stdout(renderJson(data));
    return EXIT.ok;
  }
  if (options.kind === undefined) throw new PlanError(ctx.msg.csvNeedsKind);
  const join = (names: readonly string[]) => names.join('、');
  if (options.kind === 'tasks') {
    const header = ['id', 'domain', 'section', 'number', 'title', 'text', 'owners', 'leaders', 'units', 'units_meant', 'due', 'due_stated', 'milestones', 'recurrence', 'status', 'completed'];
    const rows = data.domains.flatMap((d) =>
      d.tasks.map((t) => [
        t.id,
        d.id,
        t.section,
        t.number,
        t.title,
        t.text,
        join(t.owners),
        join(t.leaders),
        join(t.units),
        join(t.unitsMeant),
        t.due,
        String(t.dueStated),
        t.milestones.map((m) => `${m.id} ${m.due} ${m.title}`).join('\n'),
        t.recurrence ? t.recurrence.every + (t.recurrence.byDay !== null ? `/${t.recurrence.byDay}` : '') + (t.recurrence.season ? ` ${t.recurrence.season.name}` : '') : null,
        t.status,
        t.completed,
      ]),
    );
    ctx.io.stdout(renderLocalizedCsv(header, rows, ctx.msg));
  } else if (options.kind === 'enterprises') {
    const rows = data.enterprises.map((e) => [e.id, e.name, e.industry, e.status, e.expires, e.certifiedOn, e.town]);
    ctx.io.stdout(renderLocalizedCsv(['id', 'name', 'industry', 'status', 'expires', 'certified_on', 'town'], rows, ctx.msg));
  } else {
    const rows = data.towns.map((t) => {
      const latest = latestRecord(t.progress);
      return [t.name, t.targetTotal, t.targetAboveScale, latest?.date, latest?.achievedTotal, latest?.achievedAboveScale];
    });
    ctx.io.stdout(renderLocalizedCsv(['name', 'target_total', 'target_above_scale', 'progress_date', 'achieved_total', 'achieved_above_scale'], rows, ctx.msg));
  }
  return EXIT.ok;
}
