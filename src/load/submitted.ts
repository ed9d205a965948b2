import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Submission } from '../compute/submission.js';
import type { Messages } from '../i18n/index.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { fileLevel, MAX_FILE_MB, readInputFile, shownFile, SUBMITTED_DIR } from './read-folder.js';

/** A submitted report as stored: the text as sent, and its figures (`stored` is the JSON file's content). */
export interface StoredSubmission {
  submission: Submission;
  text: string;
  /** The report's `--format json` as submitted. */
  report: unknown;
}

/** The two files of a month's submission, relative to the data folder. */
export function submissionFiles(month: string): { json: string; text: string } {
  return { json: `${SUBMITTED_DIR}/${month}.json`, text: `${SUBMITTED_DIR}/${month}.txt` };
}

/** Loaded when used: Node's crypto module takes longer to load than a cached report takes to compute. */
export function sha256(text: string): string {
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The JSON file of a submission: the month, dates and settings, the digest of the text file, the
 * snapshot and the report's JSON, then the digest of everything before it, which plan check recomputes.
 */
export function submissionJson(submission: Submission, text: string, reportJson: string): string {
  const body = {
    month: submission.month,
    as_of: submission.asOf,
    submitted_on: submission.submittedOn,
    soon_days: submission.soonDays,
    text_sha256: sha256(text),
    figures: submission.figures,
    items: submission.items.map((i) => ({ id: i.id, title: i.title, state: i.state, due: i.due, completed: i.completed, count: i.count, task_status: i.taskStatus, reason: i.reason, since: i.since })),
    report: JSON.parse(reportJson) as unknown,
  };
  return JSON.stringify({ ...body, sha256: sha256(JSON.stringify(body)) }, null, 2) + '\n';
}

/** The month's submission, if there is one. A damaged one is an error to fix, as plan check says. */
export function readSubmission(dataDir: string, month: string): StoredSubmission | 'damaged' | undefined {
  const files = submissionFiles(month);
  if (!existsSync(join(dataDir, files.json))) return undefined;
  const verified = verify(dataDir, files.json, files.text);
  return typeof verified === 'string' ? 'damaged' : verified;
}

/** Rule submitted-report: every submission whole and as it was written (its digests match). */
export function submissionDiagnostics(dataDir: string, shownDir: string, msg: Messages): Diagnostic[] {
  let names: string[];
  try {
    names = readdirSync(join(dataDir, SUBMITTED_DIR)).sort();
  } catch {
    return [];
  }
  const show = (path: string) => shownFile(shownDir, path);
  const out: Diagnostic[] = [];
  const months = new Set(names.filter((n) => /^\d{4}-\d{2}\.(json|txt)$/.test(n)).map((n) => n.slice(0, 7)));
  for (const name of names) {
    if (!name.startsWith('.') && !/^\d{4}-\d{2}\.(json|txt)$/.test(name)) out.push({ ...fileLevel(show(`${SUBMITTED_DIR}/${name}`), 'unknown-file', msg.unknownFile(`${SUBMITTED_DIR}/${name}`)), severity: 'warning' });
  }
  for (const month of months) {
    const files = submissionFiles(month);
    const problem = verify(dataDir, files.json, files.text);
    if (typeof problem === 'string') {
      const file = problem === 'text' || problem === 'missing-text' ? files.text : files.json;
      out.push(fileLevel(show(file), 'submitted-report', msg.submissionAltered(show(file), problem.startsWith('missing') ? 'missing' : 'changed')));
    }
  }
  return out;
}

/** The submission, or which of its files is missing or no longer as it was written. */
function verify(dataDir: string, jsonFile: string, textFile: string): StoredSubmission | 'missing-json' | 'missing-text' | 'json' | 'text' {
  const raw = readIfThere(join(dataDir, jsonFile));
  const text = readIfThere(join(dataDir, textFile));
  if (raw === undefined) return 'missing-json';
  if (text === undefined) return 'missing-text';
  let stored: Record<string, unknown>;
  try {
    stored = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return 'json';
  }
  const { sha256: digest, ...body } = stored;
  if (typeof digest !== 'string' || digest !== sha256(JSON.stringify(body))) return 'json';
  if (body.text_sha256 !== sha256(text)) return 'text';
  return { submission: submissionOf(body), text, report: body.report };
}

/** The stored fields back in the program's own names. */
function submissionOf(body: Record<string, unknown>): Submission {
  type StoredItem = { id: string; title: string; state: Submission['items'][number]['state']; due: string; completed: string | null; count: number; task_status: Submission['items'][number]['taskStatus']; reason: string | null; since: string | null };
  return {
    month: body.month as string,
    asOf: body.as_of as string,
    submittedOn: body.submitted_on as string,
    soonDays: body.soon_days as number,
    figures: body.figures as Submission['figures'],
    items: (body.items as StoredItem[]).map((i) => ({ id: i.id, title: i.title, state: i.state, due: i.due, completed: i.completed, count: i.count, taskStatus: i.task_status, reason: i.reason, since: i.since })),
  };
}

/** A file's text, if it is a regular file of a sane size (a FIFO planted there must not hang a run). */
function readIfThere(path: string): string | undefined {
  const read = readInputFile(path, MAX_FILE_MB * 1024 * 1024);
  return 'bytes' in read ? read.bytes.toString('utf8') : undefined;
}
