/**
 * The readings `plan import` makes of a notice's sentences: each a named rule over the genre's
 * regular phrasings, with the examples it was written from. A rule returns what it read and the
 * phrase it read it from, so every value in the draft can say where it came from; a reading that
 * is a guess says why. Nothing here knows about files or lines.
 */

export type Every = 'week' | 'month' | 'two_months' | 'quarter' | 'half_year' | 'year';

export interface Reading<T> {
  value: T;
  /** The words the value was read from, as written. */
  phrase: string;
  /** Set when the reading is a guess: what was uncertain (shown as 待核). */
  doubt?: string;
}

export interface RecurrenceReading {
  every: Every;
  by_day?: number;
  times?: number;
  minimum?: { count: number; per?: Every };
  within?: string;
}

export interface DeadlineClause {
  /** YYYY-MM-DD. */
  due: string;
  /** What is due by then: the clause without its date. */
  what: string;
  phrase: string;
  doubt?: string;
}

export type Direction = 'at_least' | 'at_most' | 'reduce_by' | 'decrease' | 'zero';

export interface TargetReading {
  title: string;
  metric?: string;
  direction: Direction;
  value?: number;
  unit?: string;
  baseline?: string;
  /** 各镇街…各1个: a figure for each of several units. */
  perUnit?: boolean;
  doubt?: string;
}

export interface OwnersReading {
  /** Units that answer for the work: 责任单位, 牵头单位, "X牵头", "X会同Y负责"'s X. */
  lead: string[];
  /** Units that help: 配合单位, "Y分工负责", "会同Y". */
  supporting: string[];
  /** 完成时限 stated inside the parenthesis, if any. */
  deadline?: string;
  phrase: string;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 3, 三, 十二 → a number; undefined when the text is not a small number. */
export function smallNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '十') return 10;
  const tens = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(text);
  if (tens) return (tens[1] ? CN_DIGITS[tens[1]]! : 1) * 10 + (tens[2] ? CN_DIGITS[tens[2]]! : 0);
  return text.length === 1 ? CN_DIGITS[text] : undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function monthEnd(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(last)}`;
}

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Splits a text into clauses at 。；; keeping each clause's own words. */
export function clauses(text: string): string[] {
  return text
    .split(/(?<=[。；;！？\n])/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/** Text inside 《》 and quotation marks is a title or a slogan, never a date or a figure of the plan. */
function withoutTitles(text: string): string {
  return text.replace(/《[^》《]{0,100}》/g, (m) => '□'.repeat(m.length)).replace(/〔[^〕〔]{0,40}〕/g, (m) => '□'.repeat(m.length));
}

const DEADLINE_PATTERNS: { name: string; re: RegExp; date: (m: RegExpExecArray, year: number) => string | undefined; doubt?: string }[] = [
  // 3月15日前, 6月30日前, 2022年3月30日前
  {
    name: 'day',
    re: /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:前|之前|以前|止|前后)?/g,
    date: (m, year) => (validDay(year, Number(m[2]), Number(m[3])) ? `${year}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : undefined),
  },
  // 3月底前, 6月底, 2022年5月底前, 11月底
  { name: 'month-end', re: /(?:(\d{4})年)?(\d{1,2}|[一二三四五六七八九十]{1,2})月(?:底|末)(?:前|之前)?/g, date: (m, year) => monthOf(m[2]!, year) },
  // 4月至12月, 4—12月: the work runs to the end of the later month
  { name: 'month-range', re: /(?:(\d{4})年)?\d{1,2}月?(?:至|到|—|-|～|~)(\d{1,2})月(?!\d*日)/g, date: (m, year) => monthOf(m[2]!, year) },
  // 10月份: within October
  { name: 'month-of', re: /(?:(\d{4})年)?(\d{1,2})月份/g, date: (m, year) => monthOf(m[2]!, year) },
  // 二季度, 第三季度, 一季度末
  {
    name: 'quarter',
    re: /(?:(\d{4})年)?第?([一二三四1-4])季度(?:末|底)?(?:前)?/g,
    date: (m, year) => monthOf(String(3 * (smallNumber(m[2]!) ?? Number(m[2]))), year),
  },
  // 上半年, 年中; 下半年
  { name: 'first-half', re: /(?:(\d{4})年)?(?:上半年|年中)(?:前)?/g, date: (_m, year) => `${year}-06-30` },
  { name: 'second-half', re: /(?:(\d{4})年)?下半年/g, date: (_m, year) => `${year}-12-31` },
  // 年底前, 年底, 2022年底, 年内
  { name: 'year-end', re: /(\d{4})?年(?:底|末|内)(?:前|之前)?/g, date: (_m, year) => `${year}-12-31` },
  // 6月组织开展“安全生产月”活动: a month as the time of the work
  { name: 'month-verb', re: /(?:(\d{4})年)?(\d{1,2})月(?=(?:组织|开展|召开|完成|举办|启动|印发|出台|部署)[^，。；]{0,20})/g, date: (m, year) => monthOf(m[2]!, year) },
  // 3月前: before March begins, read as the end of February
  {
    name: 'before-month',
    re: /(?:(\d{4})年)?(\d{1,2})月(?:前|之前|以前)/g,
    date: (m, year) => (Number(m[2]) > 1 ? monthEnd(year, Number(m[2]) - 1) : undefined),
    doubt: '“N月前”读作上月底',
  },
];

function monthOf(text: string, year: number): string | undefined {
  const month = smallNumber(text);
  return month !== undefined && month >= 1 && month <= 12 ? monthEnd(year, month) : undefined;
}

/**
 * Rule `deadline`: the dated clauses of a text, in order. A date that names another year (2016年以来,
 * 2021年发生的事故) or sits inside a document title is not a deadline of this plan.
 * Examples: 5月底前，召开… → 05-31; 2022年6月底，…编制率100% → 06-30; 年底全面实现“四个清零” → 12-31;
 * 1.3月30日前，召开… → 03-30; 4月至12月开展 → 12-31.
 */
export function deadlines(text: string, year: number): DeadlineClause[] {
  const found: DeadlineClause[] = [];
  for (const clause of clauses(text).filter((c) => c.length <= CLAUSE_MAX)) {
    // Within one clause, several dates joined by 、 (5月12日、10月13日前后) are each a deadline.
    // A slogan in quotation marks (“一季度抓开局，二季度抓基础…”) names no date of the plan.
    const plain = withoutTitles(clause).replace(/“[^”“]{0,60}”/g, (m) => '□'.repeat(m.length));
    const taken: [number, number][] = [];
    const hits: { at: number; due: string; phrase: string; doubt?: string }[] = [];
    for (const pattern of DEADLINE_PATTERNS) {
      pattern.re.lastIndex = 0;
      for (let m = pattern.re.exec(plain); m; m = pattern.re.exec(plain)) {
        const start = m.index;
        const end = start + m[0].length;
        if (taken.some(([a, b]) => start < b && end > a)) continue;
        if (m[1] !== undefined && Number(m[1]) !== year) continue;
        // "每月5日前" is a monthly duty, not a date; "前三年" is no month; "N月份以来" is the past.
        const before = plain.slice(Math.max(0, start - 2), start);
        if (/每|每个|逐/.test(before) || /以来/.test(plain.slice(end, end + 2))) continue;
        if (pattern.name === 'quarter' && /[上本下各]$/.test(before)) continue;
        // 一年内, 三年内, 前三年: a span of years, not this year's end.
        if (pattern.name === 'year-end' && m[1] === undefined && /[0-9一二两三四五六七八九十半数多全每]$/.test(plain.slice(0, start))) continue;
        const due = pattern.date(m, year);
        if (due === undefined) continue;
        taken.push([start, end]);
        hits.push({ at: start, due, phrase: clause.slice(start, end), ...(pattern.doubt ? { doubt: pattern.doubt } : {}) });
      }
    }
    hits.sort((a, b) => a.at - b.at);
    for (const hit of hits.slice(0, HITS_MAX)) {
      const what = clause
        .replace(hit.phrase, '')
        .replace(/^[\d０-９]+[.．、]\s*/, '')
        .replace(/^(?:到|于|在|至)/, '')
        .replace(/^[，,、\s]+/, '')
        .replace(/[。；;，,]+$/, '')
        .trim();
      found.push({ due: hit.due, what: what || clause.replace(/[。；;]+$/, ''), phrase: hit.phrase, ...(hit.doubt ? { doubt: hit.doubt } : {}) });
    }
  }
  return found;
}

/** A sentence longer than this is not read for dates (the seed's longest is under 1,000 characters). */
const CLAUSE_MAX = 3000;
/** Dates read in one sentence at most: a list of dates, not a calendar. */
const HITS_MAX = 12;

/** Rule `open-ended`: words that say the work goes on all year, so a date in the text closes only part of it. */
export function openEnded(text: string): string | undefined {
  return /全年(?:持续|常态|坚持|组织|开展|严格|落实|推进)|持续开展|长期坚持|常态化开展|全年$/.exec(text)?.[0];
}

const EVERY_WORDS: { every: Every; re: RegExp }[] = [
  { every: 'two_months', re: /双月|每两个月|每2个月/ },
  { every: 'half_year', re: /每半年|半年一次|每年两次/ },
  { every: 'quarter', re: /每季度|每个季度|按季度|季度考核|每季/ },
  { every: 'month', re: /每月|每个月|按月|月报制度|月调度/ },
  { every: 'week', re: /每周|每星期|周检查|周调度/ },
  { every: 'year', re: /每年|全年至少|全年不少于|年度至少/ },
];

/**
 * Rule `recurrence`: a duty that repeats. Examples: 每季度常态化调度 → quarter; 每月5日前报送 → month by
 * day 5; 双月统计 → two_months; 原则上每季度召开1次联席会议，全年不少于2次 → quarter, once, at least 2
 * a year; 每年至少2次听取 → year, at least 2; 每年组织一次 → year, once; 森林防火期内…每周开展一次 →
 * week within 森林防火期. Where several cadences are named for different bodies (村日巡查、镇街周检查、
 * 区级部门月抽查) the one of the task's own units is taken when it can be told, else the first, marked 待核.
 */
export function recurrence(text: string, units: string[] = []): Reading<RecurrenceReading> | undefined {
  const plain = withoutTitles(text);
  const byDay = /每月(\d{1,2})日(?:前|之前)?/.exec(plain);
  if (byDay && Number(byDay[1]) <= 28) return { value: { every: 'month', by_day: Number(byDay[1]) }, phrase: byDay[0] };
  const quarterDay = /每季度末月(\d{1,2})日前/.exec(plain);
  if (quarterDay) return { value: { every: 'quarter' }, phrase: quarterDay[0], doubt: `“${quarterDay[0]}”：每季度的到期日无法写明，按季度末计` };

  // 原则上每季度召开1次…全年不少于2次: a nominal cadence with a binding yearly floor.
  const nominal = /(每季度|每月|每半年)[^。；]{0,20}?(\d+|[一二两三四五])次[^。；]{0,20}?(?:全年|每年)(?:不少于|至少)(\d+|[一二两三四五六七八九十])次/.exec(plain);
  if (nominal) {
    const every: Every = nominal[1] === '每季度' ? 'quarter' : nominal[1] === '每月' ? 'month' : 'half_year';
    const count = smallNumber(nominal[3]!)!;
    return { value: { every, times: smallNumber(nominal[2]!)!, minimum: { count, per: 'year' } }, phrase: nominal[0] };
  }
  // 每年至少2次, 全年不少于2次, 每季度至少研究1次, 每年开展不少于1次
  const floor = /(每年|全年|年度|每季度|每月|每半年|每周)[^。；，]{0,12}?(?:至少|不少于)[^。；，\d一二两三四五六七八九十]{0,8}(\d+|[一二两三四五六七八九十])次/.exec(plain);
  if (floor) {
    const every: Every = /季度/.test(floor[1]!) ? 'quarter' : floor[1] === '每月' ? 'month' : floor[1] === '每半年' ? 'half_year' : floor[1] === '每周' ? 'week' : 'year';
    const count = smallNumber(floor[2]!)!;
    const value: RecurrenceReading = count === 1 ? { every, times: 1 } : { every, minimum: { count } };
    return { value: withSeason(value, clauseOf(plain, floor.index)), phrase: floor[0] };
  }
  // 每年组织一次, 每周开展一次
  const once = /(每年|每季度|每月|每周|每半年)[^。；，]{0,12}?(?:一|1)次/.exec(plain);
  if (once) {
    const every: Every = once[1] === '每年' ? 'year' : once[1] === '每季度' ? 'quarter' : once[1] === '每月' ? 'month' : once[1] === '每周' ? 'week' : 'half_year';
    return { value: withSeason({ every, times: 1 }, clauseOf(plain, once.index)), phrase: once[0] };
  }

  // 村（社区）日巡查、镇街周检查、区级部门月抽查: several bodies, several cadences.
  const layered = /日巡查[^。]{0,30}周检查[^。]{0,30}月抽查/.exec(plain);
  if (layered) {
    const towns = units.some((u) => /镇|街/.test(u));
    return { value: { every: 'week', times: 1 }, phrase: layered[0], ...(towns ? {} : { doubt: '几级单位各有周期，取镇街的周检查' }) };
  }

  const hits = EVERY_WORDS.map((w) => ({ every: w.every, m: w.re.exec(plain) })).filter((h) => h.m !== null);
  if (hits.length === 0) return undefined;
  hits.sort((a, b) => a.m!.index - b.m!.index);
  const first = hits[0]!;
  const value = withSeason({ every: first.every }, clauseOf(plain, first.m!.index));
  const others = hits.slice(1).filter((h) => h.every !== first.every);
  return { value, phrase: first.m![0], ...(others.length > 0 ? { doubt: `另有“${others.map((h) => h.m![0]).join('”“')}”` } : {}) };
}

/** The clause (between 。 or ；) of a text that holds the position. */
function clauseOf(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('。', at - 1), text.lastIndexOf('；', at - 1)) + 1;
  const ends = [text.indexOf('。', at), text.indexOf('；', at)].filter((i) => i >= 0);
  return text.slice(start, ends.length > 0 ? Math.min(...ends) : text.length);
}

function withSeason(value: RecurrenceReading, text: string): RecurrenceReading {
  const season = seasonIn(text);
  return season && season.relation === 'within' ? { ...value, within: season.name } : value;
}

export interface SeasonReading {
  name: string;
  relation: 'before' | 'within' | 'after';
  phrase: string;
}

/**
 * Rule `season`: a part of the year the notice names without dates. Examples: 汛前 / 汛期前 → before
 * 汛期; 汛中 / 汛期内 → within 汛期; 汛后 → after 汛期; 森林防火期内 → within 森林防火期;
 * 冬春火灾防控期间 → within 冬春火灾防控期.
 */
export function seasonIn(text: string): SeasonReading | undefined {
  const flood = /(主)?汛期(?:结束)?(前|中|内|后|期间)?|汛(前|中|后)/.exec(text);
  const named = /((?:[\u4e00-\u9fa5]{0,6})(?:防火期|防控期))(内|间|期间|前|后)?/.exec(text);
  const hits: SeasonReading[] = [];
  if (flood) {
    const word = flood[2] ?? flood[3];
    // 主汛期 is a season of its own (the weeks of heaviest rain), not the whole 汛期.
    hits.push({ name: flood[1] ? '主汛期' : '汛期', relation: word === '前' ? 'before' : word === '后' ? 'after' : 'within', phrase: flood[0] });
  }
  if (named) {
    const name = named[1]!.replace(/^(?:在|于|每年|全年|进入|森林防火期内)/, '');
    hits.push({ name: normaliseSeason(name), relation: named[2] === '前' ? 'before' : named[2] === '后' ? 'after' : 'within', phrase: named[0] });
  }
  hits.sort((a, b) => text.indexOf(a.phrase) - text.indexOf(b.phrase));
  return hits[0];
}

function normaliseSeason(name: string): string {
  // "各镇街防火期" names the same season as 防火期; the season is the last words before 期.
  const trimmed = name.replace(/^.*?((?:森林|冬春|春季|秋冬)?[\u4e00-\u9fa5]{0,4}(?:防火期|防控期))$/, '$1');
  return trimmed === '防火期' ? '森林防火期' : trimmed;
}

/**
 * Rule `owners`: the bodies a parenthesis names. Examples: （责任单位：区水利局，各镇街）;
 * （牵头单位：区安委办；配合单位：区委办公室、区政府办公室；完成时限：…）; （区委组织部、区应急管理局牵头，
 * 区安委会各成员单位分工负责）; （区安委会办公室会同区各有关部门负责）.
 */
export function ownersIn(text: string): OwnersReading[] {
  const found: OwnersReading[] = [];
  for (const phrase of parentheses(text)) {
    const reading = ownersOfParenthesis(phrase.slice(1, -1));
    if (reading) found.push({ ...reading, phrase });
  }
  return found;
}

/** The outermost parentheses of a text, nested ones kept inside; each at most PARENTHESIS_MAX long. */
function parentheses(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '（' && text[i] !== '(') continue;
    let depth = 0;
    const limit = Math.min(text.length, i + PARENTHESIS_MAX);
    for (let k = i; k < limit; k++) {
      const c = text[k];
      if (c === '（' || c === '(') depth++;
      else if (c === '）' || c === ')') depth--;
      if (depth === 0) {
        found.push(text.slice(i, k + 1));
        i = k;
        break;
      }
    }
  }
  return found;
}

/** An owners' parenthesis is a line at most; a longer run is not one (and reading it would take long). */
const PARENTHESIS_MAX = 400;

function ownersOfParenthesis(inside: string): Omit<OwnersReading, 'phrase'> | undefined {
  const labelled = /(责任单位|牵头单位|主责单位|责任部门|牵头部门)[:：]/.test(inside);
  if (labelled) {
    const field = (re: RegExp) => re.exec(inside)?.[1]?.trim();
    const lead = field(/(?:责任单位|牵头单位|主责单位|责任部门|牵头部门)[:：]([^；;]*)/);
    const supporting = field(/(?:配合单位|协办单位|配合部门)[:：]([^；;]*)/);
    const deadline = field(/(?:完成时限|完成时间|时间节点)[:：]([^；;]*)/);
    return { lead: names(lead ?? ''), supporting: names(supporting ?? ''), ...(deadline ? { deadline } : {}) };
  }
  // X牵头，Y分工负责 / X牵头，Y配合
  const led = /^([^，,；;]+?)牵头[，,、]?(?:([^，,；;]+?)(?:分工负责|配合|参与|按职责分工负责))?(?:[，,；;].*)?$/.exec(inside);
  if (led) return { lead: names(led[1]!), supporting: names(led[2] ?? '') };
  // X会同Y负责
  const jointly = /^([^，,；;]+?)会同([^，,；;]+?)负责$/.exec(inside);
  if (jointly) return { lead: names(jointly[1]!), supporting: names(jointly[2]!) };
  // X负责 (a body's name: it ends as bodies' names do)
  const alone = /^([^，,；;：:]{2,40}?)负责$/.exec(inside);
  if (alone && /(?:局|委|办|部|室|队|会|中心|政府|单位|部门|镇街|街道|镇)$/.test(alone[1]!)) return { lead: names(alone[1]!), supporting: [] };
  return undefined;
}

/** A list of names as written: split at ，、; with 等 and trailing words dropped. */
export function names(list: string): string[] {
  // 各县（市、区）政府 is one name: a mark inside its parentheses does not split it.
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of list) {
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
    if (depth === 0 && /[，,、；;\s]/.test(c)) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts
    .map((n) => n.replace(/等$/, '').replace(/^(?:和|及|与)/, '').trim())
    .filter((n) => n.length > 0 && n !== '无');
}

/** The body a collective or prefixed spelling names, for grouping spellings of one unit. */
export function unitKey(name: string): string {
  return name
    .replace(/^(?:我|区|县|市)/, '')
    .replace(/各/g, '')
    .replace(/管理局$/, '局')
    .replace(/（街道）/g, '街')
    .replace(/镇街道?$/, '镇街');
}

const RATE_UNIT = /(%|‰|％)/;
/** Longest part of a clause (between commas) read for a target: the seed's longest is 120 characters. */
export const PART_MAX = 300;

/**
 * Rule `target`: the figures a text sets. Examples: 达标率70%以上 → at_least 70 %; 受害率稳定控制在0.3‰以内 /
 * 控制在0.015以下 → at_most; 在前三年的平均数的基础上下降20% → reduce_by 20 % (baseline 前三年的平均数);
 * 同比持续下降 → decrease; 事故起数和死亡人数同比分别下降10%以上 → two reduce_by targets; 杜绝较大以上
 * 亡人事故 / 坚决遏制较大及以上事故 / 不发生…事故 / …清零 / “零新增” → zero; 不得少于10个工作日 → at_least
 * 10 工作日; 全区打造5个示范点 / 改造30公里 / 不少于200场次 → at_least; 各镇街…各1个 → per unit;
 * 由90%提高到92% → at_least 92 % (baseline 90%).
 */
export function targets(text: string): TargetReading[] {
  const found: TargetReading[] = [];
  for (const clause of clauses(withoutTitles(text))) {
    // A target is a phrase; a run longer than PART_MAX without a comma is not read (the review lists its figures).
    for (const part of clause.split(/[，,；;。]/).map((p) => p.trim()).filter((p) => p.length > 0 && p.length <= PART_MAX)) {
      // 编制率100%、应知应会率100%: two rates in one list, each a target.
      const rates = part.match(/\d(?:%|‰|％)/g) ?? [];
      const counts = part.match(/\d+\s*(?:个|处|家|支|座|所|项)、/g) ?? [];
      const pieces = rates.length >= 2 ? part.split(/(?<=\d(?:%|‰|％)(?:以上)?)、/) : counts.length >= 1 ? part.split(/(?<=\d\s*(?:个|处|家|支|座|所|项))、/) : [part];
      // 争创全国示范社区2个、市级示范社区5个: the verb of the first counts for the rest.
      const verb = /(打造|设置|建成|改造|新建|完成|争创|创建|新增|建立)/.exec(pieces[0]!)?.[1];
      pieces.forEach((piece, i) => found.push(...targetsOfPart(i > 0 && verb && !piece.includes(verb) && counts.length > 0 ? `${verb}${piece}` : piece)));
    }
  }
  return found;
}

function targetsOfPart(part: string): TargetReading[] {
  const title = part.replace(/^(?:[\d]+[.．、]|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+是)\s*/, '').replace(/[。；;]$/, '');
  // 接警后30分钟内到达现场: a time limit
  const within = /(.*?)(\d+(?:\.\d+)?)\s*(分钟|小时|天|日)内(?:到达|到场|响应|处置|完成|报送)/.exec(title);
  if (within) return [{ title, metric: metricOf(title.replace(within[2]! + within[3]!, '').replace(/内/, '')), direction: 'at_most', value: Number(within[2]), unit: within[3]! }];
  // 中小河流预报的准确度提高至0.5米: an accuracy given as a length is an error bound, the smaller the better.
  const bound = /(.*?(?:准确度|精度|误差))(?:提高至|提高到|控制在|达到)(\d+(?:\.\d+)?)(米|厘米|毫米|公里)/.exec(title);
  if (bound) return [{ title, metric: metricOf(bound[1]!), direction: 'at_most', value: Number(bound[2]), unit: bound[3]!, doubt: '以长度表示的准确度读作误差上限（at_most）' }];
  // 由90%提高到92%
  const raise = /(.*?)由(\d+(?:\.\d+)?)(%|‰|小时|米|天)?(?:提高|提升|提前|增加)(?:到|至)(\d+(?:\.\d+)?)(%|‰|小时|米|天)/.exec(title);
  if (raise) return [{ title, metric: metricOf(raise[1]!), direction: 'at_least', value: Number(raise[4]), unit: raise[5]!, baseline: `${raise[2]}${raise[3] ?? raise[5]}` }];
  // 同比分别下降10%以上 / 下降20%
  const reduce = /(.*?)(?:在(.+?)的?基础上|(同比))?(分别)?(?:下降|减少|降低)(\d+(?:\.\d+)?)(%|‰|％)/.exec(title);
  if (reduce) {
    const baseline = reduce[2] ?? reduce[3];
    const subjects = reduce[4] ? metricOf(reduce[1]!).split(/和|及|、/).filter(Boolean) : [metricOf(reduce[1]!)];
    return subjects.map((metric) => ({ title, metric, direction: 'reduce_by' as const, value: Number(reduce[5]), unit: unitOf(reduce[6]!), ...(baseline ? { baseline } : {}) }));
  }
  // 同比持续下降 (no figure)
  const decrease = /(.*?)(同比)(?:持续|继续)?(?:下降|减少)/.exec(title);
  if (decrease) return [{ title, metric: metricOf(decrease[1]!), direction: 'decrease', baseline: '同比' }];
  // 控制在0.3‰以内 / 0.015以下
  const cap = /(.*?)(?:控制在|不超过|不高于|低于)(\d+(?:\.\d+)?)(%|‰|％|[^\d\s以，。]{0,3}?)(?:以内|以下)?/.exec(title);
  if (cap && /控制在|不超过|不高于|低于/.test(title)) return [{ title, metric: metricOf(cap[1]!), direction: 'at_most', value: Number(cap[2]), ...(cap[3] ? { unit: unitOf(cap[3]) } : {}) }];
  // 达标率70%以上, 在线监测100%, 达到75%以上
  const rate = /(.*?)(?:达到|达|为|提高到|提升到|实现)?(\d+(?:\.\d+)?)(%|‰|％)(以上)?/.exec(title);
  if (rate && RATE_UNIT.test(title) && !/超过|\d(?:%|‰|％)?以(?:内|下)(?!简称)/.test(title)) {
    const metric = metricOf(rate[1]!);
    if (metric.length >= 2) return [{ title, metric, direction: 'at_least', value: Number(rate[2]), unit: unitOf(rate[3]!) }];
  }
  // 不得少于10个工作日 / 不少于200场次
  const floor = /(.*?)(?:不得少于|不少于|不低于|至少)(\d+(?:\.\d+)?)\s*(个工作日|工作日|场次|公里|千米|个|家|人|处|座|所|项|支|名|场|次|天|小时|万元|米)/.exec(title);
  if (floor && !/次$/.test(floor[3]!)) return [{ title, metric: metricOf(floor[1]!), direction: 'at_least', value: Number(floor[2]), unit: floor[3]!.replace(/^个工作日$/, '工作日') }];
  if (floor && floor[3] === '场次') return [{ title, metric: metricOf(floor[1]!), direction: 'at_least', value: Number(floor[2]), unit: '场次' }];
  // 全区打造5个示范点, 各镇街打造…示范点各 1个, 改造30公里, 全面完成9个行业领域调查
  const made = /(.*?)(打造|设置|建成|建设|改造|新建|完成|培训|开展|争创|创建|新增|建立)([^，。；\d]{0,16}?)(各)?\s*(\d+(?:\.\d+)?)\s*(个|公里|千米|家|处|座|所|场次|人次|名|支|项|台|套|辆)([^，。；]*)/.exec(title);
  if (made && !/^\d/.test(made[7] ?? '') && !(made[2] === '开展' && made[6] !== '场次')) {
    const perUnit = made[4] !== undefined || /^各|各$/.test(made[1]!.trim());
    const metric = metricOf(`${made[1]}${made[3]}${made[7]}`.replace(/(打造|设置|建成|每年)/g, ''));
    return [{ title, metric, direction: 'at_least', value: Number(made[5]), unit: made[6]!, ...(perUnit ? { perUnit } : {}) }];
  }
  // zero: 杜绝 / 坚决遏制 / 不发生 / 清零 / 零新增 / “零事故、零死亡”
  // 确保水库不垮坝、重要堤防不决口
  if (/不(?:垮坝|溃坝|决口)/.test(title)) return [{ title, metric: metricOf(title.replace(/^确保/, '')), direction: 'zero' }];
  const zero =
    /^(.*?)(?:坚决杜绝|杜绝|坚决遏制|严防|不发生|确保不发生|防止发生)(?:出现|发生)?(.+)$/.exec(title) ??
    /^(.*?)(清零|零新增|零发生|“零[^”]*”)”?$/.exec(title);
  const zeroObject = /事故|事件|伤亡|死亡|失踪|险情|火灾|灾害|隐患|垮坝|溃坝|决口/;
  if (zero && (/清零|零新增|零发生|“零/.test(title) || zeroObject.test(zero[2] ?? '')) && /杜绝|遏制|不发生|清零|零新增|零发生|“零/.test(title) && !/开展“|行动$/.test(title)) {
    const metric = /清零|零新增|零发生|“零/.test(zero[2] ?? '') ? metricOf(zero[1]!) : metricOf(zero[2]!);
    return [{ title, ...(metric ? { metric } : {}), direction: 'zero' }];
  }
  return [];
}

function unitOf(text: string): string {
  return text === '％' ? '%' : text.trim();
}

/** The measured thing: the words before the figure, without the verbs and adverbs around them. */
function metricOf(words: string): string {
  return words
    .replace(/^(?:\d+[.．、]|（[一二三四五六七八九十]+）)\s*/, '')
    .replace(/^(?:确保|力争|实现|推动|全面|到\d{4}年底|\d{4}年|年底|其中[:：]?|其中)+/, '')
    .replace(/(?:稳定|持续|尽快|力争|全面|要|应|的|实现|达到|提高|提升|全部|均)+$/, '')
    .trim();
}
