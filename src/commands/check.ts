import { relative } from 'node:path';
import type { Context } from '../context.js';
import { EXIT, type ExitCode } from '../errors.js';
import { loadFolder } from '../load/load-folder.js';
import { renderDiagnosticsGithub, renderDiagnosticsJson, renderDiagnosticsText, type DiagnosticFormat } from '../render/diagnostics.js';
import { countBySeverity, validateFolder } from '../validate/index.js';

export interface CheckOptions {
  format: DiagnosticFormat;
  strict: boolean;
}

/** `plan check`: validate the whole folder; exit 1 on errors (or on warnings under --strict). */
export async function check(ctx: Context, options: CheckOptions): Promise<ExitCode> {
  const loaded = loadFolder(ctx.dataDir, ctx.msg, relative(ctx.io.cwd, ctx.dataDir) || '.');
  const diagnostics = validateFolder(loaded, ctx.msg);
  const fileCount = loaded.files.length;
  if (options.format === 'json') ctx.io.stdout(renderDiagnosticsJson(diagnostics));
  else if (options.format === 'github') ctx.io.stdout(renderDiagnosticsGithub(diagnostics));
  else ctx.io.stdout(renderDiagnosticsText(diagnostics, fileCount, ctx.msg, ctx.colors));
  const { errors, warnings } = countBySeverity(diagnostics);
  return errors > 0 || (options.strict && warnings > 0) ? EXIT.dataProblems : EXIT.ok;
}
