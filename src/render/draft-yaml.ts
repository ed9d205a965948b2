import { Document, isMap, isScalar, type YAMLMap } from 'yaml';
import type { Draft, DraftDomain, DraftTarget, DraftTask, Trace, Traced } from '../notice/draft.js';

/**
 * A draft plan as the files of a data folder, in plan's own format. Every value read from the
 * notice carries a comment with its line and the words it was read from ("第812行「5月底前」"),
 * and a guess carries 待核 and what was uncertain, so the clerk checks the draft against the
 * notice line by line and deletes the comments as she goes.
 */
export function draftFiles(draft: Draft, schemas: { top: string; domains: string }, source: string): Map<string, string> {
  const files = new Map<string, string>();
  const header = (schema: string, dir: string) => `# yaml-language-server: $schema=${dir}/${schema}\n# 由 plan import 从 ${source} 生成的草稿：注释写明每个值出自通知的哪一行；“待核”处请对照原文核实。\n`;

  const plan = new Document({
    title: draft.title,
    issuer: draft.issuer,
    issued: draft.issued,
    period: { start: `${draft.year}-01-01`, end: `${draft.year}-12-31` },
    ...(draft.seasons.length > 0 ? { seasons: draft.seasons.map((name) => ({ name })) } : {}),
    timezone: 'Asia/Shanghai',
  });
  commentValue(plan.contents as YAMLMap, 'title', draft.lines.title);
  commentValue(plan.contents as YAMLMap, 'issuer', draft.lines.issuer);
  commentValue(plan.contents as YAMLMap, 'issued', draft.lines.issued);
  if (draft.seasons.length > 0) keyComment(plan.contents as YAMLMap, 'seasons', ' 通知未写明日期：确定后用 plan season 名称 --from … --to … 录入');
  files.set('plan.yaml', header('plan.json', schemas.top) + stringify(plan));

  const people = new Document({
    people: draft.people.map((p) => ({ name: p.name, roles: p.roles })),
    units: draft.units.map((u) => ({ name: u.name, ...(u.aliases.length > 0 ? { aliases: u.aliases } : {}), ...(u.members.length > 0 ? { members: u.members } : {}) })),
  });
  draft.people.forEach((p, i) => commentValue(people.getIn(['people', i], true) as YAMLMap, 'name', p.line));
  draft.units.forEach((u, i) => {
    const node = people.getIn(['units', i], true) as YAMLMap;
    commentValue(node, 'name', u.line);
    if (u.aliases.length > 0) keyComment(node, 'aliases', ' 待核：同一单位的不同写法');
    if (u.members.length > 0) keyComment(node, 'members', ' 待核：两个单位合称');
  });
  files.set('people.yaml', header('people.json', schemas.top) + stringify(people));

  if (draft.towns) {
    const towns = new Document({ towns: draft.towns.map((t) => ({ name: t.name, target_total: t.target_total, target_above_scale: t.target_above_scale })) });
    draft.towns.forEach((t, i) => commentValue(towns.getIn(['towns', i], true) as YAMLMap, 'name', t.line));
    files.set('towns.yaml', header('towns.json', schemas.top) + stringify(towns));
  }
  if (draft.enterprises) {
    const enterprises = new Document({
      enterprises: draft.enterprises.map((e) => ({ id: e.id, name: e.name, industry: e.industry, status: e.status, ...(e.expires ? { expires: e.expires } : {}) })),
    });
    draft.enterprises.forEach((e, i) => {
      const node = enterprises.getIn(['enterprises', i], true) as YAMLMap;
      commentValue(node, 'id', e.line);
      if (e.doubt) keyComment(node, 'status', ` 待核：${e.doubt}`);
    });
    files.set('enterprises.yaml', header('enterprises.json', schemas.top) + stringify(enterprises));
  }
  draft.domains.forEach((domain, i) => {
    files.set(`domains/${String(i + 1).padStart(2, '0')}-${domain.id.toLowerCase()}.yaml`, header('domain.json', schemas.domains) + domainYaml(domain, draft.towns !== undefined));
  });
  return files;
}

function stringify(doc: Document): string {
  return doc.toString({ lineWidth: 0 });
}

function traceText(trace: Trace): string {
  return ` 第${trace.line}行${trace.phrase ? `「${trace.phrase.replace(/\s+/g, ' ')}」` : ''}${trace.doubt ? ` 待核：${trace.doubt}` : ''}`;
}

function commentValue(map: YAMLMap, key: string, line: number | undefined, extra = ''): void {
  if (line === undefined) return;
  const node = map.get(key, true);
  if (isScalar(node)) node.comment = ` 第${line}行${extra}`;
}

function keyComment(map: YAMLMap, key: string, comment: string): void {
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (pair && isScalar(pair.key)) pair.key.commentBefore = comment;
}

function traced(map: YAMLMap, key: string, value: Traced<unknown> | undefined): void {
  if (value === undefined) return;
  const node = map.get(key, true);
  if (isScalar(node)) node.comment = traceText(value.trace);
  else keyComment(map, key, traceText(value.trace));
}

function targetObject(t: DraftTarget, withTowns: boolean): Record<string, unknown> {
  return {
    id: t.id,
    title: t.title,
    ...(t.metric ? { metric: t.metric } : {}),
    direction: t.direction,
    ...(t.value !== undefined ? { value: t.value } : {}),
    ...(t.unit ? { unit: t.unit } : {}),
    ...(t.baseline ? { baseline: t.baseline } : {}),
    ...(t.perUnit && withTowns ? { per_unit: 'towns' } : {}),
  };
}

function taskObject(t: DraftTask, withTowns: boolean): Record<string, unknown> {
  return {
    id: t.id,
    ...(t.section !== undefined ? { section: t.section } : {}),
    number: t.number,
    title: t.title,
    text: t.text,
    ...(t.owners ? { owners: t.owners.value } : {}),
    ...(t.leaders ? { leaders: t.leaders.value } : {}),
    ...(t.units ? { units: t.units.value } : {}),
    ...(t.due ? { due: t.due.value } : {}),
    ...(t.season ? { [t.season.value.relation]: t.season.value.name } : {}),
    ...(t.milestones ? { milestones: t.milestones.value } : {}),
    ...(t.recurrence ? { recurrence: t.recurrence.value } : {}),
    ...(t.targets.length > 0 ? { targets: t.targets.map((x) => targetObject(x.value, withTowns)) } : {}),
  };
}

function domainYaml(domain: DraftDomain, withTowns: boolean): string {
  const doc = new Document({
    id: domain.id,
    title: domain.title,
    ...(domain.goals.length > 0 ? { goals: domain.goals.map((g) => ({ ...(g.section ? { section: g.section } : {}), ...(g.title ? { title: g.title } : {}), text: g.text })) } : {}),
    ...(domain.targets.length > 0 ? { targets: domain.targets.map((t) => targetObject(t.value, withTowns)) } : {}),
    tasks: domain.tasks.map((t) => taskObject(t, withTowns)),
  });
  const root = doc.contents as YAMLMap;
  commentValue(root, 'id', domain.line, ' 领域代码为占位，可改为领域的简称（如 FX）');
  domain.targets.forEach((t, i) => commentTarget(doc.getIn(['targets', i], true), t));
  domain.tasks.forEach((task, i) => {
    const node = doc.getIn(['tasks', i], true) as YAMLMap;
    commentValue(node, 'id', task.line);
    traced(node, 'units', task.units);
    traced(node, 'owners', task.owners);
    traced(node, 'leaders', task.leaders);
    traced(node, 'due', task.due);
    if (task.season) traced(node, task.season.value.relation, task.season);
    traced(node, 'milestones', task.milestones);
    traced(node, 'recurrence', task.recurrence);
    task.targets.forEach((t, k) => commentTarget(doc.getIn(['tasks', i, 'targets', k], true), t));
  });
  return stringify(doc);
}

function commentTarget(node: unknown, t: Traced<DraftTarget>): void {
  if (!isMap(node)) return;
  const id = node.get('id', true);
  if (isScalar(id)) id.comment = traceText({ line: t.trace.line, ...(t.trace.doubt ? { doubt: t.trace.doubt } : {}) });
}
