import { resolve } from 'node:path';

/** Data folder: --data, else $PLAN_DATA, else ./data. */
export function resolveDataDir(option: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  return resolve(cwd, option ?? env.PLAN_DATA ?? 'data');
}
