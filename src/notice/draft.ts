/**
 * A notice read into a draft plan: the outline's items become tasks, the rules' readings become
 * their fields, each field with the line and words it came from, and everything the reader could
 * not place goes on a review list. Pure: text in, draft out.
 */
import { GOAL_LABEL, outline, type Domain, type Line, type Node, type Outline, type Table } from './outline.js';
import {
  deadlines,
  names,
  openEnded,
  ownersIn,
  recurrence,
  seasonIn,
  targets,
  unitKey,
  PART_MAX,
  type DeadlineClause,
  type RecurrenceReading,
  type TargetReading,
} from './rules.js';
import { splitNames } from './person-names.js';

export interface Trace {
  line: number;
  phrase?: string;
  /** What is uncertain about the reading; written as 待核. */
  doubt?: string;
}

export interface Traced<T> {
  value: T;
  trace: Trace;
}

export interface DraftTarget extends TargetReading {
  id: string;
}

export interface DraftTask {
  id: string;
  line: number;
  section?: string;
  number: string;
  title: string;
  text: string;
  units?: Traced<string[]>;
  /** Units the notice names as helping (配合), listed in units too until the model keeps them apart. */
  supporting?: string[];
  owners?: Traced<string[]>;
  leaders?: Traced<string[]>;
  due?: Traced<string>;
  milestones?: Traced<{ id: string; title: string; due: string }[]>;
  recurrence?: Traced<RecurrenceReading>;
  season?: Traced<{ relation: 'before' | 'within' | 'after'; name: string }>;
  targets: Traced<DraftTarget>[];
}

export interface DraftGoal {
  line: number;
  section?: string;
  title?: string;
  text: string;
}

export interface DraftDomain {
  id: string;
  title: string;
  line: number;
  goals: DraftGoal[];
  targets: Traced<DraftTarget>[];
  tasks: DraftTask[];
}

export interface DraftUnit {
  name: string;
  line: number;
  aliases: string[];
  members: string[];
}

export interface DraftPerson {
  name: string;
  line: number;
  roles: string[];
  doubt?: string;
}

export interface DraftTown {
  name: string;
  line: number;
  target_total: number | null;
  target_above_scale: number | null;
}

export interface DraftEnterprise {
  id: string;
  line: number;
  name: string;
  industry: string;
  status: 'not_started' | 'applying' | 'certified';
  expires?: string;
  doubt?: string;
}

export type ReviewKind = 'undated' | 'no-owner' | 'doubt' | 'unread' | 'skipped';

export interface ReviewEntry {
  kind: ReviewKind;
  line: number;
  /** The task or table row it is about, when there is one. */
  subject?: string;
  text: string;
}

export interface Draft {
  title: string;
  issuer: string;
  issued: string;
  year: number;
  lines: { title?: number; issuer?: number; issued?: number };
  seasons: string[];
  domains: DraftDomain[];
  units: DraftUnit[];
  people: DraftPerson[];
  towns?: DraftTown[];
  enterprises?: DraftEnterprise[];
  review: ReviewEntry[];
}

const GOAL_HEADING = /目标|思路|指导思想|总体要求|保障措施|工作要求|组织领导|基本原则|工作措施和要求/;
const TARGET_HEADING = /目标/;
const TASK_LIST_HEADING = /^(?:重点|主要|工作)?(?:任务|工作|措施)$/;

export interface DraftOptions {
  /** The plan's year; else the year in the title, else the year of issue. */
  year?: number;
}

export function draftOf(text: string, options: DraftOptions = {}): Draft {
  const shape = outline(text);
  const year = options.year ?? yearOf(shape);
  const review: ReviewEntry[] = [];
  const draft: Draft = {
    title: shape.title?.text ?? '',
    issuer: shape.issuer?.text ?? '',
    issued: shape.issued?.date ?? `${year}-01-01`,
    year,
    lines: { ...(shape.title ? { title: shape.title.n } : {}), ...(shape.issuer ? { issuer: shape.issuer.n } : {}), ...(shape.issued ? { issued: shape.issued.line.n } : {}) },
    seasons: [],
    domains: [],
    units: [],
    people: [],
    review,
  };
  if (!shape.issued) review.push({ kind: 'unread', line: 1, text: `未找到印发日期，按 ${draft.issued} 填写` });
  const coveringUnits = coveringOwners(shape.covering);

  partsAsDomains(shape).forEach((domain, index) => {
    const code = domainCode(index);
    const d: DraftDomain = { id: code, title: domainTitle(domain, shape), line: domain.line, goals: [], targets: [], tasks: [] };
    readDomain(domain, d, year, review);
    for (const table of domain.tables) readTable(table, d, draft, year, review);
    if (d.tasks.length > 0 || d.goals.length > 0) draft.domains.push(d);
  });

  for (const domain of draft.domains) {
    for (const task of domain.tasks) {
      if (!task.units && !task.owners && coveringUnits) {
        task.units = { value: coveringUnits.names, trace: { line: coveringUnits.line, phrase: coveringUnits.phrase, doubt: '责任单位取自通知正文前的说明' } };
      }
      noteGaps(task, review);
    }
  }
  draft.units = unitsOf(draft.domains);
  draft.people = peopleOf(draft.domains);
  draft.seasons = [...new Set(draft.domains.flatMap((d) => d.tasks.flatMap((t) => [t.season?.value.name, t.recurrence?.value.within]).filter((s): s is string => s !== undefined)))];
  for (const line of shape.skipped) review.push({ kind: 'skipped', line: line.n, text: line.text.trim() });
  review.sort((a, b) => a.line - b.line || a.kind.localeCompare(b.kind));
  return draft;
}

/**
 * A notice whose body is one plan in parts (一、安全生产工作 二、防灾减灾工作 …, each with its own goals
 * and tasks) has a domain per part, as one with a heading per domain does. Only the domain that is
 * the whole notice (no domain headings, or one that repeats the notice's 《》 title) is cut so: inside
 * a domain, 一、 headings are its sections.
 */
function partsAsDomains(shape: Outline): Domain[] {
  const quoted = /《([^》]+)》/.exec(shape.title?.text ?? '')?.[1];
  return shape.domains.flatMap((domain) => {
    const whole = domain.title === (shape.title?.text ?? '') || (quoted !== undefined && domain.title === quoted);
    const parts = domain.nodes.filter((n) => n.rank === 1 && !isGoalNode(n));
    if (!whole || parts.length < 2 || !parts.every((n) => n.children.length > 0 && !/。\s*\S/.test(headWords(n)))) return [domain];
    const split: Domain[] = [];
    for (const node of domain.nodes) {
      const last = split[split.length - 1];
      if (parts.includes(node)) split.push({ title: headWords(node).replace(/[。：:]$/, ''), line: node.head.n, preamble: node.more, nodes: node.children, tables: [] });
      else if (last) last.nodes.push(node);
      else domain.preamble.push(...linesOfNode(node));
    }
    split[0]!.preamble.unshift(...domain.preamble.filter((l) => l.text !== quoted));
    split[split.length - 1]!.tables.push(...domain.tables);
    return split;
  });
}

function yearOf(shape: Outline): number {
  const inTitle = /(\d{4})年/.exec(shape.title?.text ?? '');
  if (inTitle) return Number(inTitle[1]);
  if (shape.issued) return Number(shape.issued.date.slice(0, 4));
  return new Date().getFullYear();
}

/** DA, DB, … : a code a clerk can replace with the domain's own (FX for 防汛) before the plan is used. */
function domainCode(index: number): string {
  return index < 26 ? `D${String.fromCharCode(65 + index)}` : `D${String.fromCharCode(65 + Math.floor(index / 26) - 1)}${String.fromCharCode(65 + (index % 26))}`;
}

function domainTitle(domain: Domain, shape: Outline): string {
  if (domain.title !== (shape.title?.text ?? '')) return domain.title;
  // A notice without domain headings is one domain: what it issues, without 关于印发…的通知.
  const quoted = /《([^》]+)》/.exec(domain.title);
  if (quoted) return quoted[1]!;
  const issued = /^关于(?:印发|下达|做好)?(.+?)(?:的通知|的意见)?$/.exec(domain.title);
  return issued ? issued[1]! : domain.title || '工作要点';
}

/** "各项任务由区应急管理局牵头，…" in the covering letter: the units every task without its own falls to. */
function coveringOwners(covering: Line[]): { names: string[]; line: number; phrase: string } | undefined {
  for (const line of covering) {
    const m = /(?:各项|以上|上述)?(?:工作|任务)(?:均)?由([^，。；]+?)(?:牵头|负责)(?:[，,]([^，。；]+?)(?:按照职责分工|按职责分工|分工负责|配合|参与))?/.exec(line.text);
    if (m) return { names: [...names(m[1]!), ...names(m[2] ?? '')], line: line.n, phrase: m[0] };
  }
  return undefined;
}

function textOf(node: Node): string {
  return [node.head.text, ...node.more.map((l) => l.text)].join('\n');
}

/** A node's text with everything under it, for goals whose parts are numbered too. */
function fullText(node: Node): string {
  return [textOf(node), ...node.children.map(fullText)].join('\n');
}

function allLines(node: Node): Line[] {
  return [...linesOfNode(node), ...node.children.flatMap(allLines)];
}

function linesOfNode(node: Node): Line[] {
  return [node.head, ...node.more];
}

function isGoalNode(node: Node): boolean {
  return node.rank === 1 && GOAL_HEADING.test(headWords(node));
}

function headWords(node: Node): string {
  return node.head.text.slice(node.number.length).trim();
}

/** The heading of a node that has children: its first line, as written. */
function sectionOf(node: Node): string {
  return node.head.text;
}

function readDomain(domain: Domain, d: DraftDomain, year: number, review: ReviewEntry[]): void {
  for (const line of domain.preamble) readGoalParagraph(line, undefined, d, true);
  const tasks: { node: Node; section?: string; number: string; text: string; lines: Line[] }[] = [];
  const visit = (node: Node, section: string | undefined) => {
    const only = node.children.length === 1 ? node.children[0]! : undefined;
    if (only && only.number === '一是' && /。二是/.test(only.head.text)) {
      // A heading followed by one paragraph of 一是…二是…: under a bare 重点任务 heading each 一是 is
      // a task; under a heading that states the work ((三)坚持开拓创新…), the paragraph is its text.
      if (node.rank === 1 && TASK_LIST_HEADING.test(headWords(node).replace(/[。：:]$/, ''))) {
        for (const part of splitInline([only.head, ...only.more])) tasks.push({ node, section: node.head.text, number: part.number, text: part.text, lines: [part.line] });
        return;
      }
      node.more.push(only.head, ...only.more);
      node.children = [];
    }
    // 十六、加强督导检查。充分发挥…  followed by （一）（二）: an item with its own words keeps its parts in its text.
    if (node.children.length > 0 && /。\s*\S/.test(headWords(node))) {
      const all = allLines(node);
      tasks.push({ node, ...(section !== undefined ? { section } : {}), number: node.number, text: all.map((l) => l.text).join('\n'), lines: all });
      return;
    }
    // （1）（2） under a task are its parts, not tasks of their own.
    if (node.children.length > 0 && node.children.every((c) => c.rank === 4)) {
      const all = allLines(node);
      tasks.push({ node, ...(section !== undefined ? { section } : {}), number: node.number, text: all.map((l) => l.text).join('\n'), lines: all });
      return;
    }
    if (node.children.length > 0) {
      for (const line of node.more) readGoalParagraph(line, sectionOf(node), d, false);
      for (const child of node.children) visit(child, sectionOf(node));
      return;
    }
    // 二、重点任务 followed by one paragraph of 一是…二是…: each 一是 is a task.
    const inline = node.rank === 1 && TASK_LIST_HEADING.test(headWords(node).replace(/[。：:]$/, '')) ? splitInline(node.more) : [];
    if (inline.length >= 2) {
      for (const part of inline) tasks.push({ node, section: node.head.text, number: part.number, text: part.text, lines: [part.line] });
      return;
    }
    tasks.push({ node, ...(section !== undefined ? { section } : {}), number: node.number, text: textOf(node), lines: linesOfNode(node) });
  };
  // Numbered lines before the first 一、 heading of a domain that has them (1. 总体思路 …) introduce it.
  const firstSection = domain.nodes.findIndex((n) => n.rank === 1);
  for (const node of firstSection > 0 ? domain.nodes.slice(0, firstSection) : []) {
    const title = titleOf(node.number, node.head.text);
    d.goals.push({ line: node.head.n, ...(title.length <= 40 ? { title } : {}), text: fullText(node) });
  }
  for (const node of firstSection > 0 ? domain.nodes.slice(firstSection) : domain.nodes) {
    if (isGoalNode(node)) {
      readGoal(node, d, review);
      continue;
    }
    visit(node, undefined);
  }
  tasks.forEach((t, i) => d.tasks.push(readTask(`${d.id}-${String(i + 1).padStart(2, '0')}`, t, year, review)));
}

/**
 * A paragraph that is not a task: a goal of the domain. 主要目标：… gives the domain's targets; an
 * unlabelled opening paragraph (as a notice without parts begins) may too; 工作要求：… never does.
 */
function readGoalParagraph(line: Line, section: string | undefined, d: DraftDomain, unlabelledFigures: boolean): void {
  const label = GOAL_LABEL.exec(line.text)?.[0].replace(/[：:]$/, '');
  d.goals.push({ line: line.n, ...(section !== undefined ? { section } : {}), ...(label ? { title: label } : {}), text: line.text });
  if (label ? !/目标/.test(label) : !unlabelledFigures) return;
  for (const reading of targets(line.text.replace(GOAL_LABEL, ''))) {
    d.targets.push({ value: { ...reading, id: `${d.id}-T${d.targets.length + 1}` }, trace: { line: line.n, phrase: reading.title } });
  }
}

function splitInline(more: Line[]): { number: string; text: string; line: Line }[] {
  const parts: { number: string; text: string; line: Line }[] = [];
  for (const line of more) {
    const pieces = line.text.split(/(?=[一二三四五六七八九十]+是(?=[\u4e00-\u9fa5“《]))/);
    for (const piece of pieces) {
      const m = /^([一二三四五六七八九十]+是)/.exec(piece);
      if (m) parts.push({ number: m[1]!, text: piece.trim(), line });
      else if (parts.length > 0) parts[parts.length - 1]!.text += piece;
    }
  }
  return parts;
}

function readGoal(node: Node, d: DraftDomain, review: ReviewEntry[]): void {
  const section = node.head.text;
  const figures = TARGET_HEADING.test(headWords(node));
  const add = (goal: DraftGoal, lines: Line[], ownFigures: boolean) => {
    d.goals.push(goal);
    if (!ownFigures) return;
    for (const reading of targets(goal.text)) {
      const line = lineOf(lines, reading.title);
      d.targets.push({ value: { ...reading, id: `${d.id}-T${d.targets.length + 1}` }, trace: { line, phrase: reading.title, ...(reading.doubt ? { doubt: reading.doubt } : {}) } });
    }
    unreadFigures(goal.text, targets(goal.text), lines, undefined, review);
  };
  if (node.more.length > 0 || node.children.length === 0) {
    const text = node.more.length > 0 ? node.more.map((l) => l.text).join('\n') : headWords(node);
    add({ line: (node.more[0] ?? node.head).n, section, text }, node.more.length > 0 ? node.more : [node.head], figures);
  }
  for (const child of node.children) {
    const title = titleOf('', child.head.text);
    add({ line: child.head.n, section, ...(title.length <= 40 ? { title } : {}), text: fullText(child) }, allLines(child), figures || TARGET_HEADING.test(title));
  }
}

/** The line of a task's lines that holds the words; the first line when none does. */
function lineOf(lines: Line[], words: string): number {
  const probe = words.slice(0, 12);
  return (lines.find((l) => l.text.includes(probe)) ?? lines[0]!).n;
}

const OWNER_PARENTHESES = 12;

/** Longest title kept whole; a longer lead-in sentence is cut at a comma (the schema allows 200). */
const TITLE_MAX = 120;

function titleOf(number: string, text: string): string {
  const first = text.split('\n')[0]!.slice(number.length).trim();
  const sentence = (first.split('。')[0]!.replace(/[。；;：:]$/, '').trim() || first).slice(0, 200);
  if (sentence.length <= TITLE_MAX) return sentence;
  const comma = sentence.lastIndexOf('，', TITLE_MAX);
  return comma > 10 ? sentence.slice(0, comma) : sentence.slice(0, TITLE_MAX);
}

function readTask(
  id: string,
  source: { section?: string; number: string; text: string; lines: Line[] },
  year: number,
  review: ReviewEntry[],
  table?: { units?: string[]; owners?: string[]; leaders?: string[]; deadline?: string; title?: string; line: number; cells: Partial<Record<'units' | 'owners' | 'leaders' | 'deadline', Line>> },
): DraftTask {
  const { text, lines } = source;
  const task: DraftTask = {
    id,
    line: lines[0]!.n,
    ...(source.section !== undefined ? { section: source.section } : {}),
    number: source.number.replace(/[.．]$/, '.'),
    title: table?.title ?? titleOf(source.number, text),
    text,
    targets: [],
  };
  // Owners: the parentheses in the text, or the table's columns.
  // A task names its owners in a parenthesis or two (a few more in a long one): OWNER_PARENTHESES at most.
  const parentheses = ownersIn(text).slice(0, OWNER_PARENTHESES);
  let body = text;
  for (const p of parentheses) body = body.split(p.phrase).join('');
  const lead = [...new Set(parentheses.flatMap((p) => p.lead))];
  const supporting = [...new Set(parentheses.flatMap((p) => p.supporting))].filter((u) => !lead.includes(u));
  if (table?.units) lead.push(...table.units.filter((u) => !lead.includes(u)));
  if (lead.length + supporting.length > 0) {
    const first = parentheses[0];
    const doubt = supporting.length > 0 ? `牵头：${lead.join('、')}；配合：${supporting.join('、')}（模型尚不区分牵头与配合，均列入 units）` : undefined;
    const cell = table?.cells.units;
    const phrase = first?.phrase ?? cell?.text;
    task.units = { value: [...lead, ...supporting], trace: { line: first ? lineOf(lines, first.phrase) : (cell?.n ?? task.line), ...(phrase ? { phrase } : {}), ...(doubt ? { doubt } : {}) } };
    if (supporting.length > 0) task.supporting = supporting;
  }
  const cellTrace = (cell: Line | undefined): Trace => (cell ? { line: cell.n, phrase: cell.text } : { line: task.line });
  if (table?.owners && table.owners.length > 0) task.owners = { value: table.owners, trace: cellTrace(table.cells.owners) };
  if (table?.leaders && table.leaders.length > 0) task.leaders = { value: table.leaders, trace: cellTrace(table.cells.leaders) };

  // Dates: a 完成时限 stated for the task wins over dates in its text.
  const stated = parentheses.map((p) => p.deadline).find((d) => d !== undefined) ?? table?.deadline;
  const statedCadence = stated === undefined ? undefined : recurrence(stated, task.units?.value ?? []);
  const statedSeason = stated === undefined ? undefined : seasonIn(stated);
  const statedLine = table?.cells.deadline?.n ?? (stated === undefined ? task.line : lineOf(lines, stated));
  // A cell of 每季度 beside a text of 原则上每季度1次、全年不少于2次: the text says more of the same cadence.
  const fuller = statedCadence ? recurrence(body, task.units?.value ?? []) : undefined;
  if (statedCadence && fuller && fuller.value.every === statedCadence.value.every && Object.keys(fuller.value).length > Object.keys(statedCadence.value).length)
    task.recurrence = { value: fuller.value, trace: { line: lineOf(lines, fuller.phrase), phrase: fuller.phrase, ...(fuller.doubt ? { doubt: fuller.doubt } : {}) } };
  else if (statedCadence) task.recurrence = { value: statedCadence.value, trace: { line: statedLine, phrase: statedCadence.phrase, ...(statedCadence.doubt ? { doubt: statedCadence.doubt } : {}) } };
  else if (statedSeason) task.season = { value: { relation: statedSeason.relation, name: statedSeason.name }, trace: { line: statedLine, phrase: statedSeason.phrase } };
  const bareMonth = stated === undefined ? undefined : /^(\d{1,2})月(?:份)?(?:底|末)?$/.exec(stated.trim());
  if (bareMonth && Number(bareMonth[1]) >= 1 && Number(bareMonth[1]) <= 12) {
    // A 完成时限 cell of "6月": done within June, due at its end.
    const month = Number(bareMonth[1]);
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    task.due = { value: `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`, trace: { line: statedLine, phrase: stated!.trim() } };
  } else if (statedCadence || statedSeason) {
    // the deadline is the cadence or the season
  } else if (stated !== undefined) {
    const dated = deadlines(stated, year);
    const line = table?.cells.deadline?.n ?? lineOf(lines, stated);
    if (dated.length > 0) dateTask(task, dated, line, lines, openEnded(stated) !== undefined);
    else if (!/全年|长期|持续|常态/.test(stated)) review.push({ kind: 'unread', line, subject: task.id, text: `完成时限“${stated}”未能读出日期` });
  } else {
    const dated = deadlines(body, year);
    if (dated.length > 0) {
      // Listed requirements (1.… 2.…, （一）…（二）…): when one of them has no date, the task has none.
      const numbered = body.split('\n').filter((l, i) => (i > 0 || table !== undefined) && /^(?:\d+[.．、]|（[一二三四五六七八九十\d]+）|[一二三四五六七八九十]+[、是])/.test(l.trim()));
      const undatedPart = numbered.length >= 2 && numbered.some((l) => deadlines(l, year).length === 0);
      dateTask(task, dated, undefined, lines, openEnded(withoutDatedClauses(body, dated)) !== undefined || undatedPart);
    }
  }
  const units = task.units?.value ?? [];
  const cadence = task.recurrence ? undefined : recurrence(body, units);
  if (cadence) task.recurrence = { value: cadence.value, trace: { line: lineOf(lines, cadence.phrase), phrase: cadence.phrase, ...(cadence.doubt ? { doubt: cadence.doubt } : {}) } };
  // A season in the task's own title ties it to the season (汛前组织专项检查); one deeper in the text is only mentioned.
  // So does one that opens the text as its time (汛期内，密切监视… / 汛后，组织…).
  const opening = /^(?:[^。]*?。)?\s*(?:在)?([^，。；]{1,8})[，,]/.exec(body.slice(source.number.length))?.[1] ?? '';
  const openingSeason = /^(?:主?汛|[\u4e00-\u9fa5]{0,6}(?:防火期|防控期))/.test(opening) ? seasonIn(opening) : undefined;
  // 汛期前完成…: the season is the deadline, wherever the words stand.
  const seasonDeadline = /(?:主)?汛期?前(?=完成|全面完成|落实|印发)/.exec(body);
  const season = openingSeason ?? seasonIn(task.title) ?? (seasonDeadline ? seasonIn(seasonDeadline[0]) : undefined);
  if (season && !task.season && !task.recurrence?.value.within && !task.due) {
    task.season = { value: { relation: season.relation, name: season.name }, trace: { line: task.line, phrase: season.phrase } };
  }
  // Conditional work (水旱灾害发生后…) has no date of its own.
  const condition = /[\u4e00-\u9fa5]{2,12}(?:发生后|下达后|召开后|结束后)/.exec(body);
  if (condition && !task.due && !task.recurrence) review.push({ kind: 'doubt', line: lineOf(lines, condition[0]), subject: task.id, text: `“${condition[0]}”：有条件的工作，未设期限` });

  const read = targets(body);
  for (const reading of read) {
    const perUnitDoubt = reading.perUnit ? '各单位各自的数字：per_unit 需列出单位（或写 towns）' : undefined;
    const doubt = reading.doubt ?? perUnitDoubt;
    task.targets.push({ value: { ...reading, id: `${id}-T${task.targets.length + 1}` }, trace: { line: lineOf(lines, reading.title), phrase: reading.title, ...(doubt ? { doubt } : {}) } });
  }
  unreadFigures(body, read, lines, task.id, review);
  return task;
}

/** The text without its date phrases: what remains says whether the work goes on after them (全年持续). */
function withoutDatedClauses(text: string, dated: DeadlineClause[]): string {
  let rest = text;
  for (const d of dated) rest = rest.replace(d.phrase, '');
  return rest;
}

/** One dated clause: the task's due date. Several, or one beside work that goes on: milestones, and a due date only when nothing is left open. */
function dateTask(task: DraftTask, dated: DeadlineClause[], line: number | undefined, lines: Line[], open: boolean): void {
  const at = (d: DeadlineClause) => line ?? lineOf(lines, d.phrase);
  const doubt = dated.map((d) => d.doubt).find((x) => x !== undefined);
  if (dated.length === 1 && !open) {
    task.due = { value: dated[0]!.due, trace: { line: at(dated[0]!), phrase: dated[0]!.phrase, ...(doubt ? { doubt } : {}) } };
    return;
  }
  const sorted = [...dated].sort((a, b) => a.due.localeCompare(b.due));
  task.milestones = {
    value: sorted.map((d, i) => ({ id: `m${i + 1}`, title: d.what, due: d.due })),
    trace: { line: at(dated[0]!), phrase: dated.map((d) => d.phrase).join('、'), ...(doubt ? { doubt } : {}) },
  };
  if (!open) task.due = { value: sorted[sorted.length - 1]!.due, trace: { line: at(sorted[sorted.length - 1]!), phrase: sorted[sorted.length - 1]!.phrase } };
}

/** Figures (N%, N‰) in a text that no target rule read: reported, never guessed. */
function unreadFigures(text: string, read: TargetReading[], lines: Line[], subject: string | undefined, review: ReviewEntry[]): void {
  for (const part of text.split(/[，。；\n]/)) {
    if (!/\d(?:%|‰|％)/.test(part)) continue;
    const phrase = part.trim().slice(0, PART_MAX);
    if (read.some((r) => r.title.includes(phrase) || phrase.includes(r.title))) continue;
    review.push({ kind: 'unread', line: lineOf(lines, phrase), ...(subject ? { subject } : {}), text: `数字未读作指标：“${phrase}”` });
  }
}

function noteGaps(task: DraftTask, review: ReviewEntry[]): void {
  if (!task.due && !task.milestones && !task.recurrence && !task.season) review.push({ kind: 'undated', line: task.line, subject: task.id, text: task.title });
  if (!task.units && !task.owners && !task.leaders) review.push({ kind: 'no-owner', line: task.line, subject: task.id, text: task.title });
  for (const [field, traced] of [
    ['units', task.units],
    ['due', task.due],
    ['milestones', task.milestones],
    ['recurrence', task.recurrence],
  ] as const) {
    if (traced?.trace.doubt) review.push({ kind: 'doubt', line: traced.trace.line, subject: task.id, text: `${field}: ${traced.trace.doubt}` });
  }
  for (const target of task.targets) if (target.trace.doubt) review.push({ kind: 'doubt', line: target.trace.line, subject: target.value.id, text: target.trace.doubt });
}

// ---- annex tables ----------------------------------------------------------------------------

function column(header: string[], re: RegExp): number {
  return header.findIndex((h) => re.test(h));
}

function readTable(table: Table, d: DraftDomain, draft: Draft, year: number, review: ReviewEntry[]): void {
  const h = table.header;
  if (column(h, /企业名称|单位名称/) >= 0) return readRoster(table, draft, review);
  if (column(h, /^镇街|^镇（街道）|^乡镇|园区）$/) >= 0 && column(h, /任务|工作/) < 0) return readTowns(table, draft, review);
  const task = column(h, /重点任务|工作任务|任务名称|^任务$|工作内容|主要任务/);
  if (task < 0) {
    review.push({ kind: 'skipped', line: table.line, text: `表格未识别：${table.label} ${table.title}（表头 ${h.join(' | ')}）` });
    return;
  }
  const requirement = column(h, /工作要求|具体要求|工作措施|具体内容|主要内容/);
  const number = column(h, /^序号$/);
  const people = column(h, /^责任人$/);
  const leaders = column(h, /责任领导|分管领导/);
  const units = column(h, /责任单位|牵头单位|责任部门|主责单位/);
  const helpers = column(h, /配合单位|协办单位/);
  const deadline = column(h, /完成时限|完成时间|时限/);
  const section = `${table.label} ${table.title}`.trim();
  let index = d.tasks.filter((t) => /-A\d/.test(t.id)).length;
  for (const row of table.rows) {
    const cell = (i: number) => (i >= 0 ? (row.cells[i] ?? '').trim() : '');
    const firstLine = (i: number) => (i >= 0 ? row.cellLines[i]?.[0] : undefined);
    const titleCell = cell(task);
    if (titleCell === '') continue;
    index++;
    const text = requirement >= 0 ? cell(requirement) : titleCell;
    const shortTitle = requirement >= 0 ? titleCell : undefined;
    const lines = (requirement >= 0 ? [requirement, task] : [task]).flatMap((k) => row.cellLines[k] ?? []);
    const source = { ...(section ? { section } : {}), number: cell(number) || String(index), text, lines: lines.length > 0 ? lines : [{ n: row.line, text: row.cells.join(' ') }] };
    const unitNames = [...names(cell(units)), ...names(cell(helpers))];
    const personNames = splitNames(cell(people));
    const leaderNames = splitNames(cell(leaders));
    const built = readTask(`${d.id}-A${String(index).padStart(2, '0')}`, source, year, review, {
      ...(unitNames.length > 0 ? { units: unitNames } : {}),
      owners: personNames.names,
      leaders: leaderNames.names,
      ...(cell(deadline) ? { deadline: cell(deadline) } : {}),
      ...(shortTitle ? { title: shortTitle } : { title: titleOf('', text) }),
      line: row.line,
      cells: { units: firstLine(units), owners: firstLine(people), leaders: firstLine(leaders), deadline: firstLine(deadline) },
    });
    for (const split of [personNames, leaderNames]) {
      if (split.doubt) review.push({ kind: 'doubt', line: row.line, subject: built.id, text: split.doubt });
    }
    if (helpers >= 0 && cell(helpers)) built.supporting = names(cell(helpers));
    d.tasks.push(built);
  }
}

function readTowns(table: Table, draft: Draft, review: ReviewEntry[]): void {
  const h = table.header;
  const name = column(h, /^镇街|^镇（街道）|^乡镇|园区）$/);
  const above = column(h, /其中|规上/);
  const total = h.findIndex((x, i) => i !== name && i !== above && /家数|目标|任务|数/.test(x));
  const figure = (text: string | undefined): number | null => (text === undefined || /^[/／—-]?$/.test(text.trim()) ? null : Number.isFinite(Number(text.trim())) ? Number(text.trim()) : null);
  draft.towns = [];
  for (const row of table.rows) {
    const townName = (row.cells[name] ?? '').trim();
    if (townName === '' || /^合计|^总计/.test(townName)) continue;
    const t = row.cells[total];
    const a = row.cells[above];
    if (t !== undefined && figure(t) === null && !/^[/／—-]$/.test(t.trim())) review.push({ kind: 'unread', line: row.line, subject: townName, text: `目标数“${t}”不是数字` });
    draft.towns.push({ name: townName, line: row.line, target_total: figure(t), target_above_scale: above >= 0 ? figure(a) : null });
  }
}

const INDUSTRIES = ['冶金', '有色', '机械', '建材', '轻工', '纺织', '化工', '其他'];

function readRoster(table: Table, draft: Draft, review: ReviewEntry[]): void {
  const h = table.header;
  const number = column(h, /^序号$/);
  const name = column(h, /企业名称|单位名称/);
  const industry = column(h, /行业/);
  const note = column(h, /备注|状态|情况/);
  draft.enterprises = [];
  table.rows.forEach((row, i) => {
    const cell = (k: number) => (k >= 0 ? (row.cells[k] ?? '').trim() : '');
    if (cell(name) === '') return;
    const n = /^\d+$/.test(cell(number)) ? Number(cell(number)) : i + 1;
    const written = cell(industry);
    const status = cell(note);
    const expiry = /(\d{4})年(\d{1,2})月(?:份)?(?:过期|到期)/.exec(status);
    const doubts: string[] = [];
    if (!INDUSTRIES.includes(written)) doubts.push(`所属行业“${written}”不在行业表中，记为其他`);
    const known = /未创建|未达标|未开展/.test(status) || /申请|评审中/.test(status) || expiry;
    if (!known) doubts.push(`备注“${status}”未能读出状态，记为未创建`);
    const e: DraftEnterprise = {
      id: `E${String(n).padStart(3, '0')}`,
      line: row.line,
      name: cell(name),
      industry: INDUSTRIES.includes(written) ? written : '其他',
      status: expiry ? 'certified' : /申请|评审中/.test(status) ? 'applying' : 'not_started',
      ...(expiry ? { expires: `${expiry[1]}-${expiry[2]!.padStart(2, '0')}` } : {}),
      ...(doubts.length > 0 ? { doubt: doubts.join('；') } : {}),
    };
    if (e.doubt) review.push({ kind: 'doubt', line: row.line, subject: e.id, text: e.doubt });
    draft.enterprises!.push(e);
  });
}

// ---- people.yaml ------------------------------------------------------------------------------

function unitsOf(domains: DraftDomain[]): DraftUnit[] {
  const units: DraftUnit[] = [];
  const byKey = new Map<string, DraftUnit>();
  for (const task of domains.flatMap((d) => d.tasks)) {
    for (const name of task.units?.value ?? []) {
      const key = unitKey(name);
      const known = byKey.get(key);
      if (known) {
        if (known.name !== name && !known.aliases.includes(name)) known.aliases.push(name);
        continue;
      }
      const unit: DraftUnit = { name, line: task.units!.trace.line, aliases: [], members: [] };
      byKey.set(key, unit);
      units.push(unit);
    }
  }
  // 区防办及防指成员单位: a name for two units together, when both are units of the plan.
  for (const unit of units) {
    const parts = unit.name.split(/及|和|与/);
    if (parts.length < 2) continue;
    const members = parts.map((p) => byKey.get(unitKey(p))?.name);
    if (members.every((m): m is string => m !== undefined && m !== unit.name)) unit.members = members;
  }
  return units;
}

function peopleOf(domains: DraftDomain[]): DraftPerson[] {
  const people = new Map<string, DraftPerson>();
  for (const task of domains.flatMap((d) => d.tasks)) {
    for (const [list, role] of [
      [task.owners, '责任人'],
      [task.leaders, '责任领导'],
    ] as const) {
      for (const name of list?.value ?? []) {
        const known = people.get(name);
        if (known) {
          if (!known.roles.includes(role)) known.roles.push(role);
        } else people.set(name, { name, line: list!.trace.line, roles: [role] });
      }
    }
  }
  return [...people.values()];
}
