import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isMap, isScalar, isSeq, type Document, type YAMLMap } from 'yaml';
import type { Context } from '../context.js';
import { undoInterruptedEdit } from './shared.js';
import { deleteKey, setKey, stringifyLike, TASK_ORDER } from '../edit/yaml-edit.js';
import { EXIT, PlanError, shownPath, type ExitCode } from '../errors.js';
import { loadFolder } from '../load/load-folder.js';
import { documentOf, type SourceFile } from '../load/source-file.js';
import { statusNow } from '../model/history.js';
import type { Task } from '../model/schema-types.js';
import type { RolloverSummary } from '../i18n/en.js';
import { countBySeverity, validateFolder } from '../validate/index.js';
import { schemasDir } from './init.js';

export interface RolloverOptions {
  to: string;
  out?: string;
  keepTasks: boolean;
  dryRun: boolean;
}

/**
 * `plan rollover --to YEAR`: next year's data folder from this year's. People, units, towns, the
 * roster and its certificates are kept; every record of this year (completions, changes of status,
 * notes, season dates, town figures and targets, target figures) is cleared. Unfinished tasks are
 * carried over (`carried_from`), without a deadline until the new notice sets one; with
 * --keep-tasks every task is kept, its stated deadlines and milestones moved into the new year.
 * This year's folder is only read.
 */
export async function rollover(ctx: Context, options: RolloverOptions): Promise<ExitCode> {
  if (!/^\d{4}$/.test(options.to)) throw new PlanError(ctx.msg.badYear(options.to));
  await undoInterruptedEdit(ctx);
  // Paths within the folder ('.'), as the files are written under the new one.
  const loaded = loadFolder(ctx.dataDir, ctx.msg, '.');
  if (countBySeverity(validateFolder(loaded, ctx.msg, { warnings: false })).errors > 0) throw new PlanError(ctx.msg.fixBeforeRollover, EXIT.dataProblems);
  const planFile = loaded.files.find((f) => f.kind === 'plan')!;
  const from = Number((planFile.data as { period: { start: string } }).period.start.slice(0, 4));
  const to = Number(options.to);
  if (to <= from) throw new PlanError(ctx.msg.rolloverBackwards(to, from));
  const out = options.out === undefined ? `${ctx.dataDir.replace(/[\\/]+$/, '')}-${to}` : resolve(ctx.io.cwd, options.out);
  if (existsSync(out) && readdirSync(out).length > 0) throw new PlanError(ctx.msg.initNotEmpty(shownPath(ctx.io.cwd, out)));

  const summary: RolloverSummary = {
    kept: { people: 0, units: 0, towns: 0, enterprises: 0, certificates: 0 },
    cleared: { completions: 0, changes: 0, notes: 0, seasonDates: 0, townFigures: 0, townTargets: 0, targetFigures: 0 },
    carried: [],
    left: 0,
  };
  const shift = (date: string) => shiftYear(date, to - from);
  const written = loaded.files.map((file) => {
    const doc = documentOf(file).clone();
    if (file.kind === 'plan') rollPlan(doc, from, to, shift, summary);
    else if (file.kind === 'people') countPeople(file, summary);
    else if (file.kind === 'towns') rollTowns(doc, summary);
    else if (file.kind === 'enterprises') rollEnterprises(doc, summary);
    else rollDomain(doc, from, shift, options.keepTasks, summary);
    return { path: file.path, text: withModeline(stringifyLike(doc, file.text), join(ctx.dataDir, file.path), join(out, file.path)) };
  });

  ctx.io.stdout(ctx.msg.rolloverSummary(summary, from, to, shownPath(ctx.io.cwd, out), options.dryRun));
  if (options.dryRun) return EXIT.ok;
  for (const { path, text } of written) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), text, { flag: 'wx' });
  }
  return EXIT.ok;
}

/** A date moved by whole years; 29 February to the 28th in a year without it. */
export function shiftYear(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const rest = date.slice(4) === '-02-29' && !leap ? '-02-28' : date.slice(4);
  return `${year}${rest}`;
}

/** plan.yaml: the new period, the year in the title, no date of issue yet (the period's start stands in), seasons undated. */
function rollPlan(doc: Document, from: number, to: number, shift: (d: string) => string, summary: RolloverSummary): void {
  const root = doc.contents as YAMLMap;
  const period = root.get('period', true) as unknown as YAMLMap;
  for (const key of ['start', 'end']) setKey(period, key, shift(String(period.get(key))), []);
  const start = String(period.get('start'));
  const title = root.get('title');
  if (typeof title === 'string') setKey(root, 'title', title.replaceAll(String(from), String(to)), []);
  // The new notice's date is not known yet: counting starts with the period until it is entered.
  setKey(root, 'issued', start, []);
  deleteKey(root, 'count_from');
  const seasons = root.get('seasons', true);
  if (isSeq(seasons)) {
    for (const season of seasons.items) {
      if (!isMap(season)) continue;
      for (const key of ['from', 'to']) {
        if (season.has(key)) summary.cleared.seasonDates++;
        deleteKey(season, key);
      }
    }
  }
  const calendar = root.get('calendar', true);
  if (isSeq(calendar)) calendar.items = calendar.items.filter((day) => isMap(day) && String(day.get('date')) >= start);
}

function countPeople(file: SourceFile, summary: RolloverSummary): void {
  const data = file.data as { people: unknown[]; units: unknown[] };
  summary.kept.people = data.people.length;
  summary.kept.units = data.units.length;
}

/** towns.yaml: the towns kept; their targets and reported figures are this year's and are cleared. */
function rollTowns(doc: Document, summary: RolloverSummary): void {
  for (const town of listAt(doc, 'towns')) {
    summary.kept.towns++;
    const progress = town.get('progress', true);
    if (isSeq(progress)) summary.cleared.townFigures += progress.items.length;
    deleteKey(town, 'progress');
    for (const key of ['target_total', 'target_above_scale']) {
      const value = town.get(key);
      if (value !== null && value !== undefined) {
        summary.cleared.townTargets++;
        setKey(town, key, null, []);
      }
    }
  }
}

/** enterprises.yaml: the roster and its certificates kept (a certificate lasts three years); notes cleared. */
function rollEnterprises(doc: Document, summary: RolloverSummary): void {
  for (const enterprise of listAt(doc, 'enterprises')) {
    summary.kept.enterprises++;
    if (enterprise.get('status') === 'certified') summary.kept.certificates++;
    summary.cleared.notes += countItems(enterprise, 'notes');
    deleteKey(enterprise, 'notes');
  }
}

/**
 * A domain file: target figures and every record cleared; unfinished tasks carried over without a
 * deadline; with --keep-tasks every task kept, its stated deadlines moved into the new year.
 */
function rollDomain(doc: Document, from: number, shift: (d: string) => string, keepTasks: boolean, summary: RolloverSummary): void {
  const root = doc.contents as YAMLMap;
  summary.cleared.targetFigures += listItems(root, 'targets').reduce((n, target) => n + countItems(target, 'actuals'), 0);
  clearTargets(root);
  const tasks = root.get('tasks', true);
  if (!isSeq(tasks)) return;
  const kept: unknown[] = [];
  for (const node of tasks.items) {
    if (!isMap(node)) continue;
    const task = node.toJSON() as Task;
    const status = task.history?.length ? statusNow(task.history).status : (task.status ?? 'todo');
    const unfinished = status !== 'done' && status !== 'cancelled' && task.recurrence === undefined;
    // This year's records go, whether the task comes along or not.
    summary.cleared.completions += (task.completed !== undefined ? 1 : 0) + (task.milestones ?? []).filter((m) => m.completed !== undefined).length;
    summary.cleared.completions += Object.keys(task.recurrence?.done ?? {}).length;
    summary.cleared.changes += task.history?.length ?? 0;
    summary.cleared.notes += task.notes?.length ?? 0;
    summary.cleared.targetFigures += (task.targets ?? []).reduce((n, t) => n + (t.actuals?.length ?? 0), 0);
    if (!keepTasks && !unfinished) {
      summary.left++;
      continue;
    }
    for (const key of ['status', 'started', 'completed', 'history', 'notes', 'carried_from']) deleteKey(node, key);
    clearTargets(node);
    const recurrence = node.get('recurrence', true);
    if (isMap(recurrence)) {
      deleteKey(recurrence, 'done');
      deleteKey(recurrence, 'season');
    }
    if (keepTasks) {
      shiftDate(node, 'due', shift);
      const milestones = node.get('milestones', true);
      if (isSeq(milestones)) for (const m of milestones.items) if (isMap(m)) {
        shiftDate(m, 'due', shift);
        deleteKey(m, 'completed');
        deleteKey(m, 'notes');
      }
    } else {
      // Last year's deadline is not this year's: none until the new notice sets one.
      for (const key of ['due', 'milestones', 'within', 'before', 'after']) deleteKey(node, key);
    }
    if (unfinished) {
      setKey(node, 'carried_from', `${from}:${task.id}`, TASK_ORDER);
      summary.carried.push(task.id);
    }
    kept.push(node);
  }
  tasks.items = kept as typeof tasks.items;
}

function clearTargets(map: YAMLMap): void {
  for (const target of listItems(map, 'targets')) deleteKey(target, 'actuals');
}

function listItems(map: YAMLMap, key: string): YAMLMap[] {
  const list = map.get(key, true);
  return isSeq(list) ? list.items.filter((item): item is YAMLMap => isMap(item)) : [];
}

function shiftDate(map: YAMLMap, key: string, shift: (d: string) => string): void {
  const value = map.get(key, true);
  if (isScalar(value) && typeof value.value === 'string') value.value = shift(value.value);
}

function listAt(doc: Document, key: string): YAMLMap[] {
  return listItems(doc.contents as YAMLMap, key);
}

function countItems(map: YAMLMap, key: string): number {
  const list = map.get(key, true);
  return isSeq(list) ? list.items.length : 0;
}

/**
 * The editor's modeline, pointed from where the file now is at the schema it named (the project's
 * schemas beside a data folder), or else at the package's own.
 */
function withModeline(text: string, source: string, path: string): string {
  return text.replace(/^(# yaml-language-server: \$schema=)(\S*?)([a-z]+\.json)$/m, (_, head: string, folder: string, kind: string) => {
    const named = resolve(dirname(source), folder, kind);
    const target = existsSync(named) ? named : join(schemasDir(), kind);
    return `${head}${relative(dirname(path), target).split(sep).join('/')}`;
  });
}
