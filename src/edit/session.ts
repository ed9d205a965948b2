import { relative } from 'node:path';
import type { Document } from 'yaml';
import type { Context } from '../context.js';
import { EXIT, PlanError, shownPath, type ExitCode } from '../errors.js';
import { loadFolder, type LoadedFolder } from '../load/load-folder.js';
import { parseSource } from '../load/parse.js';
import { documentOf, type SourceFile } from '../load/source-file.js';
import { buildPlan, type Plan } from '../model/plan.js';
import { renderDiagnosticsText } from '../render/diagnostics.js';
import { visible, visibleLines } from '../render/visible.js';
import { countBySeverity, validateFolder } from '../validate/index.js';
import { unifiedDiff } from './diff.js';
import { editFolders } from './folders.js';
import { acquireLocks, LockBusyError, LockNotFileError } from './lock.js';
import { writeDataFile } from './write-file.js';
import { editedText } from './yaml-edit.js';

/** How long an edit waits for another `plan` process editing the same folder (PLAN_LOCK_WAIT_MS overrides). */
const LOCK_WAIT_MS = 15_000;

/** One change to one file, described by the command that wants it. */
export interface EditRequest {
  file: SourceFile;
  change: (doc: Document) => void;
  /** One line saying what was recorded. */
  summary: string;
}

/**
 * The one way data is changed: under the folder's lock, load and validate the data as it is now,
 * apply the change to the YAML document (comments and layout kept), validate the result, then
 * write it atomically — or, with --dry-run, print the diff and write nothing. An edit that would
 * leave the data invalid is refused and the file is left untouched.
 */
export async function runEdit(ctx: Context, dryRun: boolean, prepare: (plan: Plan, loaded: LoadedFolder) => EditRequest): Promise<ExitCode> {
  const waitMs = lockWait(ctx);
  const folders = await editFolders(ctx.dataDir);
  let release: (() => Promise<void>) | undefined;
  try {
    if (!dryRun) release = await acquireLocks(folders.locks, waitMs);
  } catch (error) {
    if (error instanceof LockBusyError) throw new PlanError(ctx.msg.beingEdited(error.holder?.pid, error.holder?.since, shownPath(ctx.io.cwd, error.lockPath)));
    if (error instanceof LockNotFileError) throw new PlanError(ctx.msg.lockNotFile(shownPath(ctx.io.cwd, error.lockPath)));
    throw error;
  }
  try {
    const shown = relative(ctx.io.cwd, ctx.dataDir) || '.';
    const loaded = loadFolder(ctx.dataDir, ctx.msg, shown);
    if (countBySeverity(validateFolder(loaded, ctx.msg, { warnings: false })).errors > 0) throw new PlanError(ctx.msg.fixBeforeEdit, EXIT.dataProblems);
    const request = prepare(buildPlan(loaded.files), loaded);
    const original = request.file.text;
    const doc = documentOf(request.file);
    request.change(doc);
    // Lines the serialiser writes end in \n; a file saved with CRLF keeps CRLF throughout.
    const updated = keepLineEnds(original, editedText(original, doc));

    const reparsed = parseSource(request.file.path, request.file.absolutePath, request.file.kind, updated, ctx.msg);
    const files = loaded.files.map((f) => (f === request.file ? reparsed.file : f));
    const problems = [...reparsed.diagnostics, ...validateFolder({ ...loaded, files }, ctx.msg, { warnings: false })].filter((d) => d.severity === 'error');
    if (problems.length > 0) {
      ctx.io.stderr(renderDiagnosticsText(problems, files.length, ctx.msg, ctx.colors));
      throw new PlanError(ctx.msg.editRefused, EXIT.dataProblems);
    }
    const diff = unifiedDiff(request.file.path, original, updated);
    if (dryRun) {
      ctx.io.stdout(visibleLines(diff));
      return EXIT.ok;
    }
    // A byte-order mark the file had (Windows editors write one) is written back.
    const bytes = request.file.bom ? `\uFEFF${updated}` : updated;
    if (updated !== original) await writeDataFile(request.file.absolutePath, bytes, folders.writable);
    ctx.io.stdout(`${visible(request.summary)}\n`);
    return EXIT.ok;
  } finally {
    await release?.();
  }
}

/** PLAN_LOCK_WAIT_MS, or the default when it is unset or empty; anything but a whole number is a usage error. */
function lockWait(ctx: Context): number {
  const value = ctx.io.env.PLAN_LOCK_WAIT_MS;
  if (value === undefined || value === '') return LOCK_WAIT_MS;
  if (!/^\d{1,9}$/.test(value.trim())) throw new PlanError(ctx.msg.badLockWait(value));
  return Number(value.trim());
}

/** The edited text with the original's line ends: CRLF everywhere if the original used CRLF. */
function keepLineEnds(original: string, updated: string): string {
  const crlf = original.split('\r\n').length - 1;
  const lf = original.split('\n').length - 1;
  return crlf > 0 && crlf * 2 >= lf ? updated.replace(/\r?\n/g, '\r\n') : updated;
}
