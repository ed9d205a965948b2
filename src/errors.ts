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
