import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import stringWidth from '../src/render/string-width-shim.js';

// The build rewrites a few functions of cli-table3 for speed (scripts/cli-table3-patches.mjs), on the
// promise that every table comes out exactly as cli-table3 itself draws it. Here two copies of
// cli-table3 — the one in node_modules and one with the patches applied — draw the same generated
// tables and must give the same text, the same debug messages and the same errors.

// Fixed, so a failure is reproducible; PLAN_TABLE_SEED and PLAN_TABLE_SCALE explore further.
const SEED = Number(process.env.PLAN_TABLE_SEED ?? 20220630);
const SCALE = Number(process.env.PLAN_TABLE_SCALE ?? 1);
const RUNS = Math.round(300 * SCALE);

// The patch module is a plain script without type declarations: imported by address, it is typed here.
interface PatchModule {
  CLI_TABLE3_PATCHES: Record<string, [before: string, after: string][]>;
  patchCliTable3(file: string, contents: string): string;
}
const { CLI_TABLE3_PATCHES, patchCliTable3 } = (await import(new URL('../scripts/cli-table3-patches.mjs', import.meta.url).href)) as PatchModule;

type CharName =
  | 'top' | 'top-mid' | 'top-left' | 'top-right'
  | 'bottom' | 'bottom-mid' | 'bottom-left' | 'bottom-right'
  | 'left' | 'left-mid' | 'mid' | 'mid-mid' | 'right' | 'right-mid' | 'middle';
type Chars = Partial<Record<CharName, string>>;
type Style = { 'padding-left'?: number; 'padding-right'?: number; head?: string[]; border?: string[]; compact?: boolean };
type Primitive = string | number | boolean | null | undefined;
interface CellObject {
  content?: Primitive;
  colSpan?: number;
  rowSpan?: number;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'center' | 'bottom';
  chars?: Chars;
  style?: Style;
  truncate?: string;
  wordWrap?: boolean;
  wrapOnWordBoundary?: boolean;
  href?: string;
}
type CellInput = Primitive | CellObject;
/** A row of cells, a vertical row ({key: value}) or a cross-table row ({key: [values]}). */
type Row = CellInput[] | Record<string, CellInput | CellInput[]>;
interface TableInput {
  head?: CellInput[];
  colWidths?: (number | null | undefined)[];
  rowHeights?: (number | null)[];
  colAligns?: ('left' | 'center' | 'right' | undefined)[];
  rowAligns?: ('top' | 'center' | 'bottom' | undefined)[];
  wordWrap?: boolean;
  textWrap?: boolean;
  wrapOnWordBoundary?: boolean;
  truncate?: string;
  chars?: Chars;
  style?: Style;
  debug?: number | string | boolean;
}
/** What is done to a drawn table before it is drawn again. */
type Change =
  | { push: Row[] }
  | { chars: Chars; replace: boolean }
  | { compact: boolean }
  | { clearRows: true }
  | { resetRowHeights: true }
  | { dropHead: true }
  | { resetMessages: true };
interface Case {
  /** Debug level left by an earlier table: cli-table3 keeps it for every table after. */
  level: number;
  options: TableInput;
  rows: Row[];
  redraws: Change[];
}

interface LoadedTable extends Array<unknown> {
  options: { chars: Chars; rowHeights: unknown[]; head: unknown[]; style: Style };
  readonly messages?: string[];
}
interface TableClass {
  new (options?: TableInput): LoadedTable;
  reset(): void;
}
interface DebugModule {
  setDebugLevel(level: number): void;
  reset(): void;
  debugMessages(): string[];
}
interface Copy {
  Table: TableClass;
  debug: DebugModule;
  /** The module objects of the copy's files, by file name under src/. */
  modules: Map<string, NodeJS.Module>;
}

const require = createRequire(import.meta.url);
const TABLE_MAIN = require.resolve('cli-table3');
const TABLE_DIR = dirname(TABLE_MAIN);
const requireFromTable = createRequire(TABLE_MAIN);
const STRING_WIDTH = requireFromTable.resolve('string-width');
const COLORS = requireFromTable.resolve('@colors/colors/safe');
const SOURCES = readdirSync(join(TABLE_DIR, 'src')).filter((file) => file.endsWith('.js')).sort();
const original = (file: string) => readFileSync(join(TABLE_DIR, 'src', file), 'utf8');

// The program's own width function, as in the build (test/setup-width.ts normally has done this).
require.cache[STRING_WIDTH] ??= { id: STRING_WIDTH, filename: STRING_WIDTH, loaded: true, exports: stringWidth } as NodeJS.Module;

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function modulesOf(dir: string): Map<string, NodeJS.Module> {
  return new Map(SOURCES.map((file) => [file, require.cache[join(dir, 'src', file)]!]));
}

/** A fresh copy of cli-table3 whose src files are `edit`ed, with modules of its own. */
function loadCopy(label: string, edit: (file: string, text: string) => string): Copy {
  // Real path: require.cache is keyed by it (the temporary folder is behind a link on some systems).
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `plan-table-${label}-`)));
  temporary.push(dir);
  copyFileSync(join(TABLE_DIR, 'package.json'), join(dir, 'package.json'));
  copyFileSync(join(TABLE_DIR, 'index.js'), join(dir, 'index.js'));
  mkdirSync(join(dir, 'src'));
  for (const file of SOURCES) {
    // Outside node_modules the copy would not find its dependencies (and would silently draw without
    // colour): they are required by path, the very modules the copy in node_modules uses.
    const text = edit(file, original(file))
      .replaceAll(`require('string-width')`, `require(${JSON.stringify(STRING_WIDTH)})`)
      .replaceAll(`require('@colors/colors/safe')`, `require(${JSON.stringify(COLORS)})`);
    const others = text.replaceAll(JSON.stringify(STRING_WIDTH), '').replaceAll(JSON.stringify(COLORS), '');
    const bare = /require\((['"`])(?![./])/.exec(others);
    if (bare) throw new Error(`src/${file} requires a package this test does not redirect: ${others.slice(bare.index, bare.index + 60)}`);
    writeFileSync(join(dir, 'src', file), text);
  }
  const load = createRequire(join(dir, 'index.js'));
  return { Table: load('./index.js') as TableClass, debug: load('./src/debug.js') as DebugModule, modules: modulesOf(dir) };
}

function loadOriginal(): Copy {
  return {
    Table: requireFromTable('./index.js') as TableClass,
    debug: requireFromTable('./src/debug.js') as DebugModule,
    modules: modulesOf(TABLE_DIR),
  };
}

/** The patched copy, with `from` (text of the patched source of `file`) replaced: a deliberate bug. */
function loadMutant(label: string, file: string, from: string, to: string): Copy {
  return loadCopy(label, (name, text) => {
    const patched = patchCliTable3(name, text);
    if (name !== file) return patched;
    if (!patched.includes(from)) throw new Error(`the text this mutant breaks is no longer in the patched src/${file}: ${from}`);
    return patched.replace(from, () => to);
  });
}

// ---------------------------------------------------------------------------------------------
// Generated tables

const CHAR_NAMES: CharName[] = [
  'top', 'top-mid', 'top-left', 'top-right', 'bottom', 'bottom-mid', 'bottom-left', 'bottom-right',
  'left', 'left-mid', 'mid', 'mid-mid', 'right', 'right-mid', 'middle',
];
/** The borderless characters of src/render/table.ts. */
const PLAN_CHARS: Chars = Object.fromEntries(CHAR_NAMES.map((name) => [name, name === 'middle' ? '  ' : '']));
const COLOUR_NAMES = ['red', 'green', 'grey', 'bold', 'underline', 'bgBlue', 'inverse', 'dim', 'no-such-colour'];

/** Pieces of cell text: ASCII, Chinese, emoji, combining marks, escape codes (some unbalanced), line breaks. */
const ATOMS = [
  'a', 'b', 'x', 'foo', 'Hello', 'plan', '42', '3.14', '-', '.', ':', ' ', '  ', '\t', '\n', '\n', '\r\n',
  '中', '应急', '管理局', '演练计划', '防汛抗旱', '，', '。', 'ｶ', '한', '😀', '👨‍👩‍👧', '🇨🇳', '✅', '⚠️', 'é', 'e\u0301', '\u200b', '…',
  '\u001b[31m', '\u001b[39m', '\u001b[1m', '\u001b[22m', '\u001b[44m', '\u001b[49m', '\u001b[0m', '\u001b[m',
  '\u001b[4m', '\u001b[24m', '\u001b[3m', '\u001b[7m', '\u001b[9m', '\u001b[92m', '\u001b[103m', '\u001b[38;5;196m', '\u001b[1;31m', '\u001b[2m',
  '\u001b]8;;https://example.com\u0007', '\u001b]8;;\u0007', '\u009b31m', '\u001b',
];
const COLOUR_PAIRS: [string, string][] = [
  ['\u001b[31m', '\u001b[39m'],
  ['\u001b[1m', '\u001b[22m'],
  ['\u001b[42m', '\u001b[49m'],
  ['\u001b[4m', '\u001b[24m'],
  ['\u001b[1m\u001b[33m', '\u001b[39m\u001b[22m'],
  ['\u001b[7m\u001b[41m', '\u001b[0m'],
];

const atoms = fc.array(fc.constantFrom(...ATOMS), { maxLength: 6 }).map((parts) => parts.join(''));
const text: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: atoms, weight: 6 },
  // Colour around text, often across a line break: cli-table3 closes and reopens it on every line.
  {
    arbitrary: fc.tuple(fc.constantFrom(...COLOUR_PAIRS), atoms, fc.boolean(), atoms, atoms).map(
      ([[on, off], before, broken, inside, after]) => `${before}${on}${inside}${broken ? '\n' : ''}${inside}${off}${after}`,
    ),
    weight: 3,
  },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }), weight: 1 },
);

const colours = fc.array(fc.constantFrom(...COLOUR_NAMES), { maxLength: 2 });
const padding = fc.integer({ min: 0, max: 2 });
const chars: fc.Arbitrary<Chars> = fc.oneof(
  fc.dictionary(fc.constantFrom(...CHAR_NAMES), fc.constantFrom('', ' ', '  ', '-', '═', '|', '┼', '中', '\u001b[31m|\u001b[39m'), { maxKeys: 6 }),
  fc.constant(PLAN_CHARS),
);
const style: fc.Arbitrary<Style> = fc.record(
  { 'padding-left': padding, 'padding-right': padding, head: colours, border: colours, compact: fc.boolean() },
  { requiredKeys: [] },
);
const truncation = fc.constantFrom('…', '', '...', '~', '截断');
const hAlign = fc.constantFrom('left' as const, 'center' as const, 'right' as const);
const vAlign = fc.constantFrom('top' as const, 'center' as const, 'bottom' as const);
const span = fc.oneof({ arbitrary: fc.constant(1), weight: 4 }, { arbitrary: fc.integer({ min: 2, max: 3 }), weight: 1 });

const cellObject: fc.Arbitrary<CellObject> = fc.record(
  {
    content: fc.oneof({ arbitrary: text, weight: 5 }, fc.integer({ min: -99, max: 99999 }), fc.boolean(), fc.constantFrom('', null, undefined)),
    colSpan: span,
    rowSpan: span,
    hAlign,
    vAlign,
    chars,
    style: fc.record({ 'padding-left': padding, 'padding-right': padding, head: colours, border: colours }, { requiredKeys: [] }),
    truncate: truncation,
    wordWrap: fc.boolean(),
    wrapOnWordBoundary: fc.boolean(),
    href: fc.constantFrom('https://example.com/a', ''),
  },
  { requiredKeys: [] },
);
const cell: fc.Arbitrary<CellInput> = fc.oneof(
  { arbitrary: text, weight: 8 },
  { arbitrary: fc.oneof(fc.integer({ min: -99, max: 99999 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.boolean()), weight: 2 },
  { arbitrary: fc.constantFrom('', null, undefined), weight: 1 },
  { arbitrary: cellObject, weight: 4 },
);
const row: fc.Arbitrary<Row> = fc.oneof(
  // Rows of different lengths: cli-table3 fills in the missing cells.
  { arbitrary: fc.array(cell, { maxLength: 5 }), weight: 8 },
  { arbitrary: fc.tuple(atoms, cell).map(([key, value]) => ({ [key]: value })), weight: 1 },
  { arbitrary: fc.tuple(atoms, fc.array(cell, { maxLength: 4 })).map(([key, values]) => ({ [key]: values })), weight: 1 },
);
const rows = fc.array(row, { maxLength: 8 });
/** Every row with a cell for every column (as plan's tables have), which cli-table3 lays out quicker. */
const rectangular = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc.record({
    head: fc.oneof(fc.constant<CellInput[]>([]), fc.array(cell, { minLength: n, maxLength: n })),
    rows: fc.array(fc.array(fc.oneof({ arbitrary: text, weight: 2 }, cell), { minLength: n, maxLength: n }), { maxLength: 8 }),
  }),
);
const colWidth = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 20 }), weight: 3 }, fc.constantFrom(null, undefined));

const options: fc.Arbitrary<TableInput> = fc.record(
  {
    head: fc.array(cell, { maxLength: 5 }),
    colWidths: fc.array(colWidth, { maxLength: 6 }),
    rowHeights: fc.array(fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(null)), { maxLength: 4 }),
    colAligns: fc.array(fc.option(hAlign, { nil: undefined }), { maxLength: 5 }),
    rowAligns: fc.array(fc.option(vAlign, { nil: undefined }), { maxLength: 5 }),
    wordWrap: fc.boolean(),
    textWrap: fc.boolean(),
    wrapOnWordBoundary: fc.boolean(),
    truncate: truncation,
    chars,
    style,
    debug: fc.constantFrom(1, 2, 3, '3', true),
  },
  { requiredKeys: [] },
);

const change: fc.Arbitrary<Change> = fc.oneof(
  { arbitrary: fc.array(row, { maxLength: 3 }).map((push) => ({ push })), weight: 3 },
  { arbitrary: fc.record({ chars, replace: fc.boolean() }), weight: 3 },
  fc.boolean().map((compact) => ({ compact })),
  fc.constant({ clearRows: true as const }),
  fc.constant({ resetRowHeights: true as const }),
  fc.constant({ dropHead: true as const }),
  fc.constant({ resetMessages: true as const }),
);

function cellsOf(r: Row): CellInput[] {
  return Array.isArray(r) ? r : Object.values(r).flat();
}

/** Whether a cell or the table wraps text ignoring word boundaries, anywhere in the case. */
function wrapsAnywhere(c: Case): boolean {
  const pushed = c.redraws.flatMap((step) => ('push' in step ? step.push : []));
  const objects = [...(c.options.head ?? []), ...c.rows.flatMap(cellsOf), ...pushed.flatMap(cellsOf)].filter(
    (item): item is CellObject => item !== null && typeof item === 'object',
  );
  const wraps = c.options.wordWrap === true || c.options.textWrap === true || objects.some((o) => o.wordWrap === true);
  return wraps && (c.options.wrapOnWordBoundary === false || objects.some((o) => o.wrapOnWordBoundary === false));
}

/**
 * Row spans reaching past the last row make cli-table3 throw (compared all the same); most are kept
 * inside the table, so that most cases draw.
 */
function clampRowSpans(c: Case): Case {
  const fit = (left: number) => (cell: CellInput): CellInput =>
    cell !== null && typeof cell === 'object' && cell.rowSpan !== undefined ? { ...cell, rowSpan: Math.min(cell.rowSpan, Math.max(1, left)) } : cell;
  const clamp = (r: Row, left: number): Row =>
    Array.isArray(r) ? r.map(fit(left)) : Object.fromEntries(Object.entries(r).map(([key, value]) => [key, Array.isArray(value) ? value.map(fit(left)) : fit(left)(value)]));
  const head = c.options.head?.map(fit(c.rows.length + 1));
  return { ...c, options: { ...c.options, ...(head && { head }) }, rows: c.rows.map((r, i) => clamp(r, c.rows.length - i)) };
}

const layoutManager = requireFromTable('./src/layout-manager.js') as { makeTableLayout(rows: unknown[]): { x: number | null }[][] };

/** How cli-table3 lays out each drawing of the case (undefined where it throws, which is compared). */
function layoutsOf(c: Case): ({ x: number | null }[][] | undefined)[] {
  let head = c.options.head ?? [];
  let rows = c.rows;
  const drawn = [head.length ? [head, ...rows] : rows];
  for (const step of c.redraws) {
    if ('push' in step) rows = [...rows, ...step.push];
    else if ('clearRows' in step) rows = [];
    else if ('dropHead' in step) head = [];
    drawn.push(head.length ? [head, ...rows] : rows);
  }
  return drawn.map((table) => {
    try {
      return layoutManager.makeTableLayout(structuredClone(table));
    } catch {
      return undefined;
    }
  });
}

/**
 * Whether cli-table3 comes back from drawing the case. Where spans overlap (a cell spanning columns
 * below one spanning rows) its layout puts cells out of place, and looking left from a row-spanning
 * cell can then go round for ever (in either copy): such layouts are left out.
 */
function terminates(c: Case): boolean {
  return layoutsOf(c).every((cells) => cells === undefined || cells.every((row) => row.every((cell, i) => cell.x === i)));
}

/**
 * cli-table3 wraps text without word boundaries in a loop that never ends when a column is no wider
 * than its padding (in either copy): where that wrapping may happen, every column gets a fixed width
 * wide enough.
 */
function widenWrappedColumns(c: Case): Case {
  if (!wrapsAnywhere(c)) return c;
  const columns = Math.max(c.options.colWidths?.length ?? 0, ...layoutsOf(c).flatMap((cells) => (cells ?? []).map((row) => row.length)));
  const colWidths = Array.from({ length: columns }, (_, i) => Math.max(5, c.options.colWidths?.[i] ?? 10));
  return { ...c, options: { ...c.options, colWidths } };
}

const corpus: fc.Arbitrary<Case> = fc
  .record({ level: fc.constantFrom(0, 0, 0, 2, 3), options, rows, redraws: fc.array(change, { maxLength: 3 }), shape: fc.option(rectangular, { nil: undefined }) })
  .map(({ shape, ...c }): Case => (shape ? { ...c, options: { ...c.options, head: shape.head }, rows: shape.rows } : c))
  .map(clampRowSpans)
  .filter(terminates)
  .map(widenWrappedColumns);

// ---------------------------------------------------------------------------------------------
// Drawing

interface Drawing {
  text: string;
  /** Every debug message kept so far, and what `table.messages` gives when the table has it. */
  messages: string[];
  tableMessages: string[] | undefined;
}
type Outcome = { drawings: Drawing[]; error?: string };

/** Draws a case with one copy: once, then again after each change. */
function draw(copy: Copy, input: Case): Outcome {
  // Each copy gets its own copy of the input: cli-table3 writes into options and cell objects.
  const c = structuredClone(input);
  copy.debug.setDebugLevel(c.level);
  copy.Table.reset();
  const drawings: Drawing[] = [];
  try {
    const table = new copy.Table(c.options);
    table.push(...c.rows);
    const record = () =>
      drawings.push({ text: table.toString(), messages: [...copy.debug.debugMessages()], tableMessages: table.messages && [...table.messages] });
    record();
    for (const step of c.redraws) {
      if ('push' in step) table.push(...step.push);
      else if ('chars' in step) table.options.chars = step.replace ? step.chars : Object.assign(table.options.chars, step.chars);
      else if ('compact' in step) table.options.style.compact = step.compact;
      else if ('clearRows' in step) table.length = 0;
      else if ('resetRowHeights' in step) table.options.rowHeights = [];
      else if ('dropHead' in step) table.options.head = [];
      else copy.Table.reset();
      record();
    }
    return { drawings };
  } catch (error) {
    return { drawings, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** A `plan tasks` list: Chinese titles cut to fixed columns, coloured states, borderless and compact. */
function planList(length: number): Row[] {
  const titles = ['汛前安全检查', '森林防火专项督查及隐患排查整治', '应急预案修订', '危险化学品企业安全生产标准化复评', '地震应急演练', '防汛物资储备库盘点', 'Q3 drill review'];
  const people = ['张伟', '王芳', '李娜', '刘洋', 'Chen Jie'];
  const states = ['\u001b[32m已完成\u001b[39m', '\u001b[33m进行中\u001b[39m', '\u001b[31m逾期\u001b[39m', '未开始'];
  let seed = 7;
  const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  return Array.from({ length }, (_, i) => [
    `T-${String(i + 1).padStart(4, '0')}`,
    `${titles[next(titles.length)]}${next(3) === 0 ? `（第${i}批）` : ''}`,
    people[next(people.length)]!,
    states[next(states.length)]!,
    `2022-${String(1 + next(12)).padStart(2, '0')}-${String(1 + next(28)).padStart(2, '0')}`,
    `${next(101)}%`,
  ]);
}
const PLAN_HEAD = ['编号', '任务', '负责人', '状态', '截止日期', '进度'];
const PLAN_WIDTHS = [6, 24, 8, 6, 10, 4];

/** Draws a list the way src/render/table.ts does: one table, drawn again for each block of 50 rows. */
function drawPlanList(copy: Copy, list: Row[]): string {
  copy.debug.setDebugLevel(0);
  copy.Table.reset();
  const table = new copy.Table({
    head: [...PLAN_HEAD],
    chars: PLAN_CHARS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
    colAligns: ['left', 'left', 'left', 'left', 'left', 'right'],
    colWidths: [...PLAN_WIDTHS],
  });
  const lines: string[] = [];
  for (let start = 0; start < list.length; start += 50) {
    table.length = 0;
    table.options.rowHeights = [];
    if (start > 0) table.options.head = [];
    table.push(...structuredClone(list.slice(start, start + 50)));
    lines.push(table.toString());
  }
  return lines.join('\n');
}

/** The same list as one bordered, coloured, word-wrapped table, with debug messages. */
function drawBorderedList(copy: Copy, list: Row[]): Outcome {
  return draw(copy, {
    level: 0,
    options: { head: [...PLAN_HEAD], colWidths: PLAN_WIDTHS.map((w) => w + 4), wordWrap: true, style: { head: ['red', 'bold'], border: ['grey'] }, debug: 3 },
    rows: list,
    redraws: [{ chars: { middle: '┃' }, replace: false }],
  });
}

// ---------------------------------------------------------------------------------------------

const colors = requireFromTable('@colors/colors/safe') as { enabled: boolean; enable(): void; disable(): void };
const coloursWereEnabled = colors.enabled;
let originalCopy: Copy;
let patchedCopy: Copy;

beforeAll(() => {
  // Under a test runner standard output is no terminal and @colors would draw no colour at all.
  colors.enable();
  originalCopy = loadOriginal();
  patchedCopy = loadCopy('patched', patchCliTable3);
});
afterAll(() => {
  if (!coloursWereEnabled) colors.disable();
});

describe('the cli-table3 patches of the build', () => {
  it('are loaded into a copy of their own, which differs from node_modules only by them', () => {
    for (const [file, patches] of Object.entries(CLI_TABLE3_PATCHES)) {
      expect(SOURCES, `src/${file} is not a file of cli-table3`).toContain(file);
      expect(patches.length).toBeGreaterThan(0);
      const patched = patchCliTable3(file, original(file));
      expect(patched).not.toBe(original(file));
      for (const [, after] of patches) expect(patched, `a replacement in src/${file} is not in the patched file as written`).toContain(after);
    }
    expect(patchedCopy.Table).not.toBe(originalCopy.Table);
    expect(patchedCopy.debug).not.toBe(originalCopy.debug);
    for (const file of SOURCES) expect(patchedCopy.modules.get(file)).not.toBe(originalCopy.modules.get(file));
    // One width function for both: the modules each utils.js required as string-width are one and
    // the same, the program's own.
    const widthOf = (copy: Copy) => copy.modules.get('utils.js')!.children.find((child) => child.id === STRING_WIDTH)?.exports as unknown;
    expect(widthOf(originalCopy)).toBe(stringWidth);
    expect(widthOf(patchedCopy)).toBe(stringWidth);
  });

  it('keep debug state apart in the two copies', () => {
    originalCopy.debug.setDebugLevel(3);
    patchedCopy.debug.setDebugLevel(0);
    originalCopy.Table.reset();
    patchedCopy.Table.reset();
    for (const copy of [originalCopy, patchedCopy]) {
      const table = new copy.Table();
      table.push(['a'], ['b', 'c']);
      table.toString();
    }
    expect(originalCopy.debug.debugMessages().length).toBeGreaterThan(0);
    expect(patchedCopy.debug.debugMessages()).toEqual([]);
  });

  it('draw every generated table, drawn again after changes, exactly as cli-table3 does, with the same debug messages', () => {
    let errors = 0;
    fc.assert(
      fc.property(corpus, (c) => {
        const expected = draw(originalCopy, c);
        if (expected.error !== undefined) errors++;
        expect(draw(patchedCopy, c)).toEqual(expected);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Tables cli-table3 itself cannot draw (row spans past the last row) are compared too, but most must draw.
    expect(errors).toBeLessThan(RUNS / 4);
  });

  it('draw a long list of Chinese tasks with fixed column widths exactly as cli-table3 does', () => {
    const list = planList(300);
    const expected = drawPlanList(originalCopy, list);
    expect(expected.split('\n')).toHaveLength(301);
    expect(expected).toContain('…');
    expect(drawPlanList(patchedCopy, list)).toBe(expected);
    const bordered = drawBorderedList(originalCopy, list);
    expect(bordered.error).toBeUndefined();
    expect(bordered.drawings[0]!.messages.length).toBeGreaterThan(300);
    expect(bordered.drawings[0]!.text).toContain('\u001b[90m'); // grey borders: colour is on
    expect(drawBorderedList(patchedCopy, list)).toEqual(bordered);
  });

  it('would be caught drawing anything differently (a deliberately broken copy is)', () => {
    const list = planList(300);
    const broken = loadMutant('pad', 'utils.js', 'function pad(str, len, pad, dir) {', 'function pad(str, len, pad, dir) {\n  len += 1;');
    expect(drawPlanList(broken, list)).not.toBe(drawPlanList(originalCopy, list));
  });

  // Each of these small bugs lies in what the corpus is meant to cover; the comparison must find each.
  it.each([
    ['cell characters ignored', 'cell.js', 'setOptions(options) {', 'setOptions(options) {\n    if (options && typeof options === "object") { options = Object.assign({}, options); delete options.chars; }'],
    ['cell truncation ignored', 'cell.js', 'this.truncate = this.options.truncate || tableOptions.truncate;', 'this.truncate = tableOptions.truncate;'],
    ['colour not carried to the next line', 'utils.js', 'let line = rewindState(state, input[i]);', 'let line = input[i];'],
    ['multi-line text measured as one line', 'utils.js', `let split = stripped.split('\\n');`, 'let split = [stripped];'],
    ['messages of the exact level dropped', 'debug.js', 'if (level >= min) {', 'if (level > min) {'],
  ])('would be caught with a bug: %s', (label, file, from, to) => {
    const mutant = loadMutant(label.replaceAll(' ', '-'), file, from, to);
    const result = fc.check(
      fc.property(corpus, (c) => {
        expect(draw(mutant, c)).toEqual(draw(originalCopy, c));
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(result.failed).toBe(true);
  });
});
