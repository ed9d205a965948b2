import type { Gap, ItemAt, Rate } from '../compute/items.js';
import { responsibleOf } from '../compute/items.js';
import type { TargetAt } from '../compute/targets.js';
import type { Messages } from '../i18n/index.js';
import type { Colors } from './color.js';
import { visible } from './text.js';

/** 45% (9/20), or — (0/0) when there is nothing to divide by: a rate is never shown bare. */
export function formatRate(rate: Rate, msg: Messages): string {
  const percent = rate.value === null ? msg.none : `${Math.round(rate.value * 100)}%`;
  return `${percent} (${rate.numerator}/${rate.denominator})`;
}

/** Who answers for an item, or "unassigned". */
export function formatOwners(item: Pick<ItemAt, 'owners' | 'leaders' | 'units'>, msg: Messages): string {
  const names = responsibleOf(item);
  return names.length > 0 ? visible(names.join('、')) : msg.unassigned;
}

/** An item's title as shown in lists beside its id, which already names an occurrence's period; counts carry their progress (1/2). */
export function formatItemTitle(item: Pick<ItemAt, 'title'> & Partial<Pick<ItemAt, 'count' | 'required'>>): string {
  return visible(item.required !== undefined && item.required > 1 ? `${item.title} ${item.count ?? 0}/${item.required}` : item.title);
}

/** The item's state, coloured: overdue red, due soon yellow, done green. */
export function formatState(item: Pick<ItemAt, 'state'>, msg: Messages, c: Colors): string {
  const label = msg.state[item.state]!;
  switch (item.state) {
    case 'overdue':
      return c.red(label);
    case 'due_soon':
      return c.yellow(label);
    case 'done_on_time':
    case 'done_late':
      return c.green(label);
    default:
      return label;
  }
}

export function formatTargetGoal(target: TargetAt, msg: Messages): string {
  const value = target.value === null ? '' : `${target.value}${target.unit}`;
  return msg.direction[target.direction]!(value);
}

/** A target's figure: the latest with its date, or for a per-unit target how many units reached it (达成 3/28 镇街). */
export function formatTargetFigure(target: TargetAt, msg: Messages): string {
  const date = target.actualDate === null ? '' : ` (${target.actualDate})`;
  if (target.perUnit !== null) return `${msg.perUnitRollup(target.perUnit.met, target.perUnit.total, target.perUnit.of)}${date}`;
  return target.actual === null ? msg.none : `${target.actual}${visible(target.unit)}${date}`;
}

/** A target's title, and the target it is the same as (同 GM-T3). */
export function formatTargetTitle(target: TargetAt, msg: Messages): string {
  return visible(target.title) + (target.sameAs === null ? '' : msg.sameAsSuffix(target.sameAs));
}

export function formatDue(item: Pick<ItemAt, 'due' | 'dueStated'>): string {
  return item.dueStated ? item.due : `${item.due}*`;
}

/**
 * Why some occurrences or deadlines cannot be counted, a line each: a duty repeating within an
 * undated season, then per undated season the tasks whose deadline waits for its dates. The
 * terminal's lines say which command dates a season (`hints`); a report for leaders never holds a
 * command line: the report command says it on standard error instead (see undatedSeasons).
 */
export function gapLines(gaps: readonly Gap[], periodEnd: string, msg: Messages, hints: boolean): string[] {
  const lines = gaps.filter((g) => g.reason === 'season-dates-missing').map((g) => msg.gapLine(g.taskId, visible(g.title), visible(g.season)));
  const waiting = gaps.filter((g) => g.reason === 'season-deadline-undated');
  for (const season of new Set(waiting.map((g) => g.season))) {
    lines.push(msg.seasonDeadlineGap(visible(season), waiting.filter((g) => g.season === season).map((g) => g.taskId), periodEnd, hints));
  }
  return lines;
}

/** The seasons whose missing dates hold back a deadline: the clerk's next step after a report. */
export function undatedSeasons(gaps: readonly Gap[]): string[] {
  return [...new Set(gaps.filter((g) => g.reason === 'season-deadline-undated').map((g) => g.season))];
}
