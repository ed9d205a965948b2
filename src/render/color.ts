import { Chalk, type ChalkInstance } from 'chalk';

export type Colors = ChalkInstance;

/**
 * The one chalk instance of a run. Colour only on a terminal, never under NO_COLOR or --no-color;
 * FORCE_COLOR turns it on for tests and pipes that want it.
 */
export function makeColors(options: { color: boolean; isTTY: boolean; env: NodeJS.ProcessEnv }): Colors {
  const { env } = options;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const disabled = !options.color || (env.NO_COLOR !== undefined && env.NO_COLOR !== '');
  const level = disabled ? 0 : forced || options.isTTY ? 1 : 0;
  return new Chalk({ level });
}
