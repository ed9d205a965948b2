import type { Lang } from '../i18n/index.js';

/** What `plan init` puts in a new plan.yaml. */
export interface NewPlan {
  title: string;
  issuer: string;
  issued: string;
  year: number;
  /** The path of schemas/ as seen from the new folder, for the editor's modelines. */
  schemas: string;
}

/** A value written as YAML text: quoted where a plain scalar would read as something else. */
function text(value: string): string {
  return /^[\p{L}\p{N}（）《》“”、，。·\-_ ]+$/u.test(value) && !/^[-\d]/.test(value) && !/^(true|false|null|yes|no|on|off)$/i.test(value) ? value : JSON.stringify(value);
}

/** plan.yaml of a new plan: the notice, its period (the calendar year), and commented settings. */
export function planYaml(p: NewPlan, lang: Lang): string {
  const zh = lang === 'zh';
  return [
    `# yaml-language-server: $schema=${p.schemas}/plan.json`,
    zh ? '# 工作要点通知：标题、印发单位、印发日期、计划期。' : '# The notice: its title, issuer, date of issue and plan period.',
    `title: ${text(p.title)}`,
    `issuer: ${text(p.issuer)}`,
    `issued: ${p.issued}`,
    'period:',
    `  start: ${p.year}-01-01`,
    `  end: ${p.year}-12-31`,
    zh
      ? '# 通知印发前到期的周期性工作期次不计（从印发日期起计）；如需从年初起计，写 count_from:'
      : '# Occurrences due before the issue date are not counted; count_from: counts from another day.',
    `# count_from: ${p.year}-01-01`,
    zh ? '# 文件中提到但未写明日期的时段（汛期、森林防火期），日期确定后用 plan season 录入：' : '# Parts of the year the notice names without dates (汛期); record them with plan season:',
    '# seasons:',
    '#   - name: 汛期',
    zh ? '# 节假日安排尚未收录的年份，可在此补充：' : '# Holidays of a year the bundled calendar does not know yet:',
    '# calendar:',
    `#   - date: ${p.year}-01-01`,
    '#     holiday: 元旦',
    '',
  ].join('\n');
}

/** people.yaml of a new plan: empty lists, with an example of each in comments. */
export function peopleYaml(p: NewPlan, lang: Lang): string {
  const zh = lang === 'zh';
  return [
    `# yaml-language-server: $schema=${p.schemas}/people.json`,
    zh ? '# 责任人、责任领导和责任单位。任务中写到的每个名字都要在这里列出（plan check 会检查）。' : '# People and units that own work: every name a task gives must be listed here (plan check says which are not).',
    'people: []',
    '#  - name: 张三',
    '#    unit: 区应急管理局',
    'units: []',
    '#  - name: 区应急管理局',
    '#    aliases: [区应急局]',
    '',
  ].join('\n');
}

/**
 * The first domain file: a task list with no tasks, and one commented task showing every field a
 * person typing a notice needs. Nothing in it is counted until it is written out.
 */
export function domainYaml(p: NewPlan, lang: Lang): string {
  const zh = lang === 'zh';
  return [
    `# yaml-language-server: $schema=${p.schemas}/domain.json`,
    zh
      ? '# 一个工作领域（通知中的一个部分）。编号为 2 至 4 个大写字母，任务编号以它开头。只有一个任务清单的通知，一个文件即可。'
      : '# One work domain (a part of the notice). Its id is 2 to 4 capital letters; every task id starts with it. A notice with one task list needs only this file.',
    'id: GZ',
    zh ? 'title: 工作要点' : 'title: 工作要点',
    'tasks: []',
    zh ? '# 每项任务照通知原文录入；未写明的不要填（例如没有期限就不写 due）：' : '# Each task as the notice writes it; leave out what it does not say (no due where it states no deadline):',
    '#  - id: GZ-01',
    '#    number: "1."',
    '#    title: 开展安全生产大检查',
    '#    text: 1. 开展安全生产大检查。6月底前完成。（牵头单位：区应急管理局）',
    '#    units: [区应急管理局]',
    `#    due: ${p.year}-06-30`,
    zh ? '#  - id: GZ-02                 # 每季度的工作' : '#  - id: GZ-02                 # a quarterly duty',
    '#    title: 分析安全生产形势',
    '#    text: 2. 每季度分析安全生产形势。',
    '#    recurrence:',
    '#      every: quarter',
    '',
  ].join('\n');
}
