import { isSeq, Scalar, type Document } from 'yaml';
import type { Context } from '../context.js';
import { fileOfKind, locateTarget } from '../edit/address.js';
import { runEdit } from '../edit/session.js';
import { appendTo, deleteKey, mapAt, setKey, ENTERPRISE_ORDER, TARGET_ORDER, TOWN_ORDER } from '../edit/yaml-edit.js';
import { PlanError, type ExitCode } from '../errors.js';
import { parseNumberInput } from '../input/numbers.js';
import { monthOf, type IsoDate } from '../model/dates.js';
import { fractionDigits, MAX_SIGNIFICANT_DIGITS, significantDigits } from '../model/figures.js';
import type { Plan, Target, Town } from '../model/plan.js';
import { closest, monthInput, numberInput, recordingDate } from './shared.js';
import { unitsOf } from '../compute/targets.js';
import { nameKey } from '../model/names.js';

export interface RecordOptions {
  on?: string;
  force: boolean;
  dryRun: boolean;
}

/**
 * `plan certify ENTERPRISE`: records that an enterprise reached standardization. Only what is
 * asked changes: a recorded expiry month stays unless --expires replaces it or --no-expires clears it.
 */
export function certify(ctx: Context, query: string, options: RecordOptions & { expires?: string | false }): Promise<ExitCode> {
  return runEdit(ctx, options.dryRun, (plan, loaded) => {
    const byId = plan.enterprises.findIndex((e) => e.id === query.toUpperCase());
    const byName = plan.enterprises.flatMap((e, i) => (e.name === query ? [i] : []));
    const index = byId >= 0 ? byId : byName.length === 1 ? byName[0]! : -1;
    if (index < 0) {
      const partial = plan.enterprises.filter((e) => e.name.includes(query)).map((e) => `${e.id} ${e.name}`);
      const near = partial.length > 0 ? partial.slice(0, 5) : closest(query, plan.enterprises.map((e) => `${e.id} ${e.name}`));
      throw new PlanError(byName.length > 1 ? ctx.msg.ambiguousEnterprise(query, near.join('；')) : ctx.msg.unknownEnterprise(query, near.join('；')));
    }
    const enterprise = plan.enterprises[index]!;
    const label = `${enterprise.id} ${enterprise.name}`;
    const date = recordingDate(ctx, plan, options, plan.period.start, label, true);
    const expires = typeof options.expires === 'string' ? monthInput(ctx, '--expires', options.expires, plan.period) : options.expires;
    if (typeof expires === 'string' && expires < monthOf(date)) throw new PlanError(ctx.msg.expiresBeforeCertified(expires, date));
    const kept = expires === undefined ? enterprise.expires : undefined;
    if (kept !== undefined && kept < monthOf(date)) throw new PlanError(ctx.msg.keptExpiryBeforeCertified(label, kept, date));
    const file = fileOfKind(loaded, 'enterprises')!;
    const after = typeof expires === 'string' ? expires : kept;
    return {
      file,
      summary: ctx.msg.recordedCertified(label, date, after ?? null, file.path),
      change: (doc) => {
        const map = mapAt(doc, ['enterprises', index]);
        setKey(map, 'status', 'certified', ENTERPRISE_ORDER);
        if (typeof expires === 'string') setKey(map, 'expires', expires, ENTERPRISE_ORDER);
        else if (expires === false) deleteKey(map, 'expires');
        setKey(map, 'certified_on', date, ENTERPRISE_ORDER);
      },
    };
  });
}

/** `plan target TARGET-ID VALUE`: records a measured figure for a target, exactly as typed. */
export function target(ctx: Context, targetId: string, value: string, options: RecordOptions & { note?: string; unit?: string }): Promise<ExitCode> {
  return runEdit(ctx, options.dryRun, (plan, loaded) => {
    const asked = targetId.toUpperCase();
    const named = targetById(plan, asked);
    if (!named) throw new PlanError(ctx.msg.unknownTarget(targetId));
    // A target stated twice keeps its figures under the one it names.
    const id = named.same_as ?? asked;
    const location = locateTarget(plan, loaded, id);
    const found = targetById(plan, id);
    if (!location || !found) throw new PlanError(ctx.msg.unknownTarget(targetId));
    const figure = figureInput(ctx, id, `<${ctx.msg.cli.placeholders.value ?? 'value'}>`, value, false);
    const unit = unitOfFigure(ctx, plan, found, options.unit);
    const date = recordingDate(ctx, plan, options, plan.period.start, id);
    return {
      changes: [
        {
          file: location.file,
          change: (doc: Document) => {
            const node = new Scalar(figure.value);
            // 72.50 is written back as 72.50, not 72.5: the file holds what was typed.
            if (fractionDigits(figure.text) > 0) node.minFractionDigits = fractionDigits(figure.text);
            appendTo(doc, mapAt(doc, location.path), 'actuals', { date, ...(unit !== undefined && { for: unit }), value: node, ...(options.note !== undefined && { note: options.note }) }, TARGET_ORDER);
          },
        },
      ],
      summary: [
        ...(id !== asked ? [ctx.msg.recordedUnder(asked, id)] : []),
        ctx.msg.recordedFigure(unit === undefined ? id : `${id} ${unit}`, figure.text, date, location.file.path),
        ctx.msg.targetReading(found, figure.value),
      ],
    };
  });
}

/** The unit a figure is for: required, and one of its units, on a per-unit target; refused on any other. */
function unitOfFigure(ctx: Context, plan: Plan, target: Target, typed: string | undefined): string | undefined {
  if (target.per_unit === undefined) {
    if (typed !== undefined) throw new PlanError(ctx.msg.unitNotNeeded(target.id));
    return undefined;
  }
  const units = unitsOf(target.per_unit, plan);
  if (typed === undefined) throw new PlanError(ctx.msg.unitNeeded(target.id, units.slice(0, 3).join('、') + (units.length > 3 ? '…' : '')));
  const name = units.find((u) => nameKey(u) === nameKey(typed.trim()));
  if (name === undefined) throw new PlanError(ctx.msg.unitNotListed(typed, target.id, closest(typed, units).join('、')));
  return name;
}

function targetById(plan: Plan, id: string): Target | undefined {
  for (const domain of plan.domains) {
    const goal = domain.targets.find((t) => t.id === id);
    if (goal) return goal;
    for (const task of domain.tasks) {
      const own = task.targets?.find((t) => t.id === id);
      if (own) return own;
    }
  }
  return undefined;
}

/**
 * A figure typed on the command line (in any form the number parser takes: full-width digits …),
 * refused when the file could not hold it exactly: more than 15 significant digits, or so small
 * that it would be written with an exponent. Counts are whole and not negative.
 */
export function figureInput(ctx: Context, item: string, flag: string, typed: string, count: boolean): { value: number; text: string } {
  const options = { decimals: !count, negative: !count };
  const parsed = parseNumberInput(typed, options);
  if (parsed.ok && significantDigits(parsed.text) > MAX_SIGNIFICANT_DIGITS) {
    throw new PlanError(ctx.msg.figureNotExact(item, flag, typed, MAX_SIGNIFICANT_DIGITS));
  }
  const value = numberInput(ctx, flag, typed, options);
  if (!parsed.ok || String(value).includes('e')) throw new PlanError(ctx.msg.badFigureOption(item, flag, typed));
  return { value, text: parsed.text };
}

export interface TownFigures {
  achieved: string;
  aboveScale?: string;
}

/** A town's figures checked as counts, above-scale never more than the total. */
export function townEntry(
  ctx: Context,
  town: string,
  date: IsoDate,
  figures: TownFigures,
  flags: { achieved: string; aboveScale: string } = { achieved: '--achieved', aboveScale: '--above-scale' },
): { date: IsoDate; achieved_total: number; achieved_above_scale?: number } {
  const total = figureInput(ctx, town, flags.achieved, figures.achieved, true).value;
  const aboveScale = figures.aboveScale === undefined ? undefined : figureInput(ctx, town, flags.aboveScale, figures.aboveScale, true).value;
  if (aboveScale !== undefined && aboveScale > total) throw new PlanError(ctx.msg.aboveScaleOverAchieved(town, aboveScale, total));
  return { date, achieved_total: total, ...(aboveScale !== undefined && { achieved_above_scale: aboveScale }) };
}

/**
 * A count of standardized enterprises only grows: one below the town's record of an earlier date
 * (9 on 06-30, then 5 on 07-01) is most often a slip, and is refused unless --force says it is meant.
 */
export function refuseFallingCount(ctx: Context, town: Town, entry: ReturnType<typeof townEntry>, force: boolean): void {
  if (force) return;
  const earlier = (town.progress ?? []).filter((p) => p.date < entry.date).at(-1);
  if (earlier === undefined) return;
  if (entry.achieved_total < earlier.achieved_total) throw new PlanError(ctx.msg.townCountFalls(town.name, entry.date, entry.achieved_total, earlier.date, earlier.achieved_total));
  const above = entry.achieved_above_scale;
  if (above !== undefined && earlier.achieved_above_scale !== undefined && above < earlier.achieved_above_scale) {
    throw new PlanError(ctx.msg.townCountFalls(town.name, entry.date, above, earlier.date, earlier.achieved_above_scale));
  }
}

/**
 * The change recording a town's entry: a record of the same date is replaced (the caller has made
 * sure --force allows it), a new one goes in date order so the list stays oldest first.
 */
export function townChange(index: number, town: Town, entry: ReturnType<typeof townEntry>): (doc: Document) => void {
  return (doc) => {
    const map = mapAt(doc, ['towns', index]);
    const progress = town.progress ?? [];
    const same = progress.findIndex((p) => p.date === entry.date);
    if (same >= 0) {
      const record = mapAt(doc, ['towns', index, 'progress', same]);
      setKey(record, 'achieved_total', entry.achieved_total, ['date', 'achieved_total', 'achieved_above_scale']);
      if (entry.achieved_above_scale !== undefined) setKey(record, 'achieved_above_scale', entry.achieved_above_scale, ['date', 'achieved_total', 'achieved_above_scale']);
      else deleteKey(record, 'achieved_above_scale');
      return;
    }
    const later = progress.findIndex((p) => p.date > entry.date);
    const list = map.get('progress', true);
    if (later >= 0 && isSeq(list)) list.items.splice(later, 0, doc.createNode(entry));
    else appendTo(doc, map, 'progress', entry, TOWN_ORDER);
  };
}

/** `plan town TOWN --achieved N`: records a town's standardization progress. */
export function town(ctx: Context, name: string, options: RecordOptions & TownFigures): Promise<ExitCode> {
  return runEdit(ctx, options.dryRun, (plan, loaded) => {
    const index = plan.towns.findIndex((t) => t.name === name);
    if (index < 0) throw new PlanError(ctx.msg.unknownTownName(name, closest(name, plan.towns.map((t) => t.name)).join('、')));
    const town = plan.towns[index]!;
    const date = recordingDate(ctx, plan, options, plan.period.start, name);
    const entry = townEntry(ctx, name, date, options);
    const previous = town.progress?.find((p) => p.date === date);
    if (previous && !options.force) throw new PlanError(ctx.msg.townRecordExists(name, date, previous.achieved_total));
    refuseFallingCount(ctx, town, entry, options.force);
    const file = fileOfKind(loaded, 'towns')!;
    const summary = previous
      ? ctx.msg.replacedTown(name, String(entry.achieved_total), date, previous.achieved_total, file.path)
      : ctx.msg.recordedTown(name, String(entry.achieved_total), date, file.path);
    return { file, summary, change: townChange(index, town, entry) };
  });
}
