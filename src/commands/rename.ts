import { isMap, isScalar, isSeq, type Document } from 'yaml';
import type { Context } from '../context.js';
import { fileOfKind } from '../edit/address.js';
import { runEdit } from '../edit/session.js';
import { PlanError, type ExitCode } from '../errors.js';
import type { PathSegment, SourceFile } from '../load/source-file.js';
import type { DomainFile, PeopleFile } from '../model/schema-types.js';
import { closest } from './shared.js';

export type RenameKind = 'person' | 'unit';

/** Where a name is used: the list (or mapping) holding it and the key or index under it. */
interface Use {
  file: SourceFile;
  path: PathSegment[];
}

/**
 * `plan rename person|unit OLD NEW`: renames a person or unit in people.yaml and every reference
 * to it (task owners and leaders, task units, a person's unit, a target's units and their figures)
 * in one edit: every file or none.
 * Only the scalars holding the name change, so `git diff` shows exactly those lines.
 */
export function rename(ctx: Context, kind: RenameKind, from: string, to: string, options: { dryRun: boolean }): Promise<ExitCode> {
  return runEdit(ctx, options.dryRun, (plan, loaded) => {
    const people = fileOfKind(loaded, 'people');
    if (!people) throw new PlanError(ctx.msg.renameNoPeople);
    const data = people.data as PeopleFile;
    const declared = kind === 'person' ? declaredPerson(data, from) : declaredUnit(data, from);
    if (declared === undefined) {
      const names = kind === 'person' ? data.people.map((e) => e.name) : data.units.flatMap((u) => [u.name, ...(u.aliases ?? [])]);
      throw new PlanError(ctx.msg.renameUnknown(kind, from, closest(from, names).join('、')));
    }
    const taken = [...plan.people.map((p) => p.name), ...Object.keys(plan.unitIndex)];
    if (to.trim() === '' || to !== to.trim()) throw new PlanError(ctx.msg.renameBadName(to));
    if (to === from || taken.includes(to)) throw new PlanError(ctx.msg.renameTaken(to));

    const uses: Use[] = [{ file: people, path: declared }];
    if (kind === 'unit') {
      data.people.forEach((p, i) => p.unit === from && uses.push({ file: people, path: ['people', i, 'unit'] }));
      // A combined name's members name units too.
      data.units.forEach((u, i) => u.members?.forEach((m, k) => m === from && uses.push({ file: people, path: ['units', i, 'members', k] })));
    }
    for (const file of loaded.files.filter((f) => f.kind === 'domain')) {
      const domain = file.data as DomainFile;
      domain.tasks.forEach((task, t) => {
        const keys = kind === 'person' ? (['owners', 'leaders'] as const) : (['units'] as const);
        for (const key of keys) task[key]?.forEach((name, k) => name === from && uses.push({ file, path: ['tasks', t, key, k] }));
      });
      if (kind !== 'unit') continue;
      // A target set per unit names the unit in per_unit, and its figures in actuals' for.
      const perUnit = (target: TargetEntry, at: PathSegment[]) => {
        if (Array.isArray(target.per_unit)) target.per_unit.forEach((name, k) => name === from && uses.push({ file, path: [...at, 'per_unit', k] }));
        target.actuals?.forEach((a, k) => a.for === from && uses.push({ file, path: [...at, 'actuals', k, 'for'] }));
      };
      domain.targets?.forEach((target, i) => perUnit(target, ['targets', i]));
      domain.tasks.forEach((task, t) => task.targets?.forEach((target, i) => perUnit(target, ['tasks', t, 'targets', i])));
    }
    const files = new Set(uses.map((u) => u.file.path));
    return {
      changes: uses.map(({ file, path }) => ({ file, change: (doc: Document) => renameScalar(doc, path, to) })),
      summary: [ctx.msg.renamed(kind, from, to, uses.length - 1, files.size)],
    };
  });
}

type TargetEntry = NonNullable<DomainFile['targets']>[number];

/** Where people.yaml declares a person's name, or undefined. */
function declaredPerson(data: PeopleFile, name: string): PathSegment[] | undefined {
  const index = data.people.findIndex((p) => p.name === name);
  return index < 0 ? undefined : ['people', index, 'name'];
}

/** Where people.yaml declares a unit's name or one of its aliases, or undefined. */
function declaredUnit(data: PeopleFile, name: string): PathSegment[] | undefined {
  for (const [i, unit] of data.units.entries()) {
    if (unit.name === name) return ['units', i, 'name'];
    const alias = unit.aliases?.indexOf(name) ?? -1;
    if (alias >= 0) return ['units', i, 'aliases', alias];
  }
  return undefined;
}

/** Changes the value of the scalar at `path`, keeping its quoting and comments. */
function renameScalar(doc: Document, path: PathSegment[], to: string): void {
  const parent = doc.getIn(path.slice(0, -1), true);
  const key = path[path.length - 1]!;
  const node = isMap(parent) || isSeq(parent) ? parent.get(key, true) : undefined;
  if (!isScalar(node)) throw new Error(`no scalar at ${path.join('/')}`);
  node.value = to;
}
