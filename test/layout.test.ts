import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenFit, documentWidth, wrapLines } from '../src/render/fit.js';
import { fitWidths, renderTable } from '../src/render/table.js';
import { displayWidth } from '../src/render/text.js';
import { wrapText } from '../src/render/wrap.js';
import { ROOT, runCli } from './helpers.js';

describe('wrapping text to a width', () => {
  it('breaks Chinese between characters and keeps Latin words whole', () => {
    expect(wrapText('全年常态开展隐患排查 and flood drills', 12)).toEqual(['全年常态开展', '隐患排查 and', 'flood drills']);
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    expect(wrapText('坚持权威发声，实现舆论引导', 10)).toEqual(['坚持权威发', '声，实现舆', '论引导']);
    expect(wrapText('开展“日周月”隐患排查', 7)).toEqual(['开展“日', '周月”隐', '患排查']);
  });

  it('cuts a word only when it is wider than the line', () => {
    expect(wrapText('see https://example.org/a/very/long/path', 12)).toEqual(['see', 'https://exam', 'ple.org/a/ve', 'ry/long/path']);
  });

  it('leaves no spaces at the end of a line and keeps a paragraph’s indent', () => {
    const lines = wrapText('  one two three four five six', 10);
    expect(lines).toEqual(['  one two', 'three four', 'five six']);
    expect(lines.every((line) => !line.endsWith(' '))).toBe(true);
  });

  it('keeps the style of a line styled as a whole on each of its parts', () => {
    const bold = (s: string) => `\u001b[1m${s}\u001b[22m`;
    expect(wrapLines(bold('月度报告标题很长'), 8)).toBe([bold('月度报告'), bold('标题很长')].join('\n'));
  });
});

describe('fitting a table to a width', () => {
  const columns = [{ header: 'ID' }, { header: 'Title', flex: true }, { header: 'Owner', flex: true }, { header: 'Due' }];

  it('takes the space from every text column in proportion, the owner column included', () => {
    expect(fitWidths([5, 40, 20, 10], columns, 45)).toEqual([5, 20, 10, 10]);
  });

  it('keeps text columns at a few columns and then narrows the others', () => {
    const widths = fitWidths([10, 40, 20, 10], columns, 16);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(16);
    expect(widths[1]).toBe(4);
    expect(widths[2]).toBe(4);
  });

  it('caps text columns when the width is unknown, and cuts their cells with …', () => {
    const table = renderTable(columns, [['A-1', '一二三四五六七八九十', 'Zhang Wei', '2022-06-30']], { cap: 10 });
    expect(table).toBe(['ID   Title       Owner      Due', 'A-1  一二三四…   Zhang Wei  2022-06-30'].join('\n'));
  });

  it('wraps long cells inside their column in documents, lining up the next columns', () => {
    const table = renderTable(columns, [['A-1', '全年常态开展隐患排查', '张伟、王芳、李继川', '2022-06-30']], { width: 36, overflow: 'wrap' });
    expect(table.split('\n')).toEqual(['ID   Title      Owner     Due', 'A-1  全年常态   张伟、王  2022-06-30', '     开展隐患   芳、李继', '     排查       川']);
    for (const line of table.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(36);
    const dueColumn = table.split('\n').map((line) => line.indexOf('2022')).filter((i) => i >= 0);
    expect(dueColumn).toHaveLength(1);
  });
});

describe('where the output goes', () => {
  it('uses --width, else the terminal, else COLUMNS, else caps text columns', () => {
    expect(screenFit({ columns: 80, env: { COLUMNS: '132' } }, { width: 60, wide: false })).toEqual({ width: 60 });
    expect(screenFit({ columns: 80, env: { COLUMNS: '132' } }, { wide: false })).toEqual({ width: 80 });
    expect(screenFit({ columns: undefined, env: { COLUMNS: '132' } }, { wide: false })).toEqual({ width: 132 });
    expect(screenFit({ columns: undefined, env: {} }, { wide: false })).toEqual({ cap: 40 });
    expect(screenFit({ columns: undefined, env: {} }, { wide: true })).toEqual({});
  });

  it('prints documents at 100 columns, narrower on a narrow screen, never wider in a file', () => {
    expect(documentWidth({ width: 80 }, { toFile: false })).toBe(80);
    expect(documentWidth({ width: 160 }, { toFile: false })).toBe(100);
    expect(documentWidth({ width: 80 }, { toFile: true })).toBe(100);
    expect(documentWidth({ cap: 40 }, { width: 72, toFile: true })).toBe(72);
  });

  it('refuses a --width too narrow for a table, with exit 2', async () => {
    const result = await runCli(['status', '--width', '10']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('plan: --width needs a whole number of columns, at least 20, got "10"\n');
  });
});

// The bundled plan: long Chinese titles, many owners. Every text report, in both languages.
const AS_OF = ['--as-of', '2022-06-30'];
const reports: string[][] = [
  ['status', ...AS_OF],
  ['status', ...AS_OF, '--all'],
  ['tasks', ...AS_OF],
  ['owners', ...AS_OF],
  ['owner', '各镇街', ...AS_OF],
  ['compliance', ...AS_OF],
  ['report', '--month', '2022-06'],
];

/** Lines of table rows (they start with an item id) in runs between blank lines. */
function rowRuns(text: string): string[][] {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').filter((line) => /^[A-Z]{2,3}-[\w@/-]+\s/.test(line)))
    .filter((rows) => rows.length > 1);
}

describe.each(['en', 'zh'])('reports in %s sized for where they go', (lang) => {
  describe.each([60, 80, 120])('at %i columns', (width) => {
    it.each(reports.map((args) => [args.join(' '), args]))('%s fits, aligned, without trailing spaces', async (_name, args) => {
      const result = await runCli(['--lang', lang, ...(args as string[])], { columns: width });
      expect(result.code).toBe(0);
      const lines = result.stdout.split('\n');
      expect(lines.filter((line) => displayWidth(line) > width)).toEqual([]);
      expect(lines.filter((line) => /\s$/.test(line))).toEqual([]);
      // Rows of one table put their due dates in the same display column, whatever their Chinese text.
      for (const run of rowRuns(result.stdout)) {
        const starts = new Set(run.map((line) => displayWidth(line.slice(0, line.search(/\s20\d\d-\d\d-\d\d/)))));
        expect([...starts]).toHaveLength(1);
      }
    });
  });

  it.each(reports.map((args) => [args.join(' '), args]))('%s piped: text columns capped at 40, full with --wide', async (_name, args) => {
    const piped = await runCli(['--lang', lang, ...(args as string[])]);
    const wide = await runCli(['--lang', lang, '--wide', ...(args as string[])]);
    expect(piped.code).toBe(0);
    expect(piped.stdout.split('\n').filter((line) => /\s$/.test(line))).toEqual([]);
    if (args[0] === 'report') {
      // A document is printed at its print width, piped or not.
      expect(Math.max(...piped.stdout.split('\n').map(displayWidth))).toBeLessThanOrEqual(100);
      return;
    }
    for (const line of rowRuns(piped.stdout).flat()) {
      for (const cell of line.split(/ {2,}/)) expect(displayWidth(cell)).toBeLessThanOrEqual(40);
    }
    expect(wide.stdout.length).toBeGreaterThanOrEqual(piped.stdout.length);
  });
});

describe('the monthly report as a text document', () => {
  it('wraps at --width and writes no trailing spaces, in a file as on screen', async () => {
    const result = await runCli(['--lang', 'zh', '--width', '72', 'report', '--month', '2022-06']);
    const lines = result.stdout.split('\n');
    expect(Math.max(...lines.map(displayWidth))).toBeLessThanOrEqual(72);
    expect(Math.max(...lines.map(displayWidth))).toBeGreaterThan(60);
    expect(lines.filter((line) => /\s$/.test(line))).toEqual([]);
  });

  it('prints 100 columns when piped, whatever the titles', async () => {
    const result = await runCli(['--lang', 'zh', 'report', '--month', '2022-06']);
    expect(Math.max(...result.stdout.split('\n').map(displayWidth))).toBeLessThanOrEqual(100);
  });
});

describe('the README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const sample = (command: string) => {
    const start = readme.indexOf(`$ ${command}\n`) + command.length + 3;
    return readme.slice(start, readme.indexOf('```', start));
  };

  it('shows plan status exactly as a 100-column terminal shows it', async () => {
    const result = await runCli(['status', '--as-of', '2022-06-30'], { columns: 100 });
    expect(sample('plan status --as-of 2022-06-30')).toBe(result.stdout);
  });

  it('shows what each Chinese example prints, errors included (run in order on a copy of the bundled data, on 2022-06-30)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'plan-readme-'));
    cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
    // Each `$ plan … --lang zh` line of a console block but the report (shown in part, above), with the lines it prints.
    const examples = [...readme.matchAll(/^\$ plan ((?:(?!report )[^\n])* --lang zh)\n((?:(?!\$|```)[^\n]*\n)*)/gm)];
    expect(examples.length).toBeGreaterThanOrEqual(9);
    for (const [, command, shown] of examples) {
      const result = await runCli(command!.split(' '), { cwd });
      expect(`$ plan ${command}\n${result.stdout}${result.stderr}`).toBe(`$ plan ${command}\n${shown}`);
    }
  });

  it('shows lines of the monthly report exactly as the report prints them', async () => {
    const result = await runCli(['report', '--month', '2022-06', '--lang', 'zh']);
    const shown = sample('plan report --month 2022-06 --lang zh').split('\n').filter((line) => line !== '…' && line !== '');
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.filter((line) => !result.stdout.split('\n').includes(line))).toEqual([]);
  });
});
