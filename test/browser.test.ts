/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The DOM types are for the functions this file runs inside the page.)
// The HTML report opened in a real headless Chromium (Debian's `chromium`, which .ci/run installs):
// what a reader sees and prints, not only what the file says.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages, type Lang } from '../src/i18n/index.js';
import { ROOT, runCli } from './helpers.js';

/** PLAN_CHROMIUM, else chromium or chromium-browser on the PATH. */
function findChromium(): string | undefined {
  if (process.env.PLAN_CHROMIUM) return process.env.PLAN_CHROMIUM;
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of ['chromium', 'chromium-browser']) {
    const found = dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
    if (found) return found;
  }
  return undefined;
}

const executable = findChromium();

interface RateJson {
  numerator: number;
  denominator: number;
  value: number | null;
}

interface ReportJson {
  domains: { id: string; title: string; tally: { on_time: RateJson } }[];
  town_ranking: { name: string; rank: number | null; achieved_total: number | null; total: RateJson }[];
  totals: { done_on_time: number; done_late: number; overdue: number };
  roster: { industries: { industry: string; total: number; counts: Record<string, number> }[] };
  figures: Record<string, number>;
}

function rate(r: RateJson, lang: Lang): string {
  return `${r.value === null ? messages(lang).none : `${Math.round(r.value * 100)}%`} (${r.numerator}/${r.denominator})`;
}

const title =
  executable === undefined
    ? 'the HTML report in headless Chromium (skipped: no chromium on this machine; .ci/run installs it, or set PLAN_CHROMIUM)'
    : `the HTML report in headless Chromium (${executable})`;

describe.skipIf(executable === undefined)(title, () => {
  let browser: Browser;
  beforeAll(async () => {
    // As root (CI containers) Chromium's sandbox cannot start; the page is our own file, offline.
    browser = await chromium.launch({ executablePath: executable, args: ['--no-sandbox'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(['zh', 'en'] as const)('in %s, bundled plan, June 2022', (lang) => {
    let page: Page;
    let json: ReportJson;
    const consoleErrors: string[] = [];
    const requests: string[] = [];
    let fileUrl: string;

    beforeAll(async () => {
      const html = await runCli(['--lang', lang, 'report', '--month', '2022-06', '--format', 'html'], { cwd: ROOT });
      expect(html.code).toBe(0);
      json = JSON.parse((await runCli(['--lang', lang, 'report', '--month', '2022-06', '--format', 'json'], { cwd: ROOT })).stdout) as ReportJson;
      const file = join(mkdtempSync(join(tmpdir(), 'plan-html-')), `2022-06-${lang}.html`);
      writeFileSync(file, html.stdout);
      fileUrl = pathToFileURL(file).href;
      page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      // Every request is recorded and anything but the file itself refused: the report must need nothing else.
      await page.route('**/*', (route) => {
        requests.push(route.request().url());
        return route.request().url() === fileUrl ? route.continue() : route.abort();
      });
      await page.goto(fileUrl, { waitUntil: 'load' });
    }, 60_000);

    afterAll(async () => {
      await page?.close();
    });

    it('loads with no console error and no request but the file itself', () => {
      expect(consoleErrors).toEqual([]);
      expect(requests).toEqual([fileUrl]);
    });

    it('shows one SVG per chart, with a bar per domain and per ranked town', async () => {
      const charts = await page.$$eval('figure.chart', (figures) =>
        figures.map((f) => ({ id: f.querySelector('svg title')?.id ?? '', svgs: f.querySelectorAll('svg').length, bars: f.querySelectorAll('svg g.bar rect').length, segments: f.querySelectorAll('svg g.segment').length })),
      );
      expect(charts.map((c) => c.id)).toEqual(['chart-on-time-t', 'chart-months-t', 'chart-towns-t', 'chart-roster-t']);
      expect(charts.every((c) => c.svgs === 1)).toBe(true);
      expect(await page.$$eval('svg', (svgs) => svgs.length)).toBe(4);
      // A domain with nothing due yet has no rate (— (0/0)) and so no bar; its row is still there.
      const rated = json.domains.filter((d) => d.tally.on_time.value !== null);
      expect(charts[0]!.bars).toBe(rated.length);
      expect(rated.length).toBeGreaterThan(0);
      // A town with no figure has no bar (a reported 0% has a stub of one); its row is still there, in grey.
      expect(charts[2]!.bars).toBe(json.town_ranking.filter((t) => t.achieved_total !== null).length);
      expect(await page.$$eval('#chart-towns-t', ([title]) => title!.closest('svg')!.querySelectorAll('g.bar.no-data').length)).toBe(json.town_ranking.filter((t) => t.achieved_total === null).length);
      const states = ['certified', 'applying', 'not_started', 'expired', 'revoked'];
      expect(charts[3]!.segments).toBe(json.roster.industries.reduce((n, r) => n + states.filter((s) => r.counts[s]! > 0).length, 0));
      // The bars are drawn to scale: each on-time bar's rendered width is its rate of the 100% width.
      const widths = await page.$$eval('#chart-on-time-t', ([title]) => [...title!.closest('svg')!.querySelectorAll('g.bar rect')].map((r) => r.getBoundingClientRect().width));
      const full = await page.$eval('#chart-on-time-t', (title) => {
        const svg = title.closest('svg')!;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const axis = svg.querySelector('g.axis line')!;
        return (Number(axis.getAttribute('x2')) - Number(axis.getAttribute('x1'))) * scale;
      });
      expect(widths).toHaveLength(rated.length);
      // A rate of 0 is a stub of a bar, visible and under 1% of the width, so it differs from no rate at all.
      rated.forEach((d, i) => {
        if (d.tally.on_time.value === 0) expect([widths[i]! > 0, widths[i]! / full < 0.01]).toEqual([true, true]);
        else expect(widths[i]! / full).toBeCloseTo(d.tally.on_time.value!, 2);
      });
    });

    it('shows the figures of --format json as text, beside the bars and in the tables under the charts', async () => {
      const figureRows = (id: string) =>
        page.$eval(`#${id}`, (title) => [...title.closest('figure')!.querySelectorAll('table.chart-figures tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText)));
      expect(await figureRows('chart-on-time-t')).toEqual(json.domains.map((d) => [`${d.id} ${d.title}`, rate(d.tally.on_time, lang)]));
      expect(await figureRows('chart-towns-t')).toEqual(
        json.town_ranking.map((t) => [t.rank === null ? t.name : `${t.rank}. ${t.name}`, t.achieved_total === null ? `${messages(lang).notReported} (0/${t.total.denominator})` : rate(t.total, lang)]),
      );
      const months = await figureRows('chart-months-t');
      expect(months.at(-1)!.slice(1, 4)).toEqual([json.totals.done_on_time, json.totals.done_late, json.totals.overdue].map(String));
      const barLabels = await page.$eval('#chart-on-time-t', (title) => [...title.closest('svg')!.querySelectorAll('g.bar text')].map((t) => t.textContent));
      for (const d of json.domains) expect(barLabels).toContain(rate(d.tally.on_time, lang));
      const headings = await page.$$eval('h2', (hs) => hs.map((h) => (h as HTMLElement).innerText));
      expect(headings[1]).toBe(messages(lang).monthly.completed(json.figures.completed!));
    });

    it('keeps ids, dates and headers on one line, and every chart label inside its chart', async () => {
      // Each id or date cell and each header is one line high: its height is that of one line of its font.
      const broken = await page.$$eval('td.whole, th', (cells) =>
        cells.filter((cell) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          return range.getClientRects().length > 1;
        }).map((cell) => cell.textContent),
      );
      expect(broken).toEqual([]);
      expect(await page.$$eval('td.whole', (cells) => cells.length)).toBeGreaterThan(10);
      const outside = await page.$$eval('svg', (svgs) =>
        svgs.flatMap((svg) => {
          const box = svg.getBoundingClientRect();
          return [...svg.querySelectorAll('text')].filter((t) => {
            const r = t.getBoundingClientRect();
            return r.left < box.left - 0.5 || r.right > box.right + 0.5;
          }).map((t) => t.textContent);
        }),
      );
      expect(outside).toEqual([]);
    });

    it('looks like something: the screenshot is not one colour', async () => {
      const png = await page.screenshot({ fullPage: false });
      // Decode the PNG in a blank page of the same browser and count its colours.
      const viewer = await browser.newPage();
      const colours = await viewer.evaluate(async (base64) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const data = context.getImageData(0, 0, image.width, image.height).data;
        const seen = new Set<number>();
        for (let i = 0; i < data.length; i += 4) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
        return { count: seen.size, width: image.width };
      }, png.toString('base64'));
      await viewer.close();
      expect(colours.width).toBe(1000);
      expect(colours.count).toBeGreaterThan(20);
    });

    it('prints to PDF on A4 pages, each section on its own', async () => {
      const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
      const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
      // A4 is 595.28 × 841.89 pt; Chromium rounds the page to whole pixels at 96 dpi.
      expect(boxes.length).toBeGreaterThanOrEqual(11);
      for (const [width, height] of boxes) {
        expect(Math.abs(width! - 595.28)).toBeLessThan(1.5);
        expect(Math.abs(height! - 841.89)).toBeLessThan(1.5);
      }
    });
  });
});
