import type { Context } from '../context.js';
import { fileOfKind, locateTarget } from '../edit/address.js';
import { runEdit } from '../edit/session.js';
import { appendTo, mapAt, setKey, deleteKey, ENTERPRISE_ORDER, TARGET_ORDER, TOWN_ORDER } from '../edit/yaml-edit.js';
import { PlanError, type ExitCode } from '../errors.js';
import { monthOf } from '../model/dates.js';
import { closest, monthInput, numberInput, recordingDate } from './shared.js';

export interface RecordOptions {
  on?: string;
  force: boolean;
  dryRun: boolean;
}

/** `plan certify ENTERPRISE`: records that an enterprise reached standardization. */
export function certify(ctx: Context, query: string, options: RecordOptions & { expires?: string }): Promise<ExitCode> {
  return runEdit(ctx, options.dryRun, (plan, loaded) => {
    const byId = plan.enterprises.findIndex((e) => e.id === query.toUpperCase());
    const byName = plan.enterprises.flatMap((e, i) => (e.name === query ? [i] : []));
    const index = byId >= 0 ? byId : byName.length === 1 ? byName[0]! : -1;
    if (index < 0) {
      const partial = plan.enterprises.filter((e) => e.name.includes(query)).map((e) => `${e.id} ${e.name}`);
      const near = partial.length > 0 ? partial.slice(0, 5) : closest(query, plan.enterprises.map((e) => `${e.id} ${e.name}`));
      throw new PlanError(byName.length > 1 ? ctx.msg.ambiguousEnterprise(query, near.join('；')) : ctx.msg.unknownEnterprise(query, near.join('；')));
    }
    const date = recordingDate(ctx, plan, options, plan.period.start);
    const expires = options.expires === undefined ? undefined : monthInput(ctx, '--expires', options.expires, plan.period);
    if (expires !== undefined && expires < monthOf(date)) throw new PlanError(ctx.msg.expiresBeforeCertified(expires, date));
    const enterprise = plan.enterprises[index]!;
    const file = fileOfKind(loaded, 'enterprises')!;
    return {
      file,
      summary: ctx.msg.recordedCertified(`${enterprise.id} ${enterprise.name}`, date, file.path),
      change: (doc) => {
        const map = mapAt(doc, ['enterprises', index]);
        setKey(map, 'status', 'certified', ENTERPRISE_ORDER);
        // The old certificate's expiry month says nothing about the new one.
        if (expires !== undefined) setKey(map, 'expires', expires, ENTERPRISE_ORDER);
        else deleteKey(map, 'expires');
        setKey(map, 'certified_on', date, ENTERPRISE_ORDER);
      },
    };
  });
}

/** `plan target TARGET-ID VALUE`: records a measured figure for a target. */
export function target(ctx: Context, targetId: string, value: string, options: RecordOptions & { note?: string }): Promise<ExitCode> {
  return runEdit(ctx, options.dryRun, (plan, loaded) => {
    const location = locateTarget(plan, loaded, targetId.toUpperCase());
    if (!location) throw new PlanError(ctx.msg.unknownTarget(targetId));
    const figure = numberInput(ctx, `<${ctx.msg.cli.placeholders.value ?? 'value'}>`, value, { decimals: true, negative: true });
    const date = recordingDate(ctx, plan, options, plan.period.start);
    return {
      file: location.file,
      summary: ctx.msg.recordedFigure(targetId.toUpperCase(), String(figure), date, location.file.path),
      change: (doc) => {
        const entry = { date, value: figure, ...(options.note !== undefined && { note: options.note }) };
        appendTo(doc, mapAt(doc, location.path), 'actuals', entry, TARGET_ORDER);
      },
    };
  });
}

/** `plan town TOWN --achieved N`: records a town's standardization progress. */
export function town(ctx: Context, name: string, options: RecordOptions & { achieved: string; aboveScale?: string }): Promise<ExitCode> {
  return runEdit(ctx, options.dryRun, (plan, loaded) => {
    const index = plan.towns.findIndex((t) => t.name === name);
    if (index < 0) throw new PlanError(ctx.msg.unknownTownName(name, closest(name, plan.towns.map((t) => t.name)).join('、')));
    const achieved = numberInput(ctx, '--achieved', options.achieved, { decimals: false, negative: false });
    const aboveScale = options.aboveScale === undefined ? undefined : numberInput(ctx, '--above-scale', options.aboveScale, { decimals: false, negative: false });
    const date = recordingDate(ctx, plan, options, plan.period.start);
    const file = fileOfKind(loaded, 'towns')!;
    return {
      file,
      summary: ctx.msg.recordedTown(name, String(achieved), date, file.path),
      change: (doc) => {
        const entry = {
          date,
          achieved_total: achieved,
          ...(aboveScale !== undefined && { achieved_above_scale: aboveScale }),
        };
        appendTo(doc, mapAt(doc, ['towns', index]), 'progress', entry, TOWN_ORDER);
      },
    };
  });
}
