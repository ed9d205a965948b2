import { join, relative } from 'node:path';
import { visit, type Document } from 'yaml';
import type { Context } from '../context.js';
import { EXIT, PlanError, shownPath, type ExitCode } from '../errors.js';
import { loadFolder, type LoadedFolder } from '../load/load-folder.js';
import { parseSource } from '../load/parse.js';
import { documentOf, linePosition, type SourceFile } from '../load/source-file.js';
import { buildPlan, type Plan } from '../model/plan.js';
import { renderDiagnosticsText } from '../render/diagnostics.js';
import { visible, visibleLines } from '../render/visible.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { countBySeverity, validateFolder } from '../validate/index.js';
import { unifiedDiff } from './diff.js';
import { editFolders } from './folders.js';
import { hasJournal, JOURNAL_NAME } from '../load/read-folder.js';
import { recoverJournal, removeJournal, removeStaleTemporaries, writeJournal } from './journal.js';
import { acquireLocks, LockBusyError, LockNotFileError } from './lock.js';
import { writeDataFile } from './write-file.js';
import { editedText, stringifyLike } from './yaml-edit.js';

/** How long an edit waits for another `plan` process editing the same folder (PLAN_LOCK_WAIT_MS overrides). */
const LOCK_WAIT_MS = 15_000;

/** One change to one file, described by the command that wants it. */
export interface EditRequest {
  file: SourceFile;
  change: (doc: Document) => void;
  /** One line saying what was recorded. */
  summary: string;
}

/** Changes to any number of files, made together or not at all. No changes: nothing to write. */
export interface EditBatch {
  changes: { file: SourceFile; change: (doc: Document) => void }[];
  /** Lines saying what was recorded (or why nothing needed recording). */
  summary: string[];
}

/**
 * The one way data is changed: under the folder's lock, load and validate the data as it is now,
 * apply the changes to the YAML documents (comments and layout kept), validate the result as a
 * whole, then write every changed file atomically — or, with --dry-run, print the diffs and write
 * nothing. An edit that would leave the data invalid is refused and every file is left untouched.
 */
export async function runEdit(ctx: Context, dryRun: boolean, prepare: (plan: Plan, loaded: LoadedFolder) => EditRequest | EditBatch): Promise<ExitCode> {
  const folders = await editFolders(ctx.dataDir);
  const release = dryRun ? undefined : await takeLocks(ctx, folders.locks);
  try {
    if (!dryRun) await undoInterruptedEdit(ctx, folders.writable);
    const shown = relative(ctx.io.cwd, ctx.dataDir) || '.';
    const loaded = loadFolder(ctx.dataDir, ctx.msg, shown);
    if (countBySeverity(validateFolder(loaded, ctx.msg, { warnings: false })).errors > 0) throw new PlanError(ctx.msg.fixBeforeEdit, EXIT.dataProblems);
    const request = prepare(buildPlan(loaded.files), loaded);
    const batch: EditBatch = 'changes' in request ? request : { changes: [{ file: request.file, change: request.change }], summary: [request.summary] };

    const edited = editedFiles(batch, ctx);
    const replaced = new Map(edited.map((e) => [e.file, e.reparsed]));
    const files = loaded.files.map((f) => replaced.get(f) ?? f);
    const parseProblems = edited.flatMap((e) => e.diagnostics);
    const problems = [...parseProblems, ...(edited.length > 0 ? validateFolder({ ...loaded, files }, ctx.msg, { warnings: false }) : [])].filter((d) => d.severity === 'error');
    if (problems.length > 0) {
      ctx.io.stderr(renderDiagnosticsText(problems, files.length, ctx.msg, ctx.colors));
      throw new PlanError(ctx.msg.editRefused, EXIT.dataProblems);
    }
    if (dryRun) {
      ctx.io.stdout(visibleLines(edited.map((e) => unifiedDiff(e.file.path, e.file.text, e.updated)).join('')));
      return EXIT.ok;
    }
    await writeAll(ctx.dataDir, edited.filter((e) => e.updated !== e.file.text), folders.writable);
    ctx.io.stdout(batch.summary.map((line) => `${visible(line)}\n`).join(''));
    return EXIT.ok;
  } finally {
    await release?.();
  }
}

/** PLAN_LOCK_WAIT_MS, or the default when it is unset or empty; anything but a whole number is a usage error. */
export function lockWait(ctx: Context): number {
  const value = ctx.io.env.PLAN_LOCK_WAIT_MS;
  if (value === undefined || value === '') return LOCK_WAIT_MS;
  if (!/^\d{1,9}$/.test(value.trim())) throw new PlanError(ctx.msg.badLockWait(value));
  return Number(value.trim());
}

interface EditedFile {
  file: SourceFile;
  updated: string;
  reparsed: SourceFile;
  diagnostics: Diagnostic[];
}

/** Each changed file's new text, every change to one file applied to one document in order. */
function editedFiles(batch: EditBatch, ctx: Context): EditedFile[] {
  const byFile = new Map<SourceFile, ((doc: Document) => void)[]>();
  for (const { file, change } of batch.changes) byFile.set(file, [...(byFile.get(file) ?? []), change]);
  return [...byFile].map(([file, changes]) => {
    const doc = documentOf(file);
    refuseAliases(doc, file, ctx);
    // Written before the changes, from the document as check reads it (known tags unresolved: a
    // resolved !!binary would be re-folded, and fails at lineWidth 0).
    const canonical = stringifyLike(doc, file.text);
    for (const change of changes) change(doc);
    // Lines the serialiser writes end in \n; a file saved with CRLF keeps CRLF throughout.
    const updated = keepLineEnds(file.text, editedText(file.text, canonical, doc));
    const { file: reparsed, diagnostics } = parseSource(file.path, file.absolutePath, file.kind, updated, ctx.msg);
    return { file, updated, reparsed, diagnostics };
  });
}

/**
 * An edit never writes through a YAML alias: a value shared by `&anchor` and `*alias` would change
 * in every place that names it (a completion recorded under two tasks), so a file with aliases is
 * not edited; its shared values are to be written out first.
 */
function refuseAliases(doc: Document, file: SourceFile, ctx: Context): void {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  if (offset === undefined) return;
  const { line } = linePosition(file, offset);
  throw new PlanError(ctx.msg.editThroughAlias(`${file.path}:${line}`), EXIT.dataProblems);
}

/**
 * Writes each file atomically, the journal of the whole edit written first (see journal.ts) so that
 * a kill between two files is undone by the next run. Should a later write fail (disk full), the
 * files already written get their old text back at once: an edit lands whole or not at all.
 */
async function writeAll(dataDir: string, edited: readonly EditedFile[], writable: Parameters<typeof writeDataFile>[2]): Promise<void> {
  // A byte-order mark the file had (Windows editors write one) is written back.
  const bytes = edited.map((e) => ({ e, old: e.file.bom ? `\uFEFF${e.file.text}` : e.file.text, updated: e.file.bom ? `\uFEFF${e.updated}` : e.updated }));
  // One file is replaced by one rename, whole already; several need the journal.
  const journaled = bytes.length > 1;
  if (journaled) await writeJournal(dataDir, bytes.map(({ e, old, updated }) => ({ absolutePath: e.file.absolutePath, old, updated })));
  const written: typeof bytes = [];
  try {
    for (const b of bytes) {
      await writeDataFile(b.e.file.absolutePath, b.updated, writable);
      written.push(b);
    }
  } catch (error) {
    let undone = true;
    for (const b of written.reverse()) {
      await writeDataFile(b.e.file.absolutePath, b.old, writable).catch(() => (undone = false));
    }
    // Left in place when a file could not be put back: the next run tries again.
    if (journaled && undone) await removeJournal(dataDir).catch(() => undefined);
    throw error;
  }
  if (journaled) await removeJournal(dataDir);
}

/**
 * An edit cut short (killed between two files) left its journal: its files are put back as they
 * were before anything is read. The caller holds the edit lock.
 */
export async function undoInterruptedEdit(ctx: Context, writable: readonly string[]): Promise<void> {
  await removeStaleTemporaries(writable);
  const result = await recoverJournal(ctx.dataDir, writable);
  if (result === undefined) return;
  const journal = shownPath(ctx.io.cwd, join(ctx.dataDir, JOURNAL_NAME));
  if ('refused' in result) throw new PlanError(result.refused === 'changed' ? ctx.msg.journalChanged(journal, result.file) : ctx.msg.journalUnreadable(journal));
  ctx.io.stderr(`plan: ${ctx.msg.journalUndone(result.started, result.restored)}\n`);
}

/** For commands that only read: undoes an interrupted edit under the edit lock, when its journal is there. */
export async function undoInterruptedEditBeforeReading(ctx: Context): Promise<void> {
  if (!hasJournal(ctx.dataDir)) return;
  const folders = await editFolders(ctx.dataDir);
  const release = await takeLocks(ctx, folders.locks);
  try {
    await undoInterruptedEdit(ctx, folders.writable);
  } finally {
    await release();
  }
}

async function takeLocks(ctx: Context, locks: readonly string[]): Promise<() => Promise<void>> {
  try {
    return await acquireLocks(locks, lockWait(ctx));
  } catch (error) {
    if (error instanceof LockBusyError) throw new PlanError(ctx.msg.beingEdited(error.holder?.pid, error.holder?.since, shownPath(ctx.io.cwd, error.lockPath)));
    if (error instanceof LockNotFileError) throw new PlanError(ctx.msg.lockNotFile(shownPath(ctx.io.cwd, error.lockPath)));
    throw error;
  }
}

/** The edited text with the original's line ends: CRLF everywhere if the original used CRLF. */
function keepLineEnds(original: string, updated: string): string {
  const crlf = original.split('\r\n').length - 1;
  const lf = original.split('\n').length - 1;
  return crlf > 0 && crlf * 2 >= lf ? updated.replace(/\r?\n/g, '\r\n') : updated;
}
