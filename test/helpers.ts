import { cpSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli.js';
import type { Messages } from '../src/i18n/index.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

type CliOptions = { cwd?: string; env?: NodeJS.ProcessEnv; isTTY?: boolean; columns?: number; now?: Date };

/** Runs the CLI in-process, the way the binary would, with fixed I/O. */
export async function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const { bytes: _, ...result } = await runCliWithBytes(args, options);
  return result;
}

/** runCli, with what was written to standard output as bytes (Word and Excel files) as well. */
export async function runCliWithBytes(args: string[], options: CliOptions = {}): Promise<CliResult & { bytes: Buffer }> {
  let stdout = '';
  let stderr = '';
  const chunks: Uint8Array[] = [];
  const code = await main(args, {
    stdout: (text) => void (stdout += text),
    stdoutBytes: (bytes) => void chunks.push(bytes),
    stderr: (text) => void (stderr += text),
    env: options.env ?? { LANG: 'en_US.UTF-8' },
    cwd: options.cwd ?? ROOT,
    isTTY: options.isTTY ?? false,
    columns: options.columns,
    now: () => options.now ?? new Date('2022-06-30T04:00:00Z'),
  });
  return { code, stdout, stderr, bytes: Buffer.concat(chunks) };
}

/**
 * Copies test/fixtures/base into a fresh temporary folder as `data/`, then lays the files of
 * test/fixtures/<overlay> over it (a `.remove` file there lists base files to delete).
 * Returns the temporary folder, to be used as cwd.
 */
export function fixtureFolder(overlay?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'plan-test-'));
  const data = join(root, 'data');
  cpSync(join(FIXTURES, 'base'), data, { recursive: true });
  if (overlay) {
    const source = join(FIXTURES, overlay);
    cpSync(source, data, { recursive: true, filter: (path) => !path.endsWith('.remove') });
    const removals = join(source, '.remove');
    if (existsSync(removals)) {
      for (const name of readFileSync(removals, 'utf8').split('\n').filter(Boolean)) rmSync(join(data, name), { recursive: true });
    }
  }
  return root;
}

/** The monthly report's figures in its JSON, as far as its section headings use them. */
export interface MonthlyHeadingFigures {
  completed: number;
  fell_overdue: number;
  still_overdue: number;
  blocked: number;
  in_progress: number;
  due_rest_of_month: number;
  due_next_month: number;
}

/** The section headings of a monthly report, in order, worded by the catalog with the report's JSON figures. */
export function monthlyHeadings(m: Messages['monthly'], f: MonthlyHeadingFigures): string[] {
  return [
    m.summary,
    m.completed(f.completed),
    m.fellOverdue(f.fell_overdue),
    m.stillOverdue(f.still_overdue),
    m.blocked(f.blocked),
    m.inProgress(f.in_progress),
    m.dueRest(f.due_rest_of_month),
    m.dueNext(f.due_next_month),
    m.owners,
    m.standardization,
    m.targets,
    m.notes,
  ];
}

/** One diagnostic as `plan check --format json` prints it. */
export interface CheckRow {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
}

/** `plan check --format json` in a folder: its exit code, diagnostics and standard error. */
export async function checkJson(cwd: string, ...extra: string[]): Promise<{ code: number; rows: CheckRow[]; stderr: string }> {
  const result = await runCli(['check', '--format', 'json', ...extra], { cwd });
  return { code: result.code, rows: JSON.parse(result.stdout) as CheckRow[], stderr: result.stderr };
}
