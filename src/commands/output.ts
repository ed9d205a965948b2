import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { writeOutFile } from '../edit/write-file.js';
import { errorCode, EXIT, PlanError, type ExitCode } from '../errors.js';

/** `--out -` is standard output, as for most tools that write files; /dev/stdout may be a socket, which cannot be opened. */
export function outFile(out: string | undefined): string | undefined {
  return out === '-' || out === '/dev/stdout' ? undefined : out;
}

/**
 * A binary file (Word, Excel) is refused before any work when it would go to a terminal, where it
 * would print as garbage and could drive the terminal: a usage error, exit 2.
 */
export function refuseBinaryToTerminal(ctx: Context, format: string, out: string | undefined): void {
  if (outFile(out) === undefined && ctx.io.isTTY) throw new PlanError(ctx.msg.binaryToTerminal(format));
}

/** Writes a command's output to standard output, or to `out` (never over an existing file without `force`). */
export async function writeOutput(ctx: Context, content: string | Uint8Array, out: string | undefined, force: boolean): Promise<ExitCode> {
  const file = outFile(out);
  if (file === undefined) {
    if (typeof content === 'string') ctx.io.stdout(content);
    else if (ctx.io.stdoutBytes) ctx.io.stdoutBytes(content);
    else throw new Error('this output has no binary channel');
    return EXIT.ok;
  }
  try {
    await writeOutFile(resolve(ctx.io.cwd, file), content, { overwrite: force });
  } catch (error) {
    if (errorCode(error) === 'EEXIST') throw new PlanError(ctx.msg.outExists(file));
    throw error;
  }
  ctx.io.stderr(ctx.msg.wrote(file) + '\n');
  return EXIT.ok;
}
