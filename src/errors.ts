import { isAbsolute, relative } from 'node:path';
import { visible } from './render/visible.js';

/** Exit codes, decided here and nowhere else: 0 fine, 1 the data has problems, 2 usage or I/O trouble. */
export const EXIT = { ok: 0, dataProblems: 1, trouble: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the user can act on: shown as one line, never with a stack trace (unless --debug). */
export class PlanError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.trouble,
  ) {
    // Messages quote names from the data and from the command line: never let them drive the terminal.
    super(visible(message));
    this.name = 'PlanError';
  }
}

/** What was being done to a file when it failed; each has its own words in the catalogs. */
export type IoOperation = 'read' | 'write' | 'createTemp' | 'replace' | 'lock' | 'stdout';

/**
 * A file-system failure, raised where it happens with the path and the operation, and printed at the
 * top as one line (exit 2). `code` is the errno code, or one of ours: NOT_REGULAR, READ_ONLY, OUTSIDE.
 */
export class IoError extends Error {
  constructor(
    readonly operation: IoOperation,
    readonly path: string,
    readonly code: string,
  ) {
    super(`${operation} ${path}: ${code}`);
    this.name = 'IoError';
  }
}

/** The errno code of a Node error, or its text. */
export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
}

/** A path as shown in a message: relative to the working folder when inside it, else as it is. */
export function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
