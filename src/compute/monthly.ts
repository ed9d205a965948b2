import { addDays, type IsoDate } from '../model/dates.js';
import type { Enterprise, Plan } from '../model/plan.js';
import { planAsOf } from './as-of.js';
import { byDueThenId, itemsAt, planItems, tally, tallyByDomain, type Gap, type Item, type ItemAt, type Tally } from './items.js';
import type { MonthWindow } from './month-window.js';
import type { Corrections } from './submission.js';
import { itemNotes, statusChangeOf, tasksById, type DatedNote } from './notes.js';
import { ownerSummary, type OwnerRow } from './owners.js';
import { standardizationAt, type RosterSummary, type TownProgress, type TownsSummary } from './standardization.js';
import { reportBasis, type ReportBasis } from './status.js';
import { targetsAt, targetsWithCounts, type TargetAt, type TargetTally } from './targets.js';

/** An item a report lists, with its progress notes of the month. */
export interface ListedItem extends ItemAt {
  /** The item's notes dated within the month up to the as-of date, oldest first. */
  notes: DatedNote[];
}

export type CompletedItem = ListedItem;

export interface BlockedItem extends ListedItem {
  /** The reason recorded with `plan block`, or null (a status written without a history, or no reason given). */
  reason: string | null;
  /** The day the block took effect, or null for a status written without a history. */
  since: IsoDate | null;
}

export interface CertifiedEnterprise {
  id: string;
  name: string;
  industry: Enterprise['industry'];
  town: string | null;
  certifiedOn: IsoDate;
}

export interface RankedTown extends TownProgress {
  /** 1 for the highest share of its target reached; towns with equal shares share a rank. Null for a town with no figure recorded: no data is no place. */
  rank: number | null;
}

/** The month's figures, each counted once here and used by every output format. */
export interface MonthFigures {
  /** Items completed in the month up to the as-of date, on time and late. */
  completed: number;
  completedOnTime: number;
  completedLate: number;
  /** Items that fell overdue in the month (see fellOverdueBounds). */
  fellOverdue: number;
  /** Items overdue since before the month and not done at the as-of date: overdue, or blocked past their due date. */
  stillOverdue: number;
  /** Items blocked at the as-of date. */
  blocked: number;
  /** Tasks being worked on (started, not done) at the as-of date. */
  inProgress: number;
  /** Items not done and due from the as-of date to the month's end. */
  dueRestOfMonth: number;
  /** Items not done and due next month. */
  dueNextMonth: number;
  certified: number;
}

export interface MonthlyReport extends ReportBasis, MonthWindow {
  /** The state of every item at the as-of date: done + overdue + blocked + cancelled + notYetDue + beforeNotice = total. */
  totals: Tally;
  /** Due soon or later: not done, not blocked and not yet due. */
  notYetDue: number;
  domains: { id: string; title: string; tally: Tally; notYetDue: number }[];
  figures: MonthFigures;
  completed: CompletedItem[];
  fellOverdue: ListedItem[];
  stillOverdue: ListedItem[];
  blocked: BlockedItem[];
  inProgress: ListedItem[];
  dueRestOfMonth: ListedItem[];
  dueNextMonth: ListedItem[];
  certified: CertifiedEnterprise[];
  /** Owners with anything done, overdue or due soon: everyone who has something to report. */
  owners: OwnerRow[];
  towns: TownsSummary;
  townRanking: RankedTown[];
  roster: RosterSummary;
  targets: TargetAt[];
  targetCounts: TargetTally;
  gaps: Gap[];
  undatedTasks: number;
  /** For a month whose report was submitted: what differs now from what was sent (set by the report command). */
  corrections: Corrections | null;
}

/**
 * The due dates of the items that fall overdue between two days: an item falls overdue on the day
 * after its due date, so those due from the day before `from` to the day before `to`.
 */
export function fellOverdueBounds(from: IsoDate, to: IsoDate): { dueFrom: IsoDate; dueTo: IsoDate } {
  return { dueFrom: addDays(from, -1), dueTo: addDays(to, -1) };
}

/**
 * Whether an item fell overdue between two days (inclusive): the day after its due date lies
 * between them and it was not done by its due date. Cancelled items that were not done never fall overdue. What
 * happened to it afterwards (done late, blocked) does not undo that it fell overdue.
 */
export function fellOverdueBetween(item: Item, bounds: { dueFrom: IsoDate; dueTo: IsoDate }): boolean {
  // An occurrence due before the notice was never asked for, so it never fell overdue.
  if (item.beforeNotice || item.due < bounds.dueFrom || item.due > bounds.dueTo) return false;
  if (item.completed === undefined) return item.taskStatus !== 'cancelled';
  return item.completed > item.due;
}

/** Not done, not cancelled: still to do at the as-of date. */
function isOpen(item: ItemAt): boolean {
  return item.state === 'overdue' || item.state === 'due_soon' || item.state === 'open' || item.state === 'blocked';
}

export function notYetDueOf(t: Tally): number {
  return t.dueSoon + t.open;
}

/** The monthly report for leaders: the month from its first day to the as-of date. */
export function monthlyReport(recordedPlan: Plan, window: MonthWindow, soonDays: number): MonthlyReport {
  const { monthStart, monthEnd, asOf, nextStart, nextEnd } = window;
  const plan = planAsOf(recordedPlan, asOf);
  const { items: all, gaps } = planItems(plan);
  const items = itemsAt(all, asOf, soonDays);
  const tasks = tasksById(plan);
  const bounds = fellOverdueBounds(monthStart, asOf);
  const dayBeforeMonth = bounds.dueFrom;
  const mostLateFirst = (a: ItemAt, b: ItemAt) => b.daysLate - a.daysLate || byDueThenId(a, b);

  const listed = (i: ItemAt): ListedItem => ({ ...i, notes: itemNotes(tasks.get(i.taskId)!, i, asOf).filter((n) => n.date >= monthStart) });
  // An occurrence due before the notice was never asked for: a completion recorded for it is listed nowhere.
  const completed = items
    .filter((i) => i.completed !== undefined && i.completed >= monthStart && i.completed <= asOf && (i.state === 'done_on_time' || i.state === 'done_late'))
    .sort((a, b) => (a.completed! < b.completed! ? -1 : a.completed! > b.completed! ? 1 : byDueThenId(a, b)))
    .map(listed);
  const fellOverdue = items.filter((i) => fellOverdueBetween(i, bounds)).sort(byDueThenId).map(listed);
  // Not done at the as-of date: overdue, or blocked past its due date (the 现状 column says which).
  const stillOverdue = items.filter((i) => (i.state === 'overdue' || i.state === 'blocked') && i.due < dayBeforeMonth).sort(mostLateFirst).map(listed);
  const blocked = items
    .filter((i) => i.state === 'blocked')
    .sort(byDueThenId)
    .map((i): BlockedItem => {
      const change = statusChangeOf(tasks.get(i.taskId)!, 'blocked', asOf);
      return { ...listed(i), reason: change?.reason ?? null, since: change?.date ?? null };
    });
  // A task being worked on, listed once (its milestones and occurrences are in the other lists).
  const inProgress = items.filter((i) => i.kind === 'task' && i.taskStatus === 'doing' && isOpen(i)).sort(byDueThenId).map(listed);
  const dueRestOfMonth = items.filter((i) => isOpen(i) && i.due >= asOf && i.due <= monthEnd).sort(byDueThenId).map(listed);
  const dueNextMonth = items.filter((i) => isOpen(i) && i.due >= nextStart && i.due <= nextEnd).sort(byDueThenId).map(listed);
  const certified = plan.enterprises
    .filter((e) => e.status === 'certified' && e.certified_on !== undefined && e.certified_on >= monthStart && e.certified_on <= asOf)
    .map((e): CertifiedEnterprise => ({ id: e.id, name: e.name, industry: e.industry, town: e.town ?? null, certifiedOn: e.certified_on! }))
    .sort((a, b) => (a.certifiedOn < b.certifiedOn ? -1 : a.certifiedOn > b.certifiedOn ? 1 : a.id < b.id ? -1 : 1));
  const standardization = standardizationAt(plan, asOf);
  const totals = tally(items);
  return {
    ...reportBasis(plan, asOf, soonDays),
    ...window,
    totals,
    notYetDue: notYetDueOf(totals),
    domains: tallyByDomain(plan.domains, items).map((d) => ({ ...d, notYetDue: notYetDueOf(d.tally) })),
    figures: {
      completed: completed.length,
      completedOnTime: completed.filter((i) => i.state === 'done_on_time').length,
      completedLate: completed.filter((i) => i.state === 'done_late').length,
      fellOverdue: fellOverdue.length,
      stillOverdue: stillOverdue.length,
      blocked: blocked.length,
      inProgress: inProgress.length,
      dueRestOfMonth: dueRestOfMonth.length,
      dueNextMonth: dueNextMonth.length,
      certified: certified.length,
    },
    completed,
    fellOverdue,
    stillOverdue,
    blocked,
    inProgress,
    dueRestOfMonth,
    dueNextMonth,
    certified,
    owners: ownerSummary(plan, items).filter((o) => o.tally.done + o.tally.overdue + o.tally.dueSoon > 0),
    ...standardization,
    townRanking: rankTowns(standardization.towns.towns),
    ...targetsWithCounts(targetsAt(plan, asOf)),
    gaps,
    undatedTasks: plan.domains.flatMap((d) => d.tasks).filter((t) => !t.dueStated && !t.recurrence).length,
    corrections: null,
  };
}

/**
 * Towns with a target: those that reported, highest share of it reached first, equal shares sharing
 * a rank and keeping the document's order; then those that did not, unranked, in the document's order.
 */
export function rankTowns(towns: readonly TownProgress[]): RankedTown[] {
  const share = (t: TownProgress) => t.total.value ?? 0;
  const withTarget = towns.filter((t) => t.targetTotal !== null);
  // Array.prototype.sort is stable: towns of equal share stay in the document's order.
  const reported = withTarget.filter((t) => t.achievedTotal !== null).sort((a, b) => share(b) - share(a));
  const ranked = reported.map((town) => ({ ...town, rank: reported.findIndex((other) => share(other) === share(town)) + 1 }));
  return [...ranked, ...withTarget.filter((t) => t.achievedTotal === null).map((town) => ({ ...town, rank: null }))];
}
