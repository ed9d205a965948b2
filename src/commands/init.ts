import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from '../context.js';
import { EXIT, PlanError, shownPath, type ExitCode } from '../errors.js';
import type { Lang } from '../i18n/index.js';
import { todayIn } from '../model/dates.js';
import { DEFAULT_TIMEZONE } from '../model/plan.js';
import { domainYaml, peopleYaml, planYaml, type NewPlan } from './init-templates.js';
import { dateOption } from './shared.js';

export interface InitOptions {
  year?: string;
  title?: string;
  issuer?: string;
  issued?: string;
}

/** The package's schemas/ folder: the first folder up from this code's that has one (src/commands/ or dist/). */
export function schemasDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'schemas', 'plan.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'schemas');
}

/**
 * `plan init [DIR]`: a new data folder that passes plan check: plan.yaml for the year, an empty
 * people.yaml and one domain file with a commented example task, each with the modeline that lets
 * an editor check it against the package's schemas from wherever the folder is. An existing
 * folder with anything in it is left alone.
 */
export function init(ctx: Context, dir: string | undefined, options: InitOptions): ExitCode {
  const target = dir === undefined ? ctx.dataDir : resolve(ctx.io.cwd, dir);
  const shown = shownPath(ctx.io.cwd, target);
  if (existsSync(target) && readdirSync(target).some((name) => !name.startsWith('.'))) throw new PlanError(ctx.msg.initNotEmpty(shown));
  const today = todayIn(DEFAULT_TIMEZONE, ctx.io.now());
  const year = options.year === undefined ? Number(today.slice(0, 4)) : yearOption(ctx, options.year);
  const period = { start: `${year}-01-01`, end: `${year}-12-31` };
  const issued = dateOption(ctx, '--issued', options.issued, period) ?? period.start;
  // The modelines point at the schemas by a path from the folder, so the editor finds them wherever the folder is.
  const schemas = (path: string) => relative(path, schemasDir()).split(sep).join('/');
  const plan: NewPlan = { title: options.title ?? ctx.msg.initTitle(year), issuer: options.issuer ?? ctx.msg.initIssuer, issued, year, schemas: schemas(target) };
  const lang: Lang = ctx.lang;
  mkdirSync(join(target, 'domains'), { recursive: true });
  writeFileSync(join(target, 'plan.yaml'), planYaml(plan, lang), { flag: 'wx' });
  writeFileSync(join(target, 'people.yaml'), peopleYaml(plan, lang), { flag: 'wx' });
  writeFileSync(join(target, 'domains', '01-gz.yaml'), domainYaml({ ...plan, schemas: schemas(join(target, 'domains')) }, lang), { flag: 'wx' });
  ctx.io.stdout(ctx.msg.initDone(shown, dir === undefined ? '' : ` --data ${shown}`));
  return EXIT.ok;
}

/** --year: a year from 2000 to 2100. */
export function yearOption(ctx: Context, value: string): number {
  if (!/^\d{4}$/.test(value) || Number(value) < 2000 || Number(value) > 2100) throw new PlanError(ctx.msg.badYear(value));
  return Number(value);
}
