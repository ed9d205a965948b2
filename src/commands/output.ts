import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
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
 * would print as garbage and could drive the terminal: a usage error, exit 2. That is standard
 * output when it is a terminal, or an --out path that is one (/dev/tty, /dev/pts/N).
 */
export async function refuseBinaryToTerminal(ctx: Context, format: string, out: string | undefined): Promise<void> {
  const file = outFile(out);
  const terminal = file === undefined ? ctx.io.isTTY : await isTerminal(resolve(ctx.io.cwd, file));
  if (terminal) throw new PlanError(ctx.msg.binaryToTerminal(format));
}

/** Whether a path is a terminal device; anything that cannot be checked is left to the write to report. */
async function isTerminal(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isCharacterDevice()) return false;
  const handle = await open(path, constants.O_WRONLY | constants.O_NOCTTY | constants.O_NONBLOCK).catch(() => undefined);
  if (handle === undefined) return false;
  try {
    // Loaded here: Node's tty module loads its network streams, which no other report or export needs.
    return process.getBuiltinModule('node:tty').isatty(handle.fd);
  } finally {
    await handle.close();
  }
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
