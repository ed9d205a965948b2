import type { IsoDate } from '../model/dates.js';
import { nameKey } from '../model/names.js';
import { unitsMeant } from '../model/units.js';
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
  /** Text to find (any case) in an item's title, or its task's title, text or notes, or the milestone's notes. */
  grep?: string;
}

export const UNASSIGNED = 'unassigned';

/** The domain a --domain value names: its id (any case) or its exact title. */
export function findDomain(plan: Plan, query: string): Plan['domains'][number] | undefined {
  return plan.domains.find((d) => d.id.toLowerCase() === query.toLowerCase() || d.title === query);
}

/**
 * Who a name given on the command line means, as reports name them: the person, or the unit an
 * alias stands for, or the units a combined name stands for. Undefined when the plan knows no such name.
 */
export function ownersMeant(plan: Plan, query: string): string[] | undefined {
  const name = nameKey(query);
  if (name === UNASSIGNED || plan.people.some((p) => p.name === name)) return [name];
  return unitsMeant(plan.unitIndex, name);
}

export function filterItems(items: readonly ItemAt[], filter: ItemFilter, plan: Plan): ItemAt[] {
  const found = filter.grep !== undefined ? itemsMentioning(plan, filter.grep) : undefined;
  const domainId = filter.domain !== undefined ? findDomain(plan, filter.domain)?.id : undefined;
  const owner = filter.owner !== undefined ? nameKey(filter.owner) : undefined;
  const unit = filter.unit !== undefined ? nameKey(filter.unit) : undefined;
  return items.filter((item) => {
    if (domainId !== undefined && item.domainId !== domainId) return false;
    if (owner !== undefined) {
      const responsible = responsibleOf(item);
      if (owner === UNASSIGNED ? responsible.length > 0 : !responsible.includes(owner)) return false;
    }
    if (unit !== undefined && !item.units.includes(unit)) return false;
    if ((filter.states !== undefined || filter.taskStatuses !== undefined) && !selectedByState(item, filter)) return false;
    if (filter.dueBefore !== undefined && !(item.due < filter.dueBefore)) return false;
    if (filter.dueAfter !== undefined && !(item.due > filter.dueAfter)) return false;
    if (found !== undefined && !found.has(item.taskId) && !found.has(item.id) && !item.title.toLowerCase().includes(filter.grep!.toLowerCase())) return false;
    return true;
  });
}

function selectedByState(item: ItemAt, filter: ItemFilter): boolean {
  if (filter.states?.includes(item.state)) return true;
  return item.completed === undefined && (filter.taskStatuses?.includes(item.taskStatus) ?? false);
}

/** Ids of the tasks (all their items) and milestones whose words include the text, in any case. */
function itemsMentioning(plan: Plan, text: string): Set<string> {
  const needle = text.toLowerCase();
  const has = (...texts: (string | undefined)[]) => texts.some((t) => t !== undefined && t.toLowerCase().includes(needle));
  const found = new Set<string>();
  for (const domain of plan.domains) {
    for (const task of domain.tasks) {
      if (has(task.title, task.text, ...(task.notes ?? []).map((n) => n.text))) found.add(task.id);
      for (const m of task.milestones ?? []) if (has(m.title, ...(m.notes ?? []).map((n) => n.text))) found.add(`${task.id}/${m.id}`);
    }
  }
  return found;
}
