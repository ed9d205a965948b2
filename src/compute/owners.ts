import type { IsoDate } from '../model/dates.js';
import type { Plan } from '../model/plan.js';
import { addDays } from '../model/dates.js';
import { byDueThenId, responsibleOf, tally, type ItemAt, type Tally } from './items.js';
import { UNASSIGNED } from './filter.js';
import { nameKey } from '../model/names.js';
import { dueDay, type DueDay, type WorkCalendar } from '../model/workdays.js';

export type OwnerKind = 'person' | 'unit' | 'unassigned';

export interface OwnerRow {
  name: string;
  kind: OwnerKind;
  tally: Tally;
}

/** One row per person, per unit, and one for items nobody is named for. */
export function ownerSummary(plan: Plan, items: readonly ItemAt[]): OwnerRow[] {
  // One pass over the items, indexing them by name: filtering per owner is quadratic on big plans.
  const byPerson = new Map<string, ItemAt[]>();
  const byUnit = new Map<string, ItemAt[]>();
  const unassigned: ItemAt[] = [];
  const add = (index: Map<string, ItemAt[]>, name: string, item: ItemAt) => {
    const list = index.get(name);
    if (list) list.push(item);
    else index.set(name, [item]);
  };
  for (const item of items) {
    for (const name of new Set([...item.owners, ...item.leaders])) add(byPerson, name, item);
    for (const name of item.units) add(byUnit, name, item);
    if (responsibleOf(item).length === 0) unassigned.push(item);
  }
  return [
    ...plan.people.map((p) => ({ name: p.name, kind: 'person' as const, tally: tally(byPerson.get(p.name) ?? []) })),
    ...plan.units.map((u) => ({ name: u.name, kind: 'unit' as const, tally: tally(byUnit.get(u.name) ?? []) })),
    { name: UNASSIGNED, kind: 'unassigned' as const, tally: tally(unassigned) },
  ];
}

export interface OwnerReport {
  name: string;
  kind: OwnerKind;
  asOf: IsoDate;
  soonDays: number;
  horizonDays: number;
  tally: Tally;
  /** Overdue items, most overdue first. */
  late: ItemAt[];
  /** Items due from the as-of date up to the horizon. */
  dueNext: ItemAt[];
  /** Items done on or before the as-of date, latest first. */
  done: ItemAt[];
  blocked: ItemAt[];
  /** Each listed item's deadline against the working calendar, by item id (ids are data: a Map keeps JSON from renaming them); empty without a calendar. */
  dueDays: Map<string, DueDay>;
}

/** What one person or unit has to answer for: late, due in the next days, done. */
export function ownerReport(plan: Plan, items: readonly ItemAt[], query: string, asOf: IsoDate, soonDays: number, horizonDays: number, calendar?: WorkCalendar): OwnerReport {
  const name = nameKey(query);
  const kind: OwnerKind = name === UNASSIGNED ? 'unassigned' : plan.people.some((p) => p.name === name) ? 'person' : 'unit';
  const mine = items.filter((i) => (kind === 'unassigned' ? responsibleOf(i).length === 0 : responsibleOf(i).includes(name)));
  const horizon = addDays(asOf, horizonDays);
  const late = mine.filter((i) => i.state === 'overdue').sort((a, b) => b.daysLate - a.daysLate || byDueThenId(a, b));
  const dueNext = mine.filter((i) => (i.state === 'due_soon' || i.state === 'open') && i.due <= horizon).sort(byDueThenId);
  const blocked = mine.filter((i) => i.state === 'blocked').sort(byDueThenId);
  const dueDays = new Map<string, DueDay>();
  if (calendar) for (const item of [...late, ...dueNext, ...blocked]) dueDays.set(item.id, dueDay(calendar, item.due, asOf));
  return {
    name,
    kind,
    asOf,
    soonDays,
    horizonDays,
    tally: tally(mine),
    late,
    dueNext,
    done: mine.filter((i) => i.state === 'done_on_time' || i.state === 'done_late').sort((a, b) => (a.completed! < b.completed! ? 1 : -1)),
    blocked,
    dueDays,
  };
}
