import type { SourceFile } from '../load/source-file.js';
import type { IsoDate } from './dates.js';
import type { DomainFile, EnterprisesFile, Milestone, PeopleFile, PlanFile, Recurrence, Target, Task as TaskData, TownsFile } from './schema-types.js';
import { statusNow } from './history.js';
import { nameKey } from './names.js';
import type { CalendarDay } from './workdays.js';
import { canonicalUnits, unitIndexOf, type UnitIndex } from './units.js';
import { recurrenceInSeason, seasonDeadline, seasonNamed, seasonOfTask, type Season, type TaskSeason } from './seasons.js';

export type { Milestone, Recurrence, Target, IsoDate };
export type TaskStatus = NonNullable<TaskData['status']>;
export type Enterprise = EnterprisesFile['enterprises'][number];
export type Town = TownsFile['towns'][number];
export type Person = PeopleFile['people'][number];
export type Unit = PeopleFile['units'][number];
export type Goal = NonNullable<DomainFile['goals']>[number];

/** A task as the reports see it: defaults filled in, and where it came from. */
export interface Task extends TaskData {
  domainId: string;
  /** The stated deadline, or the end of the plan period when the document states none. */
  due: IsoDate;
  dueStated: boolean;
  status: TaskStatus;
  owners: string[];
  leaders: string[];
  /** The units that answer for it: written names resolved through aliases, combined names expanded. */
  units: string[];
  /** The units as the document writes them. */
  unitsWritten: string[];
  /** The season the work lies within, before or after (汛中, 汛前, 汛后), with its dates where plan.yaml has them. */
  season?: TaskSeason;
}

export interface Domain {
  id: string;
  title: string;
  file: string;
  goals: Goal[];
  targets: Target[];
  tasks: Task[];
}

/** The whole validated plan: what every report is computed from. */
export interface Plan {
  title: string;
  issuer: string;
  issued: IsoDate;
  /** First day work is counted: occurrences due before it were not yet asked for. */
  countFrom: IsoDate;
  period: { start: IsoDate; end: IsoDate };
  /** Named parts of the year (森林防火期, 汛期), dated where the bureau has recorded the dates. */
  seasons: Season[];
  /** Holidays and weekends worked that plan.yaml adds to China's calendar (for years the package does not know yet). */
  calendar: CalendarDay[];
  /** Dated remarks about the plan as a whole (plan.yaml's notes). */
  notes: NonNullable<PlanFile['notes']>;
  timezone: string;
  domains: Domain[];
  enterprises: Enterprise[];
  towns: Town[];
  people: Person[];
  /** The units that own work, one per unit: combined names are not among them. */
  units: Unit[];
  /** Names that stand for several units (区防办及防指成员单位), as people.yaml writes them. */
  combinedUnits: Unit[];
  /** Every written unit name (name, alias, combined name) and the units it means. */
  unitIndex: UnitIndex;
}

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

/** Builds the plan from files that passed validation. Domains keep the order of their file names. */
export function buildPlan(files: readonly SourceFile[]): Plan {
  const one = <T>(kind: SourceFile['kind']): T | undefined => files.find((f) => f.kind === kind)?.data as T | undefined;
  const meta = one<PlanFile>('plan');
  if (!meta) throw new Error('buildPlan needs a validated plan.yaml');
  const people = one<PeopleFile>('people');
  const unitIndex = unitIndexOf(people?.units ?? []);
  const domains = files
    .filter((f) => f.kind === 'domain')
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((f) => toDomain(f.path, f.data as DomainFile, meta.period.end, unitIndex, meta.seasons ?? []));
  return {
    title: meta.title,
    issuer: meta.issuer,
    issued: meta.issued,
    countFrom: meta.count_from ?? meta.issued,
    period: meta.period,
    seasons: meta.seasons ?? [],
    calendar: meta.calendar ?? [],
    notes: meta.notes ?? [],
    timezone: meta.timezone ?? DEFAULT_TIMEZONE,
    domains,
    enterprises: one<EnterprisesFile>('enterprises')?.enterprises ?? [],
    towns: one<TownsFile>('towns')?.towns ?? [],
    people: (people?.people ?? []).map((p) => ({ ...p, name: nameKey(p.name), ...(p.unit !== undefined ? { unit: canonicalUnits(unitIndex, [p.unit])[0]! } : {}) })),
    units: (people?.units ?? []).filter((u) => u.members === undefined).map((u) => ({ ...u, name: nameKey(u.name) })),
    combinedUnits: (people?.units ?? []).filter((u) => u.members !== undefined).map((u) => ({ ...u, name: nameKey(u.name) })),
    unitIndex,
  };
}

function toDomain(file: string, data: DomainFile, periodEnd: IsoDate, unitIndex: UnitIndex, seasons: readonly Season[]): Domain {
  return {
    id: data.id,
    title: data.title,
    file,
    goals: data.goals ?? [],
    targets: data.targets ?? [],
    tasks: data.tasks.map((task) => toTask(task, data.id, periodEnd, unitIndex, seasons)),
  };
}

function toTask(task: TaskData, domainId: string, periodEnd: IsoDate, unitIndex: UnitIndex, seasons: readonly Season[]): Task {
  const season = taskSeason(task, seasons);
  // A deadline the document states against a season (汛前) is stated once the season is dated.
  const fromSeason = season && task.due === undefined ? seasonDeadline(season) : undefined;
  return {
    ...task,
    ...(task.history?.length ? datedStatus(task.history) : {}),
    ...(task.recurrence && { recurrence: recurrenceInSeason(task.recurrence, seasons) }),
    ...(season && { season }),
    domainId,
    due: task.due ?? fromSeason ?? periodEnd,
    dueStated: task.due !== undefined || fromSeason !== undefined,
    status: task.history?.length ? statusNow(task.history).status : (task.status ?? 'todo'),
    owners: (task.owners ?? []).map(nameKey),
    leaders: (task.leaders ?? []).map(nameKey),
    units: canonicalUnits(unitIndex, task.units ?? []),
    unitsWritten: (task.units ?? []).map(nameKey),
  };
}

function taskSeason(task: TaskData, seasons: readonly Season[]): TaskSeason | undefined {
  const stated = seasonOfTask(task);
  if (stated === undefined) return undefined;
  const season = seasonNamed(seasons, stated.name);
  return { ...stated, from: season?.from ?? null, to: season?.to ?? null };
}

/** Where a task has a history, its status, start and completion are the history's (plan check keeps the fields equal). */
function datedStatus(history: NonNullable<TaskData['history']>): Pick<TaskData, 'started' | 'completed'> {
  const now = statusNow(history);
  return { started: now.started, completed: now.completed };
}
