import type { Context } from '../context.js';
import { fileOfKind } from '../edit/address.js';
import { runEdit } from '../edit/session.js';
import { deleteKey, mapAt, setKey } from '../edit/yaml-edit.js';
import { PlanError, type ExitCode } from '../errors.js';
import { seasonNamed } from '../model/seasons.js';
import { closest, dateOption } from './shared.js';

const SEASON_ORDER = ['name', 'from', 'to'];

export interface SeasonOptions {
  from?: string;
  to?: string;
  /** Take the season's dates away (a new year's plan, or dates entered by mistake). */
  clear?: boolean;
  dryRun: boolean;
}

/**
 * `plan season NAME --from D --to D`: records the dates the district set for a season of plan.yaml,
 * like any other edit (under the lock, the whole folder checked, comments kept, written atomically).
 */
export function season(ctx: Context, name: string, options: SeasonOptions): Promise<ExitCode> {
  return runEdit(ctx, options.dryRun, (plan, loaded) => {
    const found = seasonNamed(plan.seasons, name);
    if (found === undefined) throw new PlanError(ctx.msg.unknownSeason(name, closest(name, plan.seasons.map((s) => s.name)).join('、')));
    const index = plan.seasons.indexOf(found);
    if (options.clear) {
      if (options.from !== undefined || options.to !== undefined) throw new PlanError(ctx.msg.seasonClearWithDates);
      const file = fileOfKind(loaded, 'plan')!;
      return {
        file,
        summary: ctx.msg.clearedSeason(found.name, file.path),
        change: (doc) => {
          const map = mapAt(doc, ['seasons', index]);
          deleteKey(map, 'from');
          deleteKey(map, 'to');
        },
      };
    }
    if (options.from === undefined && options.to === undefined) throw new PlanError(ctx.msg.seasonNeedsDates);
    const from = dateOption(ctx, '--from', options.from, plan.period) ?? found.from;
    const to = dateOption(ctx, '--to', options.to, plan.period) ?? found.to;
    if (from !== undefined && to !== undefined && to < from) throw new PlanError(ctx.msg.seasonEndsBeforeStart(found.name, from, to));
    const file = fileOfKind(loaded, 'plan')!;
    return {
      file,
      summary:
        found.from !== undefined || found.to !== undefined
          ? ctx.msg.recordedSeasonReplacing(found.name, from ?? null, to ?? null, found.from ?? null, found.to ?? null, file.path)
          : ctx.msg.recordedSeason(found.name, from ?? null, to ?? null, file.path),
      change: (doc) => {
        const map = mapAt(doc, ['seasons', index]);
        if (from !== undefined) setKey(map, 'from', from, SEASON_ORDER);
        if (to !== undefined) setKey(map, 'to', to, SEASON_ORDER);
      },
    };
  });
}
