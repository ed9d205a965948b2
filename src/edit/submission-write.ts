import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from '../context.js';
import { PlanError, shownPath } from '../errors.js';
import { SUBMITTED_DIR } from '../load/read-folder.js';
import { submissionFiles } from '../load/submitted.js';
import { acquireLock, LockBusyError } from './lock.js';
import { lockWait } from './session.js';
import { writeOutFile } from './write-file.js';

/**
 * Keeps a report as submitted: its text and its JSON (figures, snapshot, digests) under
 * submitted/ in the data folder, written atomically under the folder's lock. A month already
 * submitted is replaced only with `replace` (--force). The JSON is written last: a submission
 * counts once both files are there.
 */
export async function saveSubmission(ctx: Context, month: string, text: string, json: string, replace: boolean): Promise<void> {
  let release: () => Promise<void>;
  try {
    release = await acquireLock(ctx.dataDir, lockWait(ctx));
  } catch (error) {
    if (error instanceof LockBusyError) throw new PlanError(ctx.msg.beingEdited(error.holder?.pid, error.holder?.since, shownPath(ctx.io.cwd, error.lockPath)));
    throw error;
  }
  try {
    const files = submissionFiles(month);
    if (!replace && (existsSync(join(ctx.dataDir, files.json)) || existsSync(join(ctx.dataDir, files.text)))) throw new PlanError(ctx.msg.alreadySubmitted(month));
    mkdirSync(join(ctx.dataDir, SUBMITTED_DIR), { recursive: true });
    await writeOutFile(join(ctx.dataDir, files.text), text, { overwrite: true });
    await writeOutFile(join(ctx.dataDir, files.json), json, { overwrite: true });
  } finally {
    await release();
  }
}
