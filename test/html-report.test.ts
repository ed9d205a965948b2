import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messages, type Lang } from '../src/i18n/index.js';
import { renderBarChart, renderStackedChart } from '../src/render/svg-charts.js';
import { fixtureFolder, monthlyHeadings, runCli } from './helpers.js';

interface RateJson {
  numerator: number;
  denominator: number;
  value: number | null;
}

interface ReportJson {
  figures: Record<'completed' | 'fell_overdue' | 'still_overdue' | 'blocked' | 'in_progress' | 'due_rest_of_month' | 'due_next_month', number>;
  domains: { id: string; title: string; tally: { on_time: RateJson } }[];
  town_ranking: { name: string; rank: number; total: RateJson }[];
  roster: { industries: { industry: string; total: number; counts: Record<string, number> }[] };
}

async function reportIn(lang: Lang, format: 'html' | 'json' | 'text', cwd: string): Promise<string> {
  const result = await runCli(['--lang', lang, 'report', '--month', '2022-06', '--format', format], { cwd });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

/** The HTML of one chart's <figure>, found by its id. */
function chart(html: string, id: string): string {
  const start = html.lastIndexOf('<figure', html.indexOf(`aria-labelledby="${id}-t`));
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</figure>', start));
}

function rate(r: RateJson, lang: Lang): string {
  return `${r.value === null ? messages(lang).none : `${Math.round(r.value * 100)}%`} (${r.numerator}/${r.denominator})`;
}

/** The rows of the figures table under a chart, as cell texts. */
function figureRows(figure: string): string[][] {
  const body = figure.slice(figure.indexOf('<tbody>'), figure.indexOf('</tbody>'));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((cell) => cell[1]!));
}

describe.each(['zh', 'en'] as const)('plan report --format html in %s', (lang) => {
  const cwd = fixtureFolder('monthly');

  it('is one document with every section of the text report, its tables with repeated headers, and nothing that loads or runs', async () => {
    const html = await reportIn(lang, 'html', cwd);
    const m = messages(lang).monthly;
    expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(html).toContain(`<h1>${m.title('2022-06')}</h1>`);
    const f = (JSON.parse(await reportIn(lang, 'json', cwd)) as ReportJson).figures;
    expect([f.completed, f.fell_overdue, f.still_overdue, f.blocked, f.due_rest_of_month, f.due_next_month]).toEqual([2, 2, 5, 1, 1, 1]);
    const headings = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((h) => h[1]);
    expect(headings).toEqual(monthlyHeadings(m, f));
    // The same sections as the text report, in the same order.
    const text = await reportIn(lang, 'text', cwd);
    expect(text.split('\n').filter((line) => headings.includes(line))).toEqual(headings);
    expect(html.match(/<section>/g)).toHaveLength(headings.length);
    // The summary's figures, and the domain table's rows, as the text report has them.
    expect(html).toContain(`<tr><td>${messages(lang).col.total}</td><td class="num">27</td><td class="num">6</td>`);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('section { break-before: page;');
    expect(html).toMatch(/font-family: FangSong, "仿宋",.*SimSun, "宋体", "Noto Serif CJK SC".*serif;/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/\b(src|href)\s*=|url\(|@import|<link|<img|<iframe|<object/i);
    // Every table has a header row the browser repeats on each printed page.
    expect(html.match(/<table/g)!.length).toBe(html.match(/<thead>/g)!.length);
  });

  it('draws each chart from the figures of --format json, with every figure as text', async () => {
    const html = await reportIn(lang, 'html', cwd);
    const json = JSON.parse(await reportIn(lang, 'json', cwd)) as ReportJson;
    const h = messages(lang).htmlReport;

    const onTime = chart(html, 'chart-on-time');
    expect(onTime).toContain(`<figcaption>${h.onTimeTitle}</figcaption>`);
    expect(onTime).toContain(h.onTimeAxis);
    expect(onTime).toContain(h.domainAxis);
    expect(figureRows(onTime)).toEqual(json.domains.map((d) => [`${d.id} ${d.title}`, rate(d.tally.on_time, lang)]));
    expect(figureRows(onTime)).toEqual([
      ['AA 测试工作要点', '0% (0/3)'],
      ['BB 进度测试要点', '44% (4/9)'],
    ]);
    // One bar per domain with a rate, its figure beside it, and all of them in the description.
    expect(onTime.match(/<rect /g)).toHaveLength(json.domains.filter((d) => d.tally.on_time.value !== null).length);
    for (const d of json.domains) {
      expect(onTime).toContain(`>${rate(d.tally.on_time, lang)}</text>`);
      expect(onTime.slice(onTime.indexOf('<desc'), onTime.indexOf('</desc>'))).toContain(`${d.id} ${d.title}: ${rate(d.tally.on_time, lang)}`);
    }

    const towns = chart(html, 'chart-towns');
    expect(towns).toContain(h.townsTitle);
    expect(towns).toContain(`>${h.targetLine}</text>`);
    expect(figureRows(towns)).toEqual(json.town_ranking.map((t) => [`${t.rank}. ${t.name}`, rate(t.total, lang)]));
    expect(figureRows(towns)).toEqual([
      ['1. 虎峰镇', '75% (3/4)'],
      ['2. 高新区', '50% (5/10)'],
    ]);
    expect(towns.match(/<rect /g)).toHaveLength(json.town_ranking.length);

    const roster = chart(html, 'chart-roster');
    expect(roster).toContain(h.rosterTitle);
    const states = ['certified', 'applying', 'not_started', 'expired', 'revoked'];
    expect(figureRows(roster)).toEqual(json.roster.industries.map((r) => [r.industry, ...states.map((s) => String(r.counts[s])), String(r.total)]));
    // One segment per industry and state with anyone in it.
    const segments = json.roster.industries.reduce((n, r) => n + states.filter((s) => r.counts[s]! > 0).length, 0);
    expect(roster.match(/<g class="segment">/g)).toHaveLength(segments);
  });

  it('draws the year month by month up to the report: each month\'s counts are that month\'s report at its end', async () => {
    const html = await reportIn(lang, 'html', cwd);
    const h = messages(lang).htmlReport;
    const months = chart(html, 'chart-months');
    expect(months).toContain(`<figcaption>${h.monthsTitle('2022-01', '2022-06')}</figcaption>`);
    expect(months).toContain(h.monthsAxis);
    expect(months).toContain(h.monthAxis);
    const expected: string[][] = [];
    for (const month of ['2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06']) {
      const result = await runCli(['--lang', lang, 'report', '--month', month, '--format', 'json'], { cwd });
      const t = (JSON.parse(result.stdout) as { totals: Record<'done_on_time' | 'done_late' | 'overdue', number> }).totals;
      expected.push([h.monthLabel(month, null), ...[t.done_on_time, t.done_late, t.overdue].map(String), String(t.done_on_time + t.done_late + t.overdue)]);
    }
    expect(figureRows(months)).toEqual(expected);
    // Something happens in this fixture's half year, so the test is not about empty months.
    expect(expected.at(-1)!.slice(1).map(Number).every((n) => n > 0)).toBe(true);
    expect(months.match(/<g class="segment">/g)).toHaveLength(expected.flatMap((row) => row.slice(1, 4)).filter((n) => n !== '0').length);
  });

  it('ends the month-by-month chart at the as-of date of a month still running', async () => {
    const result = await runCli(['--lang', lang, 'report', '--month', '2022-06', '--as-of', '2022-06-15', '--format', 'html'], { cwd });
    const rows = figureRows(chart(result.stdout, 'chart-months'));
    const json = JSON.parse((await runCli(['--lang', lang, 'report', '--month', '2022-06', '--as-of', '2022-06-15', '--format', 'json'], { cwd })).stdout) as {
      totals: Record<'done_on_time' | 'done_late' | 'overdue', number>;
    };
    expect(rows.at(-1)!.slice(0, 4)).toEqual([messages(lang).htmlReport.monthLabel('2022-06', '2022-06-15'), ...[json.totals.done_on_time, json.totals.done_late, json.totals.overdue].map(String)]);
  });

  it('writes the file with --out and leaves an existing one alone without --force', async () => {
    const result = await runCli(['--lang', lang, 'report', '--month', '2022-06', '--format', 'html', '--out', 'june.html'], { cwd });
    expect(result.code).toBe(0);
    expect(readFileSync(join(cwd, 'june.html'), 'utf8')).toBe(await reportIn(lang, 'html', cwd));
    writeFileSync(join(cwd, 'june.html'), 'kept');
    const again = await runCli(['--lang', lang, 'report', '--month', '2022-06', '--format', 'html', '--out', 'june.html'], { cwd });
    expect(again.code).toBe(2);
    expect(readFileSync(join(cwd, 'june.html'), 'utf8')).toBe('kept');
  });
});

describe('titles from the data files in the HTML report', () => {
  it('appear as text, never as markup', async () => {
    const cwd = fixtureFolder('monthly');
    const file = join(cwd, 'data', 'domains', '02-bb.yaml');
    expect(existsSync(file)).toBe(true);
    const hostile = `<script>alert("x")</script><img src=http://example.com/a.png> & 'q'`;
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${JSON.stringify(hostile)}`));
    const html = await reportIn('en', 'html', cwd);
    expect(html).not.toMatch(/<script|<img/i);
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=http://example.com/a.png&gt; &amp; &#39;q&#39;';
    expect(html).toContain(`<td>BB ${escaped}</td>`);
    expect(figureRows(chart(html, 'chart-on-time'))[1]).toEqual([`BB ${escaped}`, '44% (4/9)']);
  });
});

describe('the SVG charts', () => {
  const common = { valueAxis: 'x', categoryAxis: 'y', noData: 'none', figuresOf: (t: string) => t };

  it('draw one bar per figure and escape every label, whatever the labels', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ label: fc.string(), value: fc.option(fc.double({ min: 0, max: 5, noNaN: true })) }), { minLength: 1, maxLength: 20 }), (rows) => {
        const svg = renderBarChart({ ...common, id: 'c', title: '<t>', max: 1, tickFormat: String, rows: rows.map((r) => ({ ...r, text: `${r.value}` })) });
        expect(svg.match(/<rect /g) ?? []).toHaveLength(rows.filter((r) => r.value !== null).length);
        // Each label's text only ever appears escaped: no raw < from the data.
        const tags = svg.match(/<[^>]*>/g)!;
        for (const tag of tags) expect(tag).toMatch(/^<\/?(figure|figcaption|svg|title|desc|g|rect|text|line|table|caption|thead|tbody|tr|th|td)[\s/>]/);
        expect(figureRows(svg)).toHaveLength(rows.length);
      }),
      { numRuns: 200 },
    );
  });

  it('stack the counts of each row to its total', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(40), fc.nat(40), fc.nat(40)), { minLength: 1, maxLength: 10 }), (counts) => {
        const keys = ['a', 'b', 'c'];
        const svg = renderStackedChart({
          ...common,
          id: 's',
          title: 't',
          keys,
          keyLabels: { a: 'A', b: 'B', c: 'C' },
          rows: counts.map((c, i) => ({ label: `r${i}`, counts: { a: c[0], b: c[1], c: c[2] } })),
        });
        expect(figureRows(svg)).toEqual(counts.map((c, i) => [`r${i}`, ...c.map(String), String(c[0] + c[1] + c[2])]));
        expect(svg.match(/<g class="segment">/g) ?? []).toHaveLength(counts.flat().filter((n) => n > 0).length);
      }),
      { numRuns: 100 },
    );
  });

  it('say so when there is nothing to draw', () => {
    expect(renderBarChart({ ...common, id: 'c', title: 'T', max: 1, tickFormat: String, rows: [] })).toBe('<figure class="chart"><figcaption>T</figcaption><p>none</p></figure>');
  });
});
