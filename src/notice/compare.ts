/**
 * How far a draft data folder agrees with a hand transcription of the same notice, field by field:
 * the figures `plan import --compare` prints and the README's table quotes. Tasks are paired by
 * title (a title may be the other's lead-in words), whatever the domain codes; every disagreement
 * is listed with both sides.
 */

export interface FolderData {
  domains: { id: string; title: string; targets?: TargetData[]; tasks?: TaskData[] }[];
  towns?: { name: string; target_total?: number | null; target_above_scale?: number | null }[];
  enterprises?: { id: string; name: string; industry: string; status: string; expires?: string }[];
}

export interface TaskData {
  id: string;
  number?: string;
  title: string;
  due?: string;
  milestones?: { due: string }[];
  recurrence?: { every: string; by_day?: number; minimum?: { count: number; per?: string }; within?: string };
  before?: string;
  within?: string;
  after?: string;
  units?: string[];
  owners?: string[];
  leaders?: string[];
  targets?: TargetData[];
}

export interface TargetData {
  id: string;
  direction: string;
  value?: number;
  unit?: string;
  same_as?: string;
}

export interface Figure {
  agree: number;
  of: number;
}

export interface Comparison {
  tasks: Figure;
  numbers: Figure;
  /** Due date, milestone dates, recurrence and season, over every paired task. */
  dates: Figure;
  /** The same, over the paired tasks where either side has any of them. */
  datedOnly: Figure;
  /** Units, people and leaders as one set, over every paired task. */
  owners: Figure;
  ownedOnly: Figure;
  targets: Figure;
  /** Targets the draft has that the transcription does not. */
  extraTargets: number;
  roster: Figure;
  towns: Figure;
  disagreements: string[];
}

function norm(title: string): string {
  return title.replace(/[\s“”"‘’《》〈〉（）()，,、。；;：:！!？?·]/g, '');
}

function sameTitle(a: string, b: string): boolean {
  const x = norm(a);
  const y = norm(b);
  if (x === y) return true;
  const shorter = x.length < y.length ? x : y;
  return shorter.length >= 4 && (x.startsWith(y) || y.startsWith(x));
}

function datesOf(t: TaskData): string {
  const r = t.recurrence;
  return JSON.stringify({
    due: t.due ?? null,
    milestones: (t.milestones ?? []).map((m) => m.due).sort(),
    recurrence: r ? { every: r.every, by_day: r.by_day ?? null, minimum: r.minimum ? { count: r.minimum.count, per: r.minimum.per ?? r.every } : null, within: r.within ?? null } : null,
    season: t.before ? `before ${t.before}` : t.within ? `within ${t.within}` : t.after ? `after ${t.after}` : null,
  });
}

function hasDates(t: TaskData): boolean {
  return t.due !== undefined || (t.milestones ?? []).length > 0 || t.recurrence !== undefined || t.before !== undefined || t.within !== undefined || t.after !== undefined;
}

function ownersOf(t: TaskData): string {
  return [...new Set([...(t.units ?? []), ...(t.owners ?? []), ...(t.leaders ?? [])])].sort().join('、');
}

function targetKey(t: TargetData, all: Map<string, TargetData>): string {
  const shown = t.same_as ? (all.get(t.same_as) ?? t) : t;
  return `${shown.direction} ${shown.value ?? ''}${shown.unit ?? ''}`;
}

const ratio = (agree: number, of: number): Figure => ({ agree, of });

export function compare(expected: FolderData, draft: FolderData): Comparison {
  const disagreements: string[] = [];
  const draftTasks = draft.domains.flatMap((d) => (d.tasks ?? []).map((t) => ({ t, domain: d.title })));
  const used = new Set<TaskData>();
  const pairs: { e: TaskData; d: TaskData }[] = [];
  let numbers = 0;
  const expectedTasks = expected.domains.flatMap((d) => (d.tasks ?? []).map((t) => ({ t, domain: d.title })));
  for (const { t: e, domain } of expectedTasks) {
    const candidates = draftTasks.filter(({ t }) => !used.has(t) && sameTitle(t.title, e.title));
    // Among tasks of the same title (a table restating the text), the one under the same domain and number.
    candidates.sort((a, b) => Number(b.domain === domain) + Number(norm(b.t.number ?? '') === norm(e.number ?? '')) - (Number(a.domain === domain) + Number(norm(a.t.number ?? '') === norm(e.number ?? ''))));
    const found = candidates[0]?.t;
    if (!found) {
      disagreements.push(`${e.id} 未找到：${e.title}`);
      continue;
    }
    used.add(found);
    pairs.push({ e, d: found });
    if (norm(found.number ?? '') === norm(e.number ?? '')) numbers++;
    else disagreements.push(`${e.id} 编号：${e.number} ≠ ${found.id} ${found.number}`);
  }

  let dates = 0;
  let dated = 0;
  let datedAgree = 0;
  let owners = 0;
  let owned = 0;
  let ownedAgree = 0;
  for (const { e, d } of pairs) {
    const sameDates = datesOf(e) === datesOf(d);
    if (sameDates) dates++;
    if (hasDates(e) || hasDates(d)) {
      dated++;
      if (sameDates) datedAgree++;
    }
    if (!sameDates) disagreements.push(`${e.id} 时限：${datesOf(e)} ≠ ${d.id} ${datesOf(d)}`);
    const sameOwners = ownersOf(e) === ownersOf(d);
    if (sameOwners) owners++;
    if (ownersOf(e) !== '' || ownersOf(d) !== '') {
      owned++;
      if (sameOwners) ownedAgree++;
    }
    if (!sameOwners) disagreements.push(`${e.id} 责任：${ownersOf(e) || '（无）'} ≠ ${d.id} ${ownersOf(d) || '（无）'}`);
  }

  // Targets: each expected one needs a draft target of the same direction, value and unit on the
  // paired task (or, for a domain's goals, on the domain of the same title).
  const allTargets = (f: FolderData) => new Map(f.domains.flatMap((d) => [...(d.targets ?? []), ...(d.tasks ?? []).flatMap((t) => t.targets ?? [])]).map((t) => [t.id, t]));
  const expectedAll = allTargets(expected);
  const draftAll = allTargets(draft);
  let targetsOf = 0;
  let targetsAgree = 0;
  let drafted = 0;
  const match = (want: TargetData[], have: TargetData[], where: string) => {
    const left = have.map((t) => targetKey(t, draftAll));
    drafted += have.length;
    for (const t of want) {
      targetsOf++;
      const key = targetKey(t, expectedAll);
      const at = left.indexOf(key);
      if (at >= 0) {
        targetsAgree++;
        left.splice(at, 1);
      } else disagreements.push(`${t.id} 指标：${key} 未在 ${where} 找到（草稿：${have.map((h) => targetKey(h, draftAll)).join('；') || '无'}）`);
    }
  };
  for (const d of expected.domains) {
    const other = draft.domains.find((x) => x.title === d.title);
    match(d.targets ?? [], other?.targets ?? [], other ? `${other.id}` : '草稿');
  }
  for (const { e, d } of pairs) match(e.targets ?? [], d.targets ?? [], d.id);
  for (const d of draft.domains) if (!expected.domains.some((x) => x.title === d.title)) drafted += (d.targets ?? []).length;
  for (const t of draftTasks) if (!used.has(t.t)) drafted += (t.t.targets ?? []).length;

  let roster = 0;
  const rosterOf = expected.enterprises?.length ?? 0;
  for (const e of expected.enterprises ?? []) {
    const d = draft.enterprises?.find((x) => x.id === e.id);
    const same = d && d.name === e.name && d.industry === e.industry && d.status === e.status && (d.expires ?? '') === (e.expires ?? '');
    if (same) roster++;
    else disagreements.push(`${e.id} 名单：${e.name} ${e.industry} ${e.status} ${e.expires ?? ''} ≠ ${d ? `${d.name} ${d.industry} ${d.status} ${d.expires ?? ''}` : '未找到'}`);
  }
  let towns = 0;
  for (const e of expected.towns ?? []) {
    const d = draft.towns?.find((x) => x.name === e.name);
    const same = d && (d.target_total ?? null) === (e.target_total ?? null) && (d.target_above_scale ?? null) === (e.target_above_scale ?? null);
    if (same) towns++;
    else disagreements.push(`${e.name} 镇街目标：${e.target_total ?? '/'} ${e.target_above_scale ?? '/'} ≠ ${d ? `${d.target_total ?? '/'} ${d.target_above_scale ?? '/'}` : '未找到'}`);
  }
  return {
    tasks: ratio(pairs.length, expectedTasks.length),
    numbers: ratio(numbers, expectedTasks.length),
    dates: ratio(dates, pairs.length),
    datedOnly: ratio(datedAgree, dated),
    owners: ratio(owners, pairs.length),
    ownedOnly: ratio(ownedAgree, owned),
    targets: ratio(targetsAgree, targetsOf),
    extraTargets: drafted - targetsAgree,
    roster: ratio(roster, rosterOf),
    towns: ratio(towns, expected.towns?.length ?? 0),
    disagreements,
  };
}
