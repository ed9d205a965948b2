import type { Messages } from '../i18n/index.js';
import type { PathSegment, SourceFile } from '../load/source-file.js';
import { nameKey } from '../model/names.js';
import type { DomainFile, Target } from '../model/schema-types.js';
import type { Report } from './rules.js';

interface Placed {
  file: SourceFile;
  path: PathSegment[];
  target: Target;
}

/**
 * Rules about how targets relate: a target the same as another (same-target) names one that
 * exists, is not itself a copy, and states the same goal; it keeps no figures of its own. A
 * per-unit target (per-unit) lists towns or units people.yaml or towns.yaml know, and each of its
 * figures says which of them it is for; a figure of any other target says for nobody.
 */
export function targetRules(
  domains: readonly { file: SourceFile; data: DomainFile }[],
  towns: ReadonlySet<string> | undefined,
  units: ReadonlySet<string> | undefined,
  report: Report,
  msg: Messages,
): void {
  const placed: Placed[] = [];
  for (const { file, data } of domains) {
    data.targets?.forEach((target, i) => placed.push({ file, path: ['targets', i], target }));
    data.tasks.forEach((task, i) => task.targets?.forEach((target, t) => placed.push({ file, path: ['tasks', i, 'targets', t], target })));
  }
  const byId = new Map(placed.map((p) => [p.target.id, p.target]));
  for (const { file, path, target } of placed) {
    if (target.same_as !== undefined) sameTarget(file, path, target, byId.get(target.same_as), report, msg);
    if (target.per_unit !== undefined) perUnit(file, path, target, towns, units, report, msg);
    else target.actuals?.forEach((a, k) => a.for !== undefined && report(file, [...path, 'actuals', k, 'for'], 'per-unit', msg.figureForUnitNotPerUnit(target.id)));
  }
}

function sameTarget(file: SourceFile, path: PathSegment[], target: Target, other: Target | undefined, report: Report, msg: Messages): void {
  const at = [...path, 'same_as'];
  if (other === undefined || other === target) return report(file, at, 'same-target', msg.sameAsUnknown(target.same_as!));
  if (other.same_as !== undefined) return report(file, at, 'same-target', msg.sameAsChain(other.id, other.same_as));
  const goal = (t: Target) => `${t.direction} ${t.value ?? ''} ${t.unit ?? ''}`;
  if (goal(target) !== goal(other) || (target.per_unit === undefined) !== (other.per_unit === undefined)) {
    report(file, at, 'same-target', msg.sameAsDiffers(other.id, goal(other).trim(), goal(target).trim()));
  }
  if (target.actuals !== undefined && target.actuals.length > 0) report(file, [...path, 'actuals'], 'same-target', msg.sameAsFigures(other.id));
}

function perUnit(file: SourceFile, path: PathSegment[], target: Target, towns: ReadonlySet<string> | undefined, units: ReadonlySet<string> | undefined, report: Report, msg: Messages): void {
  const list = target.per_unit === 'towns' ? [...(towns ?? [])] : (target.per_unit ?? []);
  if (Array.isArray(target.per_unit)) {
    target.per_unit.forEach((name, k) => {
      const known = towns?.has(nameKey(name)) || units?.has(nameKey(name));
      if (!known && towns !== undefined && units !== undefined) report(file, [...path, 'per_unit', k], 'per-unit', msg.perUnitUnknown(name));
    });
  }
  const listed = new Set(list.map(nameKey));
  target.actuals?.forEach((a, k) => {
    if (a.for === undefined) report(file, [...path, 'actuals', k], 'per-unit', msg.perUnitFigureWithoutUnit(target.id));
    else if (!listed.has(nameKey(a.for))) report(file, [...path, 'actuals', k, 'for'], 'per-unit', msg.perUnitFigureOther(a.for, target.id));
  });
}
