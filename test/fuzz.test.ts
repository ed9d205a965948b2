import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Lexer, Parser } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_DEPTH, tooDeepAt } from '../src/load/parse.js';
import { ROOT, runCli } from './helpers.js';

// Random damage to the real data files must never crash `plan`: no exception, no stack trace, an
// exit code of 0, 1 or 2, and every error names a file and a line that is in it.

// Fixed, so a failure is reproducible; PLAN_FUZZ_SEED and PLAN_FUZZ_SCALE explore further.
const SEED = Number(process.env.PLAN_FUZZ_SEED ?? 20220630);
const SCALE = Number(process.env.PLAN_FUZZ_SCALE ?? 1);
/** Runs per property; together they keep this file well under a minute on two cores. */
const RUNS = { positions: Math.round(400 * SCALE), terminal: Math.round(120 * SCALE), nesting: Math.round(5000 * SCALE) };

const FILES = ['plan.yaml', 'people.yaml', 'towns.yaml', 'enterprises.yaml', ...readdirSync(join(ROOT, 'data/domains')).sort().map((f) => `domains/${f}`)];

// One copy of data/ serves every run: the damaged file is put back after each.
const root = mkdtempSync(join(tmpdir(), 'plan-fuzz-'));
cpSync(join(ROOT, 'data'), join(root, 'data'), { recursive: true });
const originals = new Map(FILES.map((file) => [file, readFileSync(join(root, 'data', file))]));

/** Byte sequences that tend to matter to a YAML reader, besides fully random bytes. */
const SPECIAL = [
  '\u0000', '\u001b[31m', '\u001b]0;title\u0007', '\u009b', '\t', '\r', '\r\n', '\n', ': ', '- ', '? ', '#', '[', ']', '{', '}', '"', "'", '|', '>',
  '&a ', '*a', '!!binary ', '%YAML 1.1\n', '---\n', '...\n', '<<: ', '08', 'yes', '12:30', '2022-02-30', '__proto__: ', '\ufeff', '\u2028',
].map((s) => Buffer.from(s, 'utf8'));
const INVALID_UTF8 = [[0xff], [0xfe, 0xff], [0xc3], [0xe4, 0xb8], [0xa1, 0xa1], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]].map((b) => Buffer.from(b));

type Mutation =
  | { op: 'delete-line'; at: number }
  | { op: 'duplicate-line'; at: number }
  | { op: 'indent-line'; at: number; indent: number }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; bytes: Uint8Array };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('indent-line' as const), at: fc.nat(), indent: fc.integer({ min: 0, max: 12 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.constantFrom(...SPECIAL, ...INVALID_UTF8) }),
);

function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, i));
    start = i + 1;
  }
  lines.push(bytes.subarray(start));
  return lines;
}

function apply(bytes: Buffer, m: Mutation): Buffer {
  if (m.op === 'truncate') return bytes.subarray(0, m.at % (bytes.length + 1));
  if (m.op === 'insert') {
    const at = m.at % (bytes.length + 1);
    return Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
  }
  const lines = splitLines(bytes);
  const at = m.at % lines.length;
  if (m.op === 'delete-line') lines.splice(at, 1);
  else if (m.op === 'duplicate-line') lines.splice(at, 0, lines[at]!);
  else lines[at] = Buffer.concat([Buffer.from(' '.repeat(m.indent)), Buffer.from(lines[at]!.toString('latin1').replace(/^[ \t]*/, ''), 'latin1')]);
  return Buffer.concat(lines.flatMap((line, i) => (i === 0 ? [line] : [Buffer.from('\n'), line])));
}

/** Lines as an editor counts them: a final line break does not start another line; an empty file has line 1. */
function lineCount(bytes: Buffer): number {
  let breaks = 0;
  for (const b of bytes) if (b === 0x0a) breaks++;
  return Math.max(1, breaks + (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? 1 : 0));
}

/** Damages one file, runs `plan`, puts the file back. */
async function damaged<T>(file: string, mutations: Mutation[], run: (bytes: Buffer) => Promise<T>): Promise<T> {
  const bytes = mutations.reduce(apply, originals.get(file)!);
  const path = join(root, 'data', file);
  writeFileSync(path, bytes);
  try {
    return await run(bytes);
  } finally {
    writeFileSync(path, originals.get(file)!);
  }
}

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const tried = { positions: 0, terminal: 0, nesting: 0 };

describe('plan check on randomly damaged copies of data/', () => {
  afterAll(() => {
    console.log(
      `fuzz: ${tried.positions} runs of check --format json, ${tried.terminal} runs of check as text, ${tried.nesting} texts for the nesting guard (seed ${SEED})`,
    );
  });

  it('never crashes, exits 0, 1 or 2, and places every error on a line of its file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FILES), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (file, mutations) => {
        tried.positions++;
        await damaged(file, mutations, async (bytes) => {
          const result = await runCli(['check', '--format', 'json'], { cwd: root });
          expect([0, 1, 2]).toContain(result.code);
          expect(result.stdout + result.stderr).not.toContain('\n    at ');
          if (result.code === 2) return;
          expect(result.stderr).toBe('');
          const rows = JSON.parse(result.stdout) as { file: string; line: number; column: number; severity: string; rule: string }[];
          for (const row of rows.filter((r) => r.severity === 'error')) {
            const name = row.file.replace(/^data\//, '');
            expect(originals.has(name), `${row.file} (${row.rule})`).toBe(true);
            const lines = lineCount(name === file ? bytes : originals.get(name)!);
            expect(row.line, `${row.file}:${row.line} (${row.rule}) of ${lines} lines`).toBeGreaterThanOrEqual(1);
            expect(row.line, `${row.file}:${row.line} (${row.rule}) of ${lines} lines`).toBeLessThanOrEqual(lines);
            expect(row.column).toBeGreaterThanOrEqual(1);
          }
          if (result.code === 1) expect(rows.some((r) => r.severity === 'error')).toBe(true);
          expect(result.stdout).not.toMatch(RAW_CONTROL);
        });
      }),
      { seed: SEED, numRuns: RUNS.positions },
    );
  }, 120_000);

  it('never lets the damage reach the terminal: no raw control characters, no stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FILES), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (file, mutations) => {
        tried.terminal++;
        await damaged(file, mutations, async () => {
          const result = await runCli(['check'], { cwd: root });
          expect([0, 1, 2]).toContain(result.code);
          expect(result.stdout + result.stderr).not.toContain('\n    at ');
          expect(result.stdout + result.stderr).not.toMatch(RAW_CONTROL);
        });
      }),
      { seed: SEED + 1, numRuns: RUNS.terminal },
    );
  }, 120_000);

  // The guard in parse.ts decides from cheap upper bounds whether a text can be too deep to parse;
  // it must never let through a text the parser would build deeper than the limit.
  it('never lets a document nested deeper than the limit reach the parser', async () => {
    const pieces = ['- ', '? ', ': ', 'a: ', 'a:', 'b', '[', ']', '{', '}', ', ', '"', "'", '#c', ' ', '\t', '|', '>', '&x ', '*x', '!t ', '---', '"q"', "'s'", 'x y'];
    const piece = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...pieces) },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 40 }).map((n) => `\n${' '.repeat(n)}`) },
      { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...pieces), fc.integer({ min: 10, max: 120 })).map(([p, n]) => p.repeat(n)) },
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 300 }), (parts) => {
        tried.nesting++;
        const text = parts.join('');
        expect(tooDeepAt(text) !== undefined, JSON.stringify(text)).toBe(parserDepth(text) > MAX_DEPTH);
      }),
      { seed: SEED + 2, numRuns: RUNS.nesting },
    );
  }, 120_000);
});

/** How deep the `yaml` CST parser gets on a text: the most block and flow collections open at once. */
function parserDepth(text: string): number {
  const parser = new Parser();
  let deepest = 0;
  for (const lexeme of new Lexer().lex(text)) {
    for (const document of parser.next(lexeme)) void document;
    const open = parser.stack.filter((t) => t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection').length;
    deepest = Math.max(deepest, open);
  }
  return deepest;
}
