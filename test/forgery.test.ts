import { readFileSync, rmSync, symlinkSync, writeFileSync, mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { stringifyLike } from '../src/edit/yaml-edit.js';
import { addDays, daysBetween, fromLocalDate, isCalendarDate, toLocalDate } from '../src/model/dates.js';
import { renderCsv } from '../src/render/csv.js';
import { markdownCell, markdownText } from '../src/render/markdown.js';
import { visible } from '../src/render/visible.js';
import { fixtureFolder, runCli } from './helpers.js';

// What the program promises about what it reads and prints (SECURITY.md, "Output" and "Reading"):
// a field of the data cannot forge a line of output, errors quote the data only in part, names
// that look alike are told apart, and broken files are named for what they are.

vi.setConfig({ testTimeout: 120_000 });

const AS_OF = ['--as-of', '2022-06-30'];
const DOMAIN = 'data/domains/01-aa.yaml';

/** A copy of the base fixture with each [from, to] replaced (all occurrences) in each file. */
function folderWith(edits: Record<string, [string, string][]>): string {
  const cwd = fixtureFolder();
  for (const [file, pairs] of Object.entries(edits)) {
    let text = readFileSync(join(cwd, file), 'utf8');
    for (const [from, to] of pairs) {
      expect(text).toContain(from);
      text = text.replaceAll(from, to);
    }
    writeFileSync(join(cwd, file), text);
  }
  return cwd;
}

describe('6. edits of large files do not recurse once per line', () => {
  it('serialises in the style of a 45,000-row enterprises.yaml', () => {
    const rows = Array.from({ length: 45_000 }, (_, i) => `  - id: E${String(i).padStart(5, '0')}\n    name: 企业${i}\n    industry: 机械\n    status: not_started\n`);
    const original = `enterprises:\n${rows.join('')}`;
    const doc = parseDocument('enterprises:\n  - id: E00000\n    name: 企业0\n');
    expect(stringifyLike(doc, original)).toBe('enterprises:\n  - id: E00000\n    name: 企业0\n');
  });
});

describe('7. a field cannot forge a line of output', () => {
  const forged = 'ZZ-99  ZZ  伪造的一行  unassigned  2022-01-01  999';
  const titled = () => folderWith({ [DOMAIN]: [['title: 召开现场会', `title: "正常标题\\n${forged}\\t尾"`]] });

  it('a newline or tab in a title is shown as \\n or \\t in status, tasks, owner and the report', async () => {
    const cwd = titled();
    for (const args of [['status', ...AS_OF], ['tasks', ...AS_OF], ['owner', '张伟', ...AS_OF], ['report', '--month', '2022-06']]) {
      const { code, stdout } = await runCli(['--width', '300', ...args], { cwd });
      expect(code).toBe(0);
      expect(stdout).toContain(`正常标题\\n${forged}\\t尾`);
      expect(stdout.split('\n').filter((line) => line.startsWith('ZZ-99'))).toEqual([]);
      expect(stdout).not.toContain('\t');
    }
  });

  it('visible() marks line breaks and tabs, so every one-line field stays one line', () => {
    expect(visible('a\nb\r\nc\td')).toBe('a\\nb\\r\\nc\\td');
  });

  it('Markdown escapes HTML, and a title, owner or season can start no heading, list, link or block', async () => {
    const owner = '# 伪造标题 <script>alert(1)</script>';
    const cwd = folderWith({
      [DOMAIN]: [
        ['title: 召开现场会', 'title: "正常标题\\n# 伪造标题\\n<script>alert(1)</script> [点击](javascript:alert(1))"'],
        ['title: 每季度会商', 'title: "- 伪造列表"'],
        ['      every: quarter', '      every: quarter\n      season:\n        name: "[点击](javascript:alert(2)) <img src=x onerror=alert(3)>"'],
        ['owners: [张伟]', `owners: ["${owner}"]`],
      ],
      'data/people.yaml': [['name: 张伟', `name: "${owner}"`]],
    });
    const { code, stdout } = await runCli(['report', '--month', '2022-06', '--format', 'markdown'], { cwd });
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    // The report's own headings only: one # title and its ## sections.
    expect(lines.filter((line) => /^#\s/.test(line))).toHaveLength(1);
    expect(lines.filter((line) => /^\s*[-+*]\s|^\s*\d+[.)]\s|^\s*>|^ {4}|^```/.test(line))).toEqual([]);
    expect(stdout).not.toMatch(/<script|<img|(?<!\\)\]\(javascript:/);
    expect(stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(stdout).toContain('\\[点击\\](javascript:alert(1))');
    expect(stdout).toContain('\\# 伪造标题 &lt;script&gt;');
    const tasks = await runCli(['tasks', ...AS_OF, '--format', 'markdown'], { cwd });
    expect(tasks.stdout).not.toMatch(/<script|(?<!\\)\]\(javascript:/);
  });

  it('markdownText keeps ordinary text as it is and escapes what Markdown would act on', () => {
    expect(markdownText('2022-06-30 召开会议 (第1次)')).toBe('2022-06-30 召开会议 (第1次)');
    expect(markdownText('1. 第一')).toBe('1\\. 第一');
    expect(markdownText('+ 列表')).toBe('\\+ 列表');
    expect(markdownText('    代码块')).toBe('代码块');
    expect(markdownText('a|b `c` *d* _e_ ~f~ & <g>')).toBe('a\\|b \\`c\\` \\*d\\* \\_e\\_ \\~f\\~ &amp; &lt;g&gt;');
  });
});

describe('7. (fuzz) no text, however made, gets a line, a control character or markup through', () => {
  // Strings weighted towards what forges output: line breaks, tabs, ESC, C1, bidi, Markdown and HTML.
  const nasty = fc.string({
    unit: fc.oneof(
      fc.constantFrom('\n', '\r', '\t', '\u001b', '\u009b', '\u2028', '\u202e', '#', '-', '+', '>', '1.', '[', ']', '(', ')', '<', '&', '`', '*', '|', ' '),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    ),
    maxLength: 40,
  });
  // eslint-disable-next-line no-control-regex
  const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

  it('visible() output is one line without control characters', () => {
    fc.assert(fc.property(nasty, (text) => !CONTROL.test(visible(text))));
  });

  it('markdownText() output is one inert line: no HTML, no unescaped link, no block at its start', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const out = markdownText(text);
        return !CONTROL.test(out) && !/[<>]/.test(out) && !/(?<!\\)[[\]`*|]/.test(out.replace(/\\\\/g, '')) && !/^(#|-|\+|>|=|\d+[.)]|\s)/.test(out);
      }),
    );
    fc.assert(fc.property(nasty, (text) => !CONTROL.test(markdownCell(text)) && !/[<>]/.test(markdownCell(text))));
  });

  it('a CSV cell keeps its line breaks inside quotes, and no row is added', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const csv = renderCsv(['a', 'b'], [[text, 'end']]);
        // Unquoted line ends (CRLF) end the header and the one row only.
        const outsideQuotes = csv.replace(/"(?:[^"]|"")*"/g, '');
        return outsideQuotes.split('\r\n').length === 3 && !/[\u001b\u009b\u202e]/.test(csv);
      }),
    );
    expect(renderCsv(['a'], [['x\ny\r\nz\tw\u001b']])).toBe('\uFEFFa\r\n"x\ny\nz\\tw\\x1b"\r\n');
  });
});

describe('9. errors quote the data only in part', () => {
  it('a one-line 1 MB scalar gives a short error line', async () => {
    const cwd = fixtureFolder();
    writeFileSync(join(cwd, 'data/domains/02-bb.yaml'), `${'X'.repeat(1_000_000)}\n`);
    const { code, stdout } = await runCli(['check'], { cwd });
    expect(code).toBe(1);
    expect(stdout).toContain('must be a mapping (key: value), found "XXXX');
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThan(400);
    const json = await runCli(['check', '--format', 'json'], { cwd });
    for (const row of JSON.parse(json.stdout) as { message: string }[]) expect(row.message.length).toBeLessThanOrEqual(300);
  });

  it('a domain file linked to a long text file elsewhere is not printed whole', async () => {
    const cwd = fixtureFolder();
    const system = join(mkdtempSync(join(tmpdir(), 'plan-system-')), 'motd');
    writeFileSync(system, Array.from({ length: 2000 }, (_, i) => `Line ${i} of a system file that is prose, not YAML data`).join('\n'));
    symlinkSync(system, join(cwd, 'data/domains/02-bb.yaml'));
    const { code, stdout } = await runCli(['check'], { cwd });
    expect(code).toBe(1);
    expect(stdout.length).toBeLessThan(1500);
    expect(stdout).not.toContain('Line 1999');
  });
});

describe('10. names are compared as Unicode text, and look-alikes are warned about', () => {
  const nfc = 'José';
  const nfd = 'Jose\u0301';

  it('José in NFC and NFD is one person: known to check, one row in owners, found by plan owner in either spelling', async () => {
    const cwd = folderWith({
      'data/people.yaml': [['name: 张伟', `name: ${nfc}`]],
      [DOMAIN]: [
        ['owners: [张伟]\n    leaders', `owners: [${nfc}]\n    leaders`],
        ['owners: [张伟]\n    recurrence', `owners: [${nfd}]\n    recurrence`],
      ],
    });
    expect((await runCli(['check'], { cwd })).code).toBe(0);
    const owners = await runCli(['owners', ...AS_OF, '--format', 'json'], { cwd });
    const rows = (JSON.parse(owners.stdout) as { owners: { name: string }[] }).owners.filter((o) => o.name.normalize('NFC') === nfc);
    expect(rows).toHaveLength(1);
    for (const query of [nfc, nfd]) {
      const report = await runCli(['owner', query, ...AS_OF, '--format', 'json'], { cwd });
      expect(report.code).toBe(0);
      const ids = (JSON.parse(report.stdout) as { late: { id: string }[] }).late.map((i) => i.id);
      expect(ids).toEqual(['AA-01', 'AA-03@2022-Q1']);
    }
  });

  it('two people in NFC and NFD are the same name listed twice', async () => {
    const cwd = folderWith({ 'data/people.yaml': [['name: 张伟', `name: ${nfc}\n    roles: [责任人]\n  - name: ${nfd}`]] });
    const check = await runCli(['check', '--format', 'json'], { cwd });
    expect((JSON.parse(check.stdout) as { rule: string }[]).map((d) => d.rule)).toContain('unique-name');
  });

  it('a name with a zero-width joiner or space, and names differing only by them, are warnings naming the code point', async () => {
    const cwd = folderWith({
      'data/people.yaml': [['  - name: 王芳', '  - name: 王芳\n  - name: "张\\u200d伟"\n  - name: "张\\u200b伟"\n  - name: 张 伟']],
    });
    const check = await runCli(['check', '--format', 'json'], { cwd });
    const rows = (JSON.parse(check.stdout) as { line: number; severity: string; rule: string; message: string }[]).map((d) => `${d.line} ${d.severity} ${d.rule}`);
    expect(rows).toEqual([
      '5 warning invisible-character',
      '5 warning look-alike-name',
      '6 warning invisible-character',
      '6 warning look-alike-name',
      '7 warning look-alike-name',
    ]);
    const text = (await runCli(['check'], { cwd })).stdout;
    expect(text).toContain('contains the invisible character U+200D');
    expect(text).toContain('contains the invisible character U+200B');
    expect(text).toContain('differs from "张伟" only by invisible characters or spaces');
  });
});

describe('11. a UTF-8 file cut in the middle of a character', () => {
  it('is named as truncated, with the byte offset, not taken for GBK', async () => {
    const cwd = fixtureFolder();
    const path = join(cwd, DOMAIN);
    const bytes = readFileSync(path);
    const cut = bytes.lastIndexOf(Buffer.from('会商', 'utf8')) + 5; // two bytes into 商
    writeFileSync(path, bytes.subarray(0, cut));
    const { code, stdout } = await runCli(['check', '--format', 'json'], { cwd });
    expect(code).toBe(1);
    const [row] = JSON.parse(stdout) as { message: string }[];
    expect(row!.message).toBe(
      `the file ends in the middle of a character at byte ${cut - 2}: it was cut short (an interrupted copy or download?); restore it from the original or from version control`,
    );
    expect(stdout).not.toContain('GBK');
  });
});

describe('12. a folder with no domain files', () => {
  it('is an error, whether domains/ is missing or empty', async () => {
    for (const empty of [false, true]) {
      const cwd = fixtureFolder();
      rmSync(join(cwd, 'data/domains'), { recursive: true });
      if (empty) mkdirSync(join(cwd, 'data/domains'));
      const { code, stdout } = await runCli(['check'], { cwd });
      expect(code).toBe(1);
      expect(stdout.split('\n')[0]).toBe('data/domains:1:1  error  no domain files: the tasks of the plan go in domains/*.yaml, one file per domain  [missing-file]');
    }
  });
});

describe('13. years 1–99 are dated as themselves', () => {
  it('counts days, adds days and checks leap years in the first century', () => {
    expect(fromLocalDate(toLocalDate('0022-03-30'))).toBe('0022-03-30');
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
    expect(daysBetween('0022-03-30', '0022-06-30')).toBe(92);
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(isCalendarDate('0000-02-29')).toBe(true);
    expect(isCalendarDate('0001-02-29')).toBe(false);
  });

  it('a plan of the year 99 reports the days late of a task due at its end', async () => {
    const cwd = folderWith({
      'data/plan.yaml': [
        ['issued: 2022-04-06', 'issued: 0099-04-06'],
        ['count_from: 2022-01-01', 'count_from: 0099-07-01'],
        ['start: 2022-01-01', 'start: 0099-07-01'],
        ['end: 2022-12-31', 'end: 0100-06-30'],
      ],
      [DOMAIN]: [
        ['due: 2022-03-30', 'due: 0099-12-31'],
        ['2022-', '0100-'],
      ],
    });
    const { code, stdout } = await runCli(['tasks', '--as-of', '0100-01-10', '--format', 'json'], { cwd });
    expect(code).toBe(0);
    const item = (JSON.parse(stdout) as { items: { id: string; due: string; days_late: number }[] }).items.find((i) => i.id === 'AA-01');
    expect(item).toMatchObject({ due: '0099-12-31', state: 'overdue', days_late: 10 });
  });
});
