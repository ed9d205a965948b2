// A second, deliberately simple derivation of the items of a plan and their states at a date,
// written from the README's definitions alone. It shares no code with src/: it reads the YAML
// files itself and counts days with plain UTC arithmetic. The differential test compares it with
// `plan tasks --format json`; where they disagree, one of them misreads the README.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** An item as `plan tasks --format json` writes it (the fields this derivation can know). */
export interface DerivedItem {
  id: string;
  kind: 'task' | 'milestone' | 'occurrence';
  task_id: string;
  domain_id: string;
  title: string;
  part: string | null;
  owners: string[];
  leaders: string[];
  units: string[];
  due: string;
  due_stated: boolean;
  completed: string | null;
  required: number;
  completions: string[];
  task_status: string;
  before_notice: boolean;
  count: number;
  state: string;
  days_late: number;
  days_left: number;
}

interface RawTask {
  id: string;
  title: string;
  owners?: string[];
  leaders?: string[];
  units?: string[];
  due?: string;
  within?: string;
  before?: string;
  status?: string;
  completed?: string;
  history?: { date: string; status: string; reason?: string }[];
  milestones?: { id: string; title: string; due: string; completed?: string }[];
  recurrence?: {
    every: string;
    by_day?: number;
    minimum?: { count: number; per?: string };
    within?: string;
    season?: { from?: string; until?: string };
    done?: Record<string, string | string[]>;
  };
}

export interface RawPlan {
  start: string;
  end: string;
  /** "Counting from the notice": plan.yaml's count_from, else the issue date. */
  countFrom: string;
  domains: { id: string; tasks: RawTask[] }[];
  /** plan.yaml's seasons by name. */
  seasons: Map<string, { from?: string; to?: string }>;
  /** people.yaml's units: a name or alias means its unit; a combined name means its members' units. */
  unitsMeant: Map<string, string[]>;
}

/** Reads plan.yaml and domains/*.yaml as plain YAML 1.2 (dates stay strings). */
export function readPlan(dataDir: string): RawPlan {
  const plan = parse(readFileSync(join(dataDir, 'plan.yaml'), 'utf8'));
  const files = readdirSync(join(dataDir, 'domains')).filter((f) => f.endsWith('.yaml')).sort();
  const units: { name: string; aliases?: string[]; members?: string[] }[] = parse(readFileSync(join(dataDir, 'people.yaml'), 'utf8')).units;
  const unitsMeant = new Map<string, string[]>();
  for (const u of units) if (!u.members) for (const name of [u.name, ...(u.aliases ?? [])]) unitsMeant.set(name, [u.name]);
  for (const u of units) if (u.members) unitsMeant.set(u.name, u.members.map((m) => unitsMeant.get(m)![0]!));
  return {
    seasons: new Map(((plan.seasons ?? []) as { name: string; from?: string; to?: string }[]).map((s) => [s.name, s])),
    unitsMeant,
    start: plan.period.start,
    end: plan.period.end,
    countFrom: plan.count_from ?? plan.issued,
    domains: files.map((f) => parse(readFileSync(join(dataDir, 'domains', f), 'utf8'))),
  };
}

// Days as whole numbers since 1970-01-01, in UTC, so no clock or time zone can shift them.
const DAY = 86_400_000;
const day = (date: string): number => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY;
const date = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);
const pad = (n: number): string => String(n).padStart(2, '0');
const lastOfMonth = (year: number, month: number): string => date(Date.UTC(year, month, 0) / DAY);

interface Period {
  key: string;
  first: string;
  due: string;
}

/** "weekly (ISO weeks)": Monday to Sunday, keyed by the ISO year and week of its Thursday. */
function weeks(from: string, until: string): Period[] {
  const periods: Period[] = [];
  const weekday = (day(from) + 3) % 7; // 1970-01-01 was a Thursday: Monday is 0
  for (let monday = day(from) - weekday; monday <= day(until); monday += 7) {
    const thursday = date(monday + 3);
    const year = +thursday.slice(0, 4);
    const week = Math.floor((monday + 3 - day(`${year}-01-01`)) / 7) + 1;
    periods.push({ key: `${year}-W${pad(week)}`, first: date(monday), due: date(monday + 6) });
  }
  return periods;
}

/** The periods of one year: months (due on the last day, or by_day), B1…B6, Q1…Q4, H1 H2, the year. */
function periodsOfYear(year: number, every: string, byDay: number | undefined): Period[] {
  const span = (key: string, firstMonth: number, lastMonth: number): Period => ({ key: `${year}-${key}`, first: `${year}-${pad(firstMonth)}-01`, due: lastOfMonth(year, lastMonth) });
  const list = (n: number, make: (i: number) => Period) => Array.from({ length: n }, (_, i) => make(i + 1));
  switch (every) {
    case 'month':
      return list(12, (m) => ({ key: `${year}-${pad(m)}`, first: `${year}-${pad(m)}-01`, due: byDay ? `${year}-${pad(m)}-${pad(byDay)}` : lastOfMonth(year, m) }));
    case 'two_months':
      return list(6, (b) => span(`B${b}`, 2 * b - 1, 2 * b));
    case 'quarter':
      return list(4, (q) => span(`Q${q}`, 3 * q - 2, 3 * q));
    case 'half_year':
      return [span('H1', 1, 6), span('H2', 7, 12)];
    default:
      return [{ key: `${year}`, first: `${year}-01-01`, due: `${year}-12-31` }];
  }
}

/**
 * The occurrences of a recurring duty: every period that begins by the end of the plan period (or
 * season) and is due on or after its start; one that runs past the end is due on the last day.
 * A season without dates has none (the reports name it as a gap).
 */
function occurrences(task: RawTask, plan: RawPlan, every = task.recurrence!.every): Period[] {
  const named = task.recurrence!.within !== undefined ? plan.seasons.get(task.recurrence!.within) : undefined;
  const r = named ? { ...task.recurrence!, season: { from: named.from, until: named.to } } : task.recurrence!;
  if (r.season && (!r.season.from || !r.season.until)) return [];
  const from = r.season?.from && r.season.from > plan.start ? r.season.from : plan.start;
  const until = r.season?.until && r.season.until < plan.end ? r.season.until : plan.end;
  let periods: Period[] = [];
  if (every === 'week') periods = weeks(from, until);
  else for (let y = +from.slice(0, 4); y <= +until.slice(0, 4); y++) periods.push(...periodsOfYear(y, every, every === r.every ? r.by_day : undefined));
  return periods.filter((p) => p.first <= until && p.due >= from).map((p) => ({ ...p, due: p.due > until ? until : p.due }));
}

/** Every item of the plan with its state at `asOf`, in plan order. */
export function deriveItems(plan: RawPlan, asOf: string, soonDays: number): DerivedItem[] {
  const items: DerivedItem[] = [];
  for (const domain of plan.domains) {
    for (const task of domain.tasks) {
      // "The status at a date is that of the last change of the history dated on or before it";
      // a task without a history has its one undated status.
      const dated = task.history?.length ? statusFromHistory(task.history, asOf) : null;
      const status = dated ? dated.status : (task.status ?? 'todo');
      const taskCompleted = dated ? dated.completed : task.completed;
      // What was recorded by the as-of date: a later completion did not exist yet.
      const seen = (completed: string | undefined) => (completed !== undefined && completed <= asOf ? completed : null);
      // Every completion of a period recorded by the date, earliest first (one date or a list).
      const recorded = (value: string | string[] | undefined): string[] => (value === undefined ? [] : typeof value === 'string' ? [value] : [...value]).filter((d) => d <= asOf).sort();
      const taskDone = status === 'done' || status === 'cancelled' ? seen(taskCompleted) : null;
      const statusThen = status === 'done' && taskDone === null ? 'todo' : status;
      const item = (id: string, kind: DerivedItem['kind'], title: string, part: string | null, due: string, dueStated: boolean, done: string[], required = 1) => {
        const completed = done[required - 1] ?? null;
        const beforeNotice = kind === 'occurrence' && due < plan.countFrom;
        items.push({
          id,
          kind,
          task_id: task.id,
          domain_id: domain.id,
          title,
          part,
          owners: task.owners ?? [],
          leaders: task.leaders ?? [],
          units: [...new Set((task.units ?? []).flatMap((u) => plan.unitsMeant.get(u) ?? [u]))],
          due,
          due_stated: dueStated,
          completed,
          required,
          completions: done,
          task_status: statusThen,
          before_notice: beforeNotice,
          count: done.length,
          ...(beforeNotice ? { state: 'before_notice', days_late: 0, days_left: Math.max(0, day(due) - day(asOf)) } : stateAt(due, completed, statusThen, asOf, soonDays)),
        });
      };
      const r = task.recurrence;
      if (r) {
        // "minimum: {count, per}": per the duty's own period, each occurrence needs count completions;
        // per a longer one, the occurrences stay and each longer period is one more item.
        const perOwn = r.minimum !== undefined && (r.minimum.per === undefined || r.minimum.per === r.every);
        const own = occurrences(task, plan);
        for (const p of own) item(`${task.id}@${p.key}`, 'occurrence', task.title, p.key, p.due, true, recorded(r.done?.[p.key]), perOwn ? r.minimum!.count : 1);
        if (r.minimum?.per !== undefined && !perOwn) {
          const floors = occurrences(task, plan, r.minimum.per);
          floors.forEach((f, i) => {
            const next = floors[i + 1]?.first;
            const done = own.filter((p) => p.first >= f.first && (next === undefined || p.first < next)).flatMap((p) => recorded(r.done?.[p.key])).sort();
            item(`${task.id}@${f.key}`, 'occurrence', task.title, f.key, f.due, true, done, r.minimum!.count);
          });
        }
        continue;
      }
      // "Within a season": its last day; "before a season": the day before it starts; once plan.yaml dates it.
      const within = task.within !== undefined ? plan.seasons.get(task.within)?.to : undefined;
      const beforeStart = task.before !== undefined ? plan.seasons.get(task.before)?.from : undefined;
      const seasonDue = within ?? (beforeStart !== undefined ? date(day(beforeStart) - 1) : undefined);
      const due = task.due ?? seasonDue;
      item(task.id, 'task', task.title, null, due ?? plan.end, due !== undefined, taskDone === null ? [] : [taskDone]);
      for (const m of task.milestones ?? []) {
        const mDone = seen(m.completed);
        item(`${task.id}/${m.id}`, 'milestone', m.title, m.id, m.due, true, mDone === null ? [] : [mDone]);
      }
    }
  }
  return items;
}

/**
 * The README's history: each change takes effect on its date; done records the completion, which
 * a later reopen, start or block takes away and a cancellation keeps (the work was done).
 */
function statusFromHistory(history: { date: string; status: string }[], asOf: string): { status: string; completed: string | undefined } {
  let status = 'todo';
  let completed: string | undefined;
  for (const change of history.filter((c) => c.date <= asOf)) {
    status = change.status;
    if (change.status === 'done') completed = change.date;
    else if (change.status !== 'cancelled') completed = undefined;
  }
  return { status, completed };
}

/**
 * The README's states: done on time or late (a completion counts even on a cancelled task),
 * cancelled, blocked, overdue, due soon (within `soonDays`), open.
 */
function stateAt(due: string, completed: string | null, status: string, asOf: string, soonDays: number): Pick<DerivedItem, 'state' | 'days_late' | 'days_left'> {
  const left = day(due) - day(asOf);
  const daysLeft = Math.max(0, left);
  if (completed !== null) {
    const late = day(completed) - day(due);
    return late > 0 ? { state: 'done_late', days_late: late, days_left: daysLeft } : { state: 'done_on_time', days_late: 0, days_left: daysLeft };
  }
  if (status === 'cancelled') return { state: 'cancelled', days_late: 0, days_left: daysLeft };
  if (status === 'blocked') return { state: 'blocked', days_late: Math.max(0, -left), days_left: daysLeft };
  if (left < 0) return { state: 'overdue', days_late: -left, days_left: 0 };
  return { state: left <= soonDays ? 'due_soon' : 'open', days_late: 0, days_left: daysLeft };
}

/** Every day from `first` to `last`, inclusive. */
export function daysFrom(first: string, last: string): string[] {
  const out: string[] = [];
  for (let n = day(first); n <= day(last); n++) out.push(date(n));
  return out;
}
