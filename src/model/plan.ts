import type { SourceFile } from '../load/source-file.js';
import type { IsoDate } from './dates.js';
import type { DomainFile, EnterprisesFile, Milestone, PeopleFile, PlanFile, Recurrence, Target, Task as TaskData, TownsFile } from './schema-types.js';
import { nameKey } from './names.js';

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
  units: string[];
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
  timezone: string;
  domains: Domain[];
  enterprises: Enterprise[];
  towns: Town[];
  people: Person[];
  units: Unit[];
}

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

/** Builds the plan from files that passed validation. Domains keep the order of their file names. */
export function buildPlan(files: readonly SourceFile[]): Plan {
  const one = <T>(kind: SourceFile['kind']): T | undefined => files.find((f) => f.kind === kind)?.data as T | undefined;
  const meta = one<PlanFile>('plan');
  if (!meta) throw new Error('buildPlan needs a validated plan.yaml');
  const people = one<PeopleFile>('people');
  const domains = files
    .filter((f) => f.kind === 'domain')
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((f) => toDomain(f.path, f.data as DomainFile, meta.period.end));
  return {
    title: meta.title,
    issuer: meta.issuer,
    issued: meta.issued,
    countFrom: meta.count_from ?? meta.issued,
    period: meta.period,
    timezone: meta.timezone ?? DEFAULT_TIMEZONE,
    domains,
    enterprises: one<EnterprisesFile>('enterprises')?.enterprises ?? [],
    towns: one<TownsFile>('towns')?.towns ?? [],
    people: (people?.people ?? []).map((p) => ({ ...p, name: nameKey(p.name), ...(p.unit !== undefined ? { unit: nameKey(p.unit) } : {}) })),
    units: (people?.units ?? []).map((u) => ({ ...u, name: nameKey(u.name) })),
  };
}

function toDomain(file: string, data: DomainFile, periodEnd: IsoDate): Domain {
  return {
    id: data.id,
    title: data.title,
    file,
    goals: data.goals ?? [],
    targets: data.targets ?? [],
    tasks: data.tasks.map((task) => ({
      ...task,
      domainId: data.id,
      due: task.due ?? periodEnd,
      dueStated: task.due !== undefined,
      status: task.status ?? 'todo',
      owners: (task.owners ?? []).map(nameKey),
      leaders: (task.leaders ?? []).map(nameKey),
      units: (task.units ?? []).map(nameKey),
    })),
  };
}
