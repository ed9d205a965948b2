// plan export --format xlsx, read back with exceljs and compared with the CSV and JSON exports.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { messages, type Lang } from '../src/i18n/index.js';
import { displayWidth } from '../src/render/text.js';
import { fixtureFolder, ROOT, runCli, runCliWithBytes } from './helpers.js';

/** RFC 4180 as the CSV export writes it: BOM, CRLF, quoted cells with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c !== '"') cell += c;
      else if (body[i + 1] === '"') (cell += '"'), i++;
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && body[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows as exceljs reads its cells' values (index 0 = column A). */
function sheetRows(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    rows[number - 1] = Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value);
  });
  return rows;
}

/** A cell as the CSV export writes its value: dates as YYYY-MM-DD (months YYYY-MM), formula-looking text with a leading '. */
function asCsv(value: ExcelJS.CellValue, monthColumn: boolean): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, monthColumn ? 7 : 10);
  if (typeof value === 'number') return String(value);
  expect(typeof value).toBe('string');
  const text = value as string;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

async function exportsIn(lang: Lang, cwd: string) {
  const xlsx = await runCliWithBytes(['--lang', lang, 'export', '--format', 'xlsx'], { cwd });
  expect(xlsx.stderr).toBe('');
  expect(xlsx.code).toBe(0);
  const csv = async (kind: string) => parseCsv((await runCli(['--lang', lang, 'export', '--format', 'csv', '--kind', kind], { cwd })).stdout);
  return { workbook: await readWorkbook(xlsx.bytes), bytes: xlsx.bytes, tasks: await csv('tasks'), enterprises: await csv('enterprises'), towns: await csv('towns') };
}

for (const [name, folder] of [
  ['the bundled plan', () => ROOT],
  ['data with formula-looking text and control characters', () => fixtureFolder('output-safety')],
] as const) {
  describe.each(['zh', 'en'] as const)(`plan export --format xlsx on ${name} in %s`, (lang) => {
    const cwd = folder();
    const msg = messages(lang);
    const expires = lang === 'zh' ? msg.csv.header.expires! : 'expires';

    it('has four sheets, each with the CSV export\'s headers and rows, value for value', async () => {
      const { workbook, tasks, enterprises, towns } = await exportsIn(lang, cwd);
      expect(workbook.worksheets.map((s) => s.name)).toEqual([msg.workbook.tasks, msg.workbook.enterprises, msg.workbook.towns, msg.workbook.targets]);
      for (const [sheetName, csv] of [
        [msg.workbook.enterprises, enterprises],
        [msg.workbook.towns, towns],
      ] as const) {
        const rows = sheetRows(workbook.getWorksheet(sheetName)!);
        expect(rows[0]).toEqual(csv[0]);
        expect(rows.length).toBe(csv.length);
        const monthColumn = csv[0]!.indexOf(expires);
        expect(rows.slice(1).map((row) => row.map((cell, i) => asCsv(cell, i === monthColumn)))).toEqual(csv.slice(1));
      }
      // Tasks: every CSV column but the milestones' summary, on the rows of kind task.
      const sheet = sheetRows(workbook.getWorksheet(msg.workbook.tasks)!);
      const header = sheet[0] as string[];
      const kind = header.indexOf(lang === 'zh' ? msg.csv.header.kind! : 'kind');
      const taskRows = sheet.slice(1).filter((row) => row[kind] === (lang === 'zh' ? msg.kind.task : 'task'));
      expect(taskRows.length).toBe(tasks.length - 1);
      const milestones = tasks[0]!.indexOf(lang === 'zh' ? msg.csv.header.milestones! : 'milestones');
      const columns = tasks[0]!.map((label, i) => (i === milestones ? -1 : header.indexOf(label)));
      expect(columns.filter((c) => c < 0)).toHaveLength(1);
      expect(taskRows.map((row) => columns.map((c) => (c < 0 ? '' : asCsv(row[c], false))))).toEqual(tasks.slice(1).map((row) => row.map((cell, i) => (i === milestones ? '' : cell))));
    });

    it('lists each task\'s milestones and occurrences under it, as plan tasks --format json has them', async () => {
      const { workbook } = await exportsIn(lang, cwd);
      const sheet = sheetRows(workbook.getWorksheet(msg.workbook.tasks)!);
      const json = JSON.parse((await runCli(['--lang', lang, 'tasks', '--format', 'json', '--as-of', '2030-01-01'], { cwd })).stdout) as {
        items: { id: string; kind: string; task_id: string; due: string; completed: string | null }[];
      };
      const header = sheet[0] as string[];
      const col = (code: string) => header.indexOf(lang === 'zh' ? msg.csv.header[code]! : code);
      const day = (value: ExcelJS.CellValue) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);
      const parts = sheet.slice(1).filter((row) => row[col('kind')] !== (lang === 'zh' ? msg.kind.task : 'task'));
      const expected = json.items.filter((i) => i.kind !== 'task');
      expect(parts.map((row) => [row[col('id')], row[col('task')], day(row[col('due')]), day(row[col('completed')]) ?? null]).sort()).toEqual(
        expected.map((i) => [i.id, i.task_id, i.due, i.completed ?? null]).sort(),
      );
      // Each part follows its own task's row.
      let task = '';
      for (const row of sheet.slice(1)) {
        if (row[col('kind')] === (lang === 'zh' ? msg.kind.task : 'task')) task = String(row[col('id')]);
        else expect(row[col('task')]).toBe(task);
      }
    });

    it('freezes the header row, filters every column, writes dates as dates and fits the columns to their text', async () => {
      const { workbook } = await exportsIn(lang, cwd);
      const expiresLabel = expires;
      for (const sheet of workbook.worksheets) {
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(sheet.autoFilter).toBe(`A1:${sheet.getColumn(sheet.columnCount).letter}${sheet.rowCount}`);
        const rows = sheetRows(sheet);
        rows[0]!.forEach((label, i) => {
          const widest = Math.max(...rows.map((r) => Math.max(...String(r[i] instanceof Date ? (label === expiresLabel ? '2022-06' : '2022-06-30') : (r[i] ?? '')).split('\n').map(displayWidth))));
          // exceljs leaves a column of its default width, 9, out of the file; Excel then shows 8.43.
          expect([sheet.name, label, sheet.getColumn(i + 1).width ?? 9]).toEqual([sheet.name, label, Math.min(60, Math.max(6, widest + 2))]);
          expect(typeof label).toBe('string');
        });
        for (const row of rows.slice(1)) for (const cell of row) if (typeof cell === 'string') expect(cell).not.toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      const due = sheetRows(workbook.worksheets[0]!)[1]![(sheetRows(workbook.worksheets[0]!)[0] as string[]).indexOf(lang === 'zh' ? msg.csv.header.due! : 'due')];
      expect(due).toBeInstanceOf(Date);
      expect(workbook.worksheets[0]!.getRow(2).getCell((sheetRows(workbook.worksheets[0]!)[0] as string[]).indexOf(lang === 'zh' ? msg.csv.header.due! : 'due') + 1).numFmt).toBe('yyyy-mm-dd');
    });
  });
}

describe('text that looks like a formula', () => {
  it('stays a text cell in every sheet, never a formula', async () => {
    const { workbook, bytes } = await exportsIn('zh', fixtureFolder('output-safety'));
    const texts = workbook.worksheets.flatMap((sheet) => sheetRows(sheet).flat()).filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('=HYPERLINK("http://evil.example")\\x9b31m');
    expect(texts).toContain("=cmd|' /C calc'!A0");
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    }
    // Nor in the file itself: no cell of any sheet has a formula element.
    const { unzipSync, strFromU8 } = await import('fflate');
    const files = unzipSync(bytes);
    const sheets = Object.keys(files).filter((f) => f.startsWith('xl/worksheets/sheet'));
    expect(sheets).toHaveLength(4);
    for (const f of sheets) expect(strFromU8(files[f]!)).not.toMatch(/<f[ >]/);
  });
});

describe('plan export --out', () => {
  it('writes the workbook, never over an existing file without --force, and never to a terminal', async () => {
    const cwd = fixtureFolder('monthly');
    const args = ['--lang', 'zh', 'export', '--format', 'xlsx'];
    expect(await runCli([...args, '--out', 'ledger.xlsx'], { cwd })).toMatchObject({ code: 0, stdout: '', stderr: `${messages('zh').wrote('ledger.xlsx')}\n` });
    const piped = await runCliWithBytes(args, { cwd });
    // The same workbook (the zip's own timestamps differ from run to run).
    const { unzipSync, strFromU8 } = await import('fflate');
    const sheets = (bytes: Uint8Array) => Object.entries(unzipSync(bytes)).filter(([f]) => f.startsWith('xl/')).map(([f, data]) => [f, strFromU8(data)]);
    expect(sheets(readFileSync(join(cwd, 'ledger.xlsx')))).toEqual(sheets(piped.bytes));
    writeFileSync(join(cwd, 'ledger.xlsx'), 'kept');
    expect((await runCli([...args, '--out', 'ledger.xlsx'], { cwd })).code).toBe(2);
    expect(readFileSync(join(cwd, 'ledger.xlsx'), 'utf8')).toBe('kept');
    for (const out of [[], ['--out', '-']]) {
      const terminal = await runCliWithBytes([...args, ...out], { cwd, isTTY: true });
      expect(terminal).toMatchObject({ code: 2, stdout: '', stderr: `plan: ${messages('zh').binaryToTerminal('xlsx')}\n` });
      expect(terminal.bytes.length).toBe(0);
    }
    // The text formats take --out as well.
    expect((await runCli(['export', '--format', 'csv', '--kind', 'towns', '--out', 'towns.csv'], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, 'towns.csv'), 'utf8')).toBe((await runCli(['export', '--format', 'csv', '--kind', 'towns'], { cwd })).stdout);
  });
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe('the built binary in a terminal', () => {
  // script(1) runs the command in a pseudo-terminal: standard output and /dev/tty are then a terminal.
  const inTerminal = (args: string) => {
    const result = spawnSync('script', ['-qec', `'${process.execPath}' '${ROOT}bin/plan.cjs' --lang en ${args}`, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH } });
    return { code: result.status, out: result.stdout.replace(/\r\n/g, '\n') };
  };

  it.skipIf(!hasScript)(`refuses a workbook or Word file to standard output or to /dev/tty there${hasScript ? '' : ' (skipped: script(1) is not installed)'}`, () => {
    for (const args of ['export --format xlsx', 'export --format xlsx --out -', 'export --format xlsx --out /dev/tty', 'report --month 2022-06 --format docx --out /dev/tty']) {
      const format = args.includes('xlsx') ? 'xlsx' : 'docx';
      expect(inTerminal(args)).toEqual({ code: 2, out: `plan: ${messages('en').binaryToTerminal(format)}\n` });
    }
    // Text formats still go there.
    expect(inTerminal('export --format csv --kind towns --out /dev/tty').code).toBe(0);
  });
});

const soffice = ['soffice', 'libreoffice'].find((bin) => spawnSync(bin, ['--version'], { encoding: 'utf8' }).status === 0);

describe('LibreOffice', () => {
  it.skipIf(soffice === undefined)(`converts the workbook to CSV${soffice === undefined ? ' (skipped: LibreOffice is not installed)' : ''}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-xlsx-'));
    writeFileSync(join(dir, 'ledger.xlsx'), (await runCliWithBytes(['--lang', 'zh', 'export', '--format', 'xlsx'], { cwd: ROOT })).bytes);
    const result = spawnSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', dir, join(dir, 'ledger.xlsx')], { encoding: 'utf8', timeout: 120_000 });
    expect(result.status).toBe(0);
    // The first sheet, in UTF-8 (76): the headers in Chinese, and the due dates read as dates.
    const [header, first] = readFileSync(join(dir, 'ledger.csv'), 'utf8').split('\n');
    // LibreOffice quotes every text cell with these options; dates, being numbers, are not quoted.
    expect(header!.split(',').slice(0, 3).map((h) => h.replace(/^"|"$/g, ''))).toEqual([messages('zh').csv.header.id, messages('zh').csv.header.kind, messages('zh').csv.header.task]);
    expect(first).toMatch(/^"ZH-01","任务","ZH-01","ZH",.*,2022-12-31,/);
  }, 150_000);
});
