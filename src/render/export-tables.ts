import type { exportPlan } from '../compute/export.js';
import type { Item } from '../compute/items.js';
import { latestRecord } from '../model/dates.js';
import type { CodedTable } from './csv.js';

export type ExportedPlan = ReturnType<typeof exportPlan>;

const join = (names: readonly string[]) => names.join('、');

function recurrenceText(recurrence: NonNullable<ExportedPlan['domains'][number]['tasks'][number]['recurrence']>): string {
  return recurrence.every + (recurrence.byDay !== null ? `/${recurrence.byDay}` : '') + (recurrence.within !== null ? ` ${recurrence.within}` : recurrence.season ? ` ${recurrence.season.name}` : '');
}

/** The tasks as the CSV export has them: one row a task, its milestones in one cell. */
export function taskTable(data: ExportedPlan): CodedTable {
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
      t.recurrence ? recurrenceText(t.recurrence) : null,
      t.status,
      t.completed,
    ]),
  );
  return { header, rows };
}

/**
 * The tasks for a workbook: each task's row followed by a row for each of its milestones and
 * occurrences (their own id, due date and completion), so one sheet can be filtered by kind.
 */
export function itemTable(data: ExportedPlan, items: readonly Item[]): CodedTable {
  const header = ['id', 'kind', 'task', 'domain', 'section', 'number', 'title', 'text', 'owners', 'leaders', 'units', 'units_meant', 'due', 'due_stated', 'recurrence', 'status', 'completed'];
  const partsOf = new Map<string, Item[]>();
  for (const item of items) if (item.kind !== 'task') partsOf.set(item.taskId, [...(partsOf.get(item.taskId) ?? []), item]);
  const rows = data.domains.flatMap((d) =>
    d.tasks.flatMap((t) => [
      [t.id, 'task', t.id, d.id, t.section, t.number, t.title, t.text, join(t.owners), join(t.leaders), join(t.units), join(t.unitsMeant), t.due, String(t.dueStated), t.recurrence ? recurrenceText(t.recurrence) : null, t.status, t.completed],
      ...(partsOf.get(t.id) ?? []).map((i) => [
        i.id,
        i.kind,
        t.id,
        d.id,
        t.section,
        t.number,
        i.kind === 'milestone' ? t.milestones.find((m) => i.id.endsWith(`/${m.id}`))?.title ?? i.title : i.title,
        null,
        // A milestone or occurrence is owned as its task is.
        join(t.owners),
        join(t.leaders),
        join(t.units),
        join(t.unitsMeant),
        i.due,
        String(i.dueStated),
        null,
        null,
        i.completed ?? null,
      ]),
    ]),
  );
  return { header, rows };
}

export function enterpriseTable(data: ExportedPlan): CodedTable {
  return {
    header: ['id', 'name', 'industry', 'status', 'expires', 'certified_on', 'town'],
    rows: data.enterprises.map((e) => [e.id, e.name, e.industry, e.status, e.expires, e.certifiedOn, e.town]),
  };
}

export function townTable(data: ExportedPlan): CodedTable {
  return {
    header: ['name', 'target_total', 'target_above_scale', 'progress_date', 'achieved_total', 'achieved_above_scale'],
    rows: data.towns.map((t) => {
      const latest = latestRecord(t.progress);
      return [t.name, t.targetTotal, t.targetAboveScale, latest?.date, latest?.achievedTotal, latest?.achievedAboveScale];
    }),
  };
}

/** Every target, of a domain or of a task, with its latest recorded figure. */
export function targetTable(data: ExportedPlan): CodedTable {
  const header = ['id', 'domain', 'task', 'title', 'metric', 'direction', 'value', 'unit', 'baseline', 'same_as', 'per_unit', 'actual', 'actual_date', 'actual_for'];
  const row = (domain: string, task: string | null, t: ExportedPlan['domains'][number]['targets'][number]) => {
    const latest = latestRecord(t.actuals);
    const perUnit = t.perUnit === null ? null : typeof t.perUnit === 'string' ? t.perUnit : t.perUnit.join('、');
    return [t.id, domain, task, t.title, t.metric, t.direction, t.value, t.unit, t.baseline, t.sameAs, perUnit, latest?.value ?? null, latest?.date ?? null, latest?.for ?? null];
  };
  return {
    header,
    rows: data.domains.flatMap((d) => [...d.targets.map((t) => row(d.id, null, t)), ...d.tasks.flatMap((task) => task.targets.map((t) => row(d.id, task.id, t)))]),
  };
}
