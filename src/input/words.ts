// Words a clerk types where the program has a code: states, "nobody", domains. Both the codes and
// the Chinese (and English) labels the program prints are accepted, so what is read can be typed.
import type { ItemState } from '../compute/items.js';
import { UNASSIGNED } from '../compute/filter.js';
import { en } from '../i18n/en.js';
import { zh } from '../i18n/zh.js';
import type { Domain, TaskStatus } from '../model/plan.js';

const STATES: readonly ItemState[] = ['done_on_time', 'done_late', 'overdue', 'due_soon', 'open', 'blocked', 'cancelled', 'before_notice'];
const DONE: ItemState[] = ['done_on_time', 'done_late'];
const LATE: ItemState[] = ['overdue', 'done_late'];
const TODO: ItemState[] = ['overdue', 'due_soon', 'open'];

/** What a --status word selects: item states, and task statuses (进行中 is a task's, not a date's). */
export interface StateSelection {
  states: ItemState[];
  taskStatuses: TaskStatus[];
}

/** Every word by what it selects; built when first asked for, so that a run reads the catalogs of both languages only when it parses --status. */
let words: Record<string, StateSelection> | undefined;
const stateWords = (): Record<string, StateSelection> => (words ??= buildWords());

function buildWords(): Record<string, StateSelection> {
  const words: Record<string, StateSelection> = {};
  const add = (word: string, states: ItemState[], taskStatuses: TaskStatus[] = []) => (words[word.toLowerCase()] = { states, taskStatuses });
  for (const state of STATES) for (const word of [state, en.state[state]!, zh.state[state]!]) add(word, [state]);
  for (const word of ['done', '完成', '已完成']) add(word, DONE);
  for (const word of ['late', '延误']) add(word, LATE);
  for (const word of ['todo', '未完成']) add(word, TODO);
  for (const word of ['doing', '进行中', '在办']) add(word, [], ['doing']);
  add('取消', ['cancelled']);
  add('到期', ['due_soon']);
  return words;
}

/** The codes --status accepts, for its error message. */
export const STATE_CODES = ['done', 'late', 'todo', 'doing', ...STATES];
/** The Chinese words --status accepts, for its error message. */
export const STATE_WORDS_ZH = ['逾期', '即将到期', '未到期', '受阻', '已取消', '已完成', '按期完成', '逾期完成', '未完成', '进行中', '延误', '通知前'];

/** The states a --status value names (words separated by commas or 、); or the first unknown word. */
export function parseStateWords(value: string): { ok: true; selection: StateSelection } | { ok: false; word: string } {
  const selection: StateSelection = { states: [], taskStatuses: [] };
  for (const word of value.split(/[,，、]/).map((w) => w.trim()).filter(Boolean)) {
    const found = stateWords()[word.toLowerCase()];
    if (!found) return { ok: false, word };
    selection.states.push(...found.states.filter((s) => !selection.states.includes(s)));
    selection.taskStatuses.push(...found.taskStatuses.filter((s) => !selection.taskStatuses.includes(s)));
  }
  return { ok: true, selection };
}

/** Words for "nobody answers for it": the code, and the label the reports print (built when first asked for, as the state words). */
let nobody: Set<string> | undefined;

/** The owner name as the filters take it: "unassigned" for any word meaning nobody. */
export function ownerName(name: string): string {
  nobody ??= new Set([UNASSIGNED, en.unassigned, zh.unassigned, '无', '无人']);
  return nobody.has(name.trim().toLowerCase()) ? UNASSIGNED : name;
}

/**
 * The domains a --domain value names: its id (any case), its title, its number (4 is
 * domains/04-xx.yaml), or a part of its title that only it has (工贸). More than one means ambiguous.
 */
export function matchDomains(domains: readonly Domain[], query: string): Domain[] {
  const q = query.trim();
  const exact = domains.filter((d) => d.id.toLowerCase() === q.toLowerCase() || d.title === q);
  if (exact.length > 0) return exact;
  if (/^\d{1,2}$/.test(q)) return domains.filter((d, i) => domainNumber(d, i) === Number(q));
  return q === '' ? [] : domains.filter((d) => d.title.includes(q));
}

/** A domain's number: from its file name (domains/04-gm.yaml), else its place in the plan. */
function domainNumber(domain: Domain, index: number): number {
  const match = /(?:^|\/)(\d+)-[^/]*$/.exec(domain.file);
  return match ? Number(match[1]) : index + 1;
}
