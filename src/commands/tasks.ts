import type { ItemFilter } from '../compute/filter.js';
import { filterItems } from '../compute/filter.js';
import { itemsOfPlanAt } from '../compute/as-of.js';
import { byDueThenId, responsibleOf, type ItemAt, type ItemState } from '../compute/items.js';
import type { Context } from '../context.js';
import type { Messages } from '../i18n/index.js';
import { EXIT, PlanError, type ExitCode } from '../errors.js';
import { renderLocalizedCsv } from '../render/csv.js';
import { formatDue, formatItemTitle, formatOwners, formatState } from '../render/format.js';
import { wrapLines } from '../render/fit.js';
import { renderJson } from '../render/json.js';
import { renderMarkdownTable, renderTable, type Column } from '../render/table.js';
import { STATE_CODES, STATE_WORDS_ZH, parseStateWords } from '../input/words.js';
import type { TaskStatus } from '../model/plan.js';
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
  grep?: string;
  format: 'text' | 'json' | 'csv' | 'markdown';
}


/** `plan tasks`: every item (task, milestone, occurrence) matching the filters, by due date. */
export async function tasks(ctx: Context, options: TasksOptions): Promise<ExitCode> {
  // Task texts are left out of the plan reports read, unless they are to be searched.
  const plan = await loadPlan(ctx, { fullText: options.grep !== undefined });
  const asOf = asOfDate(ctx, plan, options.asOf);
  const soonDays = positiveInteger(ctx, '--soon', options.soon, 14);
  const selection = parseStates(ctx, options.status, options.overdue);
  const dueBefore = dateOption(ctx, '--due-before', options.dueBefore, plan.period);
  const dueAfter = dateOption(ctx, '--due-after', options.dueAfter, plan.period);
  const filter: ItemFilter = checkFilters(ctx, plan, {
    ...(options.domain !== undefined && { domain: options.domain }),
    ...(options.owner !== undefined && { owner: options.owner }),
    ...(options.unit !== undefined && { unit: options.unit }),
    ...selection,
    ...(dueBefore !== undefined && { dueBefore }),
    ...(dueAfter !== undefined && { dueAfter }),
    ...(options.grep !== undefined && { grep: options.grep }),
  });
  const items = filterItems(itemsOfPlanAt(plan, asOf, soonDays), filter, plan).sort(byDueThenId);
  const { msg, colors: c } = ctx;

  if (options.format === 'json') {
    // Every filter is named, null when not given: the shape never depends on the options.
    const shown = { domain: filter.domain, owner: filter.owner, unit: filter.unit, states: filter.states, dueBefore: filter.dueBefore, dueAfter: filter.dueAfter, taskStatuses: filter.taskStatuses, grep: filter.grep };
    ctx.io.stdout(renderJson({ asOf, soonDays, filter: shown, items }));
    return EXIT.ok;
  }
  const lateOrLeft = (i: (typeof items)[number]) =>
    i.state === 'overdue' || i.state === 'done_late' ? `+${i.daysLate}` : i.state === 'due_soon' || i.state === 'open' ? (i.daysLeft === 0 ? '0' : `-${i.daysLeft}`) : '';
  if (options.format === 'csv') {
    const header = ['id', 'kind', 'domain', 'task', 'title', 'owners', 'leaders', 'units', 'due', 'due_stated', 'completed', 'state', 'days_late', 'count', 'required'];
    const rows = items.map((i) => [i.id, i.kind, i.domainId, i.taskId, i.title, i.owners.join('、'), i.leaders.join('、'), i.units.join('、'), i.due, String(i.dueStated), i.completed, i.state, i.daysLate, i.count, i.required]);
    ctx.io.stdout(renderLocalizedCsv(header, rows, ctx.msg));
    return EXIT.ok;
  }
  const columns: Column[] = [
    { header: msg.col.id },
    { header: msg.col.title, flex: true },
    { header: msg.col.owner, flex: true },
    { header: msg.col.due },
    { header: msg.col.state },
    { header: msg.col.days, align: 'right' },
  ];
  if (options.format === 'markdown') {
    const rows = items.map((i) => [i.id, formatItemTitle(i), responsibleOf(i).join('、') || msg.unassigned, formatDue(i), msg.state[i.state]! + recordedStatus(i, msg), lateOrLeft(i)]);
    ctx.io.stdout(renderMarkdownTable(columns, rows) + '\n');
    return EXIT.ok;
  }
  const rows = items.map((i) => [i.id, formatItemTitle(i), formatOwners(i, msg), formatDue(i), formatState(i, msg, c) + recordedStatus(i, msg), lateOrLeft(i)]);
  ctx.io.stdout(wrapLines(renderTable(columns, rows, ctx.fit) + '\n' + msg.tasksFooter(items.length, asOf), ctx.fit.width) + '\n');
  return EXIT.ok;
}

/**
 * The task's recorded status beside an item's state, where the state does not already say it: a task
 * being worked on is still "not yet due" or "overdue" by its date (未到期（进行中）).
 */
function recordedStatus(item: ItemAt, msg: Messages): string {
  const open = item.state === 'overdue' || item.state === 'due_soon' || item.state === 'open';
  return open && item.taskStatus === 'doing' ? msg.recordedStatusSuffix(msg.taskStatus.doing!) : '';
}

/** --status words (codes or Chinese: 逾期,即将到期) and --overdue, as the states and task statuses they select. */
function parseStates(ctx: Context, value: string | undefined, overdue: boolean): Pick<ItemFilter, 'states' | 'taskStatuses'> {
  const states = new Set<ItemState>(overdue ? ['overdue'] : []);
  const taskStatuses = new Set<TaskStatus>();
  if (value !== undefined) {
    const parsed = parseStateWords(value);
    if (!parsed.ok) throw new PlanError(ctx.msg.badStatusOption(parsed.word, stateWordsHint(ctx)));
    for (const state of parsed.selection.states) states.add(state);
    for (const status of parsed.selection.taskStatuses) taskStatuses.add(status);
  }
  return { ...(states.size > 0 && { states: [...states] }), ...(taskStatuses.size > 0 && { taskStatuses: [...taskStatuses] }) };
}

function stateWordsHint(ctx: Context): string {
  return ctx.lang === 'zh' ? STATE_WORDS_ZH.join('、') : STATE_CODES.join(', ');
}
