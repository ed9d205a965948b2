import { relative } from 'node:path';
import { findDomain, isKnownOwner } from '../compute/filter.js';
import type { Context } from '../context.js';
import { EXIT, PlanError } from '../errors.js';
import { cacheEntry, readCache, writeCache } from '../load/cache.js';
import { readFolder } from '../load/read-folder.js';
import { isCalendarDate, todayIn, type IsoDate } from '../model/dates.js';
import type { Plan } from '../model/plan.js';

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
  const raw = readFolder(ctx.dataDir, ctx.msg, relative(ctx.io.cwd, ctx.dataDir) || '.');
  const entry = cacheEntry(raw, options.fullText ? 'plan' : 'plan-without-text', ctx.io.env);
  const cached = readCache<Plan>(entry);
  if (cached) return cached;
  const [{ parseFolder }, { countBySeverity, validateFolder }, { buildPlan }, { renderDiagnosticsText }] = await Promise.all([
    import('../load/load-folder.js'),
    import('../validate/index.js'),
    import('../model/plan.js'),
    import('../render/diagnostics.js'),
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
  writeCache(entry, plan);
  return plan;
}

function withoutText(plan: Plan): Plan {
  return { ...plan, domains: plan.domains.map((d) => ({ ...d, goals: [], tasks: d.tasks.map((t) => ({ ...t, text: '' })) })) };
}

/** --as-of, or today in the plan's time zone (not the machine's). */
export function asOfDate(ctx: Context, plan: Plan, option: string | undefined): IsoDate {
  if (option === undefined) return todayIn(plan.timezone, ctx.io.now());
  if (!isCalendarDate(option)) throw new PlanError(ctx.msg.badDateOption('--as-of', option));
  return option;
}

/**
 * The date an edit records: --on, or today in the plan's time zone. Without --force it may be
 * neither in the future nor before `earliest` (the plan's start, or the start of an occurrence).
 */
export function recordingDate(ctx: Context, plan: Plan, options: { on?: string; force: boolean }, earliest: IsoDate): IsoDate {
  const today = todayIn(plan.timezone, ctx.io.now());
  const date = options.on ?? today;
  if (!isCalendarDate(date)) throw new PlanError(ctx.msg.badDateOption('--on', date));
  if (!options.force && date > today) throw new PlanError(ctx.msg.dateInFuture(date, today));
  if (!options.force && date < earliest) throw new PlanError(ctx.msg.dateBeforeItem(date, earliest));
  return date;
}

export function dateOption(ctx: Context, name: string, value: string | undefined): IsoDate | undefined {
  if (value !== undefined && !isCalendarDate(value)) throw new PlanError(ctx.msg.badDateOption(name, value));
  return value;
}

export function positiveInteger(ctx: Context, name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new PlanError(ctx.msg.badNumberOption(name, value));
  return Number(value);
}

/** Checks --domain and --owner against the plan, so a typo is an error rather than an empty report. */
export function checkFilters(ctx: Context, plan: Plan, filter: { domain?: string; owner?: string; unit?: string }): void {
  if (filter.domain !== undefined && !findDomain(plan, filter.domain)) {
    throw new PlanError(ctx.msg.unknownDomain(filter.domain, plan.domains.map((d) => d.id).join(', ')));
  }
  for (const name of [filter.owner, filter.unit]) {
    if (name !== undefined && !isKnownOwner(plan, name)) {
      const names = [...plan.people.map((p) => p.name), ...plan.units.map((u) => u.name)];
      throw new PlanError(ctx.msg.unknownOwner(name, closest(name, names).join('、')));
    }
  }
}

/** Up to three names that share the most characters with the query. */
export function closest(query: string, names: readonly string[]): string[] {
  const chars = new Set(query);
  return names
    .map((name) => ({ name, score: [...new Set(name)].filter((ch) => chars.has(ch)).length }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((x) => x.name);
}
