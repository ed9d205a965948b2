import type { IsoDate } from '../model/dates.js';
import type { Plan, TaskStatus } from '../model/plan.js';
import { responsibleOf, type ItemAt, type ItemState } from './items.js';

export interface ItemFilter {
  domain?: string;
  /** A person (owner or leader) or a unit, by exact name; "unassigned" for items with nobody. */
  owner?: string;
  unit?: string;
  states?: ItemState[];
  /** Task statuses selected besides `states` (a task being worked on); an item matching either passes. */
  taskStatuses?: TaskStatus[];
  dueBefore?: IsoDate;
  dueAfter?: IsoDate;
}

export const UNASSIGNED = 'unassigned';

/** The domain a --domain value names: its id (any case) or its exact title. */
export function findDomain(plan: Plan, query: string): Plan['domains'][number] | undefined {
  return plan.domains.find((d) => d.id.toLowerCase() === query.toLowerCase() || d.title === query);
}

/** Whether a name is a person or a unit of the plan. */
export function isKnownOwner(plan: Plan, name: string): boolean {
  return name === UNASSIGNED || plan.people.some((p) => p.name === name) || plan.units.some((u) => u.name === name);
}

export function filterItems(items: readonly ItemAt[], filter: ItemFilter, plan: Plan): ItemAt[] {
  const domainId = filter.domain !== undefined ? findDomain(plan, filter.domain)?.id : undefined;
  return items.filter((item) => {
    if (domainId !== undefined && item.domainId !== domainId) return false;
    if (filter.owner !== undefined) {
      const responsible = responsibleOf(item);
      if (filter.owner === UNASSIGNED ? responsible.length > 0 : !responsible.includes(filter.owner)) return false;
    }
    if (filter.unit !== undefined && !item.units.includes(filter.unit)) return false;
    if ((filter.states !== undefined || filter.taskStatuses !== undefined) && !selectedByState(item, filter)) return false;
    if (filter.dueBefore !== undefined && !(item.due < filter.dueBefore)) return false;
    if (filter.dueAfter !== undefined && !(item.due > filter.dueAfter)) return false;
    return true;
  });
}

function selectedByState(item: ItemAt, filter: ItemFilter): boolean {
  if (filter.states?.includes(item.state)) return true;
  return item.completed === undefined && (filter.taskStatuses?.includes(item.taskStatus) ?? false);
}
