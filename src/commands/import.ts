import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import type { Context } from '../context.js';
import { EXIT, PlanError, shownPath, type ExitCode } from '../errors.js';
import { utf8OrGb18030 } from '../load/decode.js';
import { MAX_FILE_MB, readInputFile } from '../load/read-folder.js';
import { compare, draftOf, type Comparison, type Draft, type FolderData, type ReviewEntry } from '../notice/index.js';
import { draftFiles } from '../render/draft-yaml.js';
import { renderJson } from '../render/json.js';
import { renderTable } from '../render/table.js';
import { visible } from '../render/visible.js';
import { schemasDir, yearOption } from './init.js';

export interface ImportOptions {
  out?: string;
  year?: string;
  compare?: string;
  format: 'text' | 'json';
}

const MAX_NOTICE_BYTES = 20 * 1024 * 1024;

/**
 * `plan import NOTICE`: a notice's text read into a draft data folder (see src/notice/), each value
 * with the line it came from, then the review list of what could not be read. With --compare, the
 * draft is measured against a hand transcription of the same notice.
 */
export function importNotice(ctx: Context, file: string, options: ImportOptions): ExitCode {
  const path = resolve(ctx.io.cwd, file);
  const shownSource = shownPath(ctx.io.cwd, path);
  const read = readInputFile(path, MAX_NOTICE_BYTES);
  if ('error' in read) throw new PlanError(read.error === 'TOO_LARGE' ? ctx.msg.noticeTooLarge(shownSource, MAX_NOTICE_BYTES / 1024 / 1024) : ctx.msg.unreadable(shownSource, ctx.msg.ioReason(read.error)));
  const text = noticeText(ctx, read.bytes, shownSource);
  const year = options.year === undefined ? undefined : yearOption(ctx, options.year);
  const target = options.out === undefined ? ctx.dataDir : resolve(ctx.io.cwd, options.out);
  const shown = shownPath(ctx.io.cwd, target);
  if (existsSync(target) && readdirSync(target).some((name) => !name.startsWith('.'))) throw new PlanError(ctx.msg.importNotEmpty(shown));

  const draft = draftOf(text, year === undefined ? {} : { year });
  const tasks = draft.domains.reduce((n, d) => n + d.tasks.length, 0);
  if (tasks === 0) throw new PlanError(ctx.msg.importNoTasks(shownSource));
  const schemas = (dir: string) => relative(dir, schemasDir()).split(sep).join('/');
  const files = draftFiles(draft, { top: schemas(target), domains: schemas(join(target, 'domains')) }, basename(path));
  writeFolder(target, files);

  const comparison = options.compare === undefined ? undefined : compare(readFolder(ctx, resolve(ctx.io.cwd, options.compare)), readFolder(ctx, target));
  if (options.format === 'json') {
    ctx.io.stdout(renderJson({ out: shown, files: [...files.keys()], domains: draft.domains.length, tasks, review: draft.review, ...(comparison ? { comparison } : {}) }));
    return EXIT.ok;
  }
  ctx.io.stdout(reviewText(ctx, draft, shown, files.size, tasks));
  if (comparison) ctx.io.stdout(comparisonText(ctx, comparison, options.compare!));
  return EXIT.ok;
}

/** The notice's text: a Word file is refused with the fix, else UTF-16 by its mark, UTF-8 or GB18030. */
function noticeText(ctx: Context, bytes: Buffer, shown: string): string {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) throw new PlanError(ctx.msg.noticeIsZip(shown));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const text = utf8OrGb18030(bytes);
  if (text === undefined) throw new PlanError(ctx.msg.noticeEncoding(shown));
  return text;
}

/**
 * Writes the folder whole. A new folder is made beside its place and renamed into it, so a failure
 * leaves nothing half-made; an existing empty one (it may hold .git) gets the files directly, and
 * loses the ones made so far if a later one cannot be written. Nothing already there is touched.
 */
function writeFolder(target: string, files: Map<string, string>): void {
  if (existsSync(target)) {
    const made: string[] = [];
    const domains = join(target, 'domains');
    const madeDomains = !existsSync(domains);
    try {
      mkdirSync(domains, { recursive: true });
      for (const [name, content] of files) {
        writeFileSync(join(target, name), content, { flag: 'wx' });
        made.push(join(target, name));
      }
    } catch (error) {
      for (const path of made) rmSync(path, { force: true });
      if (madeDomains) rmSync(domains, { recursive: true, force: true });
      throw error;
    }
    return;
  }
  const staging = join(dirname(target), `.${basename(target)}.import-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(join(staging, 'domains'), { recursive: true });
    for (const [name, content] of files) writeFileSync(join(staging, name), content, { flag: 'wx' });
    renameSync(staging, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function readFolder(ctx: Context, dir: string): FolderData {
  const shown = shownPath(ctx.io.cwd, dir);
  const load = (name: string): unknown => {
    const path = join(dir, name);
    if (!existsSync(path)) return undefined;
    const read = readInputFile(path, MAX_FILE_MB * 1024 * 1024);
    if ('error' in read) throw new PlanError(ctx.msg.unreadable(shownPath(ctx.io.cwd, path), ctx.msg.ioReason(read.error)));
    try {
      return parse(read.bytes.toString('utf8'));
    } catch (error) {
      throw new PlanError(ctx.msg.importCompareUnreadable(shownPath(ctx.io.cwd, path), (error as Error).message.split('\n')[0]!));
    }
  };
  if (!existsSync(join(dir, 'domains'))) throw new PlanError(ctx.msg.noPlanHere(shown));
  const domains = readdirSync(join(dir, 'domains'))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => load(join('domains', name)) as FolderData['domains'][number]);
  const towns = load('towns.yaml') as { towns?: FolderData['towns'] } | undefined;
  const enterprises = load('enterprises.yaml') as { enterprises?: FolderData['enterprises'] } | undefined;
  return { domains, ...(towns?.towns ? { towns: towns.towns } : {}), ...(enterprises?.enterprises ? { enterprises: enterprises.enterprises } : {}) };
}

const KINDS: ReviewEntry['kind'][] = ['doubt', 'unread', 'no-owner', 'undated', 'skipped'];

function reviewText(ctx: Context, draft: Draft, shown: string, files: number, tasks: number): string {
  const m = ctx.msg;
  const out = [m.importDone(shown, files, draft.domains.length, tasks)];
  const counts = KINDS.map((kind) => ({ kind, entries: draft.review.filter((e) => e.kind === kind) })).filter((g) => g.entries.length > 0);
  if (counts.length > 0) {
    out.push('', m.importReviewTitle(draft.review.length));
    for (const { kind, entries } of counts) {
      out.push(`  ${m.importReviewKind[kind]}（${entries.length}）`);
      for (const e of entries) out.push(`    ${m.importLine(e.line)}  ${e.subject ? `${e.subject}  ` : ''}${visible(e.text)}`);
    }
  }
  out.push('', m.importNext(shown));
  return `${out.join('\n')}\n`;
}

function comparisonText(ctx: Context, c: Comparison, against: string): string {
  const m = ctx.msg;
  const pct = (f: { agree: number; of: number }) => (f.of === 0 ? '—' : `${((100 * f.agree) / f.of).toFixed(1)}%`);
  const rows = (
    [
      [m.importFigure.tasks, c.tasks],
      [m.importFigure.numbers, c.numbers],
      [m.importFigure.dates, c.dates],
      [m.importFigure.datedOnly, c.datedOnly],
      [m.importFigure.owners, c.owners],
      [m.importFigure.ownedOnly, c.ownedOnly],
      [m.importFigure.targets, c.targets],
      [m.importFigure.roster, c.roster],
      [m.importFigure.towns, c.towns],
    ] as const
  ).map(([label, f]) => [label, String(f.agree), String(f.of), pct(f)]);
  const table = renderTable([{ header: m.importFigure.what, flex: true }, { header: m.importFigure.agree, align: 'right' }, { header: m.importFigure.of, align: 'right' }, { header: '%', align: 'right' }], rows, ctx.fit);
  const lines = ['', m.importCompared(against), table.trimEnd(), m.importExtraTargets(c.extraTargets)];
  if (c.disagreements.length > 0) lines.push('', m.importDisagreements(c.disagreements.length), ...c.disagreements.map((d) => `  ${visible(d)}`));
  return `${lines.join('\n')}\n`;
}
