// plan report --format docx, read back by unzipping the file and parsing its WordprocessingML.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { messages, type Lang } from '../src/i18n/index.js';
import { fixtureFolder, monthlyHeadings, ROOT, runCli, runCliWithBytes } from './helpers.js';

interface RateJson {
  numerator: number;
  denominator: number;
  value: number | null;
}

interface TallyJson {
  total: number;
  done: number;
  overdue: number;
  blocked: number;
  cancelled: number;
  on_time: RateJson;
}

type ListKey = 'completed' | 'fell_overdue' | 'still_overdue' | 'blocked' | 'in_progress' | 'due_rest_of_month' | 'due_next_month';

interface ReportJson extends Record<ListKey, { id: string }[]> {
  figures: Record<ListKey, number>;
  totals: TallyJson;
  not_yet_due: number;
  domains: { id: string; title: string; tally: TallyJson; not_yet_due: number }[];
  town_ranking: { name: string; rank: number | null; target_total: number; achieved_total: number | null; total: RateJson; above_scale: RateJson; reported_on: string | null }[];
}

type Part = { style: string | null; text: string } | { rows: string[][] };

const unescapeXml = (text: string) => text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

function paragraphText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join('');
}

/** The body of word/document.xml in order: paragraphs (with their style) and tables (rows of cell texts). */
function bodyParts(document: string): Part[] {
  const body = document.slice(document.indexOf('<w:body>'), document.indexOf('</w:body>'));
  return [...body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p(?: [^>]*)?>[\s\S]*?<\/w:p>/g)].map((m): Part => {
    if (m[0].startsWith('<w:tbl>')) {
      return { rows: [...m[0].matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => paragraphText(cell[0]))) };
    }
    return { style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[0])?.[1] ?? null, text: paragraphText(m[0]) };
  });
}

function unzip(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

async function reportFiles(lang: Lang, cwd: string): Promise<{ files: Record<string, string>; json: ReportJson }> {
  const docx = await runCliWithBytes(['--lang', lang, 'report', '--month', '2022-06', '--format', 'docx'], { cwd });
  expect(docx.stderr).toBe('');
  expect(docx.code).toBe(0);
  expect(docx.stdout).toBe('');
  const json = await runCli(['--lang', lang, 'report', '--month', '2022-06', '--format', 'json'], { cwd });
  return { files: unzip(docx.bytes), json: JSON.parse(json.stdout) as ReportJson };
}

function rate(r: RateJson, lang: Lang): string {
  return `${r.value === null ? messages(lang).none : `${Math.round(r.value * 100)}%`} (${r.numerator}/${r.denominator})`;
}

/** The parts between a heading and the next one. */
function sectionParts(parts: Part[], heading: string): Part[] {
  const start = parts.findIndex((p) => 'style' in p && p.style === 'Heading1' && p.text === heading);
  expect(start).toBeGreaterThan(0);
  const next = parts.findIndex((p, i) => i > start && 'style' in p && p.style === 'Heading1');
  return parts.slice(start + 1, next < 0 ? undefined : next);
}

const tables = (parts: Part[]) => parts.filter((p): p is { rows: string[][] } => 'rows' in p);

for (const [name, folder] of [
  ['the bundled plan', () => ROOT],
  ['the monthly fixture', () => fixtureFolder('monthly')],
] as const) {
  describe.each(['zh', 'en'] as const)(`plan report --format docx on ${name} in %s`, (lang) => {
    const cwd = folder();

    it('has the title, the lead and the headings of the JSON report, in order', async () => {
      const { files, json } = await reportFiles(lang, cwd);
      const m = messages(lang).monthly;
      const parts = bodyParts(files['word/document.xml']!);
      expect(parts[0]).toEqual({ style: 'Title', text: m.title('2022-06') });
      expect(parts[2]).toEqual({ style: null, text: m.lead('2022-06-01', '2022-06-30') });
      const f = json.figures;
      expect(parts.filter((p) => 'style' in p && p.style === 'Heading1').map((p) => ('text' in p ? p.text : ''))).toEqual(monthlyHeadings(m, f));
    });

    it('has the tables of the JSON report, cell by cell', async () => {
      const { files, json } = await reportFiles(lang, cwd);
      const msg = messages(lang);
      const m = msg.monthly;
      const parts = bodyParts(files['word/document.xml']!);
      const row = (label: string, t: TallyJson, later: number) => [label, ...[t.total, t.done, t.overdue, t.blocked, t.cancelled, later].map(String), rate(t.on_time, lang)];
      const [domains] = tables(sectionParts(parts, m.summary));
      expect(domains!.rows.slice(1)).toEqual([...json.domains.map((d) => row(`${d.id} ${d.title}`, d.tally, d.not_yet_due)), row(msg.col.total, json.totals, json.not_yet_due)]);
      expect(domains!.rows[0]).toEqual([msg.col.domain, msg.col.items, msg.col.done, msg.col.overdue, msg.col.blocked, msg.col.cancelled, msg.col.later, msg.col.onTime]);

      const lists: [ListKey, string][] = [
        ['completed', m.completed(json.figures.completed)],
        ['fell_overdue', m.fellOverdue(json.figures.fell_overdue)],
        ['still_overdue', m.stillOverdue(json.figures.still_overdue)],
        ['blocked', m.blocked(json.figures.blocked)],
        ['in_progress', m.inProgress(json.figures.in_progress)],
        ['due_rest_of_month', m.dueRest(json.figures.due_rest_of_month)],
        ['due_next_month', m.dueNext(json.figures.due_next_month)],
      ];
      for (const [key, heading] of lists) {
        const section = sectionParts(parts, heading);
        if (json[key].length === 0) {
          expect(section).toEqual([{ style: null, text: m.nothing }]);
        } else {
          const [list] = tables(section);
          expect(list!.rows[0]!.slice(0, 4)).toEqual([msg.col.id, msg.col.title, msg.col.owner, msg.col.due]);
          expect(list!.rows.slice(1).map((r) => r[0])).toEqual(json[key].map((i) => i.id));
        }
      }

      const ranking = tables(sectionParts(parts, m.standardization)).at(-1)!;
      expect(ranking.rows.slice(1)).toEqual(
        json.town_ranking.map((t) => [
          t.rank === null ? msg.none : String(t.rank),
          t.name,
          String(t.target_total),
          t.achieved_total === null ? msg.notReported : String(t.achieved_total),
          rate(t.total, lang),
          rate(t.above_scale, lang),
          t.reported_on ?? msg.none,
        ]),
      );
      // Every table repeats its header row on each page and keeps its rows whole.
      const tableXml = files['word/document.xml']!.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!;
      expect(tableXml.length).toBe(tables(parts).length);
      for (const xml of tableXml) expect(xml).toMatch(/^<w:tbl>[\s\S]*?<w:tr><w:trPr><w:cantSplit\/><w:tblHeader\/><\/w:trPr>/);
    });
  });
}

describe('the Word file', () => {
  it('is A4 with page numbers in the footer, the title in bold Song, headings in bold Hei and the body in FangSong', async () => {
    const { files } = await reportFiles('zh', ROOT);
    const document = files['word/document.xml']!;
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    const footer = Object.keys(files).filter((f) => /^word\/footer\d+\.xml$/.test(f));
    expect(footer).toHaveLength(1);
    expect(files[footer[0]!]).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    const styles = files['word/styles.xml']!;
    const style = (id: string) => new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">[\\s\\S]*?</w:style>`).exec(styles)![0];
    expect(style('Title')).toMatch(/w:eastAsia="宋体"[\s\S]*<w:b\/>/);
    expect(style('Heading1')).toMatch(/w:eastAsia="黑体"[\s\S]*<w:b\/>/);
    expect(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0]).toMatch(/w:eastAsia="仿宋"/);
  });

  it('names the plan\'s issuer as its author, not "Un-named"', async () => {
    const { files } = await reportFiles('zh', ROOT);
    expect(files['docProps/core.xml']).toContain('<dc:creator>重庆市铜梁区应急管理局</dc:creator>');
    expect(files['docProps/core.xml']).toContain('<cp:lastModifiedBy>重庆市铜梁区应急管理局</cp:lastModifiedBy>');
  });

  it('is written with --out, never over an existing file without --force, and never to a terminal', async () => {
    const cwd = fixtureFolder('monthly');
    const args = ['--lang', 'zh', 'report', '--month', '2022-06', '--format', 'docx'];
    const written = await runCli([...args, '--out', 'june.docx'], { cwd });
    expect(written).toMatchObject({ code: 0, stdout: '', stderr: `${messages('zh').wrote('june.docx')}\n` });
    const piped = await runCliWithBytes(args, { cwd });
    expect(unzip(readFileSync(join(cwd, 'june.docx')))['word/document.xml']).toBe(unzip(piped.bytes)['word/document.xml']);

    writeFileSync(join(cwd, 'june.docx'), 'kept');
    const again = await runCli([...args, '--out', 'june.docx'], { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`plan: ${messages('zh').outExists('june.docx')}\n`);
    expect(readFileSync(join(cwd, 'june.docx'), 'utf8')).toBe('kept');
    expect((await runCli([...args, '--out', 'june.docx', '--force'], { cwd })).code).toBe(0);
    expect(unzip(readFileSync(join(cwd, 'june.docx')))['word/document.xml']).toBe(unzip(piped.bytes)['word/document.xml']);

    for (const out of [[], ['--out', '-']]) {
      const terminal = await runCliWithBytes([...args, ...out], { cwd, isTTY: true });
      expect(terminal).toMatchObject({ code: 2, stdout: '', stderr: `plan: ${messages('zh').binaryToTerminal('docx')}\n` });
      expect(terminal.bytes.length).toBe(0);
    }
    const toPipe = await runCliWithBytes([...args, '--out', '-'], { cwd });
    expect(toPipe.code).toBe(0);
    expect(unzip(toPipe.bytes)['word/document.xml']).toBe(unzip(piped.bytes)['word/document.xml']);
  });
});

const soffice = ['soffice', 'libreoffice'].find((bin) => spawnSync(bin, ['--version'], { encoding: 'utf8' }).status === 0);

describe('LibreOffice', () => {
  it.skipIf(soffice === undefined)(`converts the Word report to PDF${soffice === undefined ? ' (skipped: LibreOffice is not installed)' : ''}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-docx-'));
    const file = join(dir, 'june.docx');
    writeFileSync(file, (await runCliWithBytes(['--lang', 'zh', 'report', '--month', '2022-06', '--format', 'docx'], { cwd: ROOT })).bytes);
    const result = spawnSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 120_000 });
    expect(result.status).toBe(0);
    expect(existsSync(join(dir, 'june.pdf'))).toBe(true);
    const pdf = readFileSync(join(dir, 'june.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(readdirSync(dir)).toContain('june.pdf');
    // Laid out on A4 (595.3 × 841.9 pt), over several pages.
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(1);
    expect(new Set(boxes.map(String))).toEqual(new Set(['595,842']));
  }, 150_000);
});
