/* Generated from schemas/*.json by `npm run gen:types`. Do not edit by hand. */

/**
 * People responsible (责任人), by name from people.yaml. Empty where the document names nobody.
 */
export type Names = string[];
/**
 * Responsible leaders (责任领导), by name from people.yaml.
 */
export type Names1 = string[];
/**
 * Responsible units (责任单位), by name from people.yaml.
 */
export type Names2 = string[];

/**
 * Every kind of file in a data folder.
 */
export interface DataFiles {
  plan?: PlanFile;
  domain?: DomainFile;
  enterprises?: EnterprisesFile;
  towns?: TownsFile;
  people?: PeopleFile;
}
/**
 * plan.yaml: the notice that issues the work plan, and the period it covers.
 */
export interface PlanFile {
  /**
   * The notice's title as written.
   */
  title: string;
  /**
   * The body that issued the notice, e.g. 重庆市铜梁区应急管理局.
   */
  issuer: string;
  /**
   * The date the notice was issued. Counting starts here unless count_from says otherwise.
   */
  issued: string;
  /**
   * First day work is counted. An occurrence of a recurring duty due before this day is shown as 'before the notice' and left out of every figure, since nobody had asked for it yet; deadlines the document states are always counted. Defaults to issued.
   */
  count_from?: string;
  /**
   * Named parts of the year that tasks refer to (森林防火期, 汛期). The district's headquarters sets their dates each year; record them with `plan season NAME --from D --to D`. Undated, the tasks within or before them cannot be given deadlines and reports say so.
   */
  seasons?: {
    /**
     * The season's name as the document writes it.
     */
    name: string;
    /**
     * Its first day.
     */
    from?: string;
    /**
     * Its last day.
     */
    to?: string;
  }[];
  /**
   * Statutory holidays and weekend days worked (调休) the plan adds to China's calendar, or corrects in it: for a year the bundled calendar (chinese-days) does not know yet, list every holiday and every weekend worked that the State Council announced; a year with any day listed is taken as known, its other weekdays as working days. A day listed here replaces what the bundled calendar says of it.
   */
  calendar?: {
    /**
     * The day.
     */
    date: string;
    /**
     * A day off: the holiday's name (元旦, 春节 …).
     */
    holiday?: string;
    /**
     * A weekend day worked in exchange: the holiday it makes up for.
     */
    workday?: string;
  }[];
  /**
   * The plan period. Tasks with no stated deadline are due on its last day.
   */
  period: {
    /**
     * First day of the plan period.
     */
    start: string;
    /**
     * Last day of the plan period.
     */
    end: string;
  };
  /**
   * IANA time zone that decides what 'today' is. Defaults to Asia/Shanghai.
   */
  timezone?: string;
  /**
   * Dated remarks about the plan as a whole.
   */
  notes?: Note[];
  /**
   * How plan check reports each rule: error (fails the run), warning (reported; fails only under --strict) or off. Rules not listed keep their default. Syntax, encoding and schema problems are always errors.
   */
  checks?: {
    /**
     * A file in the data folder that is not one of the data files (it is ignored).
     */
    'unknown-file'?: 'error' | 'warning' | 'off';
    /**
     * A number written with a leading zero, such as 08, which loses the zero.
     */
    'leading-zero'?: 'error' | 'warning' | 'off';
    /**
     * A full-width comma (，) or 、 between the items of a [...] list, which makes them one item.
     */
    'fullwidth-comma'?: 'error' | 'warning' | 'off';
    /**
     * An id (domain, task, target, enterprise, milestone) used twice.
     */
    'unique-id'?: 'error' | 'warning' | 'off';
    /**
     * A person, unit or town listed twice.
     */
    'unique-name'?: 'error' | 'warning' | 'off';
    /**
     * A task or target id that does not start with its domain id.
     */
    'task-id'?: 'error' | 'warning' | 'off';
    /**
     * An owner or leader not listed under people in people.yaml.
     */
    'unknown-person'?: 'error' | 'warning' | 'off';
    /**
     * A unit not listed under units in people.yaml.
     */
    'unknown-unit'?: 'error' | 'warning' | 'off';
    /**
     * An enterprise's town not listed in towns.yaml.
     */
    'unknown-town'?: 'error' | 'warning' | 'off';
    /**
     * A name holding an invisible character (zero-width space, BOM…).
     */
    'invisible-character'?: 'error' | 'warning' | 'off';
    /**
     * Two names in people.yaml that differ only by invisible characters or spaces.
     */
    'look-alike-name'?: 'error' | 'warning' | 'off';
    /**
     * A unit name or alias one or two characters away from another unit's (我城市管理局 / 区城市管理局) that is not declared as its alias.
     */
    'similar-unit'?: 'error' | 'warning' | 'off';
    /**
     * A task that names no owner, leader or unit.
     */
    'no-owner'?: 'error' | 'warning' | 'off';
    /**
     * A milestone due after its task.
     */
    'milestone-after-due'?: 'error' | 'warning' | 'off';
    /**
     * A done task without a completed date, or a completed date on a task that is not done.
     */
    'done-without-date'?: 'error' | 'warning' | 'off';
    /**
     * A recurring duty's done key of the wrong form for how often it repeats.
     */
    'occurrence-key'?: 'error' | 'warning' | 'off';
    /**
     * A recurring duty's done key for a period it does not have (2022-W53, or outside the plan period or its season).
     */
    'occurrence-period'?: 'error' | 'warning' | 'off';
    /**
     * by_day on a duty that does not repeat monthly.
     */
    'by-day'?: 'error' | 'warning' | 'off';
    /**
     * due, milestones, within, before or after on a recurring duty, which counts through its occurrences and reads none of them.
     */
    'recurring-deadline'?: 'error' | 'warning' | 'off';
    /**
     * A duty's minimum.per is a shorter period than its every.
     */
    'minimum-period'?: 'error' | 'warning' | 'off';
    /**
     * A season (of plan.yaml, or a recurring duty's own) that ends before it starts.
     */
    season?: 'error' | 'warning' | 'off';
    /**
     * within, before or after naming no season of plan.yaml, or more than one of them on a task.
     */
    'unknown-season'?: 'error' | 'warning' | 'off';
    /**
     * A plan period that ends before it starts.
     */
    'plan-period'?: 'error' | 'warning' | 'off';
    /**
     * A date outside the plan period.
     */
    'date-range'?: 'error' | 'warning' | 'off';
    /**
     * A completion, change of status, measured figure, town report or season date outside the plan period: most often last year's left in a new plan.
     */
    'outside-period'?: 'error' | 'warning' | 'off';
    /**
     * A town's above-scale target above its total, or set without a total.
     */
    'town-target'?: 'error' | 'warning' | 'off';
    /**
     * A target whose direction needs a value and has none.
     */
    'target-value'?: 'error' | 'warning' | 'off';
    /**
     * A target's same_as naming no target, a target that is itself a copy, or one with another goal; or a copy with figures of its own.
     */
    'same-target'?: 'error' | 'warning' | 'off';
    /**
     * A per-unit target naming a town or unit nobody lists, a figure of it without `for` or for a unit not in its list, or `for` on a target that is not per-unit.
     */
    'per-unit'?: 'error' | 'warning' | 'off';
    /**
     * A certified enterprise without its expiry month.
     */
    'certified-expiry'?: 'error' | 'warning' | 'off';
    /**
     * A task's history out of date order, or a status, started or completed that says otherwise than its history.
     */
    history?: 'error' | 'warning' | 'off';
    /**
     * A task blocked, cancelled or being worked on with no date for it (no history, no started).
     */
    'undated-status'?: 'error' | 'warning' | 'off';
    /**
     * A submitted report under submitted/ changed after it was submitted, or missing one of its two files.
     */
    'submitted-report'?: 'error' | 'warning' | 'off';
    /**
     * A day listed twice under calendar:, or a weekend worked (workday) that is not a Saturday or Sunday.
     */
    calendar?: 'error' | 'warning' | 'off';
  };
}
/**
 * A dated remark about progress, e.g. what was done or why something is late.
 */
export interface Note {
  /**
   * The day the note refers to.
   */
  date: string;
  /**
   * What happened.
   */
  text: string;
}
/**
 * domains/NN-name.yaml: one work domain of the plan (e.g. 防汛抗旱工作要点) with its goals, targets and numbered tasks.
 */
export interface DomainFile {
  /**
   * Short code of the domain (e.g. FX for 防汛抗旱). Every task id starts with it.
   */
  id: string;
  /**
   * The domain's title as written, e.g. 防汛抗旱工作要点.
   */
  title: string;
  /**
   * Goals, guiding ideas and safeguards as written (工作目标, 总体目标, 总体思路, 保障措施 …), in document order.
   */
  goals?: {
    /**
     * Heading the text sits under, e.g. 一、工作目标.
     */
    section?: string;
    /**
     * The item's own lead-in, e.g. （一）核心指标全面完成.
     */
    title?: string;
    /**
     * The full text.
     */
    text: string;
  }[];
  /**
   * Numeric targets set by the domain's goals.
   */
  targets?: Target[];
  /**
   * The numbered tasks or points, in document order.
   */
  tasks: Task[];
}
/**
 * A numeric target with a direction, e.g. 达标率70%以上 (at_least 70 %), 受害率控制在0.3‰以内 (at_most 0.3 ‰), 死亡人数下降20% (reduce_by 20 %).
 */
export interface Target {
  /**
   * FX-12-T1 for a task's target, SL-T1 for a domain goal's target.
   */
  id: string;
  /**
   * The target as written.
   */
  title: string;
  /**
   * What is measured, e.g. 规上工业企业安全生产标准化达标率.
   */
  metric?: string;
  /**
   * at_least: value or more; at_most: value or less; reduce_by: fall by value (in unit) against the baseline; decrease: any fall against the baseline; zero: none at all (不发生, 零死亡).
   */
  direction: 'at_least' | 'at_most' | 'reduce_by' | 'decrease' | 'zero';
  /**
   * The target figure. Required for at_least, at_most and reduce_by (checked by plan check); omitted for decrease and zero.
   */
  value?: number;
  /**
   * %, ‰, 人, 家, 小时, 米 …
   */
  unit?: string;
  /**
   * What a reduction is measured against, as written (前三年的平均数, 同比).
   */
  baseline?: string;
  /**
   * The id of a target the document states a second time (a domain goal repeated in a task's table). This one then has no figures of its own: it shows the other's, is listed under its own task, and counts once in compliance, under the other. plan check requires the other to exist and state the same goal (direction, value, unit).
   */
  same_as?: string;
  /**
   * A figure set for each of several units (各镇街…各1个): `towns` for every town of towns.yaml, or the names of the towns or units. Each unit has its own figures (actuals with `for`); reports roll them up as 达成 N/M. The target is met when every unit meets it.
   */
  per_unit?: 'towns' | [string, ...string[]];
  /**
   * Measured figures, oldest first. The latest on or before the as-of date decides met or missed.
   */
  actuals?: {
    /**
     * A calendar date written YYYY-MM-DD, e.g. 2022-05-31. Always a local date in the plan's time zone, never a timestamp.
     */
    date: string;
    /**
     * A name as written in the source document, in Chinese.
     */
    for?: string;
    /**
     * The measured figure, in the target's unit. For reduce_by and decrease: the reduction achieved (positive when the figure fell). For zero: the count (0 meets it).
     */
    value: number;
    /**
     * Free text as written in the source document.
     */
    note?: string;
  }[];
}
/**
 * One numbered task.
 */
export interface Task {
  /**
   * Task id: domain code, dash, sequence number, e.g. FX-07 (GM-A04 for rows of an attachment).
   */
  id: string;
  /**
   * A name as written in the source document, in Chinese.
   */
  section?: string;
  /**
   * The task's own numbering as written (1., 一是, （三）), so readers can find it in the document.
   */
  number?: string;
  /**
   * A name as written in the source document, in Chinese.
   */
  title: string;
  /**
   * Free text as written in the source document.
   */
  text: string;
  owners?: Names;
  leaders?: Names1;
  units?: Names2;
  /**
   * A calendar date written YYYY-MM-DD, e.g. 2022-05-31. Always a local date in the plan's time zone, never a timestamp.
   */
  due?: string;
  /**
   * A name as written in the source document, in Chinese.
   */
  within?: string;
  /**
   * A name as written in the source document, in Chinese.
   */
  before?: string;
  /**
   * A name as written in the source document, in Chinese.
   */
  after?: string;
  /**
   * Staged deadlines inside the task (试点 by May, 全面完成 by August …). Each falls on or before the task's due date.
   */
  milestones?: Milestone[];
  recurrence?: Recurrence;
  /**
   * Numeric targets the task sets.
   */
  targets?: Target[];
  /**
   * The task's status now: todo (default), doing, done (needs completed), blocked, cancelled. Where the task has a history, this is the status of its last entry (plan writes both; plan check keeps them equal). Without a history the status has no date: a blocked or cancelled task shows as such at every as-of date.
   */
  status?: 'todo' | 'doing' | 'done' | 'blocked' | 'cancelled';
  /**
   * A calendar date written YYYY-MM-DD, e.g. 2022-05-31. Always a local date in the plan's time zone, never a timestamp.
   */
  started?: string;
  /**
   * A calendar date written YYYY-MM-DD, e.g. 2022-05-31. Always a local date in the plan's time zone, never a timestamp.
   */
  completed?: string;
  /**
   * For work carried over (结转) from last year's plan by plan rollover: that plan's year and the task's id there, e.g. 2022:ZH-05. Without a due date it has no deadline until the new notice sets one.
   */
  carried_from?: string;
  /**
   * Every change of the task's status, oldest first, each dated the day it took effect (plan start, block, unblock, cancel, reopen and done write one). The status at an as-of date is that of the last entry on or before it; before the first entry the task was todo.
   */
  history?: Change[];
  notes?: Note[];
}
export interface Milestone {
  /**
   * m1, m2 … unique within the task; addressed as TASK/m1.
   */
  id: string;
  /**
   * A name as written in the source document, in Chinese.
   */
  title: string;
  /**
   * A calendar date written YYYY-MM-DD, e.g. 2022-05-31. Always a local date in the plan's time zone, never a timestamp.
   */
  due: string;
  /**
   * A calendar date written YYYY-MM-DD, e.g. 2022-05-31. Always a local date in the plan's time zone, never a timestamp.
   */
  completed?: string;
  notes?: Note[];
}
/**
 * A duty that repeats (每季度, 每月5日前, 双月, 每年至少2次, 每周). Each occurrence is due, done or late on its own.
 */
export interface Recurrence {
  /**
   * Length of one period. Each period's occurrence is due on its last day unless by_day says otherwise.
   */
  every: 'week' | 'month' | 'two_months' | 'quarter' | 'half_year' | 'year';
  /**
   * For every: month, the occurrence of a month is due on this day of that month (每月5日前 → 5).
   */
  by_day?: number;
  /**
   * How many times per period the text asks for (每月至少专题研究1次 → 1). Informational: a floor that decides done or late is `minimum`.
   */
  times?: number;
  /**
   * A binding floor: at least `count` completions in each `per` period, each recorded with its date. Alone (每年至少2次: every year, minimum count 2) the occurrence is done only at its count-th completion; beside a nominal cadence (原则上每季度召开1次，全年不少于2次: every quarter, minimum count 2 per year) the quarterly occurrences stay and one item per year counts the completions recorded under them. Reports show the count as 1/2; the period is late when the count is not reached by its end.
   */
  minimum?: {
    /**
     * Completions required in each period.
     */
    count: number;
    /**
     * The period the count applies to; defaults to `every`. Must not be shorter than `every`.
     */
    per?: 'week' | 'month' | 'two_months' | 'quarter' | 'half_year' | 'year';
  };
  /**
   * A name as written in the source document, in Chinese.
   */
  within?: string;
  /**
   * Restricts occurrences to a season given here (prefer `within`, naming a season of plan.yaml). Leave from/until empty where the document does not state the dates; the occurrences then cannot be counted and the tool says so.
   */
  season?: {
    /**
     * A name as written in the source document, in Chinese.
     */
    name: string;
    /**
     * A calendar date written YYYY-MM-DD, e.g. 2022-05-31. Always a local date in the plan's time zone, never a timestamp.
     */
    from?: string;
    /**
     * A calendar date written YYYY-MM-DD, e.g. 2022-05-31. Always a local date in the plan's time zone, never a timestamp.
     */
    until?: string;
  };
  /**
   * Completed occurrences: period key → completion date, e.g. 2022-Q1: 2022-03-28, or a list of dates where a period asks for several completions (minimum), e.g. 2022: [2022-03-10, 2022-09-15]. Keys: 2022-W07, 2022-03, 2022-B2 (two months), 2022-Q1, 2022-H1, 2022.
   */
  done?: {
    [k: string]: string | [string, ...string[]];
  };
}
/**
 * One change of a task's status: from this day on the task is `status`.
 */
export interface Change {
  /**
   * A calendar date written YYYY-MM-DD, e.g. 2022-05-31. Always a local date in the plan's time zone, never a timestamp.
   */
  date: string;
  /**
   * The status from this day on: doing (started, or unblocked after a start), blocked, cancelled, done, or todo (reopened, or unblocked before any start).
   */
  status: 'todo' | 'doing' | 'done' | 'blocked' | 'cancelled';
  /**
   * Free text as written in the source document.
   */
  reason?: string;
}
/**
 * enterprises.yaml: the roster of above-scale enterprises that must reach, or renew, work-safety standardization (附件2).
 */
export interface EnterprisesFile {
  enterprises: {
    /**
     * Stable id, E followed by the row number of the roster, e.g. E001.
     */
    id: string;
    /**
     * A name as written in the source document, in Chinese.
     */
    name: string;
    /**
     * Industry (所属行业) as written in the roster.
     */
    industry: '冶金' | '有色' | '机械' | '建材' | '轻工' | '纺织' | '化工' | '其他';
    /**
     * not_started: 当前未创建; applying: 正在申请中; certified: holds a standardization certificate (see expires); revoked: certificate withdrawn.
     */
    status: 'not_started' | 'applying' | 'certified' | 'revoked';
    /**
     * Month the certificate expires (2022年N月过期 → 2022-NN). A certified enterprise past this month counts as expired.
     */
    expires?: string;
    /**
     * A calendar date written YYYY-MM-DD, e.g. 2022-05-31. Always a local date in the plan's time zone, never a timestamp.
     */
    certified_on?: string;
    /**
     * A name as written in the source document, in Chinese.
     */
    town?: string;
    notes?: Note[];
  }[];
}
/**
 * towns.yaml: each town, street office and park with its 2022 standardization targets (附件3) and recorded progress.
 */
export interface TownsFile {
  towns: {
    /**
     * A name as written in the source document, in Chinese.
     */
    name: string;
    /**
     * Industrial enterprises to reach standardization in the year. null where the source shows '/' (no target set), which is not 0.
     */
    target_total: number | null;
    /**
     * Of those, how many are 规上 (above-scale). null where no target is set. Never more than target_total.
     */
    target_above_scale: number | null;
    /**
     * Recorded progress, one entry per report date, oldest first. Reports use the latest entry on or before the as-of date.
     */
    progress?: {
      /**
       * A calendar date written YYYY-MM-DD, e.g. 2022-05-31. Always a local date in the plan's time zone, never a timestamp.
       */
      date: string;
      /**
       * Enterprises standardized so far in the year.
       */
      achieved_total: number;
      /**
       * Of those, 规上 enterprises.
       */
      achieved_above_scale?: number;
    }[];
  }[];
}
/**
 * people.yaml: the people and the units (departments, offices, towns) that own work. Tasks refer to them by name.
 */
export interface PeopleFile {
  /**
   * People named as 责任人 (responsible) or 责任领导 (responsible leader).
   */
  people: {
    /**
     * A name as written in the source document, in Chinese.
     */
    name: string;
    /**
     * A name as written in the source document, in Chinese.
     */
    unit?: string;
    /**
     * How the source document names the person: 责任人 or 责任领导.
     */
    roles?: ('责任人' | '责任领导')[];
  }[];
  /**
   * Units named as 责任单位 (e.g. 区水利局, 各镇街), one entry per unit; spellings the document also uses for it go under aliases, and a name standing for several units lists them under members.
   */
  units: {
    /**
     * A name as written in the source document, in Chinese.
     */
    name: string;
    /**
     * department: a district department (区水利局); office: a headquarters' office (区防办); towns: the towns and street offices collectively (各镇街); group: a collective such as 区防指各成员单位.
     */
    kind?: 'department' | 'office' | 'towns' | 'group';
    /**
     * Other spellings the document uses for this same unit. Tasks keep the words as written; reports, filters and `plan owner` count them under this unit's name. An alias may not be the name or alias of another unit.
     *
     * @minItems 1
     */
    aliases?: [string, ...string[]];
    /**
     * Makes this entry a combined name that stands for several units (区防办及防指成员单位 = 区防办 and 区防指成员单位). Each member is the name or alias of another unit in this list; a task owned by the combined name counts under each member, and the combined name has no row of its own.
     *
     * @minItems 2
     */
    members?: [string, string, ...string[]];
  }[];
}
