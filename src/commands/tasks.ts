import type { ItemFilter } from '../compute/filter.js';
import { filterItems } from '../compute/filter.js';
import { itemsOfPlanAt } from '../compute/as-of.js';
import { byDueThenId, responsibleOf, type ItemState } from '../compute/items.js';
import type { Context } from '../context.js';
import { EXIT, PlanError, type ExitCode } from '../errors.js';
import { renderCsv } from '../render/csv.js';
import { formatDue, formatItemTitle, formatOwners, formatState } from '../render/format.js';
import { renderJson } from '../render/json.js';
import { renderMarkdownTable, renderTable, type Column } from '../render/table.js';
import { asOfDate, checkFilters, dateOption, loadPlan, positiveInteger } from './shared.js';

export interface TasksOptions {
  asOf?: string;
  soon?: string;
  domain?: string;
  owner?: string;
  unit?: string;
  status?: string;
  overdue: boolean;
  dueBefore?: string;
  dueAfter?: string;
  format: 'text' | 'json' | 'csv' | 'markdown';
}

const STATES: readonly ItemState[] = ['done_on_time', 'done_late', 'overdue', 'due_soon', 'open', 'blocked', 'cancelled'];
/** Short names accepted by --status besides the exact states. */
const STATE_GROUPS: Record<string, ItemState[]> = { done: ['done_on_time', 'done_late'], late: ['overdue', 'done_late'], todo: ['overdue', 'due_soon', 'open'] };

/** `plan tasks`: every item (task, milestone, occurrence) matching the filters, by due date. */
export async function tasks(ctx: Context, options: TasksOptions): Promise<ExitCode> {
  const plan = await loadPlan(ctx);
  const asOf = asOfDate(ctx, plan, options.asOf);
  const soonDays = positiveInteger(ctx, '--soon', options.soon, 14);
  const states = parseStates(ctx, options.status, options.overdue);
  const dueBefore = dateOption(ctx, '--due-before', options.dueBefore);
  const dueAfter = dateOption(ctx, '--due-after', options.dueAfter);
  const filter: ItemFilter = {
    ...(options.domain !== undefined && { domain: options.domain }),
    ...(options.owner !== undefined && { owner: options.owner }),
    ...(options.unit !== undefined && { unit: options.unit }),
    ...(states !== undefined && { states }),
    ...(dueBefore !== undefined && { dueBefore }),
    ...(dueAfter !== undefined && { dueAfter }),
  };
  checkFilters(ctx, plan, filter);
  const items = filterItems(itemsOfPlanAt(plan, asOf, soonDays), filter, plan).sort(byDueThenId);
  const { msg, colors: c } = ctx;

  if (options.format === 'json') {
    ctx.io.stdout(renderJson({ asOf, soonDays, filter, items }));
    return EXIT.ok;
  }
  const lateOrLeft = (i: (typeof items)[number]) =>
    i.state === 'overdue' || i.state === 'done_late' ? `+${i.daysLate}` : i.state === 'due_soon' || i.state === 'open' ? (i.daysLeft === 0 ? '0' : `-${i.daysLeft}`) : '';
  if (options.format === 'csv') {
    const header = ['id', 'kind', 'domain', 'task', 'title', 'owners', 'leaders', 'units', 'due', 'due_stated', 'completed', 'state', 'days_late'];
    const rows = items.map((i) => [i.id, i.kind, i.domainId, i.taskId, i.title, i.owners.join('、'), i.leaders.join('、'), i.units.join('、'), i.due, String(i.dueStated), i.completed, i.state, i.daysLate]);
    ctx.io.stdout(renderCsv(header, rows));
    return EXIT.ok;
  }
  const columns: Column[] = [
    { header: msg.col.id },
    { header: msg.col.title, flex: true },
    { header: msg.col.owner },
    { header: msg.col.due },
    { header: msg.col.state },
    { header: msg.col.days, align: 'right' },
  ];
  if (options.format === 'markdown') {
    const rows = items.map((i) => [i.id, formatItemTitle(i), responsibleOf(i).join('、') || msg.unassigned, formatDue(i), msg.state[i.state]!, lateOrLeft(i)]);
    ctx.io.stdout(renderMarkdownTable(columns, rows) + '\n');
    return EXIT.ok;
  }
  const rows = items.map((i) => [i.id, formatItemTitle(i), formatOwners(i, msg), formatDue(i), formatState(i, msg, c), lateOrLeft(i)]);
  ctx.io.stdout(renderTable(columns, rows, ctx.io.columns) + '\n' + msg.tasksFooter(items.length, asOf) + '\n');
  return EXIT.ok;
}

function parseStates(ctx: Context, value: string | undefined, overdue: boolean): ItemState[] | undefined {
  const states = new Set<ItemState>(overdue ? ['overdue'] : []);
  for (const word of value?.split(',').map((w) => w.trim()).filter(Boolean) ?? []) {
    const group = STATE_GROUPS[word] ?? (STATES.includes(word as ItemState) ? [word as ItemState] : undefined);
    if (!group) throw new PlanError(ctx.msg.badStatusOption(word, [...Object.keys(STATE_GROUPS), ...STATES].join(', ')));
    for (const state of group) states.add(state);
  }
  return states.size > 0 ? [...states] : undefined;
}
