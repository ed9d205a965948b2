import { closest } from '../compute/closest.js';
import { relative } from 'node:path';
import { ownersMeant } from '../compute/filter.js';
import type { Context } from '../context.js';
import { EXIT, PlanError } from '../errors.js';
import { cacheEntry, readCache } from '../load/cache.js';
import { hasJournal, readFolder } from '../load/read-folder.js';
import { parseDateInput, parseMonthInput, type DateProblem, type Period } from '../input/dates.js';
import { parseNumberInput } from '../input/numbers.js';
import { matchDomains, ownerName } from '../input/words.js';
import { todayIn, type IsoDate } from '../model/dates.js';
import { DEFAULT_TIMEZONE, type Plan } from '../model/plan.js';

/**
 * Loads and validates the data folder; a folder with errors stops the command with exit 1.
 * A plan built from exactly the same bytes before is taken from the cache instead, and then the
 * parsers and validators are never loaded.
 *
 * Reports never print a task's full text or a domain's goals, so by default they get a plan
 * without them (text '' and no goals), which is a third of the size to cache and read back.
 * `plan export` asks for the full text.
 */
export async function loadPlan(ctx: Context, options: { fullText: boolean } = { fullText: false }): Promise<Plan> {
  await undoInterruptedEdit(ctx);
  const raw = readFolder(ctx.dataDir, ctx.msg, relative(ctx.io.cwd, ctx.dataDir) || '.');
  const entry = cacheEntry(raw, options.fullText ? 'plan' : 'plan-without-text', ctx.io.env);
  const cached = readCache<Plan>(entry);
  if (cached) return cached;
  if (entry?.untrusted !== undefined) ctx.io.stderr(`plan: ${ctx.msg.cacheUntrusted(entry.untrusted)}\n`);
  const [{ parseFolder }, { countBySeverity, validateFolder }, { buildPlan }, { renderDiagnosticsText }, { writeCache }] = await Promise.all([
    import('../load/load-folder.js'),
    import('../validate/index.js'),
    import('../model/plan.js'),
    import('../render/diagnostics.js'),
    import('../load/cache-write.js'),
  ]);
  const loaded = parseFolder(raw, ctx.msg);
  const diagnostics = validateFolder(loaded, ctx.msg, { warnings: false });
  if (countBySeverity(diagnostics).errors > 0) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    ctx.io.stderr(renderDiagnosticsText(errors, loaded.files.length, ctx.msg, ctx.colors));
    throw new PlanError(ctx.msg.fixDataFirst, EXIT.dataProblems);
  }
  const built = buildPlan(loaded.files);
  const plan = options.fullText ? built : withoutText(built);
  if (entry?.untrusted === undefined) writeCache(entry, plan);
  return plan;
}

/** An edit cut short (killed between two files) is undone before anything is read (see edit/journal.ts). */
export async function undoInterruptedEdit(ctx: Context): Promise<void> {
  if (!hasJournal(ctx.dataDir)) return;
  const { undoInterruptedEditBeforeReading } = await import('../edit/session.js');
  await undoInterruptedEditBeforeReading(ctx);
}

function withoutText(plan: Plan): Plan {
  return { ...plan, domains: plan.domains.map((d) => ({ ...d, goals: [], tasks: d.tasks.map((t) => ({ ...t, text: '' })) })) };
}

/** --as-of, or today in the plan's time zone (not the machine's). */
export function asOfDate(ctx: Context, plan: Plan, option: string | undefined): IsoDate {
  if (option === undefined) return todayIn(plan.timezone, ctx.io.now());
  return dateInput(ctx, '--as-of', option, plan.period);
}

/**
 * The date an edit records: --on, or today in the plan's time zone. Without --force it must lie in
 * the plan period, not in the future, and not before `earliest` (the start of an occurrence).
 * `item` names what is being recorded, for the refusal.
 */
export function recordingDate(ctx: Context, plan: Plan, options: { on?: string; force: boolean }, earliest: IsoDate, item: string, earlierAllowed = false): IsoDate {
  const today = todayIn(plan.timezone, ctx.io.now());
  const date = options.on === undefined ? today : dateInput(ctx, '--on', options.on, plan.period);
  // A record counts in the plan's year (rule outside-period); only a certificate may come from before it.
  if (!inPlanPeriod(plan, date) && !(earlierAllowed && options.force && date < plan.period.start)) {
    throw new PlanError(earlierAllowed ? ctx.msg.dateOutsidePlan(item, date, plan.period.start, plan.period.end) : ctx.msg.recordOutsidePlan(item, date, plan.period.start, plan.period.end));
  }
  if (options.force) return date;
  if (date > today) throw new PlanError(ctx.msg.dateInFuture(item, date, today));
  if (date < earliest) throw new PlanError(ctx.msg.dateBeforeItem(item, date, earliest));
  return date;
}

/** Whether a date lies in the plan period (both ends included): the range a record's date may take without --force. */
export function inPlanPeriod(plan: Pick<Plan, 'period'>, date: IsoDate): boolean {
  return date >= plan.period.start && date <= plan.period.end;
}

/** An optional date option, in any form `parseDateInput` takes. */
export function dateOption(ctx: Context, name: string, value: string | undefined, period: Period): IsoDate | undefined {
  return value === undefined ? undefined : dateInput(ctx, name, value, period);
}

/** A leap year that stands in for the plan's period while the plan is not read yet. */
const SYNTAX_PERIOD: Period = { start: '2000-01-01', end: '2000-12-31' };

/**
 * Checks a date or month option before the plan (and its period) is read: every mistake but one
 * that depends on the year (2月29日) is found. A leap year stands in for the period's.
 */
export function checkDateSyntax(ctx: Context, name: string, value: string | undefined, kind: 'date' | 'month'): void {
  if (value === undefined) return;
  if (kind === 'date') dateInput(ctx, name, value, SYNTAX_PERIOD);
  else monthInput(ctx, name, value, SYNTAX_PERIOD);
}

/** A date typed on the command line as YYYY-MM-DD, or an error naming the option and the problem. */
export function dateInput(ctx: Context, name: string, value: string, period: Period): IsoDate {
  const parsed = parseDateInput(value, period);
  if (parsed.ok) return parsed.date;
  throw new PlanError(dateProblem(ctx, name, value, parsed, () => ctx.msg.badDateOption(name, value, exampleYear(ctx, period))));
}

/** The year the examples of a message are written in: the plan's, or this year's before the plan is read. */
function exampleYear(ctx: Context, period: Period): number {
  return period === SYNTAX_PERIOD ? Number(todayIn(DEFAULT_TIMEZONE, ctx.io.now()).slice(0, 4)) : Number(period.end.slice(0, 4));
}

/** A month typed on the command line as YYYY-MM, or an error naming the option and the problem. */
export function monthInput(ctx: Context, name: string, value: string, period: Period): string {
  const parsed = parseMonthInput(value, period);
  if (parsed.ok) return parsed.month;
  throw new PlanError(dateProblem(ctx, name, value, parsed, () => ctx.msg.badMonthOption(name, value, exampleYear(ctx, period))));
}

function dateProblem(ctx: Context, name: string, value: string, problem: DateProblem, badForm: () => string): string {
  switch (problem.problem) {
    case 'no-such-day':
      return ctx.msg.noSuchDay(name, value, problem.year, problem.month, problem.days);
    case 'no-such-month':
      return ctx.msg.noSuchMonth(name, value, problem.month);
    case 'form':
      return badForm();
  }
}

export function positiveInteger(ctx: Context, name: string, value: string | undefined, fallback: number): number {
  return value === undefined ? fallback : numberInput(ctx, name, value, { decimals: false, negative: false });
}

/** A number typed on the command line, or an error saying what to write instead. */
export function numberInput(ctx: Context, name: string, value: string, options: { decimals: boolean; negative: boolean }): number {
  const parsed = parseNumberInput(value, options);
  if (parsed.ok) return parsed.value;
  const { msg } = ctx;
  switch (parsed.problem) {
    case 'percent':
      throw new PlanError(msg.percentInNumber(name, value, parsed.bare!));
    case 'separator':
      throw new PlanError(msg.separatorInNumber(name, value, parsed.bare!));
    case 'negative':
      throw new PlanError(msg.negativeNumber(name, value));
    default:
      throw new PlanError(options.decimals ? msg.badDecimalOption(name, value) : msg.badNumberOption(name, value));
  }
}

/**
 * Checks --domain, --owner and --unit against the plan, so a typo is an error rather than an empty
 * report, and returns them as the filters take them: the domain's id, "unassigned" for 未明确.
 */
export function checkFilters<F extends { domain?: string; owner?: string; unit?: string }>(ctx: Context, plan: Plan, filter: F): F {
  const resolved = { ...filter };
  if (filter.domain !== undefined) {
    const found = matchDomains(plan.domains, filter.domain);
    if (found.length === 0) throw new PlanError(ctx.msg.unknownDomain(filter.domain, plan.domains.map((d) => d.id).join(', ')));
    if (found.length > 1) throw new PlanError(ctx.msg.ambiguousDomain(filter.domain, found.map((d) => `${d.id} ${d.title}`).join('；')));
    resolved.domain = found[0]!.id;
  }
  if (filter.owner !== undefined) resolved.owner = ownerOrUnit(ctx, plan, ownerName(filter.owner));
  if (filter.unit !== undefined) resolved.unit = ownerOrUnit(ctx, plan, filter.unit);
  return resolved;
}

/** The one person or unit a name means: an alias gives its unit; a combined name, an unknown name are refused. */
function ownerOrUnit(ctx: Context, plan: Plan, name: string): string {
  let meant = ownersMeant(plan, name);
  if (meant === undefined) {
    const names = [...plan.people.map((p) => p.name), ...Object.keys(plan.unitIndex)];
    // 水利局 for 区水利局: a part of one name only is that name (and says so).
    const part = name.trim();
    const holding = part.length >= 2 ? [...new Set(names.filter((n) => n.includes(part)).flatMap((n) => ownersMeant(plan, n) ?? []))] : [];
    if (holding.length === 1) {
      ctx.io.stderr(`plan: ${ctx.msg.ownerByPart(part, holding[0]!)}\n`);
      meant = holding;
    } else if (holding.length > 1) throw new PlanError(ctx.msg.ownerPartAmbiguous(part, holding.join('、')));
    else throw new PlanError(ctx.msg.unknownOwner(name, closest(name, names).join('、')));
  }
  if (meant.length !== 1) throw new PlanError(ctx.msg.combinedOwner(name, meant.join('、')));
  return meant[0]!;
}

export { closest };
