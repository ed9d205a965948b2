import { addDays, type IsoDate } from './dates.js';
import { nameKey } from './names.js';
import type { PlanFile, Recurrence, Task } from './schema-types.js';

/** A named part of the year (森林防火期, 汛期), dated once the district's headquarters sets it. */
export type Season = NonNullable<PlanFile['seasons']>[number];

/** How a task lies against a season: within it (汛中), or just before (汛前) or after (汛后) it. */
export type SeasonRelation = 'within' | 'before' | 'after';

/** A task's season as the reports see it: which, how, and whether its dates are known. */
export interface TaskSeason {
  name: string;
  relation: SeasonRelation;
  from: IsoDate | null;
  to: IsoDate | null;
}

/** The season a name refers to, or undefined. */
export function seasonNamed(seasons: readonly Season[], name: string): Season | undefined {
  return seasons.find((s) => nameKey(s.name) === nameKey(name));
}

/** The relation a task states to a season, and the season's name; undefined when it states none. */
export function seasonOfTask(task: Pick<Task, 'within' | 'before' | 'after'>): { relation: SeasonRelation; name: string } | undefined {
  if (task.within !== undefined) return { relation: 'within', name: task.within };
  if (task.before !== undefined) return { relation: 'before', name: task.before };
  if (task.after !== undefined) return { relation: 'after', name: task.after };
  return undefined;
}

/**
 * The deadline a season gives a task: the season's last day for work within it, the day before it
 * starts for work before it. Work after a season has no deadline from it. Undefined while the
 * season is not dated.
 */
export function seasonDeadline(season: TaskSeason): IsoDate | undefined {
  if (season.relation === 'within') return season.to ?? undefined;
  if (season.relation === 'before') return season.from === null ? undefined : addDays(season.from, -1);
  return undefined;
}

/** A recurrence `within` a season of plan.yaml, with the season's dates as the window its occurrences fall in. */
export function recurrenceInSeason(recurrence: Recurrence, seasons: readonly Season[]): Recurrence {
  if (recurrence.within === undefined) return recurrence;
  const season = seasonNamed(seasons, recurrence.within);
  return {
    ...recurrence,
    season: { name: recurrence.within, ...(season?.from !== undefined && { from: season.from }), ...(season?.to !== undefined && { until: season.to }) },
  };
}
