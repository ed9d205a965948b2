/**
 * The shape of a notice: its head (issuer, title, date), its work domains, the numbered items of
 * each and the tables of its annexes, every piece with the line it came from. Only layout is read
 * here; what the words mean is left to rules.ts.
 */

export interface Line {
  /** 1-based line number in the file. */
  n: number;
  text: string;
}

export interface Node {
  /** 1 一、 · 2 （一） · 3 1. and 一是 · 4 （1）. */
  rank: number;
  /** The numbering as written: 一、 （三） 1. 一是. */
  number: string;
  /** The first line, number included. */
  head: Line;
  /** The lines after the first that belong to it (paragraphs without a number). */
  more: Line[];
  children: Node[];
}

export interface Table {
  /** 附件1 and the table's title, as written. */
  label: string;
  title: string;
  line: number;
  header: string[];
  /** Each row's cells, and the lines each cell was written on. */
  rows: { line: number; cells: string[]; cellLines: Line[][] }[];
}

export interface Domain {
  title: string;
  line: number;
  /** Paragraphs before the first numbered line. */
  preamble: Line[];
  nodes: Node[];
  tables: Table[];
}

export interface Outline {
  issuer?: Line;
  title?: Line;
  issued?: { line: Line; date: string };
  covering: Line[];
  domains: Domain[];
  /** Lines that belong to nothing read: annex lists, printing notes, stray numbers. */
  skipped: Line[];
}

const RANKS: { rank: number; re: RegExp }[] = [
  { rank: 1, re: /^([一二三四五六七八九十]+、)\s*/ },
  { rank: 2, re: /^(（[一二三四五六七八九十]+）)\s*/ },
  { rank: 4, re: /^(（\d+）)\s*/ },
  { rank: 3, re: /^(\d+[.．、])(?!\d)\s*/ },
  { rank: 3, re: /^([一二三四五六七八九十]+是)(?=[\u4e00-\u9fa5“《])/ },
];

/** The numbering a line starts with, and its rank; undefined for a plain paragraph. */
export function numbering(text: string): { rank: number; number: string } | undefined {
  for (const { rank, re } of RANKS) {
    const m = re.exec(text);
    if (m) return { rank, number: m[1]!.replace(/．/g, '.') };
  }
  return undefined;
}

const DOMAIN_HEADING = /^[^\s，。；：:、（）()]{2,30}(?:工作要点|要点|工作计划|实施方案|工作方案|工作任务)$/;
const ANNEX_START = /^附件\s*(\d+)?\s*[:：]?\s*$/;
const ANNEX_LIST = /^附件\s*[:：]/;
const DATE_LINE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
/** A paragraph that says what it is: goals, requirements, safeguards. */
export const GOAL_LABEL = /^(?:主要目标|工作目标|总体目标|目标任务|工作要求|总体要求|保障措施|指导思想)[：:]/;

/** Lines of the file, cleaned of what a copy from Word leaves behind. */
export function linesOf(text: string): Line[] {
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  const lines = raw.map((t, i) => ({ n: i + 1, text: t.replace(/\[bookmark:[^\]]*\]/g, '').replace(/[\u00a0\u3000]/g, ' ').replace(/\s+$/, '') }));
  // A number left alone on its line by Word's list numbering ("1. " then the words) joins its words.
  const joined: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const bare = /^(\t?)(\d+[.．、]|（[一二三四五六七八九十\d]+）)\s*$/.exec(line.text);
    const next = lines[i + 1];
    if (bare && next && next.text.trim() !== '' && !next.text.startsWith('\t')) {
      // "1. 在全区…" keeps the space Word put after an arabic number; （一）总体思路 has none.
      const space = /\d[.．、]$/.test(bare[2]!) ? ' ' : '';
      joined.push({ n: line.n, text: `${bare[1]}${bare[2]}${space}${next.text.trim()}` });
      i++;
      continue;
    }
    joined.push(line);
  }
  return joined;
}

/** Reads the layout of a notice. */
export function outline(text: string): Outline {
  const lines = linesOf(text);
  const result: Outline = { covering: [], domains: [], skipped: [] };
  const nonEmpty = lines.filter((l) => l.text.trim() !== '');
  const titleAt = nonEmpty.slice(0, 30).findIndex((l) => /^关于/.test(l.text.trim()));
  let bodyFrom = 0;
  if (titleAt >= 0) {
    const first = nonEmpty[titleAt]!;
    let title = first.text.trim();
    let k = titleAt + 1;
    while (!/(通知|意见|方案|要点|计划)$/.test(title) && k < nonEmpty.length && k <= titleAt + 3) title += nonEmpty[k++]!.text.trim();
    result.title = { n: first.n, text: title };
    if (titleAt > 0) result.issuer = { n: nonEmpty[0]!.n, text: nonEmpty[0]!.text.trim() };
    const dateAt = nonEmpty.findIndex((l, i) => i >= k && DATE_LINE.test(l.text.trim()));
    if (dateAt >= 0 && dateAt < k + 40) {
      const m = DATE_LINE.exec(nonEmpty[dateAt]!.text.trim())!;
      result.issued = { line: nonEmpty[dateAt]!, date: `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` };
      const signature = nonEmpty[dateAt - 1];
      result.covering = nonEmpty.slice(k, dateAt).filter((l) => l !== signature || result.issuer !== undefined);
      if (result.issuer === undefined && signature) result.issuer = { n: signature.n, text: signature.text.trim() };
      bodyFrom = lines.indexOf(nonEmpty[dateAt]!) + 1;
    } else {
      bodyFrom = lines.indexOf(nonEmpty[k - 1]!) + 1;
    }
  }
  const body = lines.slice(bodyFrom);
  const hasDomainHeadings = body.some((l) => DOMAIN_HEADING.test(l.text.trim()) && !l.text.startsWith('\t'));

  let domain: Domain | undefined;
  let table: Table | undefined;
  let inAnnexList = false;
  let pendingAnnexLabel: Line | undefined;
  let rowCells: string[] | undefined;
  let rowCellLines: Line[][] = [];
  let rowLine = 0;
  const stack: Node[] = [];
  const newDomain = (title: string, line: number): Domain => {
    const d: Domain = { title, line, preamble: [], nodes: [], tables: [] };
    result.domains.push(d);
    stack.length = 0;
    return d;
  };
  const closeRow = () => {
    if (table && rowCells && rowCells.length > 0) {
      if (table.header.length === 0) table.header = rowCells.map((c) => c.replace(/\s+/g, ''));
      else table.rows.push({ line: rowLine, cells: rowCells, cellLines: rowCellLines });
    }
    rowCells = undefined;
  };

  for (const line of body) {
    const trimmed = line.text.trim();
    if (trimmed === '') {
      closeRow();
      inAnnexList = false;
      continue;
    }
    if (/^（此件.*）$/.test(trimmed)) {
      result.skipped.push(line);
      continue;
    }
    if (ANNEX_LIST.test(trimmed) && !ANNEX_START.test(trimmed)) {
      inAnnexList = true;
      result.skipped.push(line);
      continue;
    }
    if (inAnnexList && /^\d+[.．、]/.test(trimmed)) {
      result.skipped.push(line);
      continue;
    }
    if (hasDomainHeadings && DOMAIN_HEADING.test(trimmed)) {
      closeRow();
      table = undefined;
      pendingAnnexLabel = undefined;
      domain = newDomain(trimmed, line.n);
      continue;
    }
    if (ANNEX_START.test(trimmed)) {
      closeRow();
      table = undefined;
      pendingAnnexLabel = line;
      continue;
    }
    if (pendingAnnexLabel && !line.text.startsWith('\t')) {
      // The annex's title, which may run over two lines before the table starts.
      if (table === undefined) {
        table = { label: pendingAnnexLabel.text.trim(), title: trimmed, line: pendingAnnexLabel.n, header: [], rows: [] };
        (domain ?? (domain = newDomain(result.title?.text ?? '', line.n))).tables.push(table);
      } else if (table.header.length === 0 && rowCells === undefined) table.title += trimmed;
      else if (rowCells) {
        rowCells[rowCells.length - 1] += `\n${trimmed}`;
        rowCellLines[rowCellLines.length - 1]!.push({ n: line.n, text: trimmed });
      }
      continue;
    }
    if (line.text.startsWith('\t')) {
      if (table === undefined) {
        // A table with no 附件 label above it: it still holds rows.
        table = { label: '', title: '', line: line.n, header: [], rows: [] };
        (domain ?? (domain = newDomain(result.title?.text ?? '', line.n))).tables.push(table);
      }
      if (rowCells === undefined) {
        rowCells = [];
        rowCellLines = [];
        rowLine = line.n;
      }
      rowCells.push(trimmed);
      rowCellLines.push([{ n: line.n, text: trimmed }]);
      continue;
    }
    if (table !== undefined && rowCells !== undefined) {
      // A cell that runs over several lines continues without a tab.
      rowCells[rowCells.length - 1] += `\n${trimmed}`;
      rowCellLines[rowCellLines.length - 1]!.push({ n: line.n, text: trimmed });
      continue;
    }
    if (table !== undefined) {
      // Text after a table, outside any domain heading: the table is over.
      table = undefined;
      pendingAnnexLabel = undefined;
    }
    if (domain === undefined) {
      if (hasDomainHeadings) {
        result.skipped.push(line);
        continue;
      }
      domain = newDomain(result.title?.text ?? '', line.n);
    }
    const num = numbering(trimmed);
    if (num === undefined) {
      // 主要目标：… / 工作要求：… belong to the part they stand in, never to the task above them.
      const top = GOAL_LABEL.test(trimmed) ? [...stack].reverse().find((n) => n.rank === 1) : stack[stack.length - 1];
      if (top) top.more.push({ n: line.n, text: trimmed });
      else domain.preamble.push({ n: line.n, text: trimmed });
      continue;
    }
    const node: Node = { rank: num.rank, number: num.number, head: { n: line.n, text: trimmed }, more: [], children: [] };
    while (stack.length > 0 && stack[stack.length - 1]!.rank >= node.rank) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else domain.nodes.push(node);
    stack.push(node);
  }
  closeRow();
  return result;
}
