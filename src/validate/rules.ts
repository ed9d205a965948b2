import type { Messages } from '../i18n/index.js';
import { diagnosticAtPath, linePosition, offsetOf, type PathSegment, type SourceFile } from '../load/source-file.js';
import { occurrencesOf } from '../compute/occurrences.js';
import { isCalendarDate } from '../model/dates.js';
import { statusNow, statusUndated } from '../model/history.js';
import { getISOWeeksInYear } from 'date-fns/getISOWeeksInYear';
import type { DomainFile, EnterprisesFile, PeopleFile, PlanFile, Target, TownsFile } from '../model/schema-types.js';
import { PERIOD_DAYS } from '../compute/minimum.js';
import { quotedExcerpt, type Diagnostic, type Severity } from './diagnostic.js';
import { nameKey } from '../model/names.js';
import { nameWarnings } from './names.js';
import { unitNames as unitNamesOf } from './units.js';
import { targetRules } from './targets.js';
import { recurrenceInSeason } from '../model/seasons.js';
import { halfCharacters, inexactNumbers } from './figures.js';
import { RULES, RuleSettings } from './registry.js';
import { didYouMean } from '../compute/closest.js';

const RECURRENCE_KEY: Record<string, RegExp> = {
  week: /^\d{4}-W\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  two_months: /^\d{4}-B[1-6]$/,
  quarter: /^\d{4}-Q[1-4]$/,
  half_year: /^\d{4}-H[12]$/,
  year: /^\d{4}$/,
};

export type Report = (file: SourceFile, path: PathSegment[], rule: string, message: string, severity?: Severity, atKey?: boolean) => void;

/** A file with the data the rules read: its own, or what is left of it once the values its schema rejects are removed. */
export interface CheckedFile {
  file: SourceFile;
  data: unknown;
  /** Where values the schema rejected were removed from `data`. */
  removed?: readonly PathSegment[][];
}

/**
 * Rules that span files or need more than a schema can say. The data must match the schemas.
 * `settings` decides each diagnostic's severity; a dropped one is never placed (placing costs a full parse).
 */
export function crossFileDiagnostics(files: readonly CheckedFile[], msg: Messages, settings = new RuleSettings()): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const removed = new Map(files.map((f) => [f.file, f.removed ?? []]));
  const report: Report = (file, path, rule, message, emitted = 'error', atKey = false) => {
    // A rule that weighs an item as a whole would misjudge one that lost a wrong value: its schema error says enough.
    if (RULES[rule]?.wholeItem && removed.get(file)?.some((gone) => sameItem(gone, path))) return;
    const severity = settings.severityOf(rule, emitted);
    if (severity !== undefined) diagnostics.push(diagnosticAtPath(file, path, severity, rule, message, atKey));
  };

  const ofKind = <T>(kind: SourceFile['kind']) => files.filter((f) => f.file.kind === kind).map((f) => ({ file: f.file, data: f.data as T }));
  const plan = ofKind<PlanFile>('plan')[0];
  const people = ofKind<PeopleFile>('people')[0];
  const towns = ofKind<TownsFile>('towns')[0];
  const domains = ofKind<DomainFile>('domain');
  const rosters = ofKind<EnterprisesFile>('enterprises');

  const ids = new IdRegistry(report, msg);
  const personNames = people ? uniqueNames(people.file, 'people', people.data.people, report, msg) : undefined;
  const unitNames = people ? unitNamesOf(people.file, people.data.units, report, msg) : undefined;
  const townNames = towns ? uniqueNames(towns.file, 'towns', towns.data.towns, report, msg) : undefined;

  if (people && unitNames) {
    people.data.people.forEach((person, i) => {
      if (person.unit !== undefined && !unitNames.has(nameKey(person.unit))) report(people.file, ['people', i, 'unit'], 'unknown-unit', msg.unknownUnit(quotedExcerpt(person.unit), suggestion(person.unit, unitNames)));
    });
  }
  nameWarnings(people, domains, report, msg);
  if (towns) checkTowns(towns.file, towns.data, report, msg);
  for (const { file, data } of rosters) {
    data.enterprises.forEach((enterprise, i) => {
      ids.claim(enterprise.id, file, ['enterprises', i, 'id']);
      if (enterprise.town !== undefined && townNames && !townNames.has(nameKey(enterprise.town))) {
        report(file, ['enterprises', i, 'town'], 'unknown-town', msg.unknownTown(quotedExcerpt(enterprise.town), suggestion(enterprise.town, townNames)));
      }
      if (enterprise.status === 'certified' && enterprise.expires === undefined) {
        report(file, ['enterprises', i], 'certified-expiry', msg.certifiedWithoutExpiry, 'warning');
      }
    });
  }

  const seasons = plan?.data.seasons ?? [];
  const seasonNames = plan ? uniqueNames(plan.file, 'seasons', seasons, report, msg) : undefined;
  seasons.forEach((season, i) => {
    if (season.from !== undefined && season.to !== undefined && season.from > season.to) report(plan!.file, ['seasons', i, 'to'], 'season', msg.seasonReversed);
  });
  if (plan) checkCalendar(plan.file, plan.data.calendar ?? [], report, msg);
  const periodEnd = plan?.data.period.end;
  // A period the rules can work in: in order, and not longer than a plan can be (a typo such as 9022 would make them count millennia).
  const period = plan && plan.data.period.start <= plan.data.period.end && !periodTooLong(plan.data.period) ? plan.data.period : undefined;
  for (const { file, data } of domains) {
    ids.claim(data.id, file, ['id']);
    data.targets?.forEach((target, i) => checkTarget(file, ['targets', i], target, data.id, ids, report, msg));
    data.tasks.forEach((task, i) => {
      const at = (...rest: PathSegment[]) => ['tasks', i, ...rest];
      ids.claim(task.id, file, at('id'));
      if (!task.id.startsWith(`${data.id}-`)) report(file, at('id'), 'task-id', msg.taskIdPrefix(task.id, data.id), 'warning');
      const check = (names: string[] | undefined, key: string, known: Set<string> | undefined, unknown: (n: string) => string) =>
        names?.forEach((name, k) => {
          if (known && !known.has(nameKey(name))) report(file, at(key, k), key === 'units' ? 'unknown-unit' : 'unknown-person', unknown(name));
        });
      const unknownPerson = (n: string) => (unitNames?.has(nameKey(n)) ? msg.personAsUnit(quotedExcerpt(n)) : msg.unknownPerson(quotedExcerpt(n), suggestion(n, personNames)));
      check(task.owners, 'owners', personNames, unknownPerson);
      check(task.leaders, 'leaders', personNames, unknownPerson);
      check(task.units, 'units', unitNames, (n) => msg.unknownUnit(quotedExcerpt(n), suggestion(n, unitNames)));
      if (!task.owners?.length && !task.leaders?.length && !task.units?.length) {
        report(file, at('id'), 'no-owner', msg.noOwner(task.id), 'warning');
      }
      const related = (['within', 'before', 'after'] as const).filter((key) => task[key] !== undefined);
      if (related.length > 1) report(file, at(related[1]!), 'unknown-season', msg.oneSeasonRelation(related.join(', ')));
      for (const key of related) if (seasonNames && !seasonNames.has(nameKey(task[key]!))) report(file, at(key), 'unknown-season', msg.unknownSeasonName(task[key]!, [...seasonNames].join('、')));
      if (task.recurrence?.within !== undefined && seasonNames && !seasonNames.has(nameKey(task.recurrence.within))) {
        report(file, at('recurrence', 'within'), 'unknown-season', msg.unknownSeasonName(task.recurrence.within, [...seasonNames].join('、')));
      }
      const taskDue = task.due ?? periodEnd;
      const milestoneIds = new Set<string>();
      task.milestones?.forEach((milestone, m) => {
        if (milestoneIds.has(milestone.id)) report(file, at('milestones', m, 'id'), 'unique-id', msg.duplicateId(`${task.id}/${milestone.id}`, task.id));
        milestoneIds.add(milestone.id);
        if (taskDue !== undefined && milestone.due > taskDue) {
          report(file, at('milestones', m, 'due'), 'milestone-after-due', msg.milestoneAfterDue(milestone.id, milestone.due, taskDue));
        }
      });
      const status = task.status ?? 'todo';
      if (task.history?.length) checkHistory(file, at, task, report, msg);
      else {
        if (status === 'done' && task.completed === undefined) report(file, at('status'), 'done-without-date', msg.doneWithoutDate);
        if (status !== 'done' && task.completed !== undefined) report(file, at('completed'), 'done-without-date', msg.completedButNotDone(status), 'warning');
        if (statusUndated(task)) report(file, at('status'), 'undated-status', msg.undatedStatus(task.id, status, status === 'doing' ? 'start' : status === 'cancelled' ? 'cancel' : 'block'), 'warning');
      }
      const recurrence = task.recurrence && recurrenceInSeason(task.recurrence, seasons);
      // A recurring duty counts through its occurrences: a deadline of the task itself would be read nowhere.
      if (recurrence) {
        for (const key of ['due', 'milestones', 'within', 'before', 'after'] as const) {
          if (task[key] !== undefined) report(file, at(key), 'recurring-deadline', msg.recurringDeadline(key), 'error', true);
        }
      }
      if (recurrence) {
        const form = RECURRENCE_KEY[recurrence.every]!;
        // The periods the duty has within the plan period (and its season): the only keys a report counts.
        const counted = period ? occurrencesOf(recurrence, period) : undefined;
        const keys = counted?.ok ? new Set(counted.occurrences.map((o) => o.key)) : undefined;
        for (const key of Object.keys(recurrence.done ?? {})) {
          const where = at('recurrence', 'done', key);
          if (!form.test(key)) report(file, where, 'occurrence-key', msg.occurrenceKeyMismatch(key, recurrence.every), 'error', true);
          else if (!isRealPeriod(key)) report(file, where, 'occurrence-period', msg.noSuchWeek(key, getISOWeeksInYear(new Date(Number(key.slice(0, 4)), 5, 1))), 'error', true);
          else if (keys && period && !keys.has(key)) {
            const window = recurrence.season ? msg.seasonWindow(recurrence.season.name) : msg.planWindow(period.start, period.end);
            report(file, where, 'occurrence-period', msg.occurrenceOutsidePeriod(key, window), 'error', true);
          }
        }
        if (recurrence.by_day !== undefined && recurrence.every !== 'month') {
          report(file, at('recurrence', 'by_day'), 'by-day', msg.byDayNotMonthly(recurrence.every));
        }
        const per = recurrence.minimum?.per;
        if (per !== undefined && PERIOD_DAYS[per] < PERIOD_DAYS[recurrence.every]) {
          report(file, at('recurrence', 'minimum', 'per'), 'minimum-period', msg.minimumPeriodShorter(per, recurrence.every));
        }
        const season = recurrence.season;
        if (season?.from !== undefined && season.until !== undefined && season.from > season.until) {
          report(file, at('recurrence', 'season', 'until'), 'season', msg.seasonReversed);
        }
      }
      task.targets?.forEach((target, t) => checkTarget(file, at('targets', t), target, data.id, ids, report, msg));
    });
  }

  targetRules(domains, townNames, unitNames, report, msg);
  for (const { file } of files) diagnostics.push(...inexactNumbers(file, msg), ...halfCharacters(file, msg));

  if (plan) {
    const { start, end } = plan.data.period;
    if (start > end) report(plan.file, ['period', 'end'], 'plan-period', msg.periodReversed(start, end));
    else if (periodTooLong(plan.data.period)) report(plan.file, ['period', 'end'], 'plan-period', msg.periodTooLong(start, end, MAX_PLAN_YEARS));
    else {
      checkSeasonsInPeriod(plan.file, plan.data, report, msg);
      for (const { file, data } of files) if (file.kind !== 'plan') checkDatesInPeriod(file, data, start, end, report, msg);
    }
  }
  return diagnostics;
}

/**
 * Rule history: the changes in date order, and status, started and completed (where written) as
 * the last change leaves them, so that a reader of either sees the same task.
 */
function checkHistory(file: SourceFile, at: (...rest: PathSegment[]) => PathSegment[], task: DomainFile['tasks'][number], report: Report, msg: Messages): void {
  const history = task.history!;
  for (let i = 1; i < history.length; i++) {
    if (history[i]!.date < history[i - 1]!.date) {
      report(file, at('history', i, 'date'), 'history', msg.historyOutOfOrder(history[i]!.date, history[i - 1]!.date));
      return;
    }
  }
  const now = statusNow(history);
  const last = history.at(-1)!;
  if ((task.status ?? 'todo') !== now.status) report(file, at('status'), 'history', msg.historyDisagrees('status', task.status ?? 'todo', now.status, last.date));
  for (const key of ['started', 'completed'] as const) {
    if (task[key] !== undefined && task[key] !== now[key]) report(file, at(key), 'history', msg.historyDisagrees(key, task[key], now[key] ?? '—', last.date));
  }
}

/**
 * Rule calendar: each day listed once; a weekend worked (调休) must be a Saturday or Sunday, since a
 * weekday is a working day anyway.
 */
function checkCalendar(file: SourceFile, days: NonNullable<PlanFile['calendar']>, report: Report, msg: Messages): void {
  const seen = new Set<string>();
  days.forEach((day, i) => {
    if (seen.has(day.date)) report(file, ['calendar', i, 'date'], 'calendar', msg.calendarTwice(day.date));
    seen.add(day.date);
    const weekday = new Date(`${day.date}T00:00:00Z`).getUTCDay();
    if (day.workday !== undefined && weekday !== 0 && weekday !== 6) report(file, ['calendar', i, 'workday'], 'calendar', msg.calendarWorkdayOnWeekday(day.date));
  });
}

/** The longest plan period, in years: a yearly plan, or a five-year one, with room to spare. */
export const MAX_PLAN_YEARS = 10;

/** Whether a period runs over more than MAX_PLAN_YEARS calendar years. */
export function periodTooLong(period: { start: string; end: string }): boolean {
  return Number(period.end.slice(0, 4)) - Number(period.start.slice(0, 4)) >= MAX_PLAN_YEARS;
}

/** False for a week key past the last ISO week of its year (2022-W53: ISO 2022 has 52 weeks). */
function isRealPeriod(key: string): boolean {
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  return !week || (Number(week[2]) >= 1 && Number(week[2]) <= getISOWeeksInYear(new Date(Number(week[1]), 5, 1)));
}

/** Whether two paths lie in the same list item (a task, a milestone), or one in an item holding the other. */
function sameItem(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  const item = (path: readonly PathSegment[]) => path.slice(0, path.findLastIndex((s) => typeof s === 'number') + 1);
  const [x, y] = [item(a), item(b)];
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  return shorter.every((segment, i) => longer[i] === segment);
}

/** The likely meant names, joined for a message ("" when none is close). */
function suggestion(name: string, known: ReadonlySet<string> | undefined): string {
  return known ? didYouMean(name, known).join('、') : '';
}

/** Remembers where each id was first used, and reports any later use. */
class IdRegistry {
  // Positions are looked up only when a duplicate turns up: most files never need theirs.
  private readonly seen = new Map<string, { file: SourceFile; path: PathSegment[] }>();
  constructor(
    private readonly report: Report,
    private readonly msg: Messages,
  ) {}
  claim(id: string, file: SourceFile, path: PathSegment[]): void {
    const first = this.seen.get(id);
    if (first !== undefined) {
      const { line, col } = linePosition(first.file, offsetOf(first.file, first.path));
      this.report(file, path, 'unique-id', this.msg.duplicateId(id, `${first.file.path}:${line}:${col}`));
      return;
    }
    this.seen.set(id, { file, path });
  }
}

function uniqueNames(file: SourceFile, key: string, list: { name: string }[], report: Report, msg: Messages): Set<string> {
  const names = new Set<string>();
  list.forEach((entry, i) => {
    // José and Jose\u0301 are one name: compared in NFC.
    if (names.has(nameKey(entry.name))) report(file, [key, i, 'name'], 'unique-name', msg.duplicateName(entry.name));
    names.add(nameKey(entry.name));
  });
  return names;
}

function checkTowns(file: SourceFile, data: TownsFile, report: Report, msg: Messages): void {
  data.towns.forEach((town, i) => {
    const total = town.target_total;
    const aboveScale = town.target_above_scale;
    if (aboveScale === null) return;
    if (total === null) report(file, ['towns', i, 'target_above_scale'], 'town-target', msg.aboveScaleWithoutTotal);
    else if (aboveScale > total) report(file, ['towns', i, 'target_above_scale'], 'town-target', msg.aboveScaleOverTotal(aboveScale, total));
  });
  // Rule town-progress: above-scale enterprises are among those standardized, never more of them.
  data.towns.forEach((town, i) =>
    town.progress?.forEach((record, k) => {
      const aboveScale = record.achieved_above_scale;
      if (aboveScale !== undefined && aboveScale > record.achieved_total) {
        report(file, ['towns', i, 'progress', k, 'achieved_above_scale'], 'town-progress', msg.achievedAboveScaleOverTotal(aboveScale, record.achieved_total));
      }
    }),
  );
}

function checkTarget(file: SourceFile, path: PathSegment[], target: Target, domainId: string, ids: IdRegistry, report: Report, msg: Messages): void {
  ids.claim(target.id, file, [...path, 'id']);
  if (!target.id.startsWith(`${domainId}-`)) report(file, [...path, 'id'], 'task-id', msg.taskIdPrefix(target.id, domainId), 'warning');
  const needsValue = target.direction === 'at_least' || target.direction === 'at_most' || target.direction === 'reduce_by';
  if (needsValue && target.value === undefined) report(file, path, 'target-value', msg.targetNeedsValue(target.direction));
}

/**
 * A date outside the plan period is most often a typo (2021 or 2023 for 2022); it may also be real
 * (a due date the document sets for the next year), so it is a warning that names the period. A
 * record of what happened (a completion, a change of status, a measured figure, a town's report)
 * belongs to the year it counts in: outside the period it is an error (rule outside-period), most
 * often last year's left in a new plan. A certificate or a start from before the period is no
 * slip at all (a certificate lasts three years; work carried over began last year).
 */
function checkDatesInPeriod(file: SourceFile, data: unknown, start: string, end: string, report: Report, msg: Messages): void {
  const visit = (value: unknown, path: PathSegment[]): void => {
    if (typeof value === 'string') {
      if (!isCalendarDate(value) || (value >= start && value <= end)) return;
      const kind = dateKind(path);
      if (kind === 'record') report(file, path, 'outside-period', msg.recordOutsidePeriod(value, start, end));
      else if (kind === 'other' || value > end) report(file, path, 'date-range', msg.dateOutsidePeriod(value, start, end), 'warning');
    } else if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i]));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  visit(data, []);
}

/** What a date in a data file records: something done in the plan's year, a start or certificate that may come from before it, or anything else. */
function dateKind(path: readonly PathSegment[]): 'record' | 'earlier-allowed' | 'other' {
  const last = path.at(-1);
  const parent = path.findLast((segment) => typeof segment === 'string' && segment !== last);
  if (last === 'completed' || (last === 'date' && (parent === 'history' || parent === 'actuals' || parent === 'progress'))) return 'record';
  if (path.includes('recurrence') && path.includes('done')) return 'record';
  if (last === 'started' || last === 'certified_on') return 'earlier-allowed';
  return 'other';
}

/** Rule outside-period for plan.yaml: a season's dates lie in the plan period (last year's left in a new plan give deadlines a year early). */
function checkSeasonsInPeriod(file: SourceFile, data: PlanFile, report: Report, msg: Messages): void {
  const { start, end } = data.period;
  (data.seasons ?? []).forEach((season, i) => {
    for (const key of ['from', 'to'] as const) {
      const value = season[key];
      if (value !== undefined && (value < start || value > end)) report(file, ['seasons', i, key], 'outside-period', msg.seasonOutsidePeriod(season.name, value, start, end));
    }
  });
}
