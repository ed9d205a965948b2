import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import type { Context } from '../context.js';
import { undoInterruptedEdit } from './shared.js';
import { errorCode, EXIT, PlanError, shownPath, type ExitCode } from '../errors.js';
import { changedFilesSince } from '../load/changed-files.js';
import { loadFolder } from '../load/load-folder.js';
import { submissionDiagnostics } from '../load/submitted.js';
import {
  renderDiagnosticsGithub,
  renderDiagnosticsJson,
  renderDiagnosticsText,
  summaryLine,
  type DiagnosticFormat,
  type Hidden,
} from '../render/diagnostics.js';
import { renderDiagnosticsSarif } from '../render/sarif.js';
import { renderStepSummary } from '../render/step-summary.js';
import { makeColors } from '../render/color.js';
import { checkFolder, countBySeverity, type Diagnostic } from '../validate/index.js';

export interface CheckOptions {
  format: DiagnosticFormat;
  strict: boolean;
  quiet?: boolean;
  allWarnings?: boolean;
  changed?: string;
  onlyChanged?: boolean;
}

/** `plan check`: validate the whole folder; exit 1 on errors (or on warnings under --strict). */
export async function check(ctx: Context, options: CheckOptions): Promise<ExitCode> {
  if (options.onlyChanged && options.changed === undefined) throw new PlanError(ctx.msg.onlyChangedNeedsRef);
  const changed = options.changed === undefined ? undefined : changedFiles(ctx, options.changed);
  await undoInterruptedEdit(ctx);
  const shownDir = relative(ctx.io.cwd, ctx.dataDir) || '.';
  const loaded = loadFolder(ctx.dataDir, ctx.msg, shownDir);
  loaded.diagnostics.push(...submissionDiagnostics(ctx.dataDir, shownDir, ctx.msg));
  const { diagnostics: all, off } = checkFolder(loaded, ctx.msg);
  const { shown, hidden } = selectShown(all, off, options, changed);
  const fileCount = loaded.files.length;

  const summaryFile = ctx.io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) {
    const summary = summaryLine(shown, fileCount, hidden, ctx.msg, makeColors({ color: false, isTTY: false, env: {} }));
    // The job summary is a courtesy: a path that cannot be written is said once, and the check goes on.
    try {
      appendFileSync(summaryFile, renderStepSummary(shown, summary, ctx.msg));
    } catch (error) {
      ctx.io.stderr(`plan: ${ctx.msg.summaryNotWritten(shownPath(ctx.io.cwd, summaryFile), ctx.msg.ioReason(errorCode(error)))}\n`);
    }
  }
  if (options.format === 'json') ctx.io.stdout(renderDiagnosticsJson(shown));
  else if (options.format === 'sarif') ctx.io.stdout(renderDiagnosticsSarif(shown, packageJson.version));
  else if (options.format === 'github') ctx.io.stdout(renderDiagnosticsGithub(bySeverity(shown), ctx.msg, Boolean(summaryFile)));
  else ctx.io.stdout(renderDiagnosticsText(shown, fileCount, ctx.msg, ctx.colors, hidden, { allWarnings: options.allWarnings ?? false }));

  // Hidden or not, the data has what it has: --strict fails on warnings --quiet did not print.
  const { errors, warnings } = countBySeverity(all);
  return errors > 0 || (options.strict && warnings > 0) ? EXIT.dataProblems : EXIT.ok;
}

function changedFiles(ctx: Context, ref: string): Set<string> {
  try {
    return changedFilesSince(ref, ctx.io.cwd);
  } catch (error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    const reason = (typeof stderr === 'string' && stderr.trim().split('\n')[0]) || (error as Error).message;
    throw new PlanError(ctx.msg.gitChangedFailed(ref, reason));
  }
}

/** What is printed, in order (changed files first, under --changed), and how much was left out. */
function selectShown(all: Diagnostic[], off: number, options: CheckOptions, changed: Set<string> | undefined): { shown: Diagnostic[]; hidden: Hidden } {
  let shown = all;
  const hidden: Hidden = { quiet: 0, off, unchanged: 0 };
  if (options.quiet) {
    shown = shown.filter((d) => d.severity === 'error');
    hidden.quiet = all.length - shown.length;
  }
  if (changed) {
    const inChanged = shown.filter((d) => changed.has(d.file));
    const elsewhere = shown.filter((d) => !changed.has(d.file));
    shown = options.onlyChanged ? inChanged : [...inChanged, ...elsewhere];
    if (options.onlyChanged) hidden.unchanged = elsewhere.length;
  }
  return { shown, hidden };
}

/** Errors before warnings, each in the order given: GitHub caps annotations per severity. */
function bySeverity(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics.filter((d) => d.severity === 'error'), ...diagnostics.filter((d) => d.severity === 'warning')];
}
